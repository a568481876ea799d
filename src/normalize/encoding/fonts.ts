import type { Encoding } from "../../record/schema.js";
import { FONT_RULES, SYMBOL_FONTS } from "../../../grammars/encodings/fonts.js";
import { BoundedMemo } from "../../text/memo.js";

const FONT_RES = FONT_RULES.map((r) => ({ re: new RegExp(r.pattern, "i"), rule: r }));

// a batch of hostile PDFs names thousands of fonts: bounded like every memo of a worker
const fontCache = new BoundedMemo<{ encoding: Encoding; capitals: boolean } | null>(1024, 128);
/** The legacy encoding a font name implies (`.VnTimeH` → TCVN3 capitals), or null for other fonts. */
export function encodingOfFont(fontName: string): { encoding: Encoding; capitals: boolean } | null {
  let hit = fontCache.get(fontName);
  if (hit !== undefined) return hit;
  const name = fontName.trim().replace(/^[A-Z]{6}\+/, "");
  hit = null;
  for (const { re, rule } of FONT_RES) {
    if (re.test(name)) {
      hit = rule.encoding === "unicode" || rule.encoding === "other" ? null : { encoding: rule.encoding, capitals: rule.capitals };
      break;
    }
  }
  return fontCache.set(fontName, hit);
}


const SYMBOL_RES = SYMBOL_FONTS.map((p) => new RegExp(p, "i"));
/** A symbol or dingbat font (Symbol, Wingdings): its characters are pictures, never legacy text. */
export function isSymbolFont(fontName: string): boolean {
  const name = fontName.trim().replace(/^[A-Z]{6}\+/, "");
  return SYMBOL_RES.some((re) => re.test(name));
}
