import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AGENCY_HEADS } from "../../grammars/agencies.js";
import { headBuckets } from "../../src/extract/agencies/scan.js";
import { L, WE } from "../../src/text/letters.js";
import { openingCodes } from "../../src/text/openers.js";
import { formSource, formSourceAt, notAfter, prefixTree } from "../../src/text/pattern.js";
import { foldTone } from "../../src/text/tone.js";
import { fixture, randomWords } from "../helpers.js";

// The heads' buckets are prefix trees of the heads written from the bucket's code unit; the oracle
// is what they were before: each bucket the plain alternation of its heads, longest first, each
// as written under its own casing, an abbreviation's guard before it.
const oracle = (() => {
  const alts: { src: string; len: number; firsts: Set<number> }[] = [];
  for (const head of AGENCY_HEADS) {
    for (const form of head.forms) alts.push({ src: `(?:${formSource(form, head.case)})${WE}`, len: form.length, firsts: openingCodes([form], head.case) });
    for (const abbr of head.abbr ?? []) {
      const tail = /\p{L}$/u.test(abbr) ? WE : "";
      alts.push({ src: `${notAfter(`${L}\\d/\\-`)}(?:${formSource(abbr, "exact")})${tail}`, len: abbr.length, firsts: openingCodes([abbr], "exact") });
    }
  }
  alts.sort((a, b) => b.len - a.len);
  const byFirst = new Map<number, string[]>();
  for (const a of alts) for (const c of a.firsts) byFirst.set(c, [...(byFirst.get(c) ?? []), a.src]);
  return new Map([...byFirst].map(([c, srcs]) => [c, new RegExp(srcs.join("|"), "uy")]));
})();

/** Where the bucket of the code unit at `p` ends a match from `p`, -1 for none. */
function endAt(buckets: ReadonlyMap<number, RegExp>, t: string, p: number): number {
  const re = buckets.get(t.charCodeAt(p))!;
  re.lastIndex = p;
  return re.test(t) ? re.lastIndex : -1;
}

/** Every place of `t` with a bucket where the buckets and the oracle end differently. */
function differences(t: string): string[] {
  const buckets = headBuckets();
  const out: string[] = [];
  for (let p = 0; p < t.length; p++) {
    if (!oracle.has(t.charCodeAt(p))) continue;
    const [a, b] = [endAt(buckets, t, p), endAt(oracle, t, p)];
    if (a !== b) out.push(`${JSON.stringify(t.slice(Math.max(0, p - 3), p + 30))}: ${a} against ${b}`);
  }
  return out;
}

const texts = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? texts(join(dir, e.name)) : /\.(txt|md)$/.test(e.name) ? [readFileSync(join(dir, e.name), "utf8")] : []));

const WORDS = [...AGENCY_HEADS.flatMap((h) => [...h.forms, ...(h.abbr ?? [])]), "Ủy", "Uỷ ban", "UỶ BAN", "Ban", "Bộ", "Tổng", "nhân dân", "tỉnh", "Bình Định", "QĐ"];
const GLUE = [" ", " ", "  ", "", "\n", ", ", "-", " – ", "/", ".", "2", "á", "Y", "y"];

const randomText = (seed: number, n: number): string => foldTone(randomWords(WORDS, GLUE, seed, n).normalize("NFC"));

describe("agency heads: one prefix tree a bucket matches as the heads' alternation", () => {
  it("has the oracle's buckets", () => {
    expect([...headBuckets().keys()].sort()).toEqual([...oracle.keys()].sort());
  });

  it("at every place of every text fixture", () => {
    const all = texts(fixture(""));
    expect(all.length).toBeGreaterThan(20);
    expect(all.flatMap((t) => differences(foldTone(t.normalize("NFC"))))).toEqual([]);
  });

  it("at every place of 2,000 random strings of the heads' words, in every case", () => {
    const wrong: string[] = [];
    for (let seed = 1; seed <= 2000; seed++) wrong.push(...differences(randomText(seed, 20)));
    expect(wrong).toEqual([]);
  });

  it("a form's first atom is written as the code unit it is tried at, one it can begin with", () => {
    expect(formSourceAt("Ủy ban", "any", "Ủ")).toBe("Ủ[yY]\\s+[bB][aA][nN]");
    expect(() => formSourceAt("Sở", "cap", "s")).toThrow();
  });

  it("a prefix tree writes out, in their order, branches whose atoms can match the same character", () => {
    // `Ủ[yY]…` of one casing and `[ủỦ][yY]…` of another, longest first: the second, `Ủy ban nhân`, before the third
    const sources = ["Ủ[yY]\\s+[bB][aA][nN]\\s+[xX]", "[ủỦ][yY]\\s+[bB][aA][nN]\\s+[nN][hH][âÂ][nN]", "Ủ[yY]\\s+[bB][aA][nN]"];
    expect(new RegExp(sources.join("|"), "uy").exec("Ủy ban nhân dân")?.[0]).toBe("Ủy ban nhân");
    expect(new RegExp(prefixTree(sources), "uy").exec("Ủy ban nhân dân")?.[0]).toBe("Ủy ban nhân");
    expect(prefixTree(["a[bB]c", "a[bB]d"])).toBe("a[bB](?:c|d)");
  });
});
