/*
 * Page images for OCR without the seals' red: pure pixel code, shared by the pdftoppm renderer
 * (Node) and pdf.js's own rendering.
 */

/** Below this share of the page's height, red is a seal's and is washed out before OCR. */
export const SEAL_FREE_TOP = 0.2;

/**
 * A colour page image (binary PPM, `P6`) → a grey one (binary PGM, `P5`) with its red washed out
 * below the top fifth of the page. Seals (con dấu) are red and lie over the signature title and
 * name, where OCR reads them as noise (`ỜNL. CHỦ TỊCH` for `TL. CHỦ TỊCH`) or loses the line; an
 * urgency stamp (`HỎA TỐC`, red too) stands at the top and is kept.
 */
export function washOutSeals(ppm: Uint8Array): Uint8Array {
  let pos = 0;
  const token = () => {
    while (pos < ppm.length && (ppm[pos] <= 0x20 || ppm[pos] === 0x23)) {
      if (ppm[pos] === 0x23) while (pos < ppm.length && ppm[pos] !== 0x0a) pos++; // a # comment
      else pos++;
    }
    let t = "";
    while (pos < ppm.length && ppm[pos] > 0x20) t += String.fromCharCode(ppm[pos++]);
    return t;
  };
  const magic = token(), w = Number(token()), h = Number(token()), max = Number(token());
  pos++;
  if (magic !== "P6" || !(w > 0 && h > 0) || max !== 255 || ppm.length < pos + w * h * 3) throw new Error("not an 8-bit binary PPM image");
  return greyPgm(ppm, pos, 3, w, h);
}

/**
 * RGBA pixels (a canvas's `getImageData`, as pdf.js draws a page) → a grey binary PGM with the
 * seals' red washed out, as {@link washOutSeals} does for pdftoppm's pages.
 */
export function rgbaToPgmWithoutSeals(rgba: Uint8Array | Uint8ClampedArray, w: number, h: number): Uint8Array {
  if (rgba.length < w * h * 4) throw new Error("fewer pixels than the image's size");
  return greyPgm(rgba, 0, 4, w, h);
}

function greyPgm(px: Uint8Array | Uint8ClampedArray, start: number, stride: number, w: number, h: number): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${w} ${h}\n255\n`);
  const out = new Uint8Array(head.length + w * h);
  out.set(head, 0);
  const top = Math.floor(h * SEAL_FREE_TOP) * w;
  for (let i = 0, j = start; i < w * h; i++, j += stride) {
    const r = px[j], g = px[j + 1], b = px[j + 2];
    out[head.length + i] = i >= top && r - Math.max(g, b) > 50 ? 255 : Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  return out;
}
