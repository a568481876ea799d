/**
 * Measuring tool for legacy-encoding decoding against hand transcripts (not part of the tests):
 *   npx tsx scripts/measure-encoding.ts <legacy file (.doc/.rtf/.pdf/.txt)> <Unicode transcript .txt> [encoding]
 *   npx tsx scripts/measure-encoding.ts <legacy file> - [encoding]   (no transcript: share of plausible syllables)
 * .doc is read with word-extractor, .pdf with `pdftotext` (poppler-utils), .rtf by its `\'xx`
 * escapes read as Windows-1252, .txt as Windows-1252. Prints the detected encoding and the share
 * of the transcript's diacritic-bearing letters that the decoded text has at the same place
 * (words aligned by longest common subsequence), case-sensitive and case-insensitive.
 */
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import iconv from "iconv-lite";
import WordExtractor from "word-extractor";
import type { Encoding } from "../src/record/schema.js";
import { decodeLegacy, detectEncoding, isVietnameseSyllable } from "../src/normalize/encoding/index.js";

async function extract(path: string): Promise<string> {
  if (path.endsWith(".doc")) return (await new WordExtractor().extract(path)).getBody();
  if (path.endsWith(".pdf")) return execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { maxBuffer: 1 << 28 }).toString("utf8");
  const bytes = readFileSync(path);
  if (path.endsWith(".rtf")) return rtfText(bytes.toString("latin1"));
  return iconv.decode(bytes, "cp1252");
}

/** Just enough RTF to measure: drop groups of destinations, keep text and `\'xx` bytes as cp1252. */
function rtfText(rtf: string): string {
  let out = "";
  const bytes: number[] = [];
  const flush = () => {
    if (bytes.length) out += iconv.decode(Buffer.from(bytes), "cp1252");
    bytes.length = 0;
  };
  let depth = 0;
  let skipDepth = -1;
  for (let i = 0; i < rtf.length; i++) {
    const c = rtf[i];
    if (c === "{") {
      depth++;
      if (rtf.startsWith("{\\*", i) || /^\{\\(fonttbl|colortbl|stylesheet|info|pict|object|header|footer|listtable|listoverridetable|rsidtbl|latentstyles|themedata|datastore|xmlnstbl)/.test(rtf.slice(i, i + 30))) {
        if (skipDepth < 0) skipDepth = depth;
      }
      continue;
    }
    if (c === "}") {
      if (depth === skipDepth) skipDepth = -1;
      depth--;
      continue;
    }
    if (c === "\\") {
      const m = /^\\(?:'([0-9a-fA-F]{2})|([a-z]+)(-?\d+)? ?|([\\{}])|(\S))/.exec(rtf.slice(i, i + 40));
      if (!m) continue;
      i += m[0].length - 1;
      if (skipDepth >= 0) continue;
      if (m[1]) bytes.push(parseInt(m[1], 16));
      else {
        flush();
        if (m[4]) out += m[4];
        else if (m[2] === "par" || m[2] === "line" || m[2] === "row") out += "\n";
        else if (m[2] === "tab" || m[2] === "cell") out += "\t";
        else if (m[2] === "u" && m[3]) out += String.fromCharCode((+m[3] + 65536) % 65536);
      }
      continue;
    }
    if (skipDepth >= 0 || c === "\r" || c === "\n") continue;
    flush();
    out += c;
  }
  flush();
  return out;
}

const words = (t: string) => [...t.normalize("NFC").matchAll(/[\p{L}\p{M}]+/gu)].map((m) => m[0]);
const isDiacritic = (ch: string) => ch.normalize("NFD").length > 1 || ch === "đ" || ch === "Đ";

function lcsPairs(a: string[], b: string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const dp = new Int32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i * (m + 1) + j] = a[i] === b[j] ? dp[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(dp[(i + 1) * (m + 1) + j], dp[i * (m + 1) + j + 1]);
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1]) i++;
    else j++;
  }
  return pairs;
}

function share(decoded: string, truth: string, fold: boolean): { ok: number; total: number } {
  const f = (w: string) => (fold ? w.toLowerCase() : w);
  const tw = words(truth).map(f);
  const dw = words(decoded).map(f);
  let total = 0;
  const perWord = tw.map((w) => [...w].filter(isDiacritic).length);
  for (const k of perWord) total += k;
  let ok = 0;
  for (const [i] of lcsPairs(tw, dw)) ok += perWord[i];
  return { ok, total };
}

/** Without a transcript: the share of decoded words with a diacritic that spell a Vietnamese syllable. */
function plausible(decoded: string): { ok: number; total: number; bad: Map<string, number> } {
  let ok = 0;
  let total = 0;
  const bad = new Map<string, number>();
  for (const w of words(decoded)) {
    if (![...w].some(isDiacritic) && !/[^\x00-\x7F]/.test(w)) continue;
    total++;
    if (isVietnameseSyllable(w)) ok++;
    else bad.set(w, (bad.get(w) ?? 0) + 1);
  }
  return { ok, total, bad };
}

const [file, transcript, forced] = process.argv.slice(2);
if (file && transcript === "-") {
  const raw = await extract(file);
  const enc = (forced as Encoding | undefined) ?? detectEncoding(raw);
  const decoded = decodeLegacy(raw, enc);
  const p = plausible(decoded);
  const top = [...p.bad].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([w, k]) => `${w}×${k}`).join(" ");
  console.log(`${file}: ${enc}, ${raw.length} chars; words with diacritics that are Vietnamese syllables: ${((100 * p.ok) / Math.max(1, p.total)).toFixed(2)}% (${p.ok}/${p.total}); others: ${top}`);
  if (process.env.DUMP) process.stdout.write(decoded);
  process.exit(0);
}
if (!file || !transcript) {
  console.error("usage: npx tsx scripts/measure-encoding.ts <legacy file> <transcript.txt> [encoding]");
  process.exit(2);
}
const raw = await extract(file);
const truth = readFileSync(transcript, "utf8");
const t0 = performance.now();
const enc = (forced as Encoding | undefined) ?? detectEncoding(raw);
const decoded = decodeLegacy(raw, enc);
const ms = performance.now() - t0;
const cs = share(decoded, truth, false);
const ci = share(decoded, truth, true);
const pct = (s: { ok: number; total: number }) => ((100 * s.ok) / Math.max(1, s.total)).toFixed(2);
console.log(`${file}: ${enc}, ${raw.length} chars in ${ms.toFixed(1)} ms; diacritic letters matching ${transcript}: ${pct(cs)}% (${cs.ok}/${cs.total}) case-sensitive, ${pct(ci)}% (${ci.ok}/${ci.total}) ignoring case`);
if (process.env.DUMP) process.stdout.write(decoded);
