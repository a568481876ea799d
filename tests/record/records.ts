import { readdirSync } from "node:fs";
import { parseText } from "../../src/parse-text.js";
import { DocumentRecord } from "../../src/record/schema.js";
import { fixture, readFixture } from "../helpers.js";

/** Fixtures whose records the record tests read: the two-page letter, and every extract and segment text. */
export const recordTexts = ["cong-van-ubnd.txt", ...readdirSync(fixture("extract")).map((f) => `extract/${f}`), ...readdirSync(fixture("segment")).filter((f) => f.endsWith(".txt")).map((f) => `segment/${f}`)];
/** A fixture's record as the pipeline builds it, before any validation. */
export const unvalidatedRecord = (name: string) => parseText(readFixture(name), { path: name, validate: false });
export const json = (v: unknown) => JSON.stringify(v);
/** What zod's parse makes of a value: its copy's JSON, or null when it refuses it. */
export const zodJson = (v: unknown) => {
  const checked = DocumentRecord.safeParse(v);
  return checked.success ? json(checked.data) : null;
};
