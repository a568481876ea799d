import { UnsupportedFormatError } from "../errors.js";
import type { Loader } from "./types.js";

// Placeholder: the pdf reader lands with the loaders issue (4).
export const pdfLoader: Loader = {
  format: "pdf",
  async load(_bytes, options) {
    throw new UnsupportedFormatError("unsupported-format", "reading pdf files is not implemented yet", options.path ?? null);
  },
};
