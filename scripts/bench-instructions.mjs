#!/usr/bin/env node
// Instructions a two-page document costs, counted, for comparing two builds on a noisy machine.
//
//   node scripts/bench-instructions.mjs                    this checkout (built: npm run build)
//   node scripts/bench-instructions.mjs --baseline DIR     and another checkout, built, beside it
//   options: --rounds A,B (default 12,52), --keep-profiles DIR (valgrind's per-function counts),
//            --by-kind (where a warm document's instructions go: our code, V8's compiler, JSON, …)
//
// What `convert`'s worker does with each file after reading it (src/bulk/worker.ts: runBytes with
// its hash, the exact-record check, the JSON line), over the bench's two-page documents
// (scripts/bench-corpus.mjs), in one process under valgrind's instruction counter (cachegrind,
// no cache simulation), with V8 made deterministic (`--predictable`: one thread, the optimizing
// compiler run in line; the collector's schedule and the random seeds fixed). The process is
// counted twice, over A rounds of the documents and over B; the difference over (B − A) rounds is
// one document's cost once the process has warmed up, start-up and the first rounds' compiling
// left out.
//
// Why counted and not timed: CPU time on these shared machines moves ±15–30% from one minute to
// the next (the bench's figures are read from alternating runs for that reason), so a change worth
// 3% cannot be seen by timing it. Counted, with the collector's work apart (it still moves from
// run to run, see COLLECTOR), one build's cost a document and its start-up agree to ~1% from run
// to run. A count is not a time — an instruction that misses the cache costs more than one that
// hits, and the compiler runs on the main thread here where `convert` runs it on helper threads —
// so the targets stay in `npm run bench`; this is for telling whether a change made the work
// smaller.
// Needs valgrind (Debian: `apt-get install valgrind`); ~3 minutes a build, both counts of a
// build at once.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { twoPageDocuments } from "./bench-corpus.mjs";

const self = fileURLToPath(import.meta.url);
const root = resolve(dirname(self), "..");
const args = process.argv.slice(2);

if (args[0] === "--run") {
  // the counted process: node --predictable bench-instructions.mjs --run ROOT TEXTS_JSON ROUNDS
  const [, buildRoot, textsFile, rounds] = args;
  const src = (p) => pathToFileURL(join(buildRoot, "dist", "src", p)).href;
  const { runBytes } = await import(src("run.js"));
  const { isExactRecord } = await import(src("record/exact.js"));
  const { recordLine } = await import(src("bulk/lines.js"));
  const docs = JSON.parse(readFileSync(textsFile, "utf8")).map((t) => new TextEncoder().encode(t));
  let bytes = 0;
  for (let r = 0; r < Number(rounds); r++) {
    for (const [i, doc] of docs.entries()) {
      const { record } = await runBytes(doc, { path: `doc-${i}.txt` });
      if (!isExactRecord(record)) throw new Error(`bench-instructions: doc-${i}.txt: the record is not exact (record/exact.ts)`);
      bytes += recordLine(record).length;
    }
  }
  process.stdout.write(JSON.stringify({ documents: docs.length * Number(rounds), bytes }) + "\n");
  process.exit(0);
}

const value = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const [roundsA, roundsB] = value("--rounds", "12,52").split(",").map(Number);
if (!(roundsA >= 1 && roundsB > roundsA)) {
  process.stderr.write("bench-instructions: --rounds A,B wants 1 ≤ A < B\n");
  process.exit(2);
}
const baseline = value("--baseline") ? resolve(value("--baseline")) : null;
const keep = value("--keep-profiles") ? resolve(value("--keep-profiles")) : null;
if (spawnSync("valgrind", ["--version"]).status !== 0) {
  process.stderr.write("bench-instructions: needs valgrind on the PATH (Debian: apt-get install valgrind)\n");
  process.exit(1);
}
for (const r of [root, baseline].filter(Boolean)) {
  if (!existsSync(join(r, "dist", "src", "run.js"))) {
    process.stderr.write(`bench-instructions: ${r} is not built (npm run build there)\n`);
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), "vanban-instructions-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const texts = twoPageDocuments(root);
const textsFile = join(work, "texts.json");
writeFileSync(textsFile, JSON.stringify(texts));
if (keep) mkdirSync(keep, { recursive: true });

/**
 * V8 made to do the same work from run to run, as far as it goes: one thread, the optimizing
 * compiler in line (`--predictable`), the collector's schedule fixed, the seeds of its random
 * numbers and string hashes fixed.
 */
const V8_DETERMINISTIC = ["--predictable", "--predictable-gc-schedule", "--random-seed=1", "--hash-seed=1"];
/** Addresses made the same from run to run too (util-linux `setarch -R`), where it is installed. */
const noAslr = spawnSync("setarch", ["-R", "true"]).status === 0;

/**
 * V8's garbage collector, by the names of its functions (as cachegrind writes them): the
 * young and old generations' collections and the write barrier. What it does still moves from run
 * to run whatever the flags (a full collection falls in the window or not: two counts of one build
 * differed by 800 M instructions, 6% a document, ~620 M of it in these functions), so it is counted
 * apart, and reported beside.
 */
const COLLECTOR = /Scaveng|Marking|MarkCompact|Sweeper|RecordWrite|RecordMigrated|Evacuat|RememberedSet|SlotSet|MinorMC|GCTracer|Heap\d*Collect|Heap\d*PerformGarbage|ArrayBufferSweeper|SizeFromMap|RelocIterator|Pretenuring|ShouldBePromoted|LiveObject|IterateObjectCache/;

/** Instructions in the collector's functions (see {@link COLLECTOR}), read from a cachegrind file (`fn=` lines, then `line count` lines). */
function collectorCount(file) {
  let collector = 0;
  let inCollector = false;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("fn=")) inCollector = COLLECTOR.test(line);
    else if (inCollector && line.charCodeAt(0) >= 48 && line.charCodeAt(0) <= 57) collector += Number(line.slice(line.indexOf(" ") + 1));
  }
  return collector;
}

/**
 * What a warm document's instructions are spent in, by the names cachegrind gives the functions
 * (`--by-kind`), first match wins. Code V8 generates — ours once compiled, and the regexes' — has
 * no name (`???`); its builtins are `Builtins_…`. Reading the native side this way found the
 * UTF-8 decoding (V8's, ~285 K a document: load/utf8) and typed-array searches (~72 K) the CPU
 * profile had put inside the JavaScript functions that called them.
 */
const KINDS = [
  ["the collector", COLLECTOR],
  ["V8's compiler (functions first optimized in these rounds)", /compiler::|Turbofan|Maglev|baseline::|BytecodeGenerator|Parser::|Scanner::|interpreter::|Pipeline/],
  ["JSON.stringify", /Json/],
  ["regex engine's runtime", /RegExp|Irregexp/],
  ["ICU", /icu_|ucase|u_str/],
  ["simdutf (UTF-8 checked, converted)", /simdutf/],
  ["OpenSSL (the file's sha256)", /sha256|SHA256/],
  ["libc (memcpy, malloc …)", /memcpy|memmove|memset|memchr|malloc|free|strlen/],
  ["V8's builtins", /Builtins_/],
  ["generated code: ours, and the regexes'", /^\?\?\?$/],
];

/** Instructions by function name in a cachegrind file. */
function byFunction(file) {
  const counts = new Map();
  let fn = "";
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("fn=")) fn = line.slice(3);
    else if (line.charCodeAt(0) >= 48 && line.charCodeAt(0) <= 57) counts.set(fn, (counts.get(fn) ?? 0) + Number(line.slice(line.indexOf(" ") + 1)));
  }
  return counts;
}

/** A warm document's instructions by {@link KINDS}, and the functions with a name that cost most (the compiler's and the collector's apart). */
function byKind(fileA, fileB, docs) {
  const [a, b] = [byFunction(fileA), byFunction(fileB)];
  const kinds = new Map([...KINDS.map(([k]) => [k, 0]), ["everything else in V8 and Node", 0]]);
  const named = [];
  let total = 0;
  for (const [fn, n] of b) {
    const d = (n - (a.get(fn) ?? 0)) / docs;
    total += d;
    const kind = KINDS.find(([, re]) => re.test(fn))?.[0] ?? "everything else in V8 and Node";
    kinds.set(kind, kinds.get(kind) + d);
    if (kind !== KINDS[0][0] && kind !== KINDS[1][0] && kind !== KINDS[KINDS.length - 1][0]) named.push([fn, d]);
  }
  named.sort((x, y) => y[1] - x[1]);
  return { total, kinds: [...kinds].sort((x, y) => y[1] - x[1]), named: named.slice(0, 12) };
}

/** One counted process: its instructions and what it parsed. */
function count(buildRoot, rounds, tag) {
  const out = join(keep ?? work, `${tag}-${rounds}.cachegrind`);
  const argv = ["--tool=cachegrind", "--cache-sim=no", `--cachegrind-out-file=${out}`, "--smc-check=all-non-file",
    process.execPath, ...V8_DETERMINISTIC, self, "--run", buildRoot, textsFile, String(rounds)];
  return new Promise((resolvePromise, reject) => {
    const [command, ...rest] = noAslr ? ["setarch", "-R", "valgrind", ...argv] : ["valgrind", ...argv];
    const child = spawn(command, rest, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
      if (code !== 0 || !refs) return reject(new Error(`bench-instructions: ${tag}, ${rounds} rounds: exit ${code}\n${stderr.slice(-2000)}`));
      resolvePromise({ instructions: Number(refs[1].replace(/,/g, "")), collector: collectorCount(out), file: out, ...JSON.parse(stdout) });
    });
  });
}

/** A build's cost a document once warm, and its whole count over A rounds (start-up included). */
async function measure(buildRoot, tag) {
  const [a, b] = await Promise.all([count(buildRoot, roundsA, tag), count(buildRoot, roundsB, tag)]);
  if ((b.bytes / b.documents).toFixed(3) !== (a.bytes / a.documents).toFixed(3)) throw new Error(`bench-instructions: ${tag}: the records' size differs from round to round`);
  const docs = b.documents - a.documents;
  const collector = (b.collector - a.collector) / docs;
  return { perDocument: (b.instructions - a.instructions) / docs - collector, collector, firstRounds: a.instructions - a.collector, lineBytes: b.bytes / b.documents, kinds: args.includes("--by-kind") ? byKind(a.file, b.file, docs) : null };
}

const M = (n) => `${(n / 1e6).toFixed(2)} M`;
process.stderr.write(`bench-instructions: ${texts.length} two-page documents, rounds ${roundsA} and ${roundsB}, counted under valgrind…\n`);
const results = [];
for (const [tag, r] of [["this", root], ...(baseline ? [["baseline", baseline]] : [])]) {
  const m = await measure(r, tag);
  results.push({ tag, root: r, ...m });
  process.stdout.write(`${tag} (${r}): ${M(m.perDocument)} instructions a document once warm, the collector apart (${M(m.collector)} more in it); ${M(m.firstRounds)} for start-up and the first ${roundsA} rounds, the collector apart; ${Math.round(m.lineBytes)} bytes a JSON line\n`);
  if (m.kinds) {
    const K = (n) => `${(n / 1e3).toFixed(0).padStart(6)} K`;
    for (const [kind, n] of m.kinds.kinds) process.stdout.write(`  ${K(n)} ${((100 * n) / m.kinds.total).toFixed(1).padStart(5)}%  ${kind}\n`);
    process.stdout.write("  the functions with a name that cost most (the compiler's and the collector's apart):\n");
    for (const [fn, n] of m.kinds.named) process.stdout.write(`  ${K(n)}  ${fn.length > 110 ? `${fn.slice(0, 110)}…` : fn}\n`);
  }
}
if (baseline) {
  const [now, base] = results;
  const change = (now.perDocument / base.perDocument - 1) * 100;
  process.stdout.write(`this against baseline: ${change >= 0 ? "+" : ""}${change.toFixed(2)}% a document once warm, the collector apart (in it: ${M(base.collector)} → ${M(now.collector)}); ${((now.firstRounds / base.firstRounds - 1) * 100).toFixed(2)}% start-up and first rounds${now.lineBytes !== base.lineBytes ? "; the JSON lines differ in size: the records are not the same" : ""}\n`);
}
