import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse-text.js";
import { DocumentRecord, recordJsonSchema } from "../../src/record/schema.js";
import { normalizeText, readFixture } from "../helpers.js";

describe("record", () => {
  it("the published JSON Schema is the one the zod schema generates (run `npm run schema` after a change)", () => {
    const published = JSON.parse(readFileSync(new URL("../../schema/record.schema.json", import.meta.url), "utf8"));
    expect(published).toEqual(recordJsonSchema());
  });

  it("has every key of the contract, present even when the document lacks the part", () => {
    const r = parseText("Một dòng chữ không phải văn bản hành chính.");
    expect(Object.keys(r).sort()).toEqual(Object.keys(DocumentRecord.shape).sort());
    expect(r).toMatchObject({ issuer: null, number: null, date: null, type: null, recipients: [], signatures: [], tasks: [] });
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["no-date", "no-signature"]));
  });

  it("gives the same record for the same input (stable output)", () => {
    const text = readFixture("cong-van-ubnd.txt");
    expect(JSON.stringify(parseText(text))).toBe(JSON.stringify(parseText(text)));
  });

  it("keeps spans that point at the text they describe in the normalized text", () => {
    const text = readFixture("cong-van-ubnd.txt");
    const r = parseText(text);
    const normalized = normalizeText(text).text;
    const at = (span: [number, number] | null | undefined) => normalized.slice(span![0], span![1]);
    expect(at(r.number!.span)).toContain(r.number!.raw);
    expect(at(r.date!.span)).toContain(r.date!.raw);
    for (const ref of r.references) expect(at(ref.span)).toBe(ref.text);
    for (const d of r.dates) expect(at(d.span)).toBe(d.text);
  });
});
