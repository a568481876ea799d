import { UnsupportedFormatError } from "../errors.js";
import type { Loader } from "./types.js";

// Placeholder: the html reader lands with the loaders issue (4).
export const htmlLoader: Loader = {
  format: "html",
  async load(_bytes, options) {
    throw new UnsupportedFormatError("unsupported-format", "reading html files is not implemented yet", options.path ?? null);
  },
};
