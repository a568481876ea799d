/**
 * Speed of the encoding step (runs on every document): `npx tsx scripts/bench-encoding.ts [files…]`
 * Without files: the Unicode and legacy fixtures of fixtures/encoding, repeated to about two pages.
 * Prints the median time of decodeLegacyLines over 200 runs.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { decodeLegacyLines } from "../src/normalize/encoding/index.js";

const dir = join(import.meta.dirname, "../fixtures/encoding");
const inputs: Array<[string, string]> = process.argv.slice(2).length
  ? process.argv.slice(2).map((f) => [f, readFileSync(f, "utf8")])
  : readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => {
        const raw = readFileSync(join(dir, f));
        const text = f.includes(".unicode.") ? raw.toString("utf8") : iconv.decode(raw, "cp1252");
        return [f, text.repeat(Math.max(1, Math.round(6000 / text.length)))];
      });
for (const [name, text] of inputs) {
  const lines = text.split("\n").map((t) => ({ text: t }));
  const times: number[] = [];
  let encoding = "";
  for (let i = 0; i < 220; i++) {
    const t0 = performance.now();
    encoding = decodeLegacyLines(lines).encoding;
    if (i >= 20) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: ${text.length} chars, ${encoding}, median ${(times[times.length >> 1] * 1000).toFixed(0)} µs`);
}
