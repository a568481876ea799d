/**
 * Where pdf.js's worker script and data folders (`cmaps/`, `standard_fonts/`, `wasm/`) are served
 * from. The default is the `pdfjs/` folder next to the bundle and its chunks, as `npm run build:browser` lays it out.
 */
export interface PdfAssets {
  /** URL of `pdf.worker.mjs` (pdfjs-dist/legacy/build) */
  workerSrc: string;
  /** URL of the folder holding `cmaps/`, `standard_fonts/` and `wasm/`, ending in `/` */
  dataUrl: string;
}

let assets: PdfAssets | null = null;

export function setPdfAssets(next: Partial<PdfAssets>): void {
  assets = { ...pdfAssets(), ...next };
}

export function pdfAssets(): PdfAssets {
  if (assets) return assets;
  const base = new URL("pdfjs/", import.meta.url).href;
  return { workerSrc: `${base}pdf.worker.mjs`, dataUrl: base };
}
