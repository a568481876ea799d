import type JSZip from "jszip";
import { toVanbanError } from "../errors.js";
import { ARCHIVE_SEPARATOR, isArchiveName, splitArchivePath } from "../load/archive-path.js";
import { compareNames, skipRuleOf, type Rejected, type Skipped } from "./inputs.js";

/**
 * A listing with each zip archive replaced by the documents inside it (`kho.zip!/cv.docx`), in
 * name order, archives inside archives too (to the depth `ARCHIVE_LIMITS` of src/load/archive.ts allows). Hidden and system
 * entries go to `skipped` as a folder walk's do; an archive that cannot be opened, or nests too
 * deep, stays in the listing with its reason in `rejected` (it gets an error record). The zip
 * reader is loaded with the first archive: a batch of folders never loads it.
 */
export async function* withArchiveEntries(paths: AsyncIterable<string> | Iterable<string>, rejected: Map<string, Rejected>, skipped: Skipped[]): AsyncGenerator<string> {
  for await (const path of paths) {
    if (!isArchiveName(path) || splitArchivePath(path) || rejected.has(path)) {
      yield path;
      continue;
    }
    const found: string[] = [];
    const before = skipped.length;
    try {
      const reader = await zipReader();
      await listInto(reader, path, await reader.openArchive(await reader.readArchiveFile(path), null), 1, found, rejected, skipped);
    } catch (err) {
      // not readable as a zip archive (or not a regular file): the archive's own error record says why
      const e = toVanbanError(err, null, "listing this zip archive");
      rejected.set(path, { code: e.code, message: e.message });
      yield path;
      continue;
    }
    if (!found.length && skipped.length === before) {
      rejected.set(path, { code: "empty-file", message: "a zip archive with no files in it" });
      yield path;
      continue;
    }
    for (const p of found) yield p;
  }
}

type ZipReader = typeof import("../load/archive.js") & Pick<typeof import("../load/opc.js"), "inflateAlone">;
let loaded: ZipReader | null = null;
/** The archive reader and its zip library, loaded once, when a batch first meets an archive. */
async function zipReader(): Promise<ZipReader> {
  if (!loaded) {
    const [archive, { inflateAlone }] = await Promise.all([import("../load/archive.js"), import("../load/opc.js")]);
    loaded = { ...archive, inflateAlone };
  }
  return loaded;
}

async function listInto(reader: ZipReader, label: string, zip: JSZip, depth: number, found: string[], rejected: Map<string, Rejected>, skipped: Skipped[]): Promise<void> {
  const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name).sort(compareNames);
  const skippedHere = new Set<string>();
  for (const name of names) {
    const segments = name.split("/");
    const at = segments.findIndex((s) => skipRuleOf(s) !== null);
    if (at >= 0) {
      // a hidden or system folder once (`kho.zip!/__MACOSX/`), not each file in it
      const shown = label + ARCHIVE_SEPARATOR + segments.slice(0, at + 1).join("/") + (at < segments.length - 1 ? "/" : "");
      if (!skippedHere.has(shown)) skipped.push({ path: shown, rule: skipRuleOf(segments[at])! });
      skippedHere.add(shown);
      continue;
    }
    const inner = label + ARCHIVE_SEPARATOR + name;
    if (!isArchiveName(name)) {
      found.push(inner);
      continue;
    }
    if (depth >= reader.ARCHIVE_LIMITS.depth) {
      rejected.set(inner, { code: "limit", message: `a zip archive inside ${depth} others, past the limit of ${reader.ARCHIVE_LIMITS.depth} levels; not opened` });
      found.push(inner);
      continue;
    }
    const before = found.length;
    const skippedBefore = skipped.length;
    try {
      await listInto(reader, inner, await reader.openArchive(await reader.inflateAlone(zip, zip.file(name)!), null), depth + 1, found, rejected, skipped);
    } catch (err) {
      const e = toVanbanError(err, null, "listing this zip archive");
      rejected.set(inner, { code: e.code, message: e.message });
      found.push(inner);
      continue;
    }
    if (found.length === before && skipped.length === skippedBefore) {
      rejected.set(inner, { code: "empty-file", message: "a zip archive with no files in it" });
      found.push(inner);
    }
  }
}
