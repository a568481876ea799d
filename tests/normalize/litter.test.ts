import { describe, expect, it } from "vitest";
import { MappedText } from "../../src/normalize/mapped.js";
import { lineShape } from "../../src/normalize/unicode.js";
import { dropLitter, tidySpaces, WorkLine } from "../../src/normalize/layout.js";
import { LEADING_RULE, PAGE_NUMBER_LINE, RULE_LINE } from "../../grammars/layout.js";
import { randomPieces } from "../helpers.js";

// tidySpaces and dropLitter ask their patterns only of a line that opens with two of a rule's
// marks, or is written only with the characters of a rule or a page number: checked here against
// the patterns asked of every line, on random lines of those characters and others.

const rule = new RegExp(RULE_LINE, "u");
const pageNumber = new RegExp(PAGE_NUMBER_LINE, "u");
const leadingRule = new RegExp(LEADING_RULE, "u");

const reference = {
  tidySpaces: (s: string) => {
    let t = s.replace(/[ \t]{2,}|\t/g, " ");
    if (leadingRule.test(t) && !rule.test(t)) t = t.replace(new RegExp(LEADING_RULE, "gu"), "");
    return t.replace(/^\s+/, "").replace(/\s+$/, "");
  },
  /** a line alone between blank lines is dropped as a rule or as a page number */
  dropped: (s: string) => s !== "" && (rule.test(s) || pageNumber.test(s)),
};

const PIECES = ["-", "–", "—", "_", "=", "*", "─", "━", "═", "~", ".", "·", "•", "0", "o", "O", "°", "1", "23", "/", "Trang", "trang", "Trong", "T", "r", " ", "  ", "\t", "\u00a0", "\u3000", "a", "x", "Số", "-----", "-*-"];
const workLine = (s: string, shaped: boolean) => new WorkLine(MappedText.of(s), { page: 1 }, undefined, shaped ? lineShape(s) : undefined);

describe("rules and page numbers", () => {
  it("tidySpaces and dropLitter agree with their patterns on 20,000 random lines", () => {
    const wrong: string[] = [];
    const blank = workLine("", false);
    for (let seed = 1; seed <= 20000; seed++) {
      const s = randomPieces(PIECES, seed, 8);
      const tidied = tidySpaces(workLine(s, false)).t.text;
      if (tidied !== reference.tidySpaces(s)) wrong.push(`tidySpaces ${JSON.stringify(s)}`);
      // a line read as plain (single spaces between words, none at the ends) keeps its shape
      if (!/^\s|\s$|\s\s|[^\S ]/.test(s) && tidySpaces(workLine(s, true)).t.text !== reference.tidySpaces(s)) wrong.push(`tidySpaces (shaped) ${JSON.stringify(s)}`);
      const kept = dropLitter([blank, workLine(s, false), blank], []).length === 3;
      if (kept === reference.dropped(s)) wrong.push(`dropLitter ${JSON.stringify(s)}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("drops the grammar's rules and page numbers, and keeps lines that only open like them", () => {
    // a rule of each mark, the `- o -` of each of its letters, a page number of each form
    const lines = ["-------", "–––", "———", "___", "===", "***", "~~~", "...", "···", "•••", "─────", "━━━", "═══", "-*-", "– o –", "- O -", "- 0 -", "- ° -",
      "- 2 -", "Trang 3", "trang 4 / 9", "12/15", "80", " ─── ", "- Như trên;", "Trang bị", "2. Giao", "-------Số: 1", "To"];
    const kept = lines.filter((s) => dropLitter([workLine(s, false)], []).length === 1);
    expect(kept).toEqual(["- Như trên;", "Trang bị", "2. Giao", "-------Số: 1", "To"]);
  });
});
