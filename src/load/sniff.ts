import type CFBModule from "cfb";
import { createRequire } from "node:module";
import { OLE_KINDS } from "../../grammars/file-kinds.js";
import { UnsupportedFormatError } from "../errors.js";

export { refuseOtherKinds, zipFormat, type ZipFormat } from "./detect.js";

/**
 * Which Office kind a compound file (OLE2) or a zip holds, from the names of its parts: a
 * compound file's streams at the root (`WordDocument`, `Workbook`, `PowerPoint Document`,
 * `VisioDocument`…), a zip's entry names (`word/`, `xl/`, `ppt/`) or an OpenDocument `mimetype`.
 * A kind vanban does not read is an `unsupported-format` error that names it.
 */

export type OleFormat = "doc" | "xls" | "ppt";

/**
 * The compound-file reader, loaded (synchronously: detectFormat is synchronous) the first time a
 * compound file comes: a batch of text files, and a `convert` worker's start-up, never pay for it.
 */
let cfbModule: typeof CFBModule | null = null;
const CFB = (): typeof CFBModule => (cfbModule ??= createRequire(import.meta.url)("cfb") as typeof CFBModule);

/** Root-level stream and storage names of a compound file; by scanning its directory's UTF-16 names when it does not parse. */
function rootNames(bytes: Uint8Array): string[] {
  try {
    const cfb = CFB().read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: "buffer" });
    return cfb.FullPaths.map((p) => p.replace(/\/$/, "").split("/")).filter((parts) => parts.length === 2).map((parts) => parts[1]);
  } catch {
    // a damaged file: the directory's names still stand in it as UTF-16 (false hits at any depth)
    const names: string[] = [];
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength & ~1).toString("utf16le");
    for (const k of OLE_KINDS) for (const n of k.names) if (text.includes(n + "\0")) names.push(n);
    return names;
  }
}

export function oleFormat(bytes: Uint8Array, file: string | null): OleFormat {
  const names = new Set(rootNames(bytes));
  for (const kind of OLE_KINDS) {
    if (!kind.names.some((n) => names.has(n))) continue;
    if (kind.format) return kind.format as OleFormat;
    throw new UnsupportedFormatError("unsupported-format", `a ${kind.kind} file, which vanban does not read`, file);
  }
  // nothing known at the root: let the Word reader say what is wrong with it, as before
  return "doc";
}
