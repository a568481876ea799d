import type { SourceLine, TextRun } from "../../load/types.js";
import type { Encoding, Warning } from "../../record/schema.js";
import { decodeLegacy } from "./decoders.js";
import { blockEncoding, convincing, count, detectScored, LEGACY_CANDIDATES, LEGACY_MARK, score, VIQR_SIGN, type Counts, type Scored } from "./detection.js";
import type { LegacyEncoding } from "./decoders.js";
import { encodingOfFont, isSymbolFont } from "./fonts.js";
import { keepForeignWords } from "./foreign.js";
import { mapped } from "../../text/lists.js";

const NON_ASCII = /[^\u0000-\u007f]/;

interface Piece {
  text: string;
  font: ReturnType<typeof encodingOfFont>;
  /** set in a symbol font: kept as it is */
  keep?: boolean;
}

/**
 * Decode the loader's lines: runs set in a legacy font by their font, the rest by the encoding
 * detected for the document (and, where the document mixes Unicode and legacy lines, per line).
 * Unicode documents come back untouched (the same array), and so does every line decoding leaves
 * as it was (the same object). `marked`: whether any line holds a mark of legacy text
 * ({@link LEGACY_MARK}), asked only of a document with no legacy font (the caller may know it
 * from a pass of its own, which a document in a legacy font then does without).
 */
export function decodeLegacyLines(
  lines: SourceLine[],
  marked: () => boolean = () => lines.some((l) => LEGACY_MARK.test(l.text)),
): { lines: SourceLine[]; encoding: Encoding; warnings: Warning[] } {
  const warnings: Warning[] = [];
  // 0. the fast way out: no legacy font, no legacy mark, some non-ASCII text
  let font = false;
  for (const l of lines) if (l.runs) for (const r of l.runs) if (r.font && encodingOfFont(r.font)) font = true;
  if (!font) {
    // no mark anywhere (a Unicode document): told without counting
    if (!marked()) {
      if (lines.some((l) => NON_ASCII.test(l.text))) return { lines, encoding: "unicode", warnings };
      let hits = 0;
      for (const l of lines) if ((hits += l.text.match(VIQR_SIGN)?.length ?? 0) >= 3) break;
      if (hits < 3) return { lines, encoding: "unicode", warnings };
    } else {
      // a Unicode document with a stray "§" or soft hyphen here and there
      let marks = 0;
      let strong = 0;
      let lineMarksMax = 0;
      for (const l of lines) {
        const c = count(l.text);
        marks += c.marks;
        strong += c.strong;
        if (c.marks > lineMarksMax) lineMarksMax = c.marks;
      }
      if (lineMarksMax < 3 && marks * 50 < strong) return { lines, encoding: "unicode", warnings };
    }
  }
  // 1. which text has no legacy font to go by
  let anyFont = false;
  // (text/lists: why not `map`; this function's optimized code left on meeting the other kind)
  const pieces = mapped(lines, (l): Piece[] => {
    if (!l.runs?.length) return [{ text: l.text, font: null }];
    return l.runs.map((r) => {
      if (r.font && isSymbolFont(r.font)) return { text: r.text, font: null, keep: true };
      const font = r.font ? encodingOfFont(r.font) : null;
      if (font) anyFont = true;
      return { text: r.text, font };
    });
  });
  const lineCounts: Counts[] = [];
  let total: Counts = { marks: 0, strong: 0, nonAscii: 0 };
  let freeText = "";
  pieces.forEach((ps) => {
    const free = ps.filter((p) => !p.font && !p.keep).map((p) => p.text).join("");
    const c = count(free);
    lineCounts.push(c);
    total = { marks: total.marks + c.marks, strong: total.strong + c.strong, nonAscii: total.nonAscii + c.nonAscii };
    freeText += free + "\n";
  });
  // 2. the fast way out: nothing legacy anywhere
  let docEnc: Encoding = "unicode";
  let docScore: Scored | null = null;
  if (total.marks > 0 || total.nonAscii === 0) {
    docScore = detectScored(freeText, total);
    if (docScore && convincing(docScore)) docEnc = docScore.encoding;
  }
  if (!anyFont && docEnc === "unicode" && total.marks === 0) return { lines, encoding: "unicode", warnings };

  // 3. per line: a line with Unicode-only letters and no legacy marks stays; a Unicode document
  //    with a line full of legacy marks gets that line decoded
  const used = new Set<Encoding>();
  let uncertain = 0;
  const freeOf = (k: number) => pieces[k].filter((p) => !p.font && !p.keep).map((p) => p.text).join("");
  // a legacy document decoded block by block: sections typed on different machines (TCVN3 here,
  // VNI there) under one font name, or without fonts. A line whose own words vouch for another
  // encoding switches to it; a line that cannot tell goes with the line before it.
  let blockEnc: (Encoding | null)[] = [];
  if (docEnc !== "unicode" && docEnc !== "viqr") {
    const expected = docEnc as LegacyEncoding;
    blockEnc = lineCounts.map((c, k) => (c.marks > 0 ? blockEncoding(freeOf(k), expected) : null));
    let carry: Encoding | null = null;
    blockEnc = blockEnc.map((e) => (e ? (carry = e) : carry));
    const firstSure = blockEnc.find((e) => e) ?? docEnc;
    blockEnc = blockEnc.map((e) => e ?? firstSure);
  }
  const lineEnc = lineCounts.map((c, k): Encoding => {
    if (docEnc !== "unicode") {
      if (c.strong > 0 && c.marks === 0) return "unicode";
      return blockEnc[k] ?? docEnc;
    }
    if (c.marks >= 2) {
      const text = pieces[k].filter((p) => !p.font && !p.keep).map((p) => p.text).join("");
      const s = score(text, LEGACY_CANDIDATES);
      if (s.encoding !== "unicode" && s.gain >= 2 && s.gain * 2 >= s.tokens) return s.encoding;
      if (c.marks >= 3 && c.strong === 0) uncertain++;
    }
    return "unicode";
  });

  let changedAny = false;
  const out = lines.map((line, k) => {
    const ps = pieces[k];
    const enc = lineEnc[k];
    if (!ps.some((p) => p.font) && enc === "unicode") return line;
    const decoded = ps.map((p) => {
      if (p.font) {
        // a legacy font name over text that is plainly Unicode (a document re-typed in Unicode): keep it
        const c = count(p.text);
        if (c.strong > 0) return p.text;
        // a font that lies: VNI text under a TCVN3 font's name (or the reverse), told by its words
        // (words without a legacy mark vouch for none)
        const font = p.font.encoding as LegacyEncoding;
        const own = (font === "tcvn3" || font === "vni") && c.marks > 0 ? blockEncoding(p.text, font) : null;
        const enc = own && own !== font ? own : font;
        const d = keepForeignWords(p.text, decodeLegacy(p.text, enc, { capitals: enc === font ? p.font.capitals || undefined : false }), enc);
        if (d !== p.text) used.add(enc);
        return d;
      }
      if (enc === "unicode" || p.keep) return p.text;
      const d = keepForeignWords(p.text, decodeLegacy(p.text, enc), enc);
      if (d !== p.text) used.add(enc);
      return d;
    });
    const text = decoded.join("");
    if (text === line.text) return line;
    changedAny = true;
    const copy: SourceLine = { ...line, text };
    if (line.runs?.length) copy.runs = line.runs.map((r, i): TextRun => ({ ...r, text: decoded[i] }));
    return copy;
  });

  // 4. what was found
  const legacy = [...used];
  const encoding: Encoding = legacy.length === 0 ? "unicode" : legacy.length === 1 ? legacy[0] : "mixed";
  if (docScore && docEnc === "unicode" && legacy.length === 0 && docScore.suspicious >= 5 && docScore.suspicious >= 0.3 * docScore.tokens) {
    warnings.push({
      code: "encoding-uncertain",
      message: `text has ${total.marks} characters typical of a legacy Vietnamese encoding read as Windows-1252, but no encoding (TCVN3, VNI, VIQR, Windows-1258) decodes it convincingly; left as it is`,
    });
  } else if (uncertain > 0) {
    warnings.push({
      code: "encoding-uncertain",
      message: `${uncertain} line(s) look like a legacy Vietnamese encoding but could not be decoded confidently; left as they are`,
    });
  }
  if (docScore && docEnc !== "unicode" && docScore.changed > 0 && docScore.leftBad > 0.25 * docScore.changed) {
    warnings.push({
      code: "encoding-partial",
      message: `decoded as ${docEnc}, but ${docScore.leftBad} of ${docScore.changed} changed words still do not read as Vietnamese`,
    });
  }
  return { lines: changedAny ? out : lines, encoding, warnings };
}

