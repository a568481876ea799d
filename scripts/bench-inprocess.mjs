// In-process parts of `npm run bench`: CPU time (process.cpuUsage: user + system of this thread
// and whatever else the process does, which is nothing here) rather than wall time, because the
// machines are shared and wall time measures the neighbours.
import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Calls `fn` until it has used `ms` of CPU (once at least): the warm-up before a measurement. One
 * call was not enough for a short input: its stages were timed while V8 still interpreted and
 * compiled them (a two-page document's segment read 118 ns/char warmed by one call, ~40 warmed by
 * a tenth of a second), which made a long document's cost per character look lower beside it.
 */
function warmUp(fn, ms) {
  const t0 = cpuMs();
  do fn();
  while (cpuMs() - t0 < ms);
}

/**
 * Runs `fn` until it has used `budgetMs` of CPU (at least `min` times), after a warm-up of `warmMs`
 * (JIT, lazily compiled patterns; as long as the measurement unless the caller warmed it already); CPU ms per call.
 */
export function cpuPerCall(fn, budgetMs = 1000, min = 3, warmMs = budgetMs) {
  warmUp(fn, warmMs);
  let n = 0;
  const t0 = cpuMs();
  while (n < min || cpuMs() - t0 < budgetMs) {
    fn();
    n++;
  }
  return (cpuMs() - t0) / n;
}

/**
 * As {@link cpuPerCall}, each call given a fresh input from `prepare`, made outside the timed part
 * (in batches). The preparing counts against a bound of its own, `PREPARE_BOUND` times the budget:
 * a stage that costs little after costly ones (events after every other extractor, on the 100-page
 * document: ~35 µs timed behind ~50 ms of priming) took the quick bench's stage costs past ten
 * CPU-minutes to fill its budget, where a few hundred calls tell its cost.
 */
export function cpuPerCallOn(prepare, fn, budgetMs = 1000, min = 3, warmMs = budgetMs) {
  const started = cpuMs();
  warmUp(() => fn(prepare()), warmMs);
  const batch = batchFor(prepare, fn);
  let n = 0;
  let spent = 0;
  while (n < min || (spent < budgetMs && cpuMs() - started < budgetMs * PREPARE_BOUND)) {
    const inputs = Array.from({ length: batch }, prepare);
    promoteSurvivors();
    const t0 = cpuMs();
    for (const x of inputs) fn(x);
    spent += cpuMs() - t0;
    n += inputs.length;
  }
  return spent / n;
}

const PREPARE_BOUND = 8;

/**
 * Two young-generation collections, when the process exposes `gc` (the stage costs run with
 * --expose-gc, scripts/bench-fresh.mjs): what the prepared inputs hold alive (a 100-page document's
 * context, primed by the extractors before the one timed: several MB) is moved out of the young
 * generation before the clock starts. Left there, the first collection inside the timed call copied
 * it and the call was charged for the earlier stages' output: tasks, timed after four extractors,
 * read ×1.20–1.35 long against short, ×1.03 with the context promoted first; a two-page context
 * died young and was never copied, so the short document paid nothing of the kind. The whole
 * pipeline's cost per character (`wholeCost`) keeps that copying in.
 */
function promoteSurvivors() {
  globalThis.gc?.({ type: "minor" });
  globalThis.gc?.({ type: "minor" });
}

/**
 * How many inputs {@link cpuPerCallOn} prepares before timing their calls together: enough that one
 * timed stretch lasts about {@link BATCH_MS} (a call of a few µs, events on a two-page document,
 * would otherwise be mostly the clock's reading), and one where a call lasts that long already. A
 * batch of eight 100-page contexts kept ~100 MB alive while the stage ran, and the collections
 * that garbage called for were timed as the stage's own: agencies read 28 ns/char on the 100-page
 * document in batches of eight, 22.5 one at a time, as the pipeline runs it (20.9 on two pages).
 */
function batchFor(prepare, fn) {
  const x = prepare();
  const t0 = cpuMs();
  fn(x);
  const ms = cpuMs() - t0;
  return Math.max(1, Math.min(8, Math.ceil(BATCH_MS / Math.max(ms, 0.001))));
}

const BATCH_MS = 0.5;

/** zod's check as the build's parse asks it: a build from before record/validate.ts (a `--baseline`) had `safeParse` there. */
const validation = (imp) => imp("record/validate.js").catch(() => imp("record/schema.js").then(({ DocumentRecord }) => ({ validateRecord: (r) => DocumentRecord.safeParse(r) })));

async function stagesOf(root) {
  const imp = (p) => import(pathToFileURL(join(root, "dist", "src", p)).href);
  const [{ textToLines }, { normalize }, { segment }, context, dates, agencies, people, references, tasks, events, { buildRecord }, { validateRecord }, lib] = await Promise.all([
    imp("load/text.js"), imp("normalize/index.js"), imp("segment/index.js"), imp("extract/context.js"), imp("extract/dates.js"), imp("extract/agencies.js"),
    imp("extract/people.js"), imp("extract/references.js"), imp("extract/tasks.js"), imp("extract/events.js"), imp("record/build.js"), validation(imp), imp("index.js"),
  ]);
  return { textToLines, normalize, segment, makeContext: context.makeContext, extractDates: dates.extractDates, extractAgencies: agencies.extractAgencies, issuerAgencies: agencies.issuerAgencies, extractPeople: people.extractPeople, extractReferences: references.extractReferences, extractTasks: tasks.extractTasks, extractEvents: events.extractEvents, buildRecord, validateRecord, lib };
}

/** Turns of warm-up before the parse measures: both paths (or both builds) in turn. */
const WARM_TURNS = 8, WARM_TURN_MS = 500;

/** Each of `fns` run `ms` of CPU in its turn, {@link WARM_TURNS} times over. */
function warmInTurns(fns, ms) {
  for (let r = 0; r < WARM_TURNS; r++) for (const fn of fns) warmUp(fn, ms);
}

/** Whole-document throughput in one thread: documents per CPU-second, with and without zod validation. */
export async function parseThroughput(root, texts, budgetMs) {
  const { lib } = await stagesOf(root);
  let i = 0;
  // warm-up of both paths over every kind of document (JIT, lazily compiled patterns), in turns,
  // seconds in all: three rounds of the 24 documents (144 parses) left most of the pipeline
  // uncompiled, and the figure was half what a `convert` worker reaches after its first thousand
  let w = 0;
  warmInTurns([() => lib.parseText(texts[w++ % texts.length]), () => lib.parseText(texts[w++ % texts.length], { validate: false })], WARM_TURN_MS / 2);
  // the two measured in alternating rounds over the same documents: run one after the other, the
  // second ran on a heap the first had filled, and zod looked 30% of a document instead of ~7%
  let validatedMs = 0, unvalidatedMs = 0, rounds = 0;
  const t0 = cpuMs();
  while (rounds < 2 || cpuMs() - t0 < budgetMs * 2) {
    validatedMs += cpuPerCall(() => lib.parseText(texts[i++ % texts.length]), budgetMs / 8, texts.length, 0);
    unvalidatedMs += cpuPerCall(() => lib.parseText(texts[i++ % texts.length], { validate: false }), budgetMs / 8, texts.length, 0);
    rounds++;
  }
  const validated = validatedMs / rounds;
  const unvalidated = unvalidatedMs / rounds;
  return { docsPerCpuSecond: Math.round(1000 / validated), docsPerCpuSecondNoValidation: Math.round(1000 / unvalidated), msPerDoc: validated };
}

/**
 * Whole-document throughput without zod of this build and of a baseline checkout (its `dist`
 * built), both loaded in this process and timed in alternating bursts: this machine's speed moves
 * by a fifth within an hour (the same build read 730–850 docs/CPU-s and, 18 minutes later,
 * 595–684), so two builds measured in runs apart compare the machine. The median of the bursts'
 * own ratios is the figure; the range says how far one pair of bursts can be trusted.
 */
export async function parseAgainst(baselineRoot, root, texts, budgetMs, rounds = 10) {
  const { lib: base } = await stagesOf(baselineRoot);
  const { lib: ours } = await stagesOf(root);
  let i = 0;
  const parse = (lib) => () => lib.parseText(texts[i++ % texts.length], { validate: false });
  // both warmed in turns, seconds each: two copies of the pipeline in one process take longer to
  // compile than one (bursts after 2 s of warm-up each still read 303 against 525 docs/CPU-s at
  // first, equal after ~5 s), and one warmed after the other ran on the first one's heap
  warmInTurns([parse(base), parse(ours)], WARM_TURN_MS);
  const burst = (lib) => 1000 / cpuPerCall(parse(lib), Math.max(budgetMs / 4, WARM_TURN_MS), texts.length, 0);
  const baseline = [], own = [], ratios = [];
  for (let r = 0; r < rounds; r++) {
    const b = burst(base);
    const o = burst(ours);
    baseline.push(b);
    own.push(o);
    ratios.push(o / b);
  }
  return { baseline: Math.round(median(baseline)), ours: Math.round(median(own)), ratio: median(ratios), lowest: Math.min(...ratios), highest: Math.max(...ratios), rounds };
}

/**
 * One document's stages, each a call on the previous stage's output, as `runStages` runs them, and
 * how to time each (`time(name, budgetMs, warmMs)`: CPU ms a call).
 */
function stageBench(s, text) {
  const loaded = { format: "txt", pages: null, lines: s.textToLines(text).lines, ocr: false, warnings: [] };
  const normalized = s.normalize(loaded);
  const tree = s.segment(normalized);
  const ctx = s.makeContext(tree);
  const { dates } = s.extractDates(ctx);
  const agencies = s.extractAgencies(ctx);
  const people = s.extractPeople(ctx);
  const references = s.extractReferences(ctx);
  const tasks = s.extractTasks(ctx, dates, agencies);
  const events = s.extractEvents(ctx, dates);
  const facts = { dates, agencies, people, references, tasks, events, warnings: [], issuerCanonical: s.issuerAgencies(ctx) };
  const record = s.buildRecord({ loaded, normalized, tree, facts, path: null, sha256: "bench" });
  const stages = {
    load: () => s.textToLines(text),
    normalize: () => s.normalize(loaded),
    segment: () => s.segment(normalized),
    dates: (ctx) => s.extractDates(ctx),
    agencies: (ctx) => s.extractAgencies(ctx),
    people: (ctx) => s.extractPeople(ctx),
    references: (ctx) => s.extractReferences(ctx),
    tasks: (ctx) => s.extractTasks(ctx, dates, agencies),
    events: (ctx) => s.extractEvents(ctx, dates),
    record: () => s.buildRecord({ loaded, normalized, tree, facts, path: null, sha256: "bench" }),
    // zod, as the library's parse asks it (record/validate.ts)
    validate: () => s.validateRecord(record, null),
  };
  // each extractor timed on a context the extractors before it (in the pipeline's order) already
  // ran on, untimed: what a document shares through its context (the text's key and folded text,
  // the whole-text date scan, the one walk of first words, the agency mentions built:
  // src/extract/context.ts, openings.ts, dates.ts, agencies/scan.ts) is paid by the first stage
  // to ask, as in the pipeline — not again by each later one (references read 165 ns/char here
  // with the date scan, ~60 without)
  const order = ["dates", "agencies", "people", "references", "tasks", "events"];
  const primedFor = (name) => () => {
    const ctx = s.makeContext(tree);
    for (const before of order.slice(0, order.indexOf(name))) stages[before](ctx);
    return ctx;
  };
  return {
    chars: text.length,
    names: Object.keys(stages),
    /** the whole chain once, on a fresh copy of the lines */
    chain() {
      const ctx = s.makeContext(s.segment(s.normalize({ ...loaded, lines: s.textToLines(text).lines })));
      for (const name of order) stages[name](ctx);
      s.buildRecord({ loaded, normalized, tree, facts, path: null, sha256: "bench" });
      s.validateRecord(record, null);
    },
    time(name, budgetMs, warmMs) {
      const fn = stages[name];
      return name === "dates" ? cpuPerCall(() => fn(s.makeContext(tree)), budgetMs, 2, warmMs)
        : order.includes(name) ? cpuPerCallOn(primedFor(name), fn, budgetMs, 2, warmMs)
        : cpuPerCall(fn, budgetMs, 2, warmMs);
    },
  };
}

/** Rounds of each stage's measurement, the two documents in turn within each. */
const STAGE_ROUNDS = 5;

/**
 * CPU time of every stage per character of its text (ns/char), on a two-page and a long document,
 * and the long one's cost against the short one's. Each stage is timed on both documents in turn,
 * in rounds; the ratio is the median of the rounds' own: this machine's speed drifts by ±20%
 * within the hour, and with every stage of the short document timed first and every stage of the
 * long one a minute later, a stage read ×1.34 in one run and ×0.79 in the next (segment, one build).
 * Each measurement is warmed up on its own document first (half a round): timed straight after the
 * other document's round, the two-page one read up to three times its cost (load 1.1 → 3.3 ns/char),
 * its first calls on caches the long one had filled.
 */
export async function stageCostsPaired(root, shortText, longText, budgetMs) {
  const s = await stagesOf(root);
  const docs = [stageBench(s, shortText), stageBench(s, longText)];
  // the whole chain warmed up first: V8 compiles a stage's functions over many calls (a fresh
  // process's two-page document read 1,700 ns/char over its stages warmed by one call, ~800 by
  // 100 ms of each stage, ~140 by a second), and each stage once more right before it is timed;
  // one call of the long document runs each stage's loops long enough to be compiled
  warmUp(docs[0].chain, budgetMs * 4);
  docs[1].chain();
  const out = { short: {}, long: {}, ratio: {} };
  const roundMs = budgetMs / STAGE_ROUNDS;
  for (const name of docs[0].names) {
    // each measurement from a collected heap: the previous one left its garbage in the old
    // generation, and the full collection it called for fell in whichever came next. Without these
    // collections (and the promotion in cpuPerCallOn), one build read tasks ×1.13–1.35 and validate
    // ×0.99–1.49 long against short from run to run; with them, tasks ×0.83–1.04
    const per = [[], []];
    const ratios = [];
    for (let r = 0; r < STAGE_ROUNDS; r++) {
      docs.forEach((d, i) => {
        globalThis.gc?.();
        per[i].push((d.time(name, roundMs, r === 0 && i === 0 ? roundMs : roundMs / 2) * 1e6) / d.chars);
      });
      ratios.push(per[1][r] / per[0][r]);
    }
    out.short[name] = median(per[0]);
    out.long[name] = median(per[1]);
    out.ratio[name] = median(ratios);
  }
  for (const side of ["short", "long"]) out[side].total = Object.values(out[side]).reduce((a, b) => a + b, 0);
  out.ratio.total = out.long.total / out.short.total;
  return out;
}

/**
 * The whole pipeline on one document, per character (ns/char): parseText without and with zod, each
 * warmed up for the budget first. What the stage costs leave out is here: a long document's
 * context and record survive young collections and are copied, where a two-page one's die young.
 */
export async function wholeCost(root, text, budgetMs) {
  const { lib } = await stagesOf(root);
  const out = {};
  for (const validate of [false, true]) {
    globalThis.gc?.();
    out[validate ? "parse" : "pipeline"] = (cpuPerCall(() => lib.parseText(text, { validate }), budgetMs, 2) * 1e6) / text.length;
  }
  return out;
}

/**
 * How long a fresh `convert` worker takes to say it is ready (its modules loaded), and then warm
 * (its warm-up parse done, the patterns compiled: the first file's clock starts there); wall ms,
 * median of `n`, one at a time. The worker is the one `convert` starts (the pool's choice: the
 * bundle where the build has one).
 */
export async function workerReady(root, n = 5) {
  const pool = await import(pathToFileURL(join(root, "dist", "src", "bulk", "pool.js")).href);
  const url = pool.defaultWorkerUrl();
  const times = [], warm = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const w = new Worker(url, { workerData: { ocr: false }, stdout: false, stderr: false });
    await new Promise((resolve, reject) => {
      w.on("message", (m) => {
        if (m?.ready) times.push(performance.now() - t0);
        if (m?.warm) {
          warm.push(performance.now() - t0);
          resolve();
        }
      });
      w.on("error", reject);
    });
    await w.terminate();
  }
  return { medianMs: median(times), minMs: Math.min(...times), warmMedianMs: median(warm) };
}
