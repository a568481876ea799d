#!/usr/bin/env node
// Scores the CLI against folders of *.expect.json checks (the format of ../shared/tools/score.mjs)
// and prints, GROBID-style, the accuracy per field, the share of documents whose whole header is
// right, failures and time.
//
// usage: npm run eval [-- DIR… --min PCT --verbose --json FILE]
//   default folders: ../shared/corpus/seeds and ../shared/corpus/dev
//   --min PCT   exit 1 when a folder scores below PCT% of its checks (DIR:PCT sets a folder's own bar)
//   --verbose   every missed check, with what came out
//   --json FILE the figures as JSON (for comparing two runs)
// Without DIRs it also prints the legacy scores (scripts/legacy-eval.mjs: TCVN3/VNI .xls, .ppt, .doc
// against their transcripts, diacritic accuracy; below 0.99 fails).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(root, "..", "shared");
const bin = join(root, "bin", "vanban.js");

const args = process.argv.slice(2);
let minPct = 0;
let verbose = false;
let jsonOut = null;
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--min") minPct = Number(args[++i]);
  else if (args[i] === "--verbose") verbose = true;
  else if (args[i] === "--json") jsonOut = args[++i];
  else {
    const [dir, bar] = args[i].split(/:(?=\d+(?:\.\d+)?$)/);
    dirs.push({ dir: resolve(dir), bar: bar === undefined ? null : Number(bar) });
  }
}
const defaultRun = !dirs.length;
if (!dirs.length) {
  for (const name of ["seeds", "dev"]) {
    const dir = join(shared, "corpus", name);
    if (existsSync(dir)) dirs.push({ dir, bar: null });
  }
}
if (!dirs.length) {
  console.log(`eval: no ${join(shared, "corpus")} beside this checkout; nothing to score`);
  process.exit(0);
}
if (!existsSync(join(root, "dist", "src", "index.js"))) {
  console.error("eval: vanban is not built; run `npm run build` first");
  process.exit(1);
}

// ---- comparison: the same rules as ../shared/tools/score.mjs ----
// Old and new tone placement (hoà / hòa, thuỷ / thủy) compared alike; case, trailing punctuation
// and runs of whitespace ignored.
const TONE = [
  [/o([\u0300\u0301\u0303\u0309\u0323])a/g, "oa$1"],
  [/o([\u0300\u0301\u0303\u0309\u0323])e/g, "oe$1"],
  [/u([\u0300\u0301\u0303\u0309\u0323])y/g, "uy$1"],
];
function norm(v) {
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") return JSON.stringify(v);
  let s = v.normalize("NFD").toLowerCase();
  for (const [re, to] of TONE) s = s.replace(re, to);
  return s.normalize("NFD").replace(/\s+/g, " ").trim().replace(/[.;:,]+$/, "").trim().normalize("NFC");
}
function canonTone(s) {
  const d = s.normalize("NFD");
  const tones = d.match(/[\u0300\u0301\u0303\u0309\u0323]/g) || [];
  return d.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "") + tones.join("");
}
function same(a, b) {
  const na = norm(a), nb = norm(b);
  if (na === nb) return true;
  if (na === null || nb === null) return false;
  const wa = na.split(" "), wb = nb.split(" ");
  return wa.length === wb.length && wa.every((w, i) => canonTone(w) === canonTone(wb[i]));
}
function at(obj, path) {
  let cur = [obj];
  for (const key of path.split(".")) {
    const next = [];
    for (const c of cur) {
      if (c === null || c === undefined) continue;
      if (key === "*") {
        if (Array.isArray(c)) next.push(...c);
        continue;
      }
      next.push(c[key]);
    }
    cur = next;
  }
  return path.includes("*") ? cur.flat() : cur[0];
}
function passes(rec, c) {
  const v = at(rec, c.path);
  if ("eq" in c) return same(v, c.eq);
  if ("has" in c) return Array.isArray(v) && v.flat().some((x) => same(x, c.has));
  if ("len" in c) return Array.isArray(v) && v.length === c.len;
  return false;
}

// ---- fields: which part of the record a check is about ----
/** [field, part of the header?] for a check path: `signatures.0.title` → signer title. */
function fieldOf(path) {
  const [head, second, third] = path.split(".");
  if (head === "signatures") {
    if (second === undefined) return "signatures (count)";
    return `signer ${third ?? second}`;
  }
  if (["dates", "agencies", "people", "references", "tasks", "events", "footnotes"].includes(head)) return `body: ${head}`;
  if (head === "issuer") return second === "parent" ? "issuer parent" : "issuer";
  if (head === "number") return `number ${second ?? ""}`.trim();
  if (head === "date") return "date";
  if (head === "type") return "type";
  if (head === "source") return `source ${second ?? ""}`.trim();
  return head;
}
const HEADER = new Set(["issuer", "issuer parent", "nationalTitle", "number value", "number symbol", "place", "date", "type", "subject", "recipients", "urgency", "confidentiality"]);

// ---- running the CLI ----
function parseFile(file) {
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, "parse", "--", file], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 600_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return done({ rec: null, err: err.trim().split("\n")[0] || `exit ${code}`, ms });
      try {
        done({ rec: JSON.parse(out), err: null, ms });
      } catch (e) {
        done({ rec: null, err: `output is not JSON: ${e.message}`, ms });
      }
    });
  });
}

async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const pct = (n, d) => (d ? ((100 * n) / d).toFixed(1) : "—");
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

let status = 0;
const report = [];
for (const { dir, bar } of dirs) {
  const cases = readdirSync(dir).filter((f) => f.endsWith(".expect.json")).sort().map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
  const started = Date.now();
  const results = await mapLimit(cases, Math.max(1, availableParallelism()), (c) => parseFile(join(dir, c.file)));
  const wall = (Date.now() - started) / 1000;

  const fields = new Map();
  let pass = 0;
  let total = 0;
  let failures = 0;
  let headerDocs = 0;
  let headerRight = 0;
  const misses = [];
  cases.forEach((c, i) => {
    const { rec, err } = results[i];
    if (!rec) failures++;
    let headerOk = true;
    let hasHeader = false;
    for (const check of c.checks) {
      const ok = rec ? passes(rec, check) : false;
      const field = fieldOf(check.path);
      const f = fields.get(field) ?? { pass: 0, total: 0 };
      f.total++;
      if (ok) f.pass++;
      fields.set(field, f);
      total++;
      if (ok) pass++;
      if (HEADER.has(field)) {
        hasHeader = true;
        if (!ok) headerOk = false;
      }
      if (!ok) misses.push({ file: c.file, check, got: rec ? at(rec, check.path) : err });
    }
    if (hasHeader) {
      headerDocs++;
      if (headerOk) headerRight++;
    }
  });
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const median = times.length ? times[Math.floor(times.length / 2)] : 0;

  console.log(`\n# ${dir}`);
  console.log(`${cases.length} documents, ${total} checks\n`);
  console.log(`| ${pad("field", 22)} | ${lpad("right", 7)} | ${lpad("checks", 6)} | ${lpad("accuracy", 8)} |`);
  console.log(`| ${"-".repeat(22)} | ${"-".repeat(7)} | ${"-".repeat(6)} | ${"-".repeat(8)} |`);
  const order = [...fields.keys()].sort((a, b) => (HEADER.has(b) ? 1 : 0) - (HEADER.has(a) ? 1 : 0) || a.localeCompare(b));
  for (const name of order) {
    const f = fields.get(name);
    console.log(`| ${pad(name, 22)} | ${lpad(f.pass, 7)} | ${lpad(f.total, 6)} | ${lpad(pct(f.pass, f.total) + "%", 8)} |`);
  }
  console.log(`| ${pad("**all checks**", 22)} | ${lpad(pass, 7)} | ${lpad(total, 6)} | ${lpad(pct(pass, total) + "%", 8)} |`);
  console.log(`\nwhole header right: ${headerRight}/${headerDocs} documents (${pct(headerRight, headerDocs)}%)`);
  console.log(`failures (no record): ${failures}; time: median ${(median / 1000).toFixed(2)} s a document, ${wall.toFixed(1)} s in all`);
  if (verbose) {
    console.log("\nmisses:");
    for (const m of misses) console.log(`  ${m.file}  ${m.check.path} ${JSON.stringify(m.check.eq ?? m.check.has ?? m.check.len)}  got ${JSON.stringify(m.got)?.slice(0, 160)}`);
  }
  const score = total ? (100 * pass) / total : 100;
  const need = bar ?? minPct;
  console.log(`score: ${pass}/${total} checks pass (${score.toFixed(1)}%)${need ? `, bar ${need}%` : ""}`);
  if (score < need) status = 1;
  report.push({ dir, documents: cases.length, checks: total, pass, headerRight, headerDocs, failures, medianMs: Math.round(median), fields: Object.fromEntries(fields) });
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
if (defaultRun) {
  console.log("");
  const r = spawnSync(process.execPath, [join(root, "scripts", "legacy-eval.mjs"), "--min", "0.99"], { stdio: "inherit" });
  if (r.status !== 0) status = 1;
}
process.exit(status);
