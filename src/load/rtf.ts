import { UnsupportedFormatError } from "../errors.js";
import type { Loader } from "./types.js";

// Placeholder: the rtf reader lands with the loaders issue (4).
export const rtfLoader: Loader = {
  format: "rtf",
  async load(_bytes, options) {
    throw new UnsupportedFormatError("unsupported-format", "reading rtf files is not implemented yet", options.path ?? null);
  },
};
