/**
 * Building regular expressions from the word lists in `grammars/`: escaping, alternations
 * longest first (so `phối hợp với` wins over `phối hợp`), and written forms that let any run of
 * whitespace stand for a space, any dash for a hyphen, with tone placement folded.
 */
import { foldTone } from "./tone.js";

/** A word's characters escaped for a regex source (`Đ/c` → `Đ\/c`, `TP.` → `TP\.`). */
export function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

const longestFirst = (xs: readonly string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length);

/**
 * Plain words as one group, escaped, longest first: `["họp", "cuộc họp"]` → `(?:cuộc họp|họp)`.
 * `before`, a lookbehind (`(?<![\\p{L}])`), is asserted where the words begin (see {@link prefixTree}).
 */
export function alt(words: readonly string[], before = ""): string {
  return `(?:${prefixTree(longestFirst(words).map(esc), before)})`;
}

/**
 * The units of a source made by {@link esc} or {@link formSource}: a whitespace run (`\s+`,
 * `\s*`), a class (`[hH]`, `[-–—]`), an escaped character, or one character.
 */
const ATOM = /\\s[+*]|\[[^\]]*\]|\\[\s\S]|[\s\S]/gu;

interface TrieNode {
  children: Map<string, TrieNode>;
  /** the position in the list of the first alternative through this node */
  first: number;
  /** the position of the last alternative through this node */
  last: number;
  /** the position of the alternative that ends here, or -1 */
  end: number;
}

/**
 * Alternatives (regex sources, in the order they are to be tried) as one alternation with their
 * common beginnings written once: `ban hành|ban chỉ đạo|ban` → `ban(?: (?:hành|chỉ đạo)|)`. The
 * regex engine then reads a shared beginning once instead of once for each alternative (an
 * alternation of 70 verbs was tried verb by verb at every character: 90 ns a character).
 * It matches what the plain alternation matches, the same way: the branches of a node are
 * tried in the order of their first alternative, and where two branches could both match (a
 * branch opening with `\s*`, or a shorter alternative ending before a longer one) the
 * alternatives below that node are written out in their own order instead.
 * The pieces are compared as written: a case-insensitive piece (`[ủỦ]`) and a capital (`Ủ`) are
 * different pieces that can match the same text, which it does not see — forms of one case policy
 * (`alternation`'s `casing`) only: heads of mixed policies put together matched `Ủy ban` before
 * `Ủy ban nhân dân`.
 */
export function prefixTree(sources: readonly string[], before = ""): string {
  const root: TrieNode = { children: new Map(), first: 0, last: 0, end: -1 };
  sources.forEach((src, i) => {
    let node = root;
    for (const atom of src.match(ATOM) ?? []) {
      let next = node.children.get(atom);
      if (!next) node.children.set(atom, (next = { children: new Map(), first: i, last: i, end: -1 }));
      next.last = i;
      node = next;
    }
    if (node.end < 0) node.end = i;
  });
  if (!before) return emit(root);
  // `before` (a lookbehind: not after a letter) asserted after each first character, where it
  // costs a look only where a branch begins, not before every character of the text
  const branches = [...root.children].map(([atom, child]) => ({ atom, child, at: child.first })).sort((a, b) => a.at - b.at);
  if (root.end >= 0 || branches.some((b) => !ONE_CHARACTER.test(b.atom))) return `${before}(?:${emit(root)})`;
  const parts = branches.map((b) => `${b.atom}(?<=${before}${b.atom})${emit(b.child)}`);
  return parts.length === 1 ? parts[0] : `(?:${parts.join("|")})`;
}
/** An atom that matches exactly one character: a character, an escaped one, a class. */
const ONE_CHARACTER = /^(?:\[[^\]]*\]|\\[^sSdDwWbBpPu]|[^\\])$/u;

interface Branch {
  atom: string;
  child: TrieNode;
  at: number;
}

function emit(node: TrieNode): string {
  const branches: Branch[] = [...node.children].map(([atom, child]) => ({ atom, child, at: child.first }));
  branches.sort((a, b) => a.at - b.at);
  const ordered = node.end >= 0 && branches.some((b) => b.at > node.end);
  // two branches that can both match (their atoms can match the same character) keep the list's
  // order only when the alternatives below one all come before the other's
  const interleaved = (b: Branch, c: Branch) => b.child.last > c.at && c.child.last > b.at;
  const overlapping = branches.length > 1 && (branches.some((b) => b.atom === "\\s*") || branches.some((b, i) => branches.some((c, j) => j > i && interleaved(b, c) && mayOverlap(b, c))));
  if (ordered || overlapping) {
    // written out alternative by alternative, in the list's order
    const all: { at: number; src: string }[] = [];
    collect(node, "", all);
    all.sort((a, b) => a.at - b.at);
    return all.length === 1 ? all[0].src : `(?:${all.map((a) => a.src).join("|")})`;
  }
  const parts = branches.map((b) => b.atom + emit(b.child));
  if (node.end >= 0) parts.push("");
  return parts.length === 1 ? parts[0] : `(?:${parts.join("|")})`;
}

/**
 * Can two branches begin with the same character (`Ủ` and `[ủỦ]`, a head's capital and another
 * head's any case), so that both could match? Yes where either begins otherwise than with an atom
 * whose characters can be listed (a character, a class listing its characters, a whitespace run),
 * after any lookaround (an abbreviation's guard).
 */
function mayOverlap(a: Branch, b: Branch): boolean {
  const x = leadChars(a.atom, a.child);
  const y = leadChars(b.atom, b.child);
  if (x === null || y === null) return true;
  if (x === WHITESPACE) return y === WHITESPACE || /\s/u.test(y);
  if (y === WHITESPACE) return /\s/u.test(x);
  for (const ch of x) if (y.includes(ch)) return true;
  return false;
}
const WHITESPACE = "\\s";
/**
 * The characters a branch from `atom` (then `child`) begins with: the atom's, or after a lookaround
 * that opens there (zero-width, read to its closing parenthesis down a single path) the
 * characters each branch after it begins with; null where it cannot say or the branch can end there.
 */
function leadChars(atom: string, child: TrieNode): string | null {
  if (atom !== "(") return atomChars(atom);
  let node = child;
  let read = "";
  let depth = 1;
  while (depth > 0) {
    if (node.end >= 0 || node.children.size !== 1) return null;
    const [next, below] = [...node.children][0];
    if (!read && !["?=", "?!", "?<"].some((p) => p.startsWith(next) || p === next)) return null;
    read += next;
    if (next === "(") depth++;
    else if (next === ")") depth--;
    node = below;
  }
  if (!/^\?(?:=|!|<=|<!)/u.test(read) || node.end >= 0 || !node.children.size) return null;
  let out = "";
  for (const [next, below] of node.children) {
    const chars = leadChars(next, below);
    if (chars === null || chars === WHITESPACE) return null;
    out += chars;
  }
  return out;
}
/** The characters an atom matches, {@link WHITESPACE} for a whitespace run, null where it cannot say (a group's syntax, a range, `\d`). */
function atomChars(atom: string): string | null {
  if (atom === "\\s+" || atom === "\\s*") return WHITESPACE;
  if (atom.length === 1) return /[\\()|?*+{}^$.[\]]/u.test(atom) ? null : atom;
  if (atom.length === 2 && atom[0] === "\\") return /[\p{L}\p{N}]/u.test(atom[1]) ? null : atom[1];
  if (atom.startsWith("[") && atom.endsWith("]")) {
    const inside = atom.slice(1, -1);
    // a listed class only: no negation, escape or range (a dash first is itself)
    return /^[^\\^]/u.test(inside) && !/[\\]|.-./u.test(inside) ? inside : null;
  }
  return null;
}

function collect(node: TrieNode, prefix: string, out: { at: number; src: string }[]): void {
  if (node.end >= 0) out.push({ at: node.end, src: prefix });
  for (const [atom, child] of node.children) collect(child, prefix + atom, out);
}

/** Regex fragments (already regex source) as one group, longest first. */
export function altSource(fragments: readonly string[]): string {
  return `(?:${longestFirst(fragments).join("|")})`;
}

function ciChar(c: string): string {
  const lo = c.toLowerCase();
  const up = c.toUpperCase();
  return lo === up || lo.length !== 1 || up.length !== 1 ? esc(c) : `[${lo}${up}]`;
}

/** How strictly a form's capitals must be matched: any case, the first letter as written, or exactly. */
export type Casing = "any" | "cap" | "exact";

/**
 * A regex source for a written form: words joined by any whitespace, a dash by any dash,
 * tone placement folded (match against `foldTone(text)`), case per `casing`.
 */
export function formSource(form: string, casing: Casing): string {
  const folded = foldTone(form.normalize("NFC"));
  let out = "";
  let first = true;
  for (const ch of folded) {
    if (ch === " ") out += "\\s+";
    else if (ch === "-" || ch === "–" || ch === "—") out += "\\s*[-–—]\\s*";
    else if (ch === ",") out += "\\s*,";
    else if (ch === "&") out += "\\s*&\\s*";
    else if (casing === "exact" || (casing === "cap" && first)) out += esc(ch);
    else out += ciChar(ch);
    if (/\p{L}/u.test(ch)) first = false;
  }
  return out.replace(/(\\s\*)+\\s\+/g, "\\s+").replace(/\\s\+\\s\*/g, "\\s+");
}

/**
 * A form's source (see {@link formSource}) for a pattern tried only where the text's code unit is
 * `first`, one the form begins with: its first atom, whatever its casing wrote (`Ủ`, `[ủỦ]`), can
 * match nothing else there and is written as `first`, so that forms of different casings share
 * their beginnings in a {@link prefixTree}.
 */
export function formSourceAt(form: string, casing: Casing, first: string): string {
  const source = formSource(form, casing);
  const atom = source.match(ATOM)?.[0] ?? "";
  // the first atom is a letter as written or a class of its cases (`[ủỦ]`)
  if (atom !== esc(first) && !(atom.startsWith("[") && atom.slice(1, -1).includes(first))) throw new Error(`${JSON.stringify(form)} cannot begin with ${JSON.stringify(first)}`);
  return esc(first) + source.slice(atom.length);
}

/** An alternation of written forms (see `formSource`), longest first. */
export function alternation(forms: readonly string[], casing: Casing, before = ""): string {
  return prefixTree(longestFirst(forms).map((f) => formSource(f, casing)), before);
}

// Regex forms of guards that V8 answers cheaply, each the same assertion as the plain form it
// stands for (measured on the 200 two-page bench documents, in the date parsers first).

/**
 * Nothing of `chars` (a class's inside) right before: `(?<![chars])` written with whitespace
 * asked first. V8 answers a negative lookbehind of a `\p{L}` class by a search of the class's
 * ranges (~60 ns a try: most of a failing parser's time at a digit), while the common case, a
 * space before, is one short test here. For a pattern tried where a match can open (sticky); an
 * unanchored scan is slower with it (every character tries both branches).
 * Where `chars` names more than one Unicode property, each is a branch of its own (`\p{L}|\p{N}|
 * [/.,-]`): the same characters, but a class of two properties has its ranges sorted when the
 * pattern is compiled, by insertion (~1,000 of them for `\p{L}\p{M}`), and a pattern that holds
 * the guard at each of its alternatives paid that each time (see text/letters `WE`).
 */
export function notAfter(chars: string): string {
  const branches = propertyBranches(chars);
  return branches === null ? `(?<=\\s|^|[^${chars}])` : `(?:(?<=\\s)|(?<!${branches}))`;
}

/** One character of `chars` (a class's inside), `[chars]`, a class of several Unicode properties written as a branch a property (see {@link notAfter}). */
export const oneOf = (chars: string): string => `(?:${branchesOrClass(chars)})`;

/** Nothing of `chars` (no whitespace among them) right after: `(?![chars])`, whitespace asked first, as {@link notAfter} (a word's end). */
export function notBefore(chars: string): string {
  return `(?:(?=\\s)|(?!${branchesOrClass(chars)}))`;
}

/** {@link propertyBranches}, or the class itself for one property or none. */
const branchesOrClass = (chars: string) => propertyBranches(chars) ?? `[${chars}]`;

/** A class's inside of more than one Unicode property as one branch a property and one for the rest (`\p{L}|\p{N}|[/.,-]`); null for fewer. */
function propertyBranches(chars: string): string | null {
  const properties = chars.match(/\\[pP]\{[^}]+\}/g) ?? [];
  if (properties.length < 2) return null;
  const rest = chars.replace(/\\[pP]\{[^}]+\}/g, "");
  return [...properties, ...(rest ? [`[${rest}]`] : [])].join("|");
}

/** No letter right before (`(?<![\p{L}])`), as {@link notAfter}. */
export const NOT_AFTER_LETTER = notAfter("\\p{L}");

/**
 * Whether a match of `source` ends where the string ends: what `new RegExp(source + "$", "u").test(s)`
 * answers, asked as a lookbehind at the end, which the engine reads backwards from there once,
 * instead of trying the pattern from every start of the string (a deadline's cue in the 60
 * characters before each date: 14 → 1 µs a document).
 */
export function endsWith(source: string): (s: string) => boolean {
  const re = new RegExp(`(?<=${source})`, "uy");
  return (s) => {
    re.lastIndex = s.length;
    return re.test(s);
  };
}

/**
 * The match of `source` (its groups with it) that ends where the string ends, or null: what
 * `s.match(new RegExp(source + "$", "u"))` gives, asked of {@link endsWith} first, which answers
 * the common "no" without trying the pattern from every start of the string.
 */
export function matchAtEnd(source: string): (s: string) => RegExpMatchArray | null {
  const ends = endsWith(source);
  const re = new RegExp(`${source}$`, "u");
  return (s) => (ends(s) ? s.match(re) : null);
}

/** The capture number of each named group of a pattern (see {@link unnamedGroups}). */
export type GroupNumbers = Readonly<Record<string, number>>;

/**
 * A pattern's source with its groups' names taken out (`(?<y>…)` → `(…)`), and each name's capture
 * number: a match of it is read by number (`m[g.y]`). V8 makes a match's `groups` a dictionary
 * object, adding the names one by one, at every match of a pattern that names its groups: ~750
 * instructions a date of three groups, more than the date parser's build.
 *
 *     unnamedGroups("(?<d>\\d+)/(\\d+)/(?<y>\\d{4})") → { source: "(\\d+)/(\\d+)/(\\d{4})", numbers: { d: 1, y: 3 } }
 */
export function unnamedGroups(source: string): { source: string; numbers: GroupNumbers } {
  const numbers: Record<string, number> = {};
  let out = "";
  let captures = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") {
      if (source[i + 1] === "k" && source[i + 2] === "<") throw new Error(`a named backreference cannot be read by number: ${source}`);
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") {
      const name = /^\?<([^=!>][^>]*)>/.exec(source.slice(i + 1, i + 80));
      if (name) {
        numbers[name[1]] = ++captures;
        out += "(";
        i += name[0].length;
        continue;
      }
      if (source[i + 1] !== "?") captures++;
    }
    out += ch;
  }
  return { source: out, numbers };
}
