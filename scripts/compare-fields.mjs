#!/usr/bin/env node
// Compares the formal fields this build reads from a folder of documents with a saved snapshot,
// and lists every field a file had before and has lost now (and every changed value).
// usage: node scripts/compare-fields.mjs DIR --save snap.json     (after `npm run build`)
//        node scripts/compare-fields.mjs DIR --against snap.json [--no-ocr]
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const dir = resolve(args[0]);
const save = args.includes("--save") ? args[args.indexOf("--save") + 1] : null;
const against = args.includes("--against") ? args[args.indexOf("--against") + 1] : null;
const ocr = !args.includes("--no-ocr");
if (!save && !against) throw new Error("give --save FILE or --against FILE");

const { parse } = await import(join(root, "dist", "src", "index.js"));
const FIELDS = {
  issuer: (r) => r.issuer?.name ?? null,
  issuerParent: (r) => r.issuer?.parent ?? null,
  number: (r) => r.number ? `${r.number.value ?? ""}/${r.number.symbol ?? ""}` : null,
  date: (r) => r.date?.value ?? null,
  place: (r) => r.place,
  type: (r) => r.type?.code ?? null,
  subject: (r) => r.subject,
  recipients: (r) => (r.recipients.length ? r.recipients.join(" | ") : null),
  signatures: (r) => (r.signatures.length ? r.signatures.map((s) => [s.authority, s.title, s.name].join(" / ")).join(" || ") : null),
  distribution: (r) => (r.distribution.length ? r.distribution.join(" | ") : null),
};

const files = readdirSync(dir).filter((f) => !/\.(json|tsv|md5)$/i.test(f) && !f.startsWith(".")).sort();
const now = {};
for (const f of files) {
  try {
    const r = await parse(join(dir, f), { ocr });
    now[f] = Object.fromEntries(Object.entries(FIELDS).map(([k, get]) => [k, get(r)]));
  } catch (err) {
    now[f] = { error: String(err.message ?? err) };
  }
}
if (save) {
  writeFileSync(save, JSON.stringify(now, null, 1));
  console.log(`${files.length} files saved to ${save}`);
} else {
  const before = JSON.parse(readFileSync(against, "utf8"));
  let lost = 0, changed = 0, gained = 0;
  for (const f of files) {
    const a = before[f] ?? {}, b = now[f];
    for (const k of Object.keys(FIELDS)) {
      if (a[k] === b[k]) continue;
      const kind = a[k] != null && b[k] == null ? "LOST" : a[k] == null ? "gained" : "changed";
      if (kind === "LOST") lost++; else if (kind === "gained") gained++; else changed++;
      console.log(`${kind.padEnd(7)} ${f} ${k}\n   before: ${JSON.stringify(a[k])?.slice(0, 200)}\n   after:  ${JSON.stringify(b[k])?.slice(0, 200)}`);
    }
  }
  console.log(`${files.length} files: ${lost} fields lost, ${changed} changed, ${gained} gained`);
}
