/**
 * How a document inside a zip archive is named: `kho.zip!/2024/cv.docx`. Kept apart from the
 * archive reader (src/load/archive.ts) so that a batch names and recognises archive entries
 * without loading the zip library, which only a batch that meets an archive needs.
 */

/** Between an archive's path and the path of an entry in it. */
export const ARCHIVE_SEPARATOR = "!/";

export const isArchiveName = (path: string) => /\.zip$/i.test(path);

/** `a.zip!/b.zip!/c.pdf` → `["a.zip", "b.zip", "c.pdf"]`; null for a path that names no entry. */
export function splitArchivePath(path: string): string[] | null {
  const parts = path.split(/(?<=\.zip)!\//i);
  return parts.length > 1 && parts.every(Boolean) ? parts : null;
}
