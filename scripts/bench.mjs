#!/usr/bin/env node
// Benchmark of `vanban convert`, end to end (the CLI as a child process, worker threads and all).
//
//   npm run bench                 full: 20,000 two-page text documents, the real PDFs ×3
//   npm run bench -- --quick      a minute or two: 1,000 text documents, the real PDFs ×1
//   options: --files N (text documents), --rss-files N (the small batch of the memory check,
//   default 1,000), --pdf-copies N, --budget MS (CPU time per in-process measurement),
//   --bulk-files N (one-line files of the bulk-layer measure, default 20,000),
//   --only LIST (of parse,stages,convert,floor,bulk,pdf,ready,check,browser), --no-build, --json FILE, --keep,
//   --baseline DIR (another checkout, built: its parse throughput and this one's, both in one
//   fresh process in alternating bursts, with the parse measure; scripts/bench-fresh.mjs)
//
// What issue 9 asks, each measured in this run:
//   - documents per CPU-second: two-page text documents through `convert --jobs 1` (the CPU time
//     of the whole child process, main thread and worker, start-up included), and in one thread
//     in process (`parseText`, with and without zod validation); where /proc tells it, that
//     `--jobs 1` run's CPU by thread (worker, main, V8's and libuv's helper threads: the
//     optimizing compiler and the concurrent collector, which keep one job on more than a core);
//   - CPU cost per character of every stage, two-page against 100-page document (the ratio must
//     stay ≤ 1.2: cost linear in the length);
//   - PDF: vanban's parse against bare pdf.js getTextContent on the same files, CPU time, each
//     in processes of its own (scripts/measure-pdf.mjs), for Unicode and TCVN3 text layers apart;
//     also through convert, pages/s, and `pdftotext`;
//   - `--jobs 2` against `--jobs 1` (wall time: that is what scaling is; noisy on a shared machine),
//     and the most the `--jobs 2` run's own CPU would allow on free cores (2 × the `--jobs 1` wall
//     over its CPU): what is lost to our threads (each worker's compiler threads, the main thread)
//     rather than to other tenants;
//   - peak RSS of the whole process (getrusage maxRSS) on a small batch and on the full one;
//   - how long a fresh worker takes to be ready;
//   - the floor under the text figure (scripts/bench-floor.mjs): the same files read, hashed and
//     decoded, and records as long as theirs written as JSON lines, with no parse at all: what is
//     left of the target's 500 µs a document for the stages, the pool and the check;
//   - the bulk layer: one-line files through convert, files per CPU-second with --jobs 1 (with and
//     without the start-up), --jobs 2 against 1, and peak RSS of 1,000 against 20,000 of them. The
//     parse of one line is short but not free: the pipeline's fixed cost a document is most of a
//     file's CPU once the JIT has warmed up (which takes thousands of files), reading, messaging
//     and writing the rest.
// Machines here are shared and noisy: CPU time is used wherever one thread's work is measured;
// compare ratios measured in the same run, not absolutes.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sharedCorpus, twoPageDocuments, twoPages, walk } from "./bench-corpus.mjs";
import { bareOptions, bareText, pdfjsRootOf } from "./pdfjs-bare.mjs";

// Node's own, kept before anything loads pdf.js (see where pdf.js is loaded below)
const nativePush = Array.prototype.push;

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const quick = flag("--quick");
const textFiles = Number(value("--files", quick ? 1000 : 20000));
const pdfCopies = Number(value("--pdf-copies", quick ? 1 : 3));
const rssFiles = Math.min(textFiles, Number(value("--rss-files", 1000)));
const budgetMs = Number(value("--budget", quick ? 1000 : 3000));
const only = value("--only") ? new Set(value("--only").split(",")) : null;
const want = (part) => !only || only.has(part);
const cores = availableParallelism();
const log = (s) => process.stderr.write(s + "\n");

// targets of issues 5 and 9
const TARGETS = { textDocsPerCore: 2000, pdfVsPdfjs: 0.8, scaling2: 1.8, peakRssMb: 300, peakRssBatch: 20000, longVsShort: 1.2, rssGrowth: 1.1, workerReadyMs: 200 };
// budget of the browser build (issue 13; README), gzipped bytes
const BROWSER_BUDGET = { textOnlyGz: 120 * 1024, fullGz: 550 * 1024 };

if (!flag("--no-build")) {
  log("bench: npm run build");
  spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}
if (!existsSync(join(root, "dist", "src", "bulk", "worker.js"))) {
  log("bench: dist/ is not built (npm run build)");
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "vanban-bench-"));
/** The `convert` child processes running now: stopped with the bench, so that none writes into the work folder as it goes. */
const children = new Set();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
  if (flag("--keep")) return;
  try {
    rmSync(work, { recursive: true, force: true, maxRetries: 5 });
  } catch (err) {
    process.stderr.write(`bench: could not remove ${work}: ${err.message}\n`);
  }
});
// stopped (Ctrl-C, a timeout's SIGTERM): the exit handler above still stops the children and
// removes the work folder, which interrupted runs left behind (~3 MB of PDF copies each)
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) process.on(signal, () => process.exit(code));

const textSources = twoPageDocuments(root);
if (!textSources.length) {
  log("bench: no text fixtures with a document number under fixtures/");
  process.exit(1);
}
const textDir = join(work, "text");
for (let i = 0; (want("convert") || want("floor")) && i < textFiles; i++) {
  const dir = join(textDir, String(Math.floor(i / 1000)).padStart(3, "0"));
  if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
  const src = textSources[i % textSources.length];
  writeFileSync(join(dir, `vb-${String(i).padStart(6, "0")}.txt`), src.replace(/Số:\s*\d*/, `Số: ${i + 1}`));
}
// ---------- one-line files: what the bulk layer costs when the parse costs next to nothing ----------
const bulkFiles = Number(value("--bulk-files", 20000));
const tinyDir = join(work, "tiny");
for (let i = 0; want("bulk") && i < bulkFiles; i++) {
  const dir = join(tinyDir, String(Math.floor(i / 1000)).padStart(3, "0"));
  if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `t-${String(i).padStart(6, "0")}.txt`), `Số: ${i + 1}/UBND\n`);
}
const avgChars = Math.round(textSources.reduce((n, t) => n + t.length, 0) / textSources.length);
log(`bench: ${textFiles} text documents (${textSources.length} kinds, ~${avgChars} characters each) in ${textDir}`);

// ---------- the PDF corpus: PDFs with a text layer (scanned ones would measure OCR) ----------
const pdfjsRoot = pdfjsRootOf(root);
// (the real corpus found from a worktree too: looked for beside the checkout only, a worktree's
// bench measured the fixtures alone, none of them in TCVN3)
const realCorpus = sharedCorpus(root, "real");
const pdfCandidates = [...(realCorpus ? walk(realCorpus, (n) => /\.pdf$/i.test(n)) : []), ...walk(join(root, "fixtures"), (n) => /\.pdf$/i.test(n))];
// pdf.js loaded by vanban's PDF loader first: pdf.js's legacy build replaces Node's own
// Array.prototype.push and JSON.parse with slower polyfills process-wide, and the loader puts them
// back once pdf.js and its worker code have loaded. Bare pdf.js runs in this same process (its
// module is the loader's), and so do the in-process stage costs and parse throughput: all measured
// on the natives. Importing pdf.js here directly left the polyfills in: every stage cost read
// half as much again (agencies 32 ns/char on the two-page document, 21 with the native push).
const { pdfLoader } = await import(pathToFileURL(join(root, "dist", "src", "load", "pdf.js")).href);
await pdfLoader.load(readFileSync(pdfCandidates[0]), { path: pdfCandidates[0] }).catch(() => {});
const pdfjs = await import(pathToFileURL(join(pdfjsRoot, "legacy", "build", "pdf.mjs")).href);
if (Array.prototype.push !== nativePush) throw new Error("bench: pdf.js's Array.prototype.push polyfill is still in place: the in-process figures would read slow");
const pdfjsOptions = bareOptions(pdfjsRoot);
/** Bare pdf.js: every page's getTextContent(), nothing else. Returns pages and characters. */
const pdfjsText = (bytes) => bareText(pdfjs, pdfjsOptions, bytes);

const pdfs = [];
for (const p of pdfCandidates) {
  try {
    const { pages, chars } = await pdfjsText(readFileSync(p));
    if (chars / pages >= 200) pdfs.push({ path: p, pages });
  } catch {
    // broken on purpose (fixtures of damaged files): not a speed sample
  }
}
const pdfDir = join(work, "pdf");
mkdirSync(pdfDir, { recursive: true });
for (let c = 0; c < pdfCopies; c++) for (const [i, p] of pdfs.entries()) copyFileSync(p.path, join(pdfDir, `${c}-${i}-${basename(p.path)}`));
const pdfPages = pdfs.reduce((n, p) => n + p.pages, 0);
log(`bench: ${pdfs.length} PDFs with a text layer (${pdfPages} pages) ×${pdfCopies}, of ${pdfCandidates.length} found`);

// ---------- runs ----------
const inproc = await import("./bench-inprocess.mjs");
const usageHook = join(work, "usage-hook.mjs");
writeFileSync(usageHook, `import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";
// CPU time of the whole process (every thread, the workers included) and its peak RSS, at exit;
// where /proc tells it (Linux), the main thread's and the helper threads' still alive then: V8's
// platform threads (the optimizing compiler, the concurrent collector) and libuv's pool. The
// workers have ended by then: theirs is the rest. Clock ticks of 10 ms (USER_HZ on Linux).
function threads() {
  try {
    let main = 0, helpers = 0;
    for (const tid of readdirSync("/proc/self/task")) {
      const stat = readFileSync(\`/proc/self/task/\${tid}/stat\`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ms = (Number(f[11]) + Number(f[12])) * 10;
      if (Number(tid) === process.pid) main += ms;
      else helpers += ms;
    }
    return { mainMs: main, helpersMs: helpers };
  } catch {
    return {};
  }
}
if (isMainThread && process.env.VANBAN_BENCH_USAGE) process.on("exit", () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.VANBAN_BENCH_USAGE, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS, ...threads() }));
});
`);
/** An in-process measure of scripts/bench-fresh.mjs, in a process of its own (see there why); its result. */
function fresh(...args) {
  const flags = args[0] === "stages" ? ["--expose-gc"] : [];
  const run = spawnSync(process.execPath, [...flags, join(root, "scripts", "bench-fresh.mjs"), ...args.map(String)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) throw new Error(`bench: scripts/bench-fresh.mjs ${args[0]} failed${args[0] === "against" ? ` (is ${args[1]}'s dist built?)` : ""}`);
  return JSON.parse(run.stdout);
}

let runNo = 0;
/** Runs the CLI as a child process; its CPU time and peak RSS (threads included) come from getrusage at its exit. */
function convert(input, jobs, extra = []) {
  return new Promise((resolvePromise, reject) => {
    const n = runNo++;
    const summary = join(work, `summary-${n}.json`);
    const usage = join(work, `usage-${n}.json`);
    const out = join(work, `out-${n}.jsonl`);
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", pathToFileURL(usageHook).href, join(root, "bin", "vanban.js"), "convert", input, "--out", out, "--jobs", String(jobs), "--no-ocr", "-q", "--summary", summary, ...extra], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, VANBAN_BENCH_USAGE: usage },
    });
    children.add(child);
    child.on("close", (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`convert exited ${code}`));
      const s = JSON.parse(readFileSync(summary, "utf8"));
      const u = JSON.parse(readFileSync(usage, "utf8"));
      rmSync(out, { force: true });
      const threads = u.mainMs === undefined ? null : { main: u.mainMs / 1000, helpers: u.helpersMs / 1000, workers: Math.max(0, u.cpuMs - u.mainMs - u.helpersMs) / 1000 };
      resolvePromise({ ...s, wallSeconds: (performance.now() - started) / 1000, cpuSeconds: u.cpuMs / 1000, peakRssMb: Math.round(u.maxRssKb / 1024), threads });
    });
    child.on("error", reject);
  });
}

function round(x, digits = 1) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const results = { machine: { cores, node: process.version, loadavg: loadavg().map((x) => round(x, 2)) }, quick, corpus: { textFiles, textChars: avgChars, pdfFiles: pdfs.length * pdfCopies, pdfPages: pdfPages * pdfCopies } };

if (want("parse")) {
  log("bench: parseText in one thread of a process of its own (CPU time)…");
  const textsFile = join(work, "parse-texts.json");
  writeFileSync(textsFile, JSON.stringify(textSources));
  results.parse = fresh("parse", root, textsFile, budgetMs);
  const baseline = value("--baseline", null);
  if (baseline) {
    log(`bench: parseText against the build in ${baseline}, alternating…`);
    results.parseAgainst = { dir: resolve(baseline), ...fresh("against", resolve(baseline), root, textsFile, budgetMs) };
  }
}

if (want("stages")) {
  const base = readFileSync(join(root, "fixtures", "cong-van-ubnd.txt"), "utf8");
  const short = twoPages(base), long = twoPages(base, 50 * short.length);
  log(`bench: CPU per character of each stage, ${short.length} against ${long.length} characters…`);
  writeFileSync(join(work, "stage-short.txt"), short);
  writeFileSync(join(work, "stage-long.txt"), long);
  const { stages: paired, whole: [wa, wb] } = fresh("stages", root, join(work, "stage-short.txt"), join(work, "stage-long.txt"), budgetMs);
  const ratios = (x, y, r = {}) => Object.fromEntries(Object.keys(x).map((k) => [k, { short: round(x[k]), long: round(y[k]), ratio: round(r[k] ?? y[k] / x[k], 2) }]));
  results.stages = { shortChars: short.length, longChars: long.length, nsPerChar: ratios(paired.short, paired.long, paired.ratio), whole: ratios(wa, wb) };
}

if (want("ready")) {
  log("bench: worker start-up…");
  results.workerReady = await inproc.workerReady(root, quick ? 3 : 5);
}

if (want("convert")) {
  // text on one core: a fifth of the batch (every 5th file, so all kinds are there)
  const oneCoreShare = quick ? 2 : 5;
  log(`bench: text, 1 worker, ${Math.ceil(textFiles / oneCoreShare)} files…`);
  const text1 = await convert(textDir, 1, ["--shard", `1/${oneCoreShare}`]);
  // start-up (the process, one worker's import and warm-up) with one file: what a batch pays once,
  // taken from the batch's CPU for the figure once started (the quick batch is too short to hide it)
  const startup = await convert(textDir, 1, ["--shard", `1/${textFiles}`]);
  log(`bench: text, ${cores} workers, ${textFiles} files…`);
  const textN = await convert(textDir, cores);
  log(`bench: text, ${cores} workers, ${rssFiles} files (memory)…`);
  const small = await convert(join(textDir, "000"), cores, ["--shard", `1/${Math.max(1, Math.floor(Math.min(1000, textFiles) / rssFiles))}`]);
  results.text = {
    docsPerCpuSecond1: round(text1.done / text1.cpuSeconds),
    startupCpuSeconds: round(startup.cpuSeconds, 2),
    docsPerCpuSecond1Started: round((text1.done - startup.done) / Math.max(1e-3, text1.cpuSeconds - startup.cpuSeconds)),
    docsPerSecond1: round(text1.done / text1.wallSeconds),
    // seconds of CPU by thread: workers, main, V8's and libuv's helper threads (null without /proc)
    threads1: text1.threads && Object.fromEntries(Object.entries(text1.threads).map(([k, v]) => [k, round(v, 2)])),
    docsPerSecondAll: round(textN.done / textN.wallSeconds),
    docsPerCpuSecondAll: round(textN.done / textN.cpuSeconds),
    scaling: round(text1.wallSeconds / text1.done / (textN.wallSeconds / textN.done), 2),
    // the most the --jobs N run's own CPU allows on N free cores, whatever else the machine runs:
    // its wall cannot be less than its CPU spread over the N (per document, against --jobs 1's wall)
    cpuScaling: round((cores * text1.wallSeconds) / text1.done / (textN.cpuSeconds / textN.done), 2),
    threadsAll: textN.threads && Object.fromEntries(Object.entries(textN.threads).map(([k, v]) => [k, round(v, 2)])),
    failed: text1.status.error + textN.status.error,
    peakRssMb: textN.peakRssMb,
    peakRssMbSmall: small.peakRssMb,
    smallBatch: small.done,
    batch: textN.done,
    batch1: text1.done,
  };
}

if (want("floor")) {
  log("bench: the floor: the text files read and hashed, their records written, no parse…");
  const run = spawnSync(process.execPath, [join(root, "scripts", "bench-floor.mjs"), root, textDir, join(work, "floor.jsonl")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) throw new Error("bench: scripts/bench-floor.mjs failed");
  rmSync(join(work, "floor.jsonl"), { force: true });
  const f = JSON.parse(run.stdout);
  results.floor = { ...f, inputMicrosPerFile: round(f.inputMicrosPerFile), outputMicrosPerFile: round(f.outputMicrosPerFile), filesPerCpuSecond: Math.round(f.filesPerCpuSecond) };
}

if (want("bulk")) {
  const share = Math.max(1, Math.round(bulkFiles / 5000));
  log(`bench: bulk layer, one-line files: --jobs 1 and ${cores} on ${Math.ceil(bulkFiles / share)}, --jobs ${cores} on 1,000 and on ${bulkFiles}…`);
  const one = await convert(tinyDir, 1, ["--shard", `1/${share}`]);
  // one file: the process's and one worker's start-up, which the figure once started leaves out
  // (it is most of a short batch: 0.8 CPU-s against ~0.4 ms a one-line file)
  const startup = await convert(tinyDir, 1, ["--shard", `1/${bulkFiles}`]);
  const oneN = await convert(tinyDir, cores, ["--shard", `1/${share}`]);
  const small = await convert(join(tinyDir, "000"), cores);
  const all = await convert(tinyDir, cores);
  results.bulk = {
    files1: one.done,
    filesPerCpuSecond1: round(one.done / one.cpuSeconds),
    startupCpuSeconds: round(startup.cpuSeconds, 2),
    filesPerCpuSecond1Started: round((one.done - startup.done) / Math.max(1e-3, one.cpuSeconds - startup.cpuSeconds)),
    filesPerSecond1: round(one.done / one.wallSeconds),
    files: all.done,
    filesPerSecondAll: round(all.done / all.wallSeconds),
    filesPerCpuSecondAll: round(all.done / all.cpuSeconds),
    // the same files both ways: start-up weighs the same in both
    scaling: round(one.wallSeconds / oneN.wallSeconds, 2),
    peakRssMbSmall: small.peakRssMb,
    smallBatch: small.done,
    peakRssMb: all.peakRssMb,
    workersStarted: all.workersStarted,
  };
}

if (want("pdf") && pdfs.length) {
  // each mode in processes of its own (scripts/measure-pdf.mjs): in one process the round that
  // follows bare pdf.js's pays ~90 ms more than the same work elsewhere, whichever it is, and
  // alternating the two there read 65–97% where apart they read 59–75% (docs/speed-log, 2026-12-06)
  log(`bench: PDF against bare pdf.js, CPU time, each in processes of its own…`);
  const json = join(work, "measure-pdf.json");
  const measured = spawnSync(process.execPath, [join(root, "scripts", "measure-pdf.mjs"), "--procs", quick ? "2" : "4", "--json", json, ...pdfs.map((p) => p.path)], { stdio: ["ignore", "ignore", "inherit"] });
  if (measured.status !== 0) throw new Error("bench: scripts/measure-pdf.mjs failed");
  results.pdfVsPdfjs = {};
  for (const [enc, m] of Object.entries(JSON.parse(readFileSync(json, "utf8")))) {
    results.pdfVsPdfjs[enc] = { files: m.files, pages: m.pages, bareMs: round(m.bareMs), vanbanMs: round(m.vanbanMs), ratio: round(m.ratio, 3) };
  }
  if (want("convert")) {
    log(`bench: PDF, 1 worker…`);
    const pdf1 = await convert(pdfDir, 1);
    log(`bench: PDF, ${cores} workers…`);
    const pdfN = await convert(pdfDir, cores);
    log("bench: bare pdf.js, one thread…");
    let t = performance.now();
    let pages = 0;
    for (let c = 0; c < pdfCopies; c++) for (const p of pdfs) pages += (await pdfjsText(readFileSync(p.path))).pages;
    const pdfjsPagesPerSecond = pages / ((performance.now() - t) / 1000);
    let pdftotext = null;
    if (spawnSync("pdftotext", ["-v"]).status === 0) {
      log("bench: pdftotext -layout, one process at a time…");
      t = performance.now();
      for (let c = 0; c < pdfCopies; c++) for (const p of pdfs) spawnSync("pdftotext", ["-layout", p.path, "-"], { stdio: "ignore" });
      pdftotext = pdfPages * pdfCopies / ((performance.now() - t) / 1000);
    }
    results.pdf = {
      pagesPerSecond1: round(pdf1.pages / pdf1.wallSeconds),
      pagesPerSecondAll: round(pdfN.pages / pdfN.wallSeconds),
      scaling: round(pdfN.pages / pdfN.wallSeconds / (pdf1.pages / pdf1.wallSeconds), 2),
      failed: pdf1.status.error,
      peakRssMb: pdfN.peakRssMb,
      pdfjsPagesPerSecond: round(pdfjsPagesPerSecond),
      vsPdfjs: round(pdf1.pages / pdf1.wallSeconds / pdfjsPagesPerSecond, 3),
      pdftotextPagesPerSecond: pdftotext && round(pdftotext),
      vsPdftotext: pdftotext && round(pdf1.pages / pdf1.wallSeconds / pdftotext, 4),
    };
  }
}

// ---------- the check stage (issue 14): its cost on top of parsing a two-page document ----------
if (want("check")) {
  log("bench: vanban check on the two-page fixture (docx, pdf)…");
  const lib = await import(pathToFileURL(join(root, "dist", "src", "index.js")).href);
  const { loadDocument } = await import(pathToFileURL(join(root, "dist", "src", "load", "index.js")).href);
  results.check = {};
  for (const ext of ["docx", "pdf"]) {
    const bytes = readFileSync(join(root, "fixtures", `cong-van-ubnd.${ext}`));
    const stages = lib.parseStages(await loadDocument(bytes, { fonts: true }), { sha256: "bench" });
    for (let i = 0; i < 50; i++) lib.checkStages(stages); // warm-up
    const n = 500, t0 = performance.now();
    for (let i = 0; i < n; i++) lib.checkStages(stages);
    results.check[ext] = round((performance.now() - t0) / n, 3);
  }
}

// ---------- report ----------
const mark = (ok) => (ok ? "✓" : "✗");
const r = results;
const lines = [`vanban bench (${quick ? "quick" : "full"}; ${cores} cores, Node ${process.version}; load average at the start ${r.machine.loadavg.join(" ")})`];
if (r.parse) lines.push(`  in process, one thread, two-page text (~${avgChars} chars): ${r.parse.docsPerCpuSecond} docs/CPU-s validated (${round(r.parse.msPerDoc, 2)} ms each), ${r.parse.docsPerCpuSecondNoValidation} without zod`);
if (r.parseAgainst) {
  const a = r.parseAgainst;
  lines.push(`  against ${a.dir} (both builds in one fresh process, ${a.rounds} alternating bursts, without zod): baseline ${a.baseline}, this ${a.ours} docs/CPU-s, median ratio ×${round(a.ratio, 3)} (bursts ×${round(a.lowest, 2)}–×${round(a.highest, 2)})`);
}
if (r.text) {
  lines.push(
    `  convert, text (~${avgChars} chars): --jobs 1 ${r.text.docsPerCpuSecond1} docs/CPU-s (${r.text.batch1} docs, start-up included; ${r.text.docsPerSecond1} docs/s wall; ${r.text.docsPerCpuSecond1Started} docs/CPU-s once started, start-up ${r.text.startupCpuSeconds} CPU-s);`,
    ...(r.text.threads1 ? [`    --jobs 1 CPU by thread: worker ${r.text.threads1.workers} s, main ${r.text.threads1.main} s, helper threads (V8's compiler and collector, libuv) ${r.text.threads1.helpers} s (${round(r.text.threads1.helpers / Math.max(r.text.threads1.workers, 1e-3), 2)} s for each second of the worker's)`] : []),
    `    --jobs ${cores} ${r.text.docsPerSecondAll} docs/s wall on ${r.text.batch} docs (${r.text.docsPerCpuSecondAll} docs/CPU-s); scaling ×${r.text.scaling}; peak RSS ${r.text.peakRssMbSmall} MB (${r.text.smallBatch} files) → ${r.text.peakRssMb} MB (${r.text.batch})`,
    ...(r.text.cpuScaling !== undefined ? [`    --jobs ${cores}: the CPU it took allows at most ×${r.text.cpuScaling} on ${cores} free cores (${cores} × the --jobs 1 wall ÷ its CPU, per document)${r.text.threadsAll ? `; its CPU by thread: workers ${r.text.threadsAll.workers} s, main ${r.text.threadsAll.main} s, helper threads ${r.text.threadsAll.helpers} s` : ""}`] : []),
  );
}
if (r.floor) {
  const left = 1e6 / TARGETS.textDocsPerCore - r.floor.inputMicrosPerFile - r.floor.outputMicrosPerFile;
  lines.push(
    `  the floor, no parse (${r.floor.files} of the text files, one thread): reading, hashing and decoding ${r.floor.inputMicrosPerFile} µs a file, its record (~${r.floor.lineChars} characters) as JSON, UTF-8 and written ${r.floor.outputMicrosPerFile} µs:`,
    `    at most ${r.floor.filesPerCpuSecond} files/CPU-s whatever the parser; ${TARGETS.textDocsPerCore} docs/CPU-s leaves ${Math.round(left)} µs a document for the stages, the pool and the check${r.parse ? ` (the stages alone now: ${Math.round(1e6 / r.parse.docsPerCpuSecondNoValidation)} µs)` : ""}`,
  );
}
if (r.stages) {
  lines.push(`  CPU ns per character, ${r.stages.shortChars}-char (two pages) → ${r.stages.longChars}-char document (medians of rounds taking the two in turn; ratio: the rounds' median):`);
  lines.push("    " + Object.entries(r.stages.nsPerChar).map(([k, v]) => `${k} ${v.short}→${v.long} (×${v.ratio})`).join(", "));
  if (r.stages.whole) lines.push("    whole pipeline: " + Object.entries(r.stages.whole).map(([k, v]) => `${k === "parse" ? "parseText with zod" : "without"} ${v.short}→${v.long} (×${v.ratio})`).join(", "));
}
if (r.workerReady) lines.push(`  worker ready: ${round(r.workerReady.medianMs)} ms (median wall, min ${round(r.workerReady.minMs)}); warm (patterns compiled, the first file's clock starts): ${round(r.workerReady.warmMedianMs)} ms`);
if (r.bulk) {
  lines.push(
    `  bulk layer, one-line files: --jobs 1 ${r.bulk.filesPerCpuSecond1} files/CPU-s (${r.bulk.files1} files, start-up included; ${r.bulk.filesPerSecond1} files/s wall; ${r.bulk.filesPerCpuSecond1Started} files/CPU-s once started, start-up ${r.bulk.startupCpuSeconds} CPU-s);`,
    `    --jobs ${cores} ${r.bulk.filesPerSecondAll} files/s wall on ${r.bulk.files} (${r.bulk.filesPerCpuSecondAll} files/CPU-s, ${r.bulk.workersStarted} workers started); scaling ×${r.bulk.scaling} (on the ${r.bulk.files1}); peak RSS ${r.bulk.peakRssMbSmall} MB (${r.bulk.smallBatch} files) → ${r.bulk.peakRssMb} MB (${r.bulk.files})`,
  );
}
if (r.pdfVsPdfjs) for (const [enc, p] of Object.entries(r.pdfVsPdfjs)) lines.push(`  PDF ${enc} (${p.files} files, ${p.pages} pages), a process a mode, CPU a round: bare pdf.js ${p.bareMs} ms, vanban ${p.vanbanMs} ms (the processes' medians: ${Math.round(p.ratio * 100)}% of pdf.js speed)`);
if (r.pdf) {
  lines.push(
    `  PDF convert (${r.corpus.pdfFiles} files, ${r.corpus.pdfPages} pages): ${r.pdf.pagesPerSecond1} pages/s on 1 core, ${r.pdf.pagesPerSecondAll} on ${cores}; scaling ×${r.pdf.scaling}; peak RSS ${r.pdf.peakRssMb} MB`,
    `  bare pdf.js getTextContent: ${r.pdf.pdfjsPagesPerSecond} pages/s wall (convert --jobs 1 = ${Math.round(r.pdf.vsPdfjs * 100)}% of it)`,
    r.pdf.pdftotextPagesPerSecond ? `  pdftotext -layout: ${r.pdf.pdftotextPagesPerSecond} pages/s (vanban = ${(r.pdf.vsPdftotext * 100).toFixed(2)}% of it)` : "  pdftotext: not installed (apt-get install poppler-utils)",
  );
}
if (r.check) lines.push(`  check stage (two-page document, after parsing): ${r.check.docx} ms (docx), ${r.check.pdf} ms (pdf)`);
lines.push("targets:");
if (r.check) lines.push(`  ${mark(Math.max(r.check.docx, r.check.pdf) <= 2)} check ≤ 2 ms on top of parsing a two-page document: ${Math.max(r.check.docx, r.check.pdf)} ms`);
if (r.text) {
  lines.push(
    `  ${mark(r.text.docsPerCpuSecond1 >= TARGETS.textDocsPerCore)} text through convert --jobs 1 ≥ ${TARGETS.textDocsPerCore} docs/CPU-s: ${r.text.docsPerCpuSecond1}`,
    cores >= 2 ? `  ${mark(r.text.scaling >= TARGETS.scaling2 && (!r.pdf || r.pdf.scaling >= TARGETS.scaling2))} ≥ ×${TARGETS.scaling2} on ${cores} cores (wall; only meaningful with the cores free): text ×${r.text.scaling}${r.pdf ? `, PDF ×${r.pdf.scaling}` : ""}` : "  - scaling: one core only",
    `  ${mark(r.text.peakRssMb <= r.text.peakRssMbSmall * TARGETS.rssGrowth)} peak RSS within ${Math.round((TARGETS.rssGrowth - 1) * 100)}% from ${r.text.smallBatch} to ${r.text.batch} files: ${r.text.peakRssMbSmall} → ${r.text.peakRssMb} MB`,
    r.text.batch >= TARGETS.peakRssBatch
      ? `  ${mark(r.text.peakRssMb < TARGETS.peakRssMb)} peak RSS < ${TARGETS.peakRssMb} MB on a ${r.text.batch}-file batch: ${r.text.peakRssMb} MB`
      : `  - peak RSS < ${TARGETS.peakRssMb} MB is for a ${TARGETS.peakRssBatch}-file batch (this one: ${r.text.batch} files, ${r.text.peakRssMb} MB)`,
  );
}
if (r.bulk) lines.push(`  ${mark(r.bulk.peakRssMb <= r.bulk.peakRssMbSmall * TARGETS.rssGrowth)} peak RSS within ${Math.round((TARGETS.rssGrowth - 1) * 100)}% from ${r.bulk.smallBatch} to ${r.bulk.files} one-line files: ${r.bulk.peakRssMbSmall} → ${r.bulk.peakRssMb} MB`);
if (r.stages) {
  const worst = Object.entries(r.stages.nsPerChar).filter(([k]) => k !== "total").sort((a, b) => b[1].ratio - a[1].ratio)[0];
  lines.push(`  ${mark(worst[1].ratio <= TARGETS.longVsShort)} per-character cost of a long document ≤ ×${TARGETS.longVsShort} of a two-page one, every stage: worst ${worst[0]} ×${worst[1].ratio}`);
}
if (r.pdfVsPdfjs) for (const [enc, p] of Object.entries(r.pdfVsPdfjs)) lines.push(`  ${mark(p.ratio >= TARGETS.pdfVsPdfjs)} PDF (${enc}) ≥ ${TARGETS.pdfVsPdfjs * 100}% of bare pdf.js (CPU, a process a mode): ${Math.round(p.ratio * 100)}%`);
if (r.pdf) lines.push(`  ${mark(r.pdf.vsPdfjs >= TARGETS.pdfVsPdfjs)} PDF through convert --jobs 1 ≥ ${TARGETS.pdfVsPdfjs * 100}% of bare pdf.js (wall): ${Math.round(r.pdf.vsPdfjs * 100)}%`);
if (r.workerReady) lines.push(`  ${mark(r.workerReady.medianMs <= TARGETS.workerReadyMs)} worker ready ≤ ${TARGETS.workerReadyMs} ms: ${round(r.workerReady.medianMs)} ms`);
// the browser build's size (issue 13): what text-only use downloads, and everything
if (want("browser")) {
  const { buildLibrary, kb } = await import("./browser-build.mjs");
  const { metafile: _m, textOnlyInputs: _i, ...b } = await buildLibrary(join(work, "browser"));
  results.browser = b;
  lines.push(
    "browser bundle (esbuild, minified):",
    `  ${mark(b.textOnly.gz <= BROWSER_BUDGET.textOnlyGz)} text-only entry ≤ ${kb(BROWSER_BUDGET.textOnlyGz)} gzipped: ${kb(b.textOnly.raw)} (${kb(b.textOnly.gz)} gzipped)`,
    `  ${mark(b.full.gz <= BROWSER_BUDGET.fullGz)} full (every loader, pdf.js) ≤ ${kb(BROWSER_BUDGET.fullGz)} gzipped: ${kb(b.full.raw)} (${kb(b.full.gz)} gzipped); pdf.js worker ${kb(b.pdfWorker.raw)} (${kb(b.pdfWorker.gz)} gzipped)`,
  );
}
console.log(lines.join("\n"));
const jsonOut = value("--json");
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2) + "\n");
