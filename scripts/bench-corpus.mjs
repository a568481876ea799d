// The bench's text corpus, made from the repository's fixtures: read by scripts/bench.mjs and
// scripts/bench-instructions.mjs, so that both measure the same documents.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The files under `dir` whose names pass `test`, in name order, folders walked. */
export function walk(dir, test, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, test, out);
    else if (test(e.name)) out.push(p);
  }
  return out;
}

/**
 * The shared corpus (`shared/corpus/NAME`) of a checkout: beside it (/work/main → /work/shared), or
 * beside its folder of worktrees (/work/wt/NAME → /work/shared); null where there is none.
 */
export function sharedCorpus(root, name) {
  return [join(root, "..", "shared", "corpus", name), join(root, "..", "..", "shared", "corpus", name)].find((d) => existsSync(d)) ?? null;
}

/** Repeats the body paragraphs (the long lines) in place until the text is about two pages. */
export function twoPages(text, chars = 5000) {
  const lines = text.split(/\r?\n/);
  const long = lines.map((l, i) => (l.trim().length > 60 ? i : -1)).filter((i) => i >= 0);
  if (!long.length) return text;
  const [a, b] = [long[0], long[long.length - 1]];
  const body = lines.slice(a, b + 1);
  const out = [...lines.slice(0, b + 1)];
  let size = out.join("\n").length + lines.slice(b + 1).join("\n").length;
  while (size < chars) {
    out.push(...body);
    size += body.join("\n").length;
  }
  return [...out, ...lines.slice(b + 1)].join("\n");
}

/** The two-page documents: every text fixture of a document (one with a `Số:` line) made two pages long. */
export function twoPageDocuments(root) {
  return walk(join(root, "fixtures"), (n) => /\.txt$/i.test(n))
    .map((p) => readFileSync(p, "utf8"))
    .filter((t) => t.length > 500 && /Số:/.test(t))
    .map((t) => twoPages(t));
}
