import { describe, expect, it } from "vitest";
import { SchemaError } from "../../src/errors.js";
import { parseText } from "../../src/parse-text.js";
import { validateRecord } from "../../src/record/validate.js";
import { readFixture } from "../helpers.js";
import { json, recordTexts as texts, unvalidatedRecord as record, zodJson } from "./records.js";

describe("validateRecord: zod's verdict without zod's copy", () => {
  it.each(texts)("%s: the record itself comes back, with the JSON of zod's copy", (name) => {
    const r = record(name);
    expect(validateRecord(r, name)).toBe(r);
    expect(zodJson(r)).toBe(json(r));
  });

  // a record zod refuses must still be refused, and one zod copies differently (unknown keys
  // dropped, keys reordered) must come back as zod's copy: the outline goes through zod's runtime,
  // the rest through its compiled validator, so both are changed here
  const changes: [string, (r: Record<string, any>) => void][] = [
    ["a key the schema does not have", (r) => (r.extra = 1)],
    ["a key the schema does not have, in an outline item", (r) => (r.body.items[0].note = "x")],
    ["the keys in another order", (r) => { const { schemaVersion, ...rest } = r; for (const k of Object.keys(r)) delete r[k]; Object.assign(r, rest, { schemaVersion }); }],
    ["a key missing", (r) => delete r.events],
    ["a negative span, deep in the outline", (r) => r.body.items[0].children.push({ label: "a)", text: "t", children: [], span: [-1, 2] })],
    ["an outline item without its children", (r) => r.body.items.push({ label: "1.", text: "t", span: null })],
    ["a span of three numbers, in a task", (r) => (r.tasks[0].span = [0, 1, 2])],
    ["a date not written yyyy-mm-dd", (r) => r.dates.push({ text: "t", value: "v", kind: "date", start: "2025-8-01", end: null, precision: null, span: null })],
    ["an authority not in the grammar", (r) => r.signatures[0].chain.push({ authority: "XX.", onBehalfOf: "Ủy ban" })],
    ["null where a list goes", (r) => (r.tasks = null)],
    ["the schema version not 1", (r) => (r.schemaVersion = "2")],
  ];
  it.each(changes)("%s: as zod's parse answers", (_, change) => {
    const r = record("cong-van-ubnd.txt") as unknown as Record<string, any>;
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(r.tasks.length).toBeGreaterThan(0);
    expect(r.signatures.length).toBeGreaterThan(0);
    change(r);
    const expected = zodJson(r);
    if (expected === null) {
      expect(() => validateRecord(r as any, "x.txt")).toThrow(SchemaError);
      expect(() => validateRecord(r as any, "x.txt")).toThrow(/x\.txt|schema/);
    } else {
      const out = validateRecord(r as any, "x.txt");
      expect(out).not.toBe(r);
      expect(json(out)).toBe(expected);
    }
  });

  it("the refusals above are refusals, and the copies are copies (the table tests both paths)", () => {
    const answers = changes.map(([, change]) => {
      const r = record("cong-van-ubnd.txt") as unknown as Record<string, any>;
      change(r);
      return zodJson(r) === null;
    });
    expect(answers.filter(Boolean).length).toBeGreaterThanOrEqual(5);
    expect(answers.filter((refused) => !refused).length).toBeGreaterThanOrEqual(3);
  });

  // the caller is given the pipeline's own record: were a memo to put one object in two records,
  // changing one caller's record would change another's
  it("records of two parses share no object, the same text parsed twice included", () => {
    const objects = (v: unknown, into: Set<object>) => {
      if (v === null || typeof v !== "object" || into.has(v)) return into;
      into.add(v);
      for (const x of Object.values(v)) objects(x, into);
      return into;
    };
    const names = texts.slice(0, 12);
    const seen = new Map<object, string>();
    for (const [i, name] of [...names, names[0]].entries()) {
      const r = parseText(readFixture(name), { path: name });
      for (const o of objects(r, new Set())) {
        expect(seen.get(o), `${name} (parse ${i}) shares an object with ${seen.get(o)}`).toBeUndefined();
        seen.set(o, `${name} (parse ${i})`);
      }
    }
    expect(seen.size).toBeGreaterThan(1000);
  });
});
