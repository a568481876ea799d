import { CorruptFileError, toVanbanError } from "../errors.js";
import { parseRtf, RtfError } from "./rtf/parse.js";
import type { LoadedDocument, Loader } from "./types.js";
import { collapseBlankLines } from "./blank-lines.js";

/**
 * RTF: our own small reader (src/load/rtf/parse.ts). The npm RTF parsers are unmaintained or
 * render to HTML for browsers; none keeps the font of each run, which TCVN3 and VNI text needs.
 */
export const rtfLoader: Loader = {
  format: "rtf",
  async load(bytes, options) {
    const file = options.path ?? null;
    let parsed;
    try {
      parsed = parseRtf(bytes);
    } catch (err) {
      if (!(err instanceof RtfError)) throw toVanbanError(err, file, "reading this rtf file");
      throw new CorruptFileError("corrupt-file", `cannot read this rtf file: ${err.message}`, file, { cause: err });
    }
    const lines = [...collapseBlankLines(parsed.lines), ...parsed.footnotes];
    const warnings: LoadedDocument["warnings"] = [];
    if (!lines.some((l) => l.text.trim())) {
      warnings.push({ code: "no-text", message: "the RTF document holds no text (an image-only or empty document?)" });
    }
    return { format: "rtf", pages: null, lines, ocr: false, warnings };
  },
};

