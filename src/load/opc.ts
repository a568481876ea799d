import JSZip from "jszip";
import { CorruptFileError, LimitError, readableReason, UnsupportedFormatError } from "../errors.js";
import { attr, childrenNamed, local, parseXml, type XmlElement } from "./docx/xml.js";
import { decodeUtf8 } from "./utf8.js";

/** Parts and relationships of an Office Open XML package (DOCX, XLSX, PPTX). */

/**
 * What one package may decompress to. A zip bomb (a few hundred KB that inflate to gigabytes)
 * is refused from the sizes its directory declares, and, should those lie, stopped while
 * inflating once the bytes pass the limit.
 */
export const ZIP_LIMITS = { entryBytes: 64 * 2 ** 20, totalBytes: 256 * 2 ** 20, entries: 20_000, ratio: 100, ratioGraceBytes: 4 * 2 ** 20 };
// `ratio`: past its first `ratioGraceBytes`, a part may inflate to at most this many times its
// compressed size (Apache POI's zip-bomb rule and ratio). Real DOCX parts inflate up to ~26
// times (the corpus' largest document.xml: 2.4 MB from 95 KB); a bomb hundreds of times, and it
// filled up to 64 MB of buffers before the size cap stopped it: two workers doing so at once
// made a hostile batch's peak memory.

/** A size in whole megabytes, as the zip limits are stated. */
export const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
const bytesFigure = (n: number) => (n < 2 ** 20 ? `${Math.max(1, Math.round(n / 1024))} KB` : mb(n));

interface ZipStream {
  on(event: "data", fn: (chunk: Uint8Array) => void): ZipStream;
  on(event: "error", fn: (err: Error) => void): ZipStream;
  on(event: "end", fn: () => void): ZipStream;
  resume(): ZipStream;
  pause(): ZipStream;
}

/** Bytes inflated so far, per package (the loaders keep no other state). */
const inflated = new WeakMap<JSZip, { used: number }>();

/**
 * An Office Open XML package's zip, its entry count checked before anything is inflated; a file
 * that is no readable zip is a corrupt-file error naming the kind (`cannot read this xlsx file: …`).
 */
export async function openPackage(bytes: Uint8Array, kind: "docx" | "xlsx" | "pptx", file: string | null): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    const reason = readableReason(err);
    throw new CorruptFileError("corrupt-file", `cannot read this ${kind} file: not a readable zip archive${reason ? ` (${reason})` : ""}`, file, { cause: err });
  }
  checkEntries(zip, file);
  return zip;
}

/**
 * The package's main part — the target of its `officeDocument` relationship, or `fallback` — whose
 * root element must be `root`; otherwise the zip is not this kind of document.
 */
export async function mainPart(zip: JSZip, kind: "xlsx" | "pptx", fallback: string, root: string, what: string, file: string | null): Promise<{ path: string; element: XmlElement }> {
  const rootRels = await relationships(zip, "");
  const path = rootRels.find((r) => /\/officeDocument$/.test(r.type))?.target ?? fallback;
  const element = await readPart(zip, path);
  if (!element || local(element.name) !== root) throw new UnsupportedFormatError("unsupported-format", `a zip archive without ${what} (${fallback}): not a .${kind}`, file);
  return { path, element };
}

/** An archive with more entries than any document has: refused before anything is inflated. */
export function checkEntries(zip: JSZip, file: string | null): void {
  const entries = Object.keys(zip.files).length;
  if (entries > ZIP_LIMITS.entries) throw new LimitError("limit", `the archive holds ${entries} entries, over the limit of ${ZIP_LIMITS.entries}`, file);
}

/**
 * One entry taken out on its own (a document inside a zip archive that `vanban convert` reads):
 * the per-package budget starts afresh, the per-part limit holds.
 */
export function inflateAlone(zip: JSZip, entry: JSZip.JSZipObject): Promise<Uint8Array> {
  inflated.delete(zip);
  return inflate(zip, entry);
}

/** Inflates one entry, counting bytes as they come: past a limit it stops and throws. */
function inflate(zip: JSZip, entry: JSZip.JSZipObject): Promise<Uint8Array> {
  const declared = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
  if (typeof declared === "number" && declared > ZIP_LIMITS.entryBytes) {
    return Promise.reject(tooLarge(`the part ${entry.name} declares ${mb(declared)} uncompressed`));
  }
  const compressed = (entry as unknown as { _data?: { compressedSize?: number } })._data?.compressedSize;
  const maxRatioBytes = typeof compressed === "number" && compressed > 0 ? compressed * ZIP_LIMITS.ratio : Infinity;
  let budget = inflated.get(zip);
  if (!budget) inflated.set(zip, (budget = { used: 0 }));
  const total = budget;
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    const stop = (err: unknown) => {
      if (settled) return;
      settled = true;
      stream.pause();
      reject(err);
    };
    // JSZip's own chunked stream (public, but missing from its type declarations)
    const stream = (entry as unknown as { internalStream(type: "uint8array"): ZipStream }).internalStream("uint8array");
    stream
      .on("data", (chunk: Uint8Array) => {
        if (settled) return;
        size += chunk.length;
        total.used += chunk.length;
        if (size > ZIP_LIMITS.entryBytes) return stop(tooLarge(`the part ${entry.name} inflates to more than ${mb(ZIP_LIMITS.entryBytes)}`));
        if (total.used > ZIP_LIMITS.totalBytes) return stop(tooLarge(`its parts inflate to more than ${mb(ZIP_LIMITS.totalBytes)}`));
        if (size > ZIP_LIMITS.ratioGraceBytes && size > maxRatioBytes) {
          return stop(new LimitError("too-large", `the part ${entry.name} inflates to more than ${ZIP_LIMITS.ratio} times its compressed size (${bytesFigure(compressed!)} → over ${bytesFigure(size)}): a zip bomb?`));
        }
        chunks.push(chunk);
      })
      .on("error", (err: Error) => stop(err))
      .on("end", () => {
        if (settled) return;
        settled = true;
        resolve(concatChunks(chunks, size));
      })
      .resume();
  });
}

/** The chunks as one array, without Node's Buffer (the loader runs in the browser too). */
function concatChunks(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** (the loader's catch adds the file name: `toVanbanError(err, file)`) */
function tooLarge(what: string): LimitError {
  return new LimitError("too-large", `${what}: over the limit of ${mb(ZIP_LIMITS.entryBytes)} a part and ${mb(ZIP_LIMITS.totalBytes)} a package (a zip bomb?)`);
}

export async function readPart(zip: JSZip, path: string): Promise<XmlElement | undefined> {
  const entry = zip.file(path);
  if (!entry) return undefined;
  return parseXml(decodeUtf8(await inflate(zip, entry)));
}

/** Relationships of a part, with targets resolved against the part's folder. */
export async function relationships(zip: JSZip, partPath: string): Promise<{ id: string; type: string; target: string }[]> {
  const dir = partPath.includes("/") ? partPath.slice(0, partPath.lastIndexOf("/") + 1) : "";
  const relsPath = `${dir}_rels/${partPath.slice(dir.length)}.rels`;
  const root = await readPart(zip, relsPath);
  if (!root) return [];
  return childrenNamed(root, "Relationship")
    .filter((r) => attr(r, "TargetMode") !== "External")
    .map((r) => ({ id: attr(r, "Id") ?? "", type: attr(r, "Type") ?? "", target: resolvePath(dir, attr(r, "Target") ?? "") }));
}

export function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p && p !== ".") out.push(p);
  }
  return out.join("/");
}

/** The relationship id of an element (`r:id`), not its own `id` attribute. */
export function relId(el: XmlElement): string | undefined {
  for (const k in el.attrs) if (k.includes(":") && k.slice(k.indexOf(":") + 1) === "id") return el.attrs[k];
  return undefined;
}
