import { createInterface } from "node:readline";
import { realpathSync } from "node:fs";
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { basename, isAbsolute, join, resolve, sep } from "node:path";
import { SYSTEM_NAMES } from "../../grammars/file-kinds.js";
import { InputError } from "../errors.js";

/**
 * Why a file found in a folder is not read, and is listed in the summary instead: `hidden` (its
 * name, or a folder's above it, starts with a dot), `system` (what an operating system or Office
 * leaves beside documents: grammars/file-kinds.ts SYSTEM_NAMES), `output` (written by this run).
 * Every other file is read: a document gives its record, anything else an error record naming its kind.
 */
export type SkipRule = "hidden" | "system" | "output";

/** A file (or a whole folder, its path ending in `/`) left out by a rule. */
export interface Skipped {
  path: string;
  rule: SkipRule;
}

/** The rule that leaves a file or folder of this name out, if any. */
export function skipRuleOf(name: string): SkipRule | null {
  if (name.startsWith(".")) return "hidden";
  if (SYSTEM_NAMES.some((re) => re.test(name))) return "system";
  return null;
}

/** Byte-wise order, the same on every machine and locale (so shards agree). */
export const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A file left out of the conversion with the reason (it still gets its error record). */
export interface Rejected {
  code: string;
  message: string;
}

export interface ExpandOptions {
  /** follow symbolic links that point out of the folder being walked (default: they are refused) */
  followSymlinks?: boolean;
  /** filled with the files found but not to be read, and why (they get an error record) */
  rejected?: Map<string, Rejected>;
  /** filled with the files and folders left out by a rule (listed in the summary) */
  skipped?: Skipped[];
  /** the files this run writes: found in a folder, they are skipped (`output`) */
  outputs?: string[];
  /**
   * filled with the files found that may be one of `outputs` under another name: those named as
   * inputs, and symbolic links found in a folder. Any other file found in a folder is its real
   * folder's entry under its own name, which the walk has compared with the outputs' names: the
   * caller need not resolve every path of a large folder (one system call a file) to know that
   * none is the output
   */
  aliases?: string[];
}

const inside = (child: string, root: string) => child === root || child.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * Every file under a folder, recursively, sorted, whatever its name; hidden and system files and
 * folders, and the run's own output, are listed in `options.skipped` instead (a folder once, its
 * path ending in `/`). Iterative (a folder tree of any depth), and anything that is not a folder
 * is listed (a FIFO or a device becomes a `not-a-file` record rather than vanishing). A symbolic
 * link that leads out of the folder is listed as rejected unless `followSymlinks`.
 */
async function walk(top: string, out: string[], options: ExpandOptions, outputs: Set<string>, outputNames: Set<string>): Promise<void> {
  const root = await realpath(top).catch(() => top);
  const pending = [top];
  while (pending.length) {
    const dir = pending.pop()!;
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => compareNames(a.name, b.name));
    const subdirs: string[] = [];
    // join(dir, name) for every entry, the folder's part normalized once: a name from a listing has
    // no separator and is never `.` or `..`, so nothing in it is normalized away. One join a file
    // was most of what a large folder's listing kept alive, and the main thread's young generation
    // grew with it (20,000 files: 1 → 8 MB of semi-space, a peak RSS growing with the batch)
    const prefix = join(dir, "_").slice(0, -1);
    for (const e of entries) {
      const full = prefix + e.name;
      const rule = skipRuleOf(e.name) ?? (outputNames.has(e.name) && outputs.has(realOrSelf(full)) ? "output" : null);
      if (rule) {
        options.skipped?.push({ path: e.isDirectory() ? full + sep : full, rule });
        continue;
      }
      if (e.isDirectory()) subdirs.push(full);
      else {
        out.push(full);
        if (e.isSymbolicLink()) options.aliases?.push(full);
        if (e.isSymbolicLink() && !options.followSymlinks) {
          const target = await realpath(full).catch(() => null);
          if (target !== null && !inside(target, root)) {
            options.rejected?.set(full, { code: "outside-input", message: "a symbolic link that leads out of the input folder; not followed (give --follow-symlinks to read it)" });
          }
        }
      }
    }
    // depth first, in name order: the same listing as a recursive walk
    for (let i = subdirs.length - 1; i >= 0; i--) pending.push(subdirs[i]);
  }
}

const realOrSelf = (p: string): string => {
  try {
    return realpathSync.native(p);
  } catch {
    return resolve(p);
  }
};

/**
 * Files, folders and globs → the sorted list of files to convert, without duplicates.
 * A path that does not exist, or a glob that matches nothing, is an error (`no-such-input`,
 * `no-match`): a typo in a script stops it before anything is written.
 */
export async function expandInputs(args: string[], options: ExpandOptions = {}): Promise<string[]> {
  const found: string[] = [];
  const outputs = new Set((options.outputs ?? []).map(realOrSelf));
  // names first: a path found is resolved only when its name is an output's (one system call, not one a file)
  const outputNames = new Set([...(options.outputs ?? []), ...outputs].map((o) => basename(o)));
  // (no push(...list): a folder of a million files would overflow the call's argument list)
  const add = (list: string[]) => { for (const p of list) found.push(p); };
  for (const arg of args) {
    let st: Awaited<ReturnType<typeof stat>> | null = null;
    let missing = false;
    try {
      st = await stat(arg);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      missing = code === "ENOENT" || code === "ENOTDIR";
    }
    // the glob library only for a path that is not there: most runs name folders (~17 ms of a start-up)
    const globs = st ? null : await import("tinyglobby");
    if (st?.isDirectory()) {
      const inFolder: string[] = [];
      await walk(arg, inFolder, options, outputs, outputNames);
      add(inFolder);
    } else if (globs?.isDynamicPattern(arg)) {
      // an absolute pattern gives absolute paths, a relative one paths relative to the current folder
      const matches = await globs.glob(arg, { onlyFiles: true, dot: false, expandDirectories: false, absolute: isAbsolute(arg) });
      if (!matches.length) throw new InputError("no-match", `the pattern ${arg} matches no file`, arg);
      // a glob names what it matches: only system files and the output are left out (hidden ones it does not match)
      for (const m of matches) {
        const rule = skipRuleOf(basename(m)) ?? (outputs.size && outputs.has(realOrSelf(m)) ? "output" : null);
        if (rule) options.skipped?.push({ path: m, rule });
        else found.push(m);
      }
    } else if (missing) {
      let why = "no such file or folder";
      try {
        await lstat(arg);
        why = "a symbolic link to nothing";
      } catch {
        // not there at all
      }
      throw new InputError("no-such-input", why, arg);
    } else {
      found.push(arg);
      options.aliases?.push(arg);
    }
  }
  return [...new Set(found)].sort(compareNames);
}

/** `--shard K/N` (K from 1 to N) → [K, N]. */
export function parseShard(spec: string): [number, number] {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || k < 1 || k > n) {
    throw new InputError("bad-option", `--shard takes K/N with 1 ≤ K ≤ N (for example 2/8), not ${spec}`);
  }
  return [k, n];
}

/** Every N-th file of the sorted listing, starting with the K-th. */
export function shard<T>(items: T[], [k, n]: [number, number]): T[] {
  return items.filter((_, i) => i % n === k - 1);
}

/** Paths one a line (blank lines skipped, CRLF tolerated), as they arrive. */
export async function* readPathLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    const path = line.trim();
    if (path) yield path;
  }
}
