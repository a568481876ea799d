import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import JSZip from "jszip";
import { CorruptFileError, InputError, LimitError, readableReason } from "../errors.js";
import { ARCHIVE_SEPARATOR, splitArchivePath } from "./archive-path.js";
import { readRegularFile, readRegularFileSync } from "./file.js";
import { checkEntries, inflateAlone, mb, ZIP_LIMITS } from "./opc.js";

/**
 * Documents inside zip archives, as `vanban convert` reads them: each has the path
 * `kho.zip!/2024/cv.docx` (`a.zip!/b.zip!/c.pdf` when archives nest), and is taken out of its
 * archive by the worker that reads it, never written to disk. An archive is refused past the
 * limits below; each of its entries keeps the zip limits of Office packages (src/load/opc.ts).
 */
export const ARCHIVE_LIMITS = {
  /** archives inside archives: `a.zip!/b.zip!/c.zip!/d.pdf` is as deep as it goes */
  depth: 3,
  /** an archive is read whole into memory (by the listing, and by each worker that reads from it) */
  archiveBytes: 512 * 2 ** 20,
  /** entries of one archive (the Office package limit) */
  entries: ZIP_LIMITS.entries,
  /** what one entry may inflate to (the Office part limit) */
  entryBytes: ZIP_LIMITS.entryBytes,
};


/** A zip archive's directory, read (nothing inflated yet); a named error when it cannot be. */
export async function openArchive(bytes: Uint8Array, label: string | null): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    const reason = readableReason(err);
    if (/encrypt/i.test(reason ?? "")) throw new CorruptFileError("encrypted", "a password-protected zip archive: vanban cannot open it", label, { cause: err });
    throw new CorruptFileError("corrupt-file", `cannot read this zip archive${reason ? `: ${reason}` : ""}`, label, { cause: err });
  }
  checkEntries(zip, label);
  return zip;
}

/** An archive file's bytes, refused unread past {@link ARCHIVE_LIMITS.archiveBytes}. */
export async function readArchiveFile(path: string): Promise<Uint8Array> {
  const size = await stat(path).then((s) => s.size, () => 0);
  if (size > ARCHIVE_LIMITS.archiveBytes) {
    throw new LimitError("too-large", `a zip archive of ${mb(size)}, over the ${mb(ARCHIVE_LIMITS.archiveBytes)} vanban opens (unzip it and convert the folder)`, path);
  }
  return readRegularFile(path);
}

/** The last archive a worker opened: the entries of one archive reach a worker one after another. */
let cached: { path: string; mtimeMs: number; size: number; zip: JSZip } | null = null;

async function outerArchive(path: string): Promise<JSZip> {
  const st = await stat(path).catch(() => null);
  if (st && cached && cached.path === path && cached.mtimeMs === st.mtimeMs && cached.size === st.size) return cached.zip;
  const zip = await openArchive(await readArchiveFile(path), path);
  cached = st ? { path, mtimeMs: st.mtimeMs, size: st.size, zip } : null;
  return zip;
}

/**
 * A document's bytes by its path: a regular file (read blocking, as a `convert` worker wants:
 * see readRegularFileSync), or an entry of a zip archive (`kho.zip!/cv.docx`), `maxBytes`
 * checked either way.
 */
export async function readInput(path: string, options: { maxBytes?: number } = {}): Promise<Uint8Array> {
  const parts = splitArchivePath(path);
  // a folder really named `x.zip!` is a folder
  if (!parts || existsSync(path)) return readRegularFileSync(path, options);
  let zip = await outerArchive(parts[0]);
  let label = parts[0];
  let bytes: Uint8Array = new Uint8Array(0);
  for (let i = 1; i < parts.length; i++) {
    const entry = zip.file(parts[i]);
    if (!entry) throw new InputError("unreadable-file", `the archive ${label} holds no ${parts[i]}`, path);
    bytes = await inflateAlone(zip, entry);
    label += ARCHIVE_SEPARATOR + parts[i];
    if (i < parts.length - 1) zip = await openArchive(bytes, label);
  }
  if (options.maxBytes && bytes.length > options.maxBytes) {
    throw new LimitError("too-large", `the file is ${mb(bytes.length)} once out of its archive, over the limit of ${mb(options.maxBytes)} (--max-size)`, path);
  }
  return bytes;
}
