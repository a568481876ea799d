/**
 * The pages of a multi-page TIFF (how many archives were digitised) as one-page TIFFs, so that
 * each page is read on its own: tesseract.js reads only a file's first page, and page by page
 * the CLI can show progress and the time limit can grow with the pages.
 *
 * A TIFF is a chain of image directories (IFDs), each pointing at its image's data anywhere in
 * the file; page k is the same bytes with the header pointing at the k-th directory and that
 * directory's link to the next cut. Nothing is decoded or re-encoded.
 */

/** More directories than this and the chain is taken to loop or to be junk. */
export const MAX_TIFF_PAGES = 2000;

/** A file's pages: how many, and each one as a one-page file of its own (made when asked for). */
export interface ImagePages {
  count: number;
  page(index: number): Uint8Array;
}

const single = (bytes: Uint8Array): ImagePages => ({ count: 1, page: () => bytes });

/**
 * One TIFF a page, in page order; the bytes unchanged as one page for a one-page TIFF, for
 * BigTIFF (64-bit offsets, rare for scans) and for anything that is not a classic TIFF.
 */
export function tiffPages(bytes: Uint8Array): ImagePages {
  if (bytes.length < 8) return single(bytes);
  const little = bytes[0] === 0x49 && bytes[1] === 0x49;
  const big = bytes[0] === 0x4d && bytes[1] === 0x4d;
  if (!little && !big) return single(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(2, little) !== 42) return single(bytes);
  // each page: where its directory starts, and where its next-directory link stands
  const pages: { ifd: number; link: number }[] = [];
  const seen = new Set<number>();
  let ifd = view.getUint32(4, little);
  while (ifd !== 0 && pages.length < MAX_TIFF_PAGES) {
    if (seen.has(ifd) || ifd + 2 > bytes.length) break;
    seen.add(ifd);
    const link = ifd + 2 + view.getUint16(ifd, little) * 12;
    if (link + 4 > bytes.length) break;
    pages.push({ ifd, link });
    ifd = view.getUint32(link, little);
  }
  if (pages.length <= 1) return single(bytes);
  return {
    count: pages.length,
    page(index) {
      const p = pages[index];
      const page = new Uint8Array(bytes);
      const v = new DataView(page.buffer);
      v.setUint32(4, p.ifd, little);
      v.setUint32(p.link, 0, little);
      return page;
    },
  };
}
