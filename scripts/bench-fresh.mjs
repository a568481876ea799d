#!/usr/bin/env node
// node scripts/bench-fresh.mjs parse ROOT TEXTS_JSON BUDGET_MS
// node scripts/bench-fresh.mjs against BASELINE_ROOT ROOT TEXTS_JSON BUDGET_MS
// node --expose-gc scripts/bench-fresh.mjs stages ROOT SHORT_TEXT LONG_TEXT BUDGET_MS
// The in-process parse measures of bench-inprocess.mjs (`parseThroughput`, `parseAgainst`), each in
// a process of its own; prints the result's JSON. `npm run bench` runs them so: in the bench's own
// process, after it had made the corpus, run bare pdf.js over the PDFs and measured this build,
// a baseline build compared there started behind (base against main ×1.27 there, ×1.00–1.03 in a
// process of their own, the same minutes). The stage costs run here with --expose-gc: each stage
// is measured from a collected heap (see `stageCostsPaired`).
import { readFileSync } from "node:fs";
import { parseAgainst, parseThroughput, stageCostsPaired, wholeCost } from "./bench-inprocess.mjs";

const [what, ...rest] = process.argv.slice(2);
const texts = (file) => JSON.parse(readFileSync(file, "utf8"));

/** The stage costs of both documents (see `stageCostsPaired`), then the whole pipeline's on each. */
async function stagesShortLong(root, short, long, budgetMs) {
  const stages = await stageCostsPaired(root, short, long, budgetMs / 2);
  const whole = [await wholeCost(root, short, budgetMs / 2), await wholeCost(root, long, budgetMs / 2)];
  return { stages, whole };
}
const result =
  what === "parse" ? await parseThroughput(rest[0], texts(rest[1]), Number(rest[2]))
  : what === "against" ? await parseAgainst(rest[0], rest[1], texts(rest[2]), Number(rest[3]))
  : what === "stages" ? await stagesShortLong(rest[0], readFileSync(rest[1], "utf8"), readFileSync(rest[2], "utf8"), Number(rest[3]))
  : null;
if (!result) throw new Error(`bench-fresh: unknown measure ${what}`);
process.stdout.write(JSON.stringify(result) + "\n");
