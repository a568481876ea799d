import { describe, expect, it } from "vitest";
import { parseBytes } from "../../src/pipeline.js";
import { isExactRecord } from "../../src/record/exact.js";
import { fixture } from "../helpers.js";
import { json, recordTexts as texts, unvalidatedRecord as record, zodJson } from "./records.js";

describe("a record exactly in the schema's form", () => {
  it.each(texts)("%s: the record as built is in it, and zod's copy has the same JSON", (name) => {
    const r = record(name);
    expect(isExactRecord(r)).toBe(true);
    expect(zodJson(r)).toBe(json(r));
  });

  it("a PDF's record too (pages, digital signatures)", async () => {
    const r = await parseBytes(new Uint8Array(await import("node:fs").then((fs) => fs.readFileSync(fixture("cong-van-ubnd.pdf")))), { path: "cong-van-ubnd.pdf", validate: false, ocr: false });
    expect(isExactRecord(r)).toBe(true);
    expect(zodJson(r)).toBe(json(r));
  });

  // each of these zod refuses, or gives back a copy whose JSON is not the input's: zod must see them
  const changes: [string, (r: Record<string, any>) => void][] = [
    ["a key the schema does not have", (r) => (r.extra = 1)],
    ["a key the schema does not have, in a nested object", (r) => (r.body.note = "x")],
    ["the keys in another order", (r) => { const { schemaVersion, ...rest } = r; for (const k of Object.keys(r)) delete r[k]; Object.assign(r, rest, { schemaVersion }); }],
    ["a key missing", (r) => delete r.events],
    ["a key undefined", (r) => (r.place = undefined)],
    ["a warning code not in the catalogue", (r) => r.warnings.push({ code: "no-such-code", message: "m", span: null })],
    ["a span that is not a whole number", (r) => (r.body.span = [0.5, 2])],
    ["a negative span", (r) => (r.body.span = [-1, 2])],
    ["a span of three numbers", (r) => (r.body.span = [0, 1, 2])],
    ["a date not written yyyy-mm-dd", (r) => r.dates.push({ text: "t", value: "v", kind: "date", start: "2025-8-01", end: null, precision: null, span: null })],
    ["an infinite page count", (r) => (r.source.pages = Infinity)],
    ["a Date where a string goes", (r) => (r.source.sha256 = new Date(0))],
    ["an array with a hole", (r) => { r.recipients = ["a"]; r.recipients.length = 2; }],
    ["null where a list goes", (r) => (r.tasks = null)],
    ["the schema version not 1", (r) => (r.schemaVersion = "2")],
  ];
  it("a realm whose Object.prototype has an enumerable key: no record is taken as exact (zod decides), and all are again once it is gone", () => {
    const r = record("cong-van-ubnd.txt");
    Object.defineProperty(Object.prototype, "inherited", { value: 1, enumerable: true, configurable: true, writable: true });
    try {
      expect(isExactRecord(r)).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>).inherited;
    }
    expect(isExactRecord(r)).toBe(true);
  });

  it.each(changes)("%s: not in it", (_, change) => {
    const r = record("cong-van-ubnd.txt") as unknown as Record<string, any>;
    change(r);
    expect(isExactRecord(r)).toBe(false);
    expect(zodJson(r)).not.toBe(json(r));
  });
});
