import { UnsupportedFormatError } from "../errors.js";
import type { Loader } from "./types.js";

// Placeholder: the docx reader lands with the loaders issue (4).
export const docxLoader: Loader = {
  format: "docx",
  async load(_bytes, options) {
    throw new UnsupportedFormatError("unsupported-format", "reading docx files is not implemented yet", options.path ?? null);
  },
};
