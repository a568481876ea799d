#!/usr/bin/env node
// Parses every document of a folder (default ../shared/corpus/real) and prints one row a file:
// format, pages, encoding, OCR, which formal parts were found, how many facts, time, or the error.
// usage: npm run build && node scripts/corpus-report.mjs [DIR] [--json]
import { readdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { parse } = await import(join(root, "dist/src/index.js"));
const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith("--")) ?? join(root, "..", "shared", "corpus", "real"));
if (!existsSync(dir)) {
  console.log(`corpus-report: ${dir} is absent; nothing to report`);
  process.exit(0);
}
const files = readdirSync(dir).filter((f) => /\.(pdf|docx?|rtf|html?|txt|md)$/i.test(f)).sort();
const rows = [];
for (const f of files) {
  const t0 = performance.now();
  try {
    const r = await parse(join(dir, f));
    rows.push({
      file: f, format: r.source.format, pages: r.source.pages ?? "", encoding: r.source.encoding, ocr: r.source.ocr ? "yes" : "",
      issuer: r.issuer ? "✓" : "–", number: r.number ? "✓" : "–", date: r.date?.value ? "✓" : "–", type: r.type?.code ?? "–",
      signature: r.signatures.some((s) => s.name) ? "✓" : r.signatures.length ? "title" : "–",
      dates: r.dates.length, agencies: r.agencies.length, people: r.people.length, references: r.references.length,
      tasks: r.tasks.length, events: r.events.length, warnings: r.warnings.length, ms: Math.round(performance.now() - t0), error: "",
    });
  } catch (e) {
    rows.push({ file: f, ms: Math.round(performance.now() - t0), error: `${e.code ?? "error"}: ${String(e.message).slice(0, 80)}` });
  }
}
if (args.includes("--json")) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const cols = ["file", "format", "pages", "encoding", "ocr", "issuer", "number", "date", "type", "signature", "dates", "agencies", "people", "references", "tasks", "events", "warnings", "ms", "error"];
  console.log(`| ${cols.join(" | ")} |`);
  console.log(`|${cols.map(() => " --- ").join("|")}|`);
  for (const r of rows) console.log(`| ${cols.map((c) => r[c] ?? "").join(" | ")} |`);
}
