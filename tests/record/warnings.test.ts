import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse-text.js";
import { WarningCode } from "../../src/record/schema.js";
import { WARNING_CATALOGUE, warningsMarkdown } from "../../src/record/warnings.js";

describe("warning catalogue", () => {
  it("docs/warnings.md is the catalogue as generated (run `npm run build && node scripts/warnings-doc.mjs` after a change)", () => {
    expect(readFileSync(new URL("../../docs/warnings.md", import.meta.url), "utf8")).toBe(warningsMarkdown());
  });

  it("gives every code one line of documentation", () => {
    for (const [code, doc] of Object.entries(WARNING_CATALOGUE)) {
      expect(code).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
      expect(doc.length).toBeGreaterThan(20);
      expect(doc).not.toMatch(/\n/);
    }
  });

  it("refuses a code outside the catalogue", () => {
    expect(WarningCode.safeParse("no-date").success).toBe(true);
    expect(WarningCode.safeParse("made-up").success).toBe(false);
  });

  it("gives each warning of a record a span, null when it is about the whole file", () => {
    const r = parseText("Một dòng chữ không phải văn bản hành chính.");
    expect(r.warnings.length).toBeGreaterThan(0);
    for (const w of r.warnings) expect(w).toHaveProperty("span", null);
  });
});
