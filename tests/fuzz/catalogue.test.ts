// The error catalogue: every code vanban uses is documented (docs/errors.md) and in ERROR_CODES.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors.js";
import { ROOT } from "../bulk/helpers.js";

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** Codes written in the source: `new XxxError("code", …`, `failure: "code"`, `code: "code"` of a Rejected. */
function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources(join(ROOT, "src"))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/new (?:\w+Error)\(\s*"([a-z][a-z-]*)"/g)) found.set(m[1], file);
    for (const m of text.matchAll(/failure: "([a-z][a-z-]*)"/g)) found.set(m[1], file);
    // (elsewhere `{ code, message }` is a warning, which has its own codes)
    if (file.includes(`${join("src", "bulk")}`)) for (const m of text.matchAll(/\{ code: "([a-z][a-z-]*)", message:/g)) found.set(m[1], file);
  }
  return found;
}

describe("error catalogue", () => {
  const doc = readFileSync(join(ROOT, "docs", "errors.md"), "utf8");
  const documented = new Set([...doc.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]));

  it("docs/errors.md lists exactly the codes of ERROR_CODES", () => {
    expect([...documented].sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it("every code raised in src/ is in the catalogue (add a new one to ERROR_CODES and docs/errors.md)", () => {
    const missing = [...codesInSource()].filter(([code]) => !(code in ERROR_CODES)).map(([code, file]) => `${code} (${file.slice(ROOT.length + 1)})`);
    expect(missing).toEqual([]);
  });
});
