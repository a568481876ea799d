import { createInterface } from "node:readline";
import { realpathSync, type Dirent } from "node:fs";
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { basename, isAbsolute, join, resolve, sep } from "node:path";
import { SYSTEM_NAMES } from "../../grammars/file-kinds.js";
import { InputError } from "../errors.js";
import { isArchiveName } from "../load/archive-path.js";

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

/** Strings kept off the JavaScript heap: their UTF-16 code units one after another in a buffer, each made again when read. */
class Units {
  private units = Buffer.allocUnsafe(1 << 12);
  private ends = new Uint32Array(64);
  private used = 0;
  length = 0;

  push(s: string): void {
    const need = this.used + 2 * s.length;
    if (need > this.units.length) {
      const units = Buffer.allocUnsafe(Math.max(need, 2 * this.units.length));
      this.units.copy(units, 0, 0, this.used);
      this.units = units;
    }
    if (this.length === this.ends.length) {
      const ends = new Uint32Array(2 * this.ends.length);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.used += this.units.write(s, this.used, "utf16le");
    this.ends[this.length++] = this.used;
  }

  at(i: number): string {
    return this.units.toString("utf16le", i ? this.ends[i - 1] : 0, this.ends[i]);
  }
}

/**
 * A sorted listing of files kept off the JavaScript heap, each path made again as a string when it
 * is read. A listing of 20,000 paths as strings, made in a burst at start-up, survived the main
 * thread's young collections as it grew, and V8 doubled that young generation for the rest of the
 * run (4 → 8 MB, with the old space and the arrays' large objects ~7 MB of the main thread's
 * memory at 20,000 files against 1,000). It is the one structure of a run that grows with its
 * files, so a folder is kept once for the files that follow one another in it (as a folder's walk
 * lists them) and each file by its name: whole paths took 64 bytes a file of
 * /tmp/rss-t60k/000/t-000000.txt (a 4 MB buffer at 60,000 files), a path of 100 characters 204,
 * where the name takes 28 with its end and the folder's number 4 (one-line files, --jobs 2: peak
 * RSS at 60,000 files 150 → 145 MB). Read back as written, whatever the code units (lone
 * surrogates too): a path is cut after its last separator and made again by joining the two parts.
 */
export class PathList implements Iterable<string> {
  private readonly folders = new Units();
  private readonly names = new Units();
  /** each path's folder, by its number in `folders` */
  private folderOf = new Uint32Array(64);
  /** the folder pushed last, and the one read last (its number and its string) */
  private lastFolder: string | null = null;
  private readFolder = -1;
  private readFolderText = "";
  /** paths held */
  length = 0;
  /** whether a path names a zip archive (whose documents the run lists in its place) */
  hasArchives = false;

  static of(paths: Iterable<string>): PathList {
    const list = new PathList();
    for (const p of paths) list.push(p);
    return list;
  }

  push(path: string): void {
    const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf(sep)) + 1;
    const folder = path.slice(0, cut);
    if (folder !== this.lastFolder) {
      this.folders.push(folder);
      this.lastFolder = folder;
    }
    if (this.length === this.folderOf.length) {
      const folderOf = new Uint32Array(2 * this.folderOf.length);
      folderOf.set(this.folderOf);
      this.folderOf = folderOf;
    }
    this.folderOf[this.length++] = this.folders.length - 1;
    this.names.push(path.slice(cut));
    if (!this.hasArchives && isArchiveName(path)) this.hasArchives = true;
  }

  at(i: number): string {
    const f = this.folderOf[i];
    if (f !== this.readFolder) {
      this.readFolder = f;
      this.readFolderText = this.folders.at(f);
    }
    return this.readFolderText + this.names.at(i);
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/** A folder read by the walk: the rule-skipped entries it holds, and its sub-folders in name order (see walk). */
interface FolderNode {
  skipped: Skipped[];
  children: FolderNode[];
}

/** What is left to list of a folder read by the walk: its files and sub-folders in the listing's order. */
interface Frame {
  prefix: string;
  entries: { name: string; entry: Dirent; node: FolderNode | null }[];
  next: number;
}

/**
 * Every file under a folder, recursively, whatever its name, in the sorted order (compareNames)
 * of the paths themselves, so the listing needs no sort of its own: a folder's entries are read in
 * the order of their names, a sub-folder's name with the separator after it (`a-b.txt` before the
 * folder `a`, whose paths are `a/…`; `-` is below `/`). Hidden and system files and folders, and the
 * run's own output, are listed in `options.skipped` instead (a folder once, its path ending in `/`),
 * in the order of a walk of each folder's entries by name before its sub-folders by name, as they
 * always were. Iterative (a folder tree of any depth), and anything that is not a folder is listed
 * (a FIFO or a device becomes a `not-a-file` record rather than vanishing). A symbolic link that
 * leads out of the folder is listed as rejected unless `followSymlinks`.
 */
async function walk(top: string, out: PathList, options: ExpandOptions, outputs: Set<string>, outputNames: Set<string>): Promise<void> {
  const root = await realpath(top).catch(() => top);
  const read = async (dir: string, node: FolderNode): Promise<Frame> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => compareNames(a.name, b.name));
    // join(dir, name) for every entry, the folder's part normalized once: a name from a listing has
    // no separator and is never `.` or `..`, so nothing in it is normalized away
    const prefix = join(dir, "_").slice(0, -1);
    const kept: Frame["entries"] = [];
    for (const entry of entries) {
      const full = prefix + entry.name;
      const rule = skipRuleOf(entry.name) ?? (outputNames.has(entry.name) && outputs.has(realOrSelf(full)) ? "output" : null);
      if (rule) node.skipped.push({ path: entry.isDirectory() ? full + sep : full, rule });
      else if (!entry.isDirectory()) kept.push({ name: entry.name, entry, node: null });
      else {
        const child: FolderNode = { skipped: [], children: [] };
        node.children.push(child);
        kept.push({ name: entry.name + sep, entry, node: child });
      }
    }
    kept.sort((a, b) => compareNames(a.name, b.name));
    return { prefix, entries: kept, next: 0 };
  };
  const tree: FolderNode = { skipped: [], children: [] };
  const frames = [await read(top, tree)];
  while (frames.length) {
    const frame = frames[frames.length - 1];
    if (frame.next === frame.entries.length) {
      frames.pop();
      continue;
    }
    const { entry, node } = frame.entries[frame.next++];
    const full = frame.prefix + entry.name;
    if (node) {
      frames.push(await read(full, node));
      continue;
    }
    out.push(full);
    if (entry.isSymbolicLink()) options.aliases?.push(full);
    if (entry.isSymbolicLink() && !options.followSymlinks) {
      const target = await realpath(full).catch(() => null);
      if (target !== null && !inside(target, root)) {
        options.rejected?.set(full, { code: "outside-input", message: "a symbolic link that leads out of the input folder; not followed (give --follow-symlinks to read it)" });
      }
    }
  }
  // the skipped, folder by folder: each folder's before its sub-folders', these by name
  for (const pending = [tree]; pending.length; ) {
    const node = pending.pop()!;
    for (const k of node.skipped) options.skipped?.push(k);
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]);
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
export async function expandInputs(args: string[], options: ExpandOptions = {}): Promise<PathList> {
  const found: string[] = [];
  const outputs = new Set((options.outputs ?? []).map(realOrSelf));
  // names first: a path found is resolved only when its name is an output's (one system call, not one a file)
  const outputNames = new Set([...(options.outputs ?? []), ...outputs].map((o) => basename(o)));
  // (no push(...list): a folder of a million files would overflow the call's argument list)
  const add = (list: Iterable<string>) => { for (const p of list) found.push(p); };
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
      const inFolder = new PathList();
      await walk(arg, inFolder, options, outputs, outputNames);
      // one folder: its walk is the listing, sorted and without duplicates already
      if (args.length === 1) return inFolder;
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
  return PathList.of([...new Set(found)].sort(compareNames));
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
export function shard(items: PathList, [k, n]: [number, number]): PathList {
  const out = new PathList();
  for (let i = k - 1; i < items.length; i += n) out.push(items.at(i));
  return out;
}

/** Paths one a line (blank lines skipped, CRLF tolerated), as they arrive. */
export async function* readPathLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    const path = line.trim();
    if (path) yield path;
  }
}
