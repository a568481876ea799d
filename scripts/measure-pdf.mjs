#!/usr/bin/env node
// vanban's PDF parse against bare pdf.js `getTextContent` on the same files, each in a process of
// its own: in one process the round that follows bare pdf.js's pays ~90 ms a round more than the
// same work elsewhere (the compiler's queue, the heap bare pdf.js left), whichever of the two it
// is, so alternating them in one process measures the order as much as the builds. Here every
// process runs one mode only: `--warmup` rounds, then `--rounds` timed ones (CPU time of the whole
// process, the compiler's and the collector's threads included), its median kept; `--procs`
// processes of each mode, alternating (bare first, then vanban first, …); the figure is the median
// of the processes' medians, for Unicode and TCVN3 text layers apart (as `source.encoding` tells).
// The files are the bench's: the real corpus and the fixtures, PDFs with ≥ 200 characters a page.
// Needs `npm run build` first (it loads dist/).
//   node scripts/measure-pdf.mjs [--procs 4] [--rounds 5] [--warmup 2] [--set unicode|tcvn3]
//     [--vanban parse|load] [--build DIR] [--count A,B] [--json FILE] [file.pdf…]
//   --build DIR: vanban as built in another checkout (a baseline), the files still this one's
//   --vanban load: loadDocument alone (the PDF loader), not parseBytes (the loader and the text stages)
//   --count A,B: instructions counted instead of CPU time (valgrind's cachegrind, V8 made
//     deterministic as in scripts/bench-instructions.mjs): one process of each mode over A rounds and
//     one over B, the difference over B − A rounds is a warm round's count; for telling two builds
//     apart when timing cannot (the machine's load moves CPU time ±15–30%), not for the target
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { spawn, spawnSync } from "node:child_process";
import { sharedCorpus, walk } from "./bench-corpus.mjs";
import { bareOptions, bareText, pdfjsRootOf } from "./pdfjs-bare.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const value = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : dflt;
};
const child = value("--child", null);
const procs = Number(value("--procs", 4));
const rounds = Number(value("--rounds", 5));
const warmup = Number(value("--warmup", 2));
const onlySet = value("--set", null);
const vanbanMode = value("--vanban", "parse");
const jsonOut = value("--json", null);
const listFile = value("--files", null);
const build = resolve(value("--build", root));
const countRounds = value("--count", null)?.split(",").map(Number) ?? null;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const pdfjsRoot = pdfjsRootOf(root);
const pdfjsOptions = bareOptions(pdfjsRoot);

/**
 * pdf.js as vanban runs it (`src/load/pdf.ts`): its legacy build replaces Node's
 * `Array.prototype.push` and `JSON.parse` with slower polyfills, which vanban puts back; bare
 * pdf.js gets the natives back too, so that it is measured at its fastest, not slowed by them.
 */
async function pdfjsWithNatives() {
  const push = Array.prototype.push, parse = JSON.parse;
  const lib = await import(pathToFileURL(join(pdfjsRoot, "legacy", "build", "pdf.mjs")).href);
  await import(pathToFileURL(join(pdfjsRoot, "legacy", "build", "pdf.worker.mjs")).href);
  Object.defineProperty(Array.prototype, "push", { value: push, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(JSON, "parse", { value: parse, writable: true, enumerable: false, configurable: true });
  return lib;
}

if (child) {
  // one mode, one process: prints the CPU ms of each round as JSON
  const files = JSON.parse(readFileSync(listFile, "utf8")).map((f) => readFileSync(f));
  let run;
  if (child === "bare") {
    const pdfjs = await pdfjsWithNatives();
    run = (b) => bareText(pdfjs, pdfjsOptions, b);
  } else {
    const lib = await import(pathToFileURL(join(build, "dist", "src", "index.js")).href);
    run = child === "load" ? (b) => lib.loadDocument(new Uint8Array(b), { ocr: false }) : (b) => lib.parseBytes(new Uint8Array(b), { ocr: false });
  }
  const times = [];
  for (let r = 0; r < warmup + rounds; r++) {
    const t0 = cpuMs();
    for (const b of files) await run(b);
    if (r >= warmup) times.push(cpuMs() - t0);
  }
  process.stdout.write(JSON.stringify(times));
  process.exit(0);
}

// the sets: the files named, or the bench's; told apart by the text layer's encoding
const realCorpus = sharedCorpus(root, "real");
const isPdf = (n) => /\.pdf$/i.test(n);
const candidates = args.length ? args : [...(realCorpus ? walk(realCorpus, isPdf) : []), ...walk(join(root, "fixtures"), isPdf)];
const pdfjs = await pdfjsWithNatives();
const lib = await import(pathToFileURL(join(root, "dist", "src", "index.js")).href);
const sets = { unicode: [], tcvn3: [] };
const pagesOf = new Map();
for (const p of candidates) {
  try {
    const bytes = readFileSync(p);
    const { pages, chars } = await bareText(pdfjs, pdfjsOptions, bytes);
    if (chars / pages < 200) continue;
    const r = await lib.parseBytes(new Uint8Array(bytes), { ocr: false });
    sets[r.source.encoding === "unicode" ? "unicode" : "tcvn3"].push(p);
    pagesOf.set(p, pages);
  } catch {
    // broken on purpose (fixtures of damaged files): not a speed sample
  }
}

/** V8 made to do the same work from run to run (see scripts/bench-instructions.mjs). */
const V8_DETERMINISTIC = ["--predictable", "--predictable-gc-schedule", "--random-seed=1", "--hash-seed=1"];
const noAslr = spawnSync("setarch", ["-R", "true"]).status === 0;
const collectorRe = /Scaveng|Marking|MarkCompact|Sweeper|RecordWrite|RecordMigrated|Evacuat|RememberedSet|SlotSet|MinorMC|GCTracer|Heap\d*Collect|Heap\d*PerformGarbage|ArrayBufferSweeper|SizeFromMap|RelocIterator|Pretenuring|ShouldBePromoted|LiveObject|IterateObjectCache/;

/** Instructions of one process of `mode` over `n` rounds, and those in the collector's functions. */
async function counted(mode, list, n) {
  const out = `${list}.${mode}-${n}.cachegrind`;
  const argv = ["valgrind", "--tool=cachegrind", "--cache-sim=no", `--cachegrind-out-file=${out}`, "--smc-check=all-non-file",
    process.execPath, ...V8_DETERMINISTIC, fileURLToPath(import.meta.url), "--child", mode, "--build", build, "--files", list, "--rounds", String(n), "--warmup", "0"];
  const [command, ...rest] = noAslr ? ["setarch", "-R", ...argv] : argv;
  const { status, stderr } = await new Promise((done) => {
    const p = spawn(command, rest, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    p.stderr.on("data", (d) => (err += d));
    p.on("close", (code) => done({ status: code, stderr: err }));
  });
  const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
  if (status !== 0 || !refs) throw new Error(`measure-pdf: ${mode} under valgrind failed: ${stderr.slice(-2000)}`);
  let collector = 0, inCollector = false;
  for (const line of readFileSync(out, "utf8").split("\n")) {
    if (line.startsWith("fn=")) inCollector = collectorRe.test(line);
    else if (inCollector && line.charCodeAt(0) >= 48 && line.charCodeAt(0) <= 57) collector += Number(line.slice(line.indexOf(" ") + 1));
  }
  rmSync(out);
  return { instructions: Number(refs[1].replace(/,/g, "")), collector };
}

const results = {};
for (const [set, files] of Object.entries(sets)) {
  if (!files.length || (onlySet && set !== onlySet)) continue;
  const list = join(process.env.TMPDIR ?? "/tmp", `measure-pdf-${process.pid}-${set}.json`);
  writeFileSync(list, JSON.stringify(files));
  const pages = files.reduce((n, f) => n + pagesOf.get(f), 0);
  if (countRounds) {
    const [a, b] = countRounds;
    // the four processes at once: a count does not depend on what else runs
    const perRound = {};
    await Promise.all(["bare", vanbanMode].map(async (mode) => {
      const [x, y] = await Promise.all([counted(mode, list, a), counted(mode, list, b)]);
      perRound[mode] = { instructions: (y.instructions - y.collector - x.instructions + x.collector) / (b - a), collector: (y.collector - x.collector) / (b - a) };
    }));
    rmSync(list);
    const bare = perRound.bare, ours = perRound[vanbanMode];
    results[set] = { files: files.length, pages, counted: perRound, ratio: bare.instructions / ours.instructions };
    const M = (n) => `${(n / 1e6).toFixed(1)} M`;
    console.log(`${set} (${files.length} files, ${pages} pages), instructions a warm round (rounds ${a} and ${b} counted; the collector apart):`);
    console.log(`  bare pdf.js getTextContent ${M(bare.instructions)} (collector ${M(bare.collector)})`);
    console.log(`  vanban ${vanbanMode === "load" ? "loadDocument" : "parseBytes"}${" ".repeat(vanbanMode === "load" ? 7 : 9)}${M(ours.instructions)} (collector ${M(ours.collector)})`);
    console.log(`  vanban counts ${((bare.instructions / ours.instructions) * 100).toFixed(0)}% of pdf.js's instructions`);
    continue;
  }
  const med = { bare: [], vanban: [] };
  for (let i = 0; i < procs; i++) {
    const order = i % 2 === 0 ? ["bare", "vanban"] : ["vanban", "bare"];
    for (const mode of order) {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", mode === "bare" ? "bare" : vanbanMode, "--build", build, "--files", list, "--rounds", String(rounds), "--warmup", String(warmup)], { encoding: "utf8", maxBuffer: 1 << 24 });
      if (r.status !== 0) throw new Error(`measure-pdf: the ${mode} process failed: ${r.stderr}`);
      med[mode].push(median(JSON.parse(r.stdout)));
    }
  }
  rmSync(list);
  const bare = median(med.bare), ours = median(med.vanban);
  results[set] = { files: files.length, pages, bareMs: bare, vanbanMs: ours, ratio: bare / ours, bareByProcess: med.bare, vanbanByProcess: med.vanban };
  const show = (xs) => xs.map((x) => x.toFixed(0)).join(" ");
  console.log(`${set} (${files.length} files, ${pages} pages), CPU ms a round, medians of ${procs} processes a mode (${warmup} warm-up + ${rounds} rounds each):`);
  console.log(`  bare pdf.js getTextContent ${bare.toFixed(0)}  (${show(med.bare)})`);
  console.log(`  vanban ${vanbanMode === "load" ? "loadDocument" : "parseBytes"}${" ".repeat(vanbanMode === "load" ? 7 : 9)}${ours.toFixed(0)}  (${show(med.vanban)})`);
  console.log(`  vanban at ${((bare / ours) * 100).toFixed(0)}% of pdf.js speed`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
