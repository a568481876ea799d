import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { MissingDependencyError } from "../errors.js";
import { pdfItem, type PdfItem } from "./pdf/lines.js";
import { washOutSeals } from "./pdf/seals.js";

/** One word the OCR engine read, in pixels of the image it was given. */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** 0–100 */
  conf: number;
  /** the engine's line: words with the same key are on one line */
  line: string;
  /** height of the engine's line box, in pixels, when it gives one */
  lineHeight?: number;
}

/** One page of an image the engine read: its size in pixels and its words. */
export interface OcrPage {
  width: number;
  height: number;
  words: OcrWord[];
}

/** An OCR engine: a PNG image in, words with positions out. */
export interface OcrEngine {
  /** what `source.ocrEngine` names: `tesseract` (the program) or `tesseract.js` (from npm) */
  name: string;
  /** `image`: a PNG, or a binary PGM (`P5`) from {@link pdftoppmRenderer} */
  recognize(image: Uint8Array, dpi: number): Promise<OcrWord[]>;
  /**
   * An image file as it was saved (PNG, JPEG, a one-page TIFF, WebP), read at the resolution it
   * records: one entry a page (a multi-page TIFF is split first: `tiffPages`).
   */
  recognizeImage?(image: Uint8Array): Promise<OcrPage[]>;
  /** how many pages it may read at once */
  concurrency: number;
  close(): Promise<void>;
}

/** Finds an OCR engine, or null when none is installed. Injected in tests. */
export type OcrEngineLookup = () => Promise<OcrEngine | null>;

export const OCR_INSTALL_HINT =
  "install an OCR engine with Vietnamese: `npm install tesseract.js @tesseract.js-data/vie` (vanban's optional dependencies, " +
  "left out by `npm install --omit=optional`), or the faster `apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils` (Debian/Ubuntu)";

/** A program on PATH, or null. */
export function which(program: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, program);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

interface RunResult { code: number | null; stdout: string; stderr: string }

/**
 * The engine processes and temporary folders now alive in this thread, so that a file given up
 * (its time limit passed) leaves neither behind: {@link cleanupOcr}.
 */
const live = { children: new Set<ChildProcess>(), dirs: new Set<string>() };

/**
 * Where temporary folders go (default the system's): `vanban convert` gives each worker a folder
 * of its own, which the pool removes when it stops the worker, whatever the worker was doing.
 */
let tempRoot: string | null = null;
/** Told of each engine process started (`alive`) and ended, so that the thread's owner can kill it. */
let childListener: ((pid: number, alive: boolean) => void) | null = null;

/**
 * Keep tesseract.js's worker from one file to the next (a `vanban convert` worker: starting it
 * costs 0.5–1.6 s a file, a page 3–8 s). Off by default: a library caller's process must be
 * free to exit when its last parse is done.
 */
let keepEngine = false;
/** the tesseract.js worker kept for the next file, when {@link keepEngine} */
let keptJsWorker: Promise<any> | null = null;
/** the last failure tesseract.js reported to its error handler */
let jsFailure: string | null = null;

/** Sets where temporary folders go, who is told of engine processes, and whether engines are kept (all per thread). */
export function configureOcr(options: { tempRoot?: string | null; onChild?: ((pid: number, alive: boolean) => void) | null; keepEngine?: boolean }): void {
  if (options.tempRoot !== undefined) tempRoot = options.tempRoot;
  if (options.onChild !== undefined) childListener = options.onChild;
  if (options.keepEngine !== undefined) keepEngine = options.keepEngine;
}

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tempRoot ?? tmpdir(), prefix));
  live.dirs.add(dir);
  return dir;
}

async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  live.dirs.delete(dir);
}

/** Kills the OCR and rendering processes still running and removes their temporary folders. */
export async function cleanupOcr(): Promise<void> {
  for (const child of live.children) child.kill("SIGKILL");
  live.children.clear();
  const kept = keptJsWorker;
  keptJsWorker = null;
  if (kept) void kept.then((w) => w.terminate()).catch(() => undefined);
  await Promise.all([...live.dirs].map((d) => removeDir(d).catch(() => undefined)));
}

function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // stderr is captured, never inherited: the engine's chatter stays off the terminal
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    live.children.add(child);
    const pid = child.pid;
    if (pid) childListener?.(pid, true);
    child.on("exit", () => {
      live.children.delete(child);
      if (pid) childListener?.(pid, false);
    });
    let stdout = "", stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (e) => { clearTimeout(timer); reject(e); });
    child.on("close", (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

/** Tesseract's TSV output → pages (level 1 rows: page size) with their words (level 5 rows with text). */
export function parseTesseractTsvPages(tsv: string): OcrPage[] {
  const pages = new Map<string, OcrPage>();
  const page = (n: string) => {
    let p = pages.get(n);
    if (!p) pages.set(n, (p = { width: 0, height: 0, words: [] }));
    return p;
  };
  const lineHeights = new Map<string, number>();
  for (const row of tsv.split(/\r?\n/)) {
    const f = row.split("\t");
    if (f.length >= 10 && f[0] === "1") {
      const p = page(f[1]);
      p.width = Number(f[8]);
      p.height = Number(f[9]);
    }
    if (f.length >= 10 && f[0] === "4") lineHeights.set(`${f[1]}.${f[2]}.${f[3]}.${f[4]}`, Number(f[9]));
    if (f.length < 12 || f[0] !== "5") continue;
    const text = f.slice(11).join("\t").trim();
    if (!text) continue;
    page(f[1]).words.push({
      text,
      left: Number(f[6]), top: Number(f[7]), width: Number(f[8]), height: Number(f[9]),
      conf: Number(f[10]),
      line: `${f[1]}.${f[2]}.${f[3]}.${f[4]}`,
    });
  }
  const out = [...pages.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map(([, p]) => p);
  for (const p of out) {
    for (const w of p.words) {
      const h = lineHeights.get(w.line);
      if (h) w.lineHeight = h;
    }
  }
  return out;
}

/** Tesseract's TSV output → words (level 5 rows with text). */
export function parseTesseractTsv(tsv: string): OcrWord[] {
  return parseTesseractTsvPages(tsv).flatMap((p) => p.words);
}

/** The first line of an engine's messages, without tesseract's resolution notices: error messages stay one line. */
export function firstLine(stderr: string): string {
  return stderr.split("\n").map((l) => l.trim()).filter((l) => l && !/^(?:Estimating resolution|Warning: Invalid resolution|Detected \d+ diacritics)/.test(l))[0]?.slice(0, 200) ?? "";
}

/** Debian's `tesseract` program with the `vie` traineddata, one thread per page. */
export async function tesseractCli(): Promise<OcrEngine | null> {
  const bin = which("tesseract");
  if (!bin) return null;
  const langs = await run(bin, ["--list-langs"]).catch(() => null);
  if (!langs || !/^vie$/m.test(langs.stdout + langs.stderr)) return null;
  const dir = await tempDir("vanban-ocr-");
  let n = 0;
  return {
    name: "tesseract",
    concurrency: 2,
    async recognize(image, dpi) {
      const file = join(dir, `p${n++}.${image[0] === 0x50 && image[1] === 0x35 ? "pgm" : "png"}`);
      await writeFile(file, image);
      try {
        const r = await run(bin, [file, "stdout", "-l", "vie", "--psm", "3", "--dpi", String(dpi), "tsv"], { OMP_THREAD_LIMIT: "1" });
        if (r.code !== 0) throw new Error(`tesseract exited with ${r.code}: ${firstLine(r.stderr)}`);
        return parseTesseractTsv(r.stdout);
      } finally {
        await rm(file, { force: true });
      }
    },
    async recognizeImage(image) {
      // tesseract reads the format from the bytes, every page of a TIFF, at the resolution the file records
      const file = join(dir, `i${n++}.img`);
      await writeFile(file, image);
      try {
        const r = await run(bin, [file, "stdout", "-l", "vie", "--psm", "3", "tsv"], { OMP_THREAD_LIMIT: "1" }, 600_000);
        if (r.code !== 0) throw new Error(`tesseract exited with ${r.code}: ${firstLine(r.stderr)}`);
        return parseTesseractTsvPages(r.stdout);
      } finally {
        await rm(file, { force: true });
      }
    },
    async close() {
      await removeDir(dir);
    },
  };
}

/**
 * tesseract.js (Tesseract compiled to WebAssembly) with the traineddata of `@tesseract.js-data/vie`,
 * both optional dependencies of vanban: OCR after a plain `npm install`, with no program to install.
 * Everything comes from node_modules — the worker script, the WebAssembly core, the language file
 * (read from the package's folder) — and nothing is downloaded or cached on disk.
 */
export async function tesseractJs(): Promise<OcrEngine | null> {
  const require = createRequire(import.meta.url);
  let dataDir: string;
  try {
    dataDir = dirname(require.resolve("@tesseract.js-data/vie/package.json"));
  } catch {
    return null;
  }
  let mod: any;
  try {
    mod = await import("tesseract.js" as string);
  } catch {
    return null;
  }
  // the integer LSTM model: as accurate as the full one here, and faster
  const sub = (await readdir(dataDir, { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory() && existsSync(join(dataDir, d.name, "vie.traineddata.gz")))
    .map((d) => d.name)
    .sort((a, b) => (b.includes("best_int") ? 1 : 0) - (a.includes("best_int") ? 1 : 0))[0];
  if (!sub) return null;
  const createWorker = mod.createWorker ?? mod.default?.createWorker;
  if (!createWorker) return null;
  const start = () => createWorker("vie", 1, {
    langPath: join(dataDir, sub),
    cacheMethod: "none",
    gzip: true,
    logger: () => undefined,
    // without a handler tesseract.js throws a failed job's error from its message listener, which
    // would kill the thread; the job's own promise rejects with it anyway
    errorHandler: (e: unknown) => { jsFailure = String(e); },
  }).catch((e: unknown) => {
    throw new Error(`tesseract.js could not start: ${firstLine(String((e as Error)?.message ?? e))}`);
  });
  const pending: Promise<any> = keepEngine ? (keptJsWorker ??= start()) : start();
  const worker = await pending.catch((e: unknown) => {
    if (keptJsWorker === pending) keptJsWorker = null;
    throw e;
  });
  let broken = false;
  const read = async (image: Uint8Array, dpi?: number) => {
    try {
      // the page's resolution, when known, spares tesseract its guess (and its notice about it);
      // 0: the one the image records (the worker may have read a PDF page before)
      await worker.setParameters({ user_defined_dpi: String(dpi ?? 0) });
      const { data } = await worker.recognize(Buffer.from(image), {}, { tsv: true, text: false });
      return parseTesseractTsvPages(String(data.tsv ?? ""));
    } catch (e) {
      broken = true;
      throw new Error(`tesseract.js: ${firstLine(String((e as Error)?.message ?? jsFailure ?? e))}`);
    }
  };
  return {
    name: "tesseract.js",
    concurrency: 1,
    async recognize(png, dpi) {
      return (await read(png, dpi)).flatMap((p) => p.words);
    },
    async recognizeImage(image) {
      return read(image);
    },
    async close() {
      // a kept worker stays for the next file, unless it failed on this one
      if (keepEngine && keptJsWorker === pending && !broken) return;
      if (keptJsWorker === pending) keptJsWorker = null;
      await worker.terminate();
    },
  };
}

/** The first engine found: the tesseract program, then tesseract.js. */
export const defaultOcrLookup: OcrEngineLookup = async () => (await tesseractCli()) ?? (await tesseractJs());

/** An engine, or a {@link MissingDependencyError} that says what to install. */
export async function requireOcrEngine(lookup: OcrEngineLookup, file: string | null, why: string): Promise<OcrEngine> {
  const engine = await lookup();
  if (!engine) throw new MissingDependencyError("ocr-unavailable", `${why}, and no OCR engine is installed: ${OCR_INSTALL_HINT}`, file);
  return engine;
}

export { SEAL_FREE_TOP, washOutSeals } from "./pdf/seals.js";

/**
 * Renders page images with poppler's `pdftoppm` when it is on PATH (faster than pdf.js), in
 * colour so that seals can be washed out ({@link washOutSeals}); the engine gets a grey PGM.
 * Annotations are not drawn: on a scan they are additions such as the digital-signature stamp.
 */
export function pdftoppmRenderer(bytes: Uint8Array): ((page: number, dpi: number) => Promise<Uint8Array>) | null {
  const bin = which("pdftoppm");
  if (!bin) return null;
  let dir: Promise<string> | null = null;
  const file = async () => {
    dir ??= tempDir("vanban-pdf-").then(async (d) => { await writeFile(join(d, "in.pdf"), bytes); return d; });
    return dir;
  };
  const render = async (page: number, dpi: number) => {
    const d = await file();
    const prefix = join(d, `p${page}`);
    const r = await run(bin, ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", "-hide-annotations", join(d, "in.pdf"), prefix]);
    if (r.code !== 0) throw new Error(`pdftoppm exited with ${r.code}: ${firstLine(r.stderr)}`);
    const ppm = await readFile(`${prefix}.ppm`);
    await rm(`${prefix}.ppm`, { force: true });
    return washOutSeals(new Uint8Array(ppm.buffer, ppm.byteOffset, ppm.byteLength));
  };
  return Object.assign(render, {
    async dispose() { if (dir) await removeDir(await dir); },
  });
}

/**
 * OCR words → positioned items in page points (`72 / dpi` points a pixel), one baseline per line
 * of the engine so that the PDF layout logic (rows, columns) applies to them as to a text layer.
 * Words read with very low confidence and no letter or digit are left out (specks, seal edges).
 */
export function wordsToItems(words: OcrWord[], dpi: number): PdfItem[] {
  const scale = 72 / dpi;
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) {
    if (w.conf >= 0 && w.conf < 30 && !/[\p{L}\p{N}]{2}/u.test(w.text)) continue;
    const l = lines.get(w.line);
    if (l) l.push(w);
    else lines.set(w.line, [w]);
  }
  // OCR line boxes vary with skew, tone marks and specks: every line gets the page's median size,
  // which keeps rows together and columns apart (relative sizes, as for footnotes, are not kept)
  const sizes = [...lines.values()].map((ws) => {
    const heights = ws.map((w) => w.height).sort((a, b) => a - b);
    return ws[0].lineHeight ?? heights[Math.floor(heights.length * 0.75)];
  }).sort((a, b) => a - b);
  const size = Math.max(4, (sizes[Math.floor(sizes.length / 2)] * scale) / 1.35);
  const items: PdfItem[] = [];
  for (const ws of lines.values()) {
    // the baseline: the bottom most words share (median), so descenders (g, y, p) do not pull it down
    const bottoms = ws.map((w) => w.top + w.height).sort((a, b) => a - b);
    const bottom = bottoms[Math.floor(bottoms.length / 2)];
    // (a line box holds ascenders, tone marks above capitals and descenders: about 1.35 font sizes)
    for (const w of ws) {
      items.push(pdfItem(w.text, w.left * scale, bottom * scale, w.width * scale, size));
    }
  }
  return items;
}
