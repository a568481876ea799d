#!/usr/bin/env node
// Diacritic accuracy of legacy (TCVN3/VNI) files against their hand-checked Unicode transcripts
// (NAME.ext beside NAME.txt), scored as ../shared/corpus/legacy/README.md says: of the transcript's
// characters that carry a Vietnamese mark, the share that comes back exactly, after NFC and
// whitespace collapse, case-blind. Texts are aligned word by word (Myers), then character by
// character inside the words that differ; words found elsewhere in the output (a block read in
// another order) count as given back. Reads the built library (dist/): `npm run build` first.
// usage: node scripts/legacy-eval.mjs [DIR…] [--min 0.995] [--verbose]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
let min = 0;
let verbose = false;
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--min") min = Number(args[++i]);
  else if (args[i] === "--verbose") verbose = true;
  else dirs.push(resolve(args[i]));
}
if (!dirs.length) {
  const shared = resolve(root, "..", "shared", "corpus", "legacy");
  if (existsSync(shared)) dirs.push(shared);
  dirs.push(join(root, "fixtures", "legacy"));
}
const { loadDocument, normalize } = await import(join(root, "dist", "src", "index.js"));

const MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/;
const prep = (s) => s.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

/** Myers' diff: the pairs (i, j) of equal items on one shortest edit script. */
function matches(a, b) {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // walk back
  const pairs = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vv = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vv[max + k - 1] < vv[max + k + 1]) ? k + 1 : k - 1;
    const prevX = vv[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) pairs.push([--x, --y]);
    if (d > 0) {
      x = prevX;
      y = prevY;
    }
  }
  return pairs.reverse();
}

/** marked characters of `want` that `got` gives back, aligned */
function score(want, got) {
  const wa = want.split(" ");
  const ga = got.split(" ");
  const ids = new Map();
  const id = (w) => {
    let i = ids.get(w);
    if (i === undefined) ids.set(w, (i = ids.size));
    return i;
  };
  const pairs = matches(wa.map(id), ga.map(id));
  let total = 0;
  let right = 0;
  const countMarked = (w) => [...w].filter((c) => MARKED.test(c)).length;
  for (const w of wa) total += countMarked(w);
  let pw = 0;
  let pg = 0;
  const misses = [];
  const gap = (w0, w1, g0, g1) => {
    if (w1 <= w0) return;
    const ws = wa.slice(w0, w1).join(" ");
    const gs = ga.slice(g0, g1).join(" ");
    if (!countMarked(ws)) return;
    // a block read in another order (a form's header read column by column) still comes back
    if (got.includes(ws)) {
      right += countMarked(ws);
      return;
    }
    if (gs && ws.length * gs.length < 4e6) {
      const cw = [...ws];
      const cg = [...gs];
      for (const [i] of matches(cw, cg)) if (MARKED.test(cw[i])) right++;
    }
    if (misses.length < (verbose ? 40 : 0)) misses.push(`${ws.slice(0, 60)} → ${gs.slice(0, 60)}`);
  };
  for (const [i, j] of pairs) {
    gap(pw, i, pg, j);
    right += countMarked(wa[i]);
    pw = i + 1;
    pg = j + 1;
  }
  gap(pw, wa.length, pg, ga.length);
  return { total, right, misses };
}

let failed = 0;
let status = 0;
for (const dir of dirs) {
  if (!existsSync(dir)) continue;
  console.log(`# legacy diacritic accuracy (case-blind): ${dir}`);
  const byFormat = new Map();
  for (const name of readdirSync(dir).sort()) {
    const ext = extname(name).toLowerCase();
    if ([".txt", ".md", ".tsv", ".json", ".ts", ".mjs"].includes(ext)) continue;
    const transcript = join(dir, basename(name, extname(name)) + ".txt");
    if (!existsSync(transcript)) continue;
    const fmt = ext.slice(1);
    const agg = byFormat.get(fmt) ?? { files: 0, read: 0, total: 0, right: 0 };
    byFormat.set(fmt, agg);
    agg.files++;
    const want = prep(readFileSync(transcript, "utf8"));
    let got = "";
    try {
      const doc = await loadDocument(new Uint8Array(readFileSync(join(dir, name))), { path: name, ocr: false });
      got = prep(normalize(doc).text);
      agg.read++;
    } catch (err) {
      failed++;
      console.log(`  ${name}: NOT READ (${err.code ?? ""} ${err.message})`);
    }
    const s = score(want, got);
    agg.total += s.total;
    agg.right += s.right;
    if (got) console.log(`  ${name}: ${(s.right / s.total).toFixed(4)} (${s.right}/${s.total})`);
    if (verbose) for (const m of s.misses) console.log(`      ${m}`);
  }
  let total = 0;
  let right = 0;
  for (const [fmt, a] of [...byFormat].sort()) {
    total += a.total;
    right += a.right;
    console.log(`legacy ${fmt}: ${a.read}/${a.files} read, diacritic accuracy ${(a.right / a.total).toFixed(4)}`);
  }
  if (total) {
    const acc = right / total;
    console.log(`legacy all formats: diacritic accuracy ${acc.toFixed(4)}${failed ? `, ${failed} file(s) not read` : ""}`);
    if (acc < min || (min && failed)) status = 1;
  }
}
process.exit(status);
