import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/pipeline.js";
import { root } from "./helpers.js";

// Every document written as data in fixtures/load/*.json is generated as .txt, .html, .docx and
// .pdf (npm run fixtures). Whatever the format, the formal parts of the record must come out the
// same, and as the .json says.
interface Expect {
  issuer: string;
  number: string;
  date: string;
  type: string;
  subject: string;
  recipients: string[];
  signatures: { authority: string | null; onBehalfOf: string | null; title: string; name: string }[];
  distributionLength: number;
  labels: string[];
}

const dir = join(root, "fixtures/load");
const docs = readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => {
  const j = JSON.parse(readFileSync(join(dir, f), "utf8")) as { out: string; expect: Expect };
  return { name: f.replace(/\.json$/, ""), out: j.out, expect: j.expect };
});

const formats = ["txt", "html", "docx", "pdf"] as const;

/**
 * Known differences, each with its reason. These run as expected failures: when the bug is fixed
 * the test fails and the entry must go.
 */
const KNOWN: Record<string, string> = {};

const cases = docs.flatMap((d) => formats.map((fmt) => [d.name, fmt, d] as const));

describe("the same document in every format gives the same record", () => {
  it.each(cases.filter(([n, f]) => !KNOWN[`${n}.${f}`]))("%s.%s", async (_, fmt, d) => check(fmt, d));
  const known = cases.filter(([n, f]) => KNOWN[`${n}.${f}`]);
  if (known.length) it.fails.each(known)("%s.%s (known issue)", async (_, fmt, d) => check(fmt, d));
});

async function check(fmt: (typeof formats)[number], d: (typeof docs)[number]): Promise<void> {
  {
    const r = await parse(join(root, `${d.out}.${fmt}`));
    const e = d.expect;
    expect(r.source.format).toBe(fmt);
    expect({
      issuer: r.issuer?.name,
      number: r.number?.raw?.replace(/^Số\s*:\s*/, ""),
      date: r.date?.value,
      type: r.type?.code,
      subject: r.subject,
      recipients: r.recipients,
      signatures: r.signatures.map((s) => ({ authority: s.authority, onBehalfOf: s.onBehalfOf, title: s.title, name: s.name })),
      distributionLength: r.distribution.length,
      labels: r.body.items.map((i) => i.label),
      footnotes: r.footnotes.map((f) => f.mark),
    }).toEqual({ ...e, footnotes: ["1"] });
  }
}
