// Bare pdf.js, as the bench and scripts/measure-pdf.mjs measure vanban's PDF parse against it:
// every page's text content and nothing else, with the options vanban's loader gives pdf.js.
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

/** The folder of the pdfjs-dist package the checkout at `root` resolves. */
export function pdfjsRootOf(root) {
  return dirname(createRequire(join(root, "package.json")).resolve("pdfjs-dist/package.json"));
}

/** getDocument's options beside the data: its own cmaps, fonts and wasm, no eval, no font faces. */
export function bareOptions(pdfjsRoot) {
  return {
    cMapUrl: `${pdfjsRoot}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${pdfjsRoot}/standard_fonts/`, wasmUrl: `${pdfjsRoot}/wasm/`,
    isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
  };
}

/** Every page's getTextContent() of `bytes` with pdf.js module `pdfjs`; returns pages and characters. */
export async function bareText(pdfjs, options, bytes) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), ...options }).promise;
  let chars = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const tc = await page.getTextContent();
    for (const it of tc.items) chars += it.str?.length ?? 0;
    page.cleanup();
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, chars };
}
