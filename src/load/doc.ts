import { UnsupportedFormatError } from "../errors.js";
import type { Loader } from "./types.js";

// Placeholder: the doc reader lands with the loaders issue (4).
export const docLoader: Loader = {
  format: "doc",
  async load(_bytes, options) {
    throw new UnsupportedFormatError("unsupported-format", "reading doc files is not implemented yet", options.path ?? null);
  },
};
