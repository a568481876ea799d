import { describe, expect, it } from "vitest";
import { NOT_DATE_AFTER, RANGE_DASH, RANGE_DASHES, RANGE_TO, WEEKDAYS } from "../../grammars/dates.js";
import { wordAfterSpaces } from "../../src/extract/dates/refiners.js";
import { alt } from "../../src/text/pattern.js";
import { randomWords } from "../helpers.js";

// The refiners ask wordAfterSpaces before a regex of words after whitespace (a money word after a
// date, a range's gap, a weekday after a date): it must never say no where the regex matches. The
// regexes as the refiners write them, asked of every position of random strings of their words,
// pieces of them and what stands around them.

const WEEKDAY_WORDS = WEEKDAYS.flatMap((w) => w.words);
const CASES = [
  { name: "a money word after a date", re: new RegExp(`^\\s*${alt(NOT_DATE_AFTER)}(?![\\p{L}])`, "u"), may: wordAfterSpaces(NOT_DATE_AFTER), words: NOT_DATE_AFTER, window: 8 },
  { name: "a range's gap", re: new RegExp(`^\\s*(?:${alt(RANGE_TO)}|${RANGE_DASH})\\s*$`, "u"), may: wordAfterSpaces([...RANGE_TO, ...RANGE_DASHES]), words: [...RANGE_TO, ...RANGE_DASHES], window: 12, everyEnd: true },
  { name: "a weekday after a date", re: new RegExp(`^\\s*[,(]?\\s*(${alt(WEEKDAY_WORDS)})(?![\\p{L}])`, "u"), may: wordAfterSpaces(WEEKDAY_WORDS, ",("), words: WEEKDAY_WORDS, window: 16 },
];
const GLUE = ["", " ", "  ", "\n", "\u00a0", ",", "(", ", ", " (", ".", "a", "ơ", "1", "2025"];

describe("dates/refiners wordAfterSpaces: no where the regex after it cannot match", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const pieces = [...new Set([...c.words, ...c.words.map((w) => w.slice(0, 1)), ...c.words.map((w) => w.slice(1)), "của", "về", "tại", "ngày", "thứ", "chủ"])];
      let matched = 0;
      let no = 0;
      const wrong: string[] = [];
      for (let seed = 1; seed <= 1500; seed++) {
        const s = randomWords(pieces, GLUE, seed, 12).toLowerCase();
        // the gap is asked whole (anchored at both ends): every end from `i`; the others in their window
        for (let i = 0; i < s.length; i++) {
          const last = Math.min(s.length, i + c.window);
          for (let end = ("everyEnd" in c) ? i : last; end <= last; end++) {
            const may = c.may(s, i, end);
            if (!may) no++;
            if (c.re.test(s.slice(i, end))) {
              matched++;
              if (!may) wrong.push(JSON.stringify(s.slice(i, end)));
            }
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(matched).toBeGreaterThan(1000);
      expect(no).toBeGreaterThan(matched);
    });
  }

  it("reads two code units after the whitespace, and one of `between`", () => {
    const may = wordAfterSpaces(["đến", "-"], ",");
    expect(may("a  đến", 1, 6)).toBe(true);
    expect(may(" - ", 0, 3)).toBe(true);
    expect(may(" , đến", 0, 6)).toBe(true);
    expect(may(" của", 0, 4)).toBe(false);
    expect(may(" đó", 0, 3)).toBe(false);
    expect(may("   đến", 0, 2)).toBe(false);
  });
});
