import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AGENCY_HEADS } from "../../grammars/agencies.js";
import { DOCUMENT_TYPES } from "../../grammars/document-types.js";
import { HONORIFICS, POSITION_TITLES, ROLE_TITLES, SURNAMES } from "../../grammars/people.js";
import { EXTRA_REFERENCE_TYPES } from "../../grammars/references.js";
import { ACTION_VERBS, COOPERATION, NOT_TASK, TRIGGERS } from "../../grammars/tasks.js";
import { agencyOpenings } from "../../src/extract/agencies/scan.js";
import { peopleOpenings } from "../../src/extract/people.js";
import { typeOpenings } from "../../src/extract/references.js";
import { documentOpeners, OPENS } from "../../src/extract/openings.js";
import { taskOpenings } from "../../src/extract/tasks.js";
import { groupOpenings, matchesAt, openingCodes, Openers, opensAt } from "../../src/text/openers.js";
import { foldTone, matchKey } from "../../src/text/tone.js";
import { fixture, questionOrders, randomFrom, randomWords } from "../helpers.js";

// Agencies, people, tasks and references try their big alternations (heads, titles, honorifics, family
// names, task verbs and phrases, document types) only where `Openers` finds one of the forms' first words: the same as
// a global scan only if every place the pattern matches is such an opening. Checked on every
// text fixture and on random strings made of the grammars' words, in every case.

interface Opened {
  name: string;
  pattern: RegExp;
  openers: Openers;
  group: number;
  /** the text the pattern runs on */
  on: (text: string) => string;
}

const folded = (t: string) => foldTone(t.normalize("NFC"));
const patterns = (): Opened[] => [
  ...agencyOpenings().map((p) => ({ ...p, on: folded })),
  ...peopleOpenings().map((p) => ({ ...p, on: folded })),
  ...taskOpenings().map((p) => ({ ...p, on: folded })),
  { name: "document type", ...typeOpenings(), on: matchKey },
];

/** Every place the pattern matches in `s` (overlapping ones too) that is not an opening of its group. */
function missing(p: Opened, s: string): string[] {
  const open = p.openers.in(s);
  const at = new Set(open.at.filter((_, i) => open.kinds[i] & p.group));
  const re = new RegExp(p.pattern.source, "gu");
  const wrong: string[] = [];
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (!at.has(m.index)) wrong.push(`${p.name}: ${JSON.stringify(s.slice(Math.max(0, m.index - 5), m.index + m[0].length))}`);
    // the one-place question the extractors ask before trying a pattern where they choose
    if (!(p.openers.at(s, m.index) & p.group)) wrong.push(`${p.name} (at): ${JSON.stringify(s.slice(m.index, m.index + m[0].length))}`);
    re.lastIndex = m.index + 1;
  }
  return wrong;
}

const texts = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? texts(join(dir, e.name)) : /\.(txt|md)$/.test(e.name) ? [readFileSync(join(dir, e.name), "utf8")] : [],
  );

const WORDS = [
  ...AGENCY_HEADS.flatMap((h) => [...h.forms, ...(h.abbr ?? [])]),
  ...POSITION_TITLES, ...ROLE_TITLES, ...HONORIFICS, ...SURNAMES,
  ...DOCUMENT_TYPES.map((t) => t.name), ...EXTRA_REFERENCE_TYPES,
  ...ACTION_VERBS, ...NOT_TASK, ...TRIGGERS, ...COOPERATION,
  "các sở, ngành", "các cơ quan, đơn vị", "Các", "UỶ", "Uỷ ban", "tỉnh", "Bình Định", "Văn", "số", "ngày",
];
const GLUE = [" ", " ", " ", "", "\n", ", ", "-", "/", ".", "(", "2", "á", "\u0301", "Y", "y"];

const randomText = (seed: number, n: number): string => randomWords(WORDS, GLUE, seed, n);

describe("first-word dispatch: every match opens where `Openers` says", () => {
  it("on every text fixture", () => {
    const all = texts(fixture(""));
    expect(all.length).toBeGreaterThan(20);
    const wrong = all.flatMap((t) => patterns().flatMap((p) => missing(p, p.on(t))));
    expect(wrong).toEqual([]);
  });

  it("on 1,000 random strings of the grammars' words", () => {
    const ps = patterns();
    const wrong: string[] = [];
    let matches = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const text = randomText(seed, 30);
      for (const p of ps) {
        const s = p.on(text);
        wrong.push(...missing(p, s));
        matches += [...s.matchAll(new RegExp(p.pattern.source, "gu"))].length;
      }
    }
    expect(matches).toBeGreaterThan(10000);
    expect(wrong).toEqual([]);
  });

  it("an action verb opens only with a code unit of openingCodes (extract/tasks tries the verbs only there)", () => {
    const verb = taskOpenings().find((p) => p.name === "action verb")!;
    const codes = openingCodes(ACTION_VERBS, "cap");
    const inputs = [...texts(fixture("")), ...Array.from({ length: 300 }, (_, i) => randomText(i + 1, 30))].map(folded);
    let matches = 0;
    const wrong: string[] = [];
    for (const s of inputs) {
      for (const m of s.matchAll(new RegExp(verb.pattern.source, "gu"))) {
        matches++;
        if (!codes.has(s.charCodeAt(m.index!))) wrong.push(m[0]);
      }
    }
    expect(matches).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  });

  it("a pattern whose openers miss a form is caught", () => {
    const title = peopleOpenings().find((p) => p.name === "title")!;
    const short = { ...title, openers: new Openers([POSITION_TITLES.filter((t) => !t.startsWith("Phó"))]), group: 1, on: folded };
    expect(missing(short, folded("đồng chí Phó Chủ tịch UBND tỉnh"))).toEqual(['title: " chí Phó Chủ tịch"', 'title (at): "Phó Chủ tịch"']);
  });
});

describe("one walk of a document for every extractor (extract/openings)", () => {
  it("the walk of the folded text holds every opening of a citation's type that a walk of the key finds", () => {
    const wrong: string[] = [];
    for (const text of texts(fixture(""))) {
      const folded = foldTone(text.normalize("NFC"));
      const key = folded.toLowerCase();
      if (key.length !== folded.length) continue;
      const bit = OPENS.referenceType;
      const inFolded = documentOpeners().in(folded);
      const fromFolded = new Set(inFolded.at.filter((_, i) => inFolded.kinds[i] & bit));
      const inKey = documentOpeners().in(key);
      for (let i = 0; i < inKey.at.length; i++) if (inKey.kinds[i] & bit && !fromFolded.has(inKey.at[i])) wrong.push(JSON.stringify(key.slice(inKey.at[i], inKey.at[i] + 20)));
    }
    expect(wrong).toEqual([]);
  });
});

describe("Openers", () => {
  it("finds first words at word starts, in any case, with their groups", () => {
    const o = new Openers([["Phó Chủ tịch", "Đ/c"], ["Ủy ban nhân dân", "UBND"]]);
    expect(o.in("Đ/c PHÓ chủ; ủy ban, xUBND, SởUBND, phóng")).toMatchObject({ at: [0, 4, 13, 22, 30, 36], kinds: [1, 1, 2, 2, 2, 1] });
  });

  it("walks a text as the one-place walk (`at`) asked at every word start, each group's openings as sorted out of its lists: every fixture, random strings with capitals after small letters, surrogate pairs, marks", () => {
    // the oracle: a word start is a letter not after a letter, or a capital after a small letter
    const wordStart = /(?<!\p{L})\p{L}|(?<=\p{Ll})\p{Lu}/gu;
    const expected = (o: Openers, t: string) => {
      const at: number[] = [];
      const kinds: number[] = [];
      for (const m of t.matchAll(wordStart)) {
        const g = o.at(t, m.index!);
        if (g) at.push(m.index!), kinds.push(g);
      }
      return { at, kinds };
    };
    const odd = ["SởUBND", "PhóChủ", "\u{1D400}ban", "ban\u{1D400}", "\u{1D41A}", "Kban", "ǅUBND", "\u0301UBND", "\uD800", "“Sở”", "…", "İ", "2UBND"];
    const inputs = [...texts(fixture("")).map(folded), ...Array.from({ length: 1000 }, (_, i) => randomWords([...WORDS, ...odd], [...GLUE, ...odd], i + 1, 20))];
    const o = documentOpeners();
    const small = new Openers([["Phó Chủ tịch", "Đ/c"], ["Ủy ban nhân dân", "UBND", "ban"]]);
    let openings = 0;
    for (const t of inputs) {
      for (const op of [o, small]) {
        const walk = op.in(t);
        expect({ at: walk.at, kinds: walk.kinds }).toEqual(expected(op, t));
        // each group's openings, sorted out by the walk, as sorted out of its lists afterwards
        const lists = { at: walk.at, kinds: walk.kinds };
        for (let bit = 1; bit < 1 << 12; bit <<= 1) expect(groupOpenings(walk, bit)).toEqual(groupOpenings(lists, bit));
        openings += walk.at.length;
      }
    }
    expect(openings).toBeGreaterThan(50000);
  });

  it("says at one place which groups' first words the letters there begin, word start or not", () => {
    const o = new Openers([["Phó Chủ tịch", "Đ/c"], ["Ủy ban nhân dân", "UBND"]]);
    const t = "xUBND phóng Sở đ";
    expect([0, 1, 6, 12, 15, t.length].map((i) => o.at(t, i))).toEqual([0, 2, 1, 0, 1, 0]);
  });

  it("reads a walk back at one place: its groups at a word start, 0 where nothing opens, -1 inside a word", () => {
    const o = new Openers([["Phó Chủ tịch", "Đ/c"], ["Ủy ban nhân dân", "UBND"]]);
    const t = "Đ/c PHÓ chủ; ủy ban, xUBND, SởUBND, phóng";
    const walk = o.in(t);
    // every opening the walk found, read back
    expect(walk.at.map((p) => opensAt(t, walk, p))).toEqual(walk.kinds);
    // `chủ`, a word start of no group; `BND` inside `UBND` (no word start: the walk cannot say); `;`; past the end
    expect([8, 23, 11, t.length].map((p) => opensAt(t, walk, p))).toEqual([0, -1, 0, 0]);
  });

  it("reads a walk back the same in any order of questions: every position of every fixture, as a lookup of the whole list", () => {
    const next = randomFrom(3);
    for (const text of texts(fixture(""))) {
      const t = folded(text);
      const walk = documentOpeners().in(t);
      const byPosition = new Map(walk.at.map((p, o) => [p, walk.kinds[o]]));
      // the oracle: the checks before the lookup (run on a list of `p` alone), then the whole list's entry
      const expected = (p: number): number => {
        const alone = opensAt(t, { at: [p], kinds: [1 << 30] }, p);
        return alone === 1 << 30 ? (byPosition.get(p) ?? 0) : alone;
      };
      for (const order of questionOrders(next, 0, t.length)) {
        const wrong = order.filter((p) => opensAt(t, walk, p) !== expected(p));
        expect(wrong).toEqual([]);
      }
    }
  });

  it("sorts a walk's openings by group, each group's positions in order", () => {
    const o = new Openers([["Phó Chủ tịch", "Đ/c"], ["Ủy ban nhân dân", "UBND"], ["phó"], ["Sở"]]);
    const walk = o.in("Đ/c PHÓ chủ; ủy ban, xUBND, SởUBND, phóng");
    expect([1, 2, 4, 8].map((bit) => groupOpenings(walk, bit))).toEqual([[0, 4, 36], [13, 22, 30], [4, 36], [28]]);
    // a walk with none of a group's first words
    expect(groupOpenings(o.in("chủ tịch"), 1)).toEqual([]);
  });

  it("tries a pattern at its group's openings: a global scan's matches, a match hiding the openings inside it", () => {
    const o = new Openers([["Ủy ban", "ban"], ["nhân dân"]]);
    const t = "Ủy ban nhân dân, ban ngành; BAN";
    const sticky = /(?:Ủy ban|ban)(?![\p{L}])/uy;
    const found = [...matchesAt(sticky, t, o.in(t), 1)].map((m) => [m.index, m[0]]);
    expect(found).toEqual([...t.matchAll(new RegExp(sticky.source, "gu"))].map((m) => [m.index, m[0]]));
    expect(found).toEqual([[0, "Ủy ban"], [17, "ban"]]);
    // left after the first match, then asked again from the start
    for (const m of matchesAt(sticky, t, o.in(t), 1)) if (m) break;
    expect([...matchesAt(sticky, t, o.in(t), 2)]).toEqual([]);
  });

  it("folds tone placement in the forms (Uỷ → Ủy) and refuses a form opening with no letter", () => {
    expect(new Openers([["Uỷ ban"]]).in("ủy").at).toEqual([0]);
    expect(() => new Openers([["- x"]])).toThrow(/begin with a letter/);
  });

  it("says which code units a group's pattern can open with under its case policy, and tries it only there", () => {
    const chars = (codes: Set<number>) => [...codes].map((c) => String.fromCharCode(c)).sort();
    expect(chars(openingCodes(["Văn", "Lê"], "exact"))).toEqual(["L", "V"]);
    expect(chars(openingCodes(["Phó Chủ tịch", "Uỷ viên"], "cap"))).toEqual(["P", "Ủ"]);
    expect(chars(openingCodes(["ủy ban"], "any"))).toEqual(["Ủ", "ủ"]);
    const o = new Openers([["Văn"]]);
    const t = "văn bản của ông Văn Thành";
    const sticky = /Văn(?![\p{L}])/uy;
    const at = (codes?: Set<number>) => [...matchesAt(sticky, t, o.in(t), 1, codes && ((s, p) => codes.has(s.charCodeAt(p))))].map((m) => m.index);
    expect(o.in(t).at).toEqual([0, 16]);
    expect(at(openingCodes(["Văn"], "exact"))).toEqual(at());
    expect(at()).toEqual([16]);
  });
});
