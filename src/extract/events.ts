import {
  CHAIR_MARK,
  EVENT_LABELS,
  LABEL_PREFIX,
  MEETING_CUES,
  MEETING_TYPE_CODES,
  PLACE_LEAD,
  PROSE_MEETING_CUES,
  VALUE_END,
  type EventField,
} from "../../grammars/events.js";
import { HONORIFICS } from "../../grammars/people.js";
import { matchKey } from "../text/tone.js";
import { afterSpaces, collapseSpaces, isAsciiDigitCode, isLetterOrMarkCode } from "../text/letters.js";
import { alt, esc } from "../text/pattern.js";
import { joined } from "../text/lists.js";
import type { DateMention, Event, Span } from "../record/schema.js";
import { keyFollowsFolded, textKey, type ExtractContext } from "./context.js";
import { documentDates, findDates } from "./dates.js";

/**
 * Meetings a document calls. A meeting is read from its labelled parts (`Thời gian:`,
 * `Địa điểm:`, `Thành phần:`, `Chủ trì:`, `Nội dung:`), in a document that calls one (a giấy
 * mời, or words such as `họp`, `làm việc`, `kính mời`); failing labels, from a sentence of a
 * giấy mời that gives a meeting's time and place (`… họp vào lúc 14 giờ ngày 20/5/2026 tại …`).
 * `start`/`end` are ISO (a period's two ends; `end` null when one point is given).
 */


const LABEL_BY_KEY = new Map<string, EventField>();
for (const { field, labels } of EVENT_LABELS) for (const l of labels) LABEL_BY_KEY.set(matchKey(l), field);
const LABEL_RE = new RegExp(`^\\s*${LABEL_PREFIX}(${alt([...LABEL_BY_KEY.keys()])})\\s*(?:\\([^)]{0,40}\\))?\\s*:\\s*`, "u");
const VALUE_END_RE = new RegExp(VALUE_END, "u");
const CUE_RE = new RegExp(`(?<![\\p{L}])${alt(MEETING_CUES)}(?![\\p{L}])`, "u");
const CHAIR_RE = new RegExp(CHAIR_MARK, "u");
const HONORIFIC_RE = new RegExp(`^${alt(HONORIFICS)}\\s+`, "u");
const PROSE_CUE_RE = new RegExp(`(?<![\\p{L}])${alt(PROSE_MEETING_CUES)}(?![\\p{L}])`, "u");
const PLACE_RE = new RegExp(`(?<![\\p{L}])${esc(PLACE_LEAD)}\\s+`, "u");
/** the place's lead word opening a `Địa điểm:` value (`tại Phòng họp số 2`), left out of the place */
const PLACE_LEAD_RE = new RegExp(`^${esc(PLACE_LEAD)}\\s+`, "iu");

/** without bold markup, whitespace runs made one space, the ends trimmed (each asked before replacing) */
const clean = (s: string) => collapseSpaces(s.includes("**") ? s.replace(/\*\*/g, "") : s);

interface Line {
  text: string;
  key: string;
  start: number;
  end: number;
}

interface Labelled {
  field: EventField;
  /** the value: the rest of the label's line and the lines that continue it */
  lines: Line[];
  valueStart: number;
  span: Span;
}

/**
 * The lines of `text` from `from` to `to`, read one at a time from a line's start: a line's text
 * and key are sliced only when a label asks for it, and its colon is looked for once, not on every
 * line (most of a body's lines are no label's).
 */
class Lines {
  /** the first colon at or after the last line asked about (-1: none left) */
  private colon = -1;
  private colonFrom = Infinity;
  constructor(
    readonly text: string,
    readonly key: string,
    readonly to: number,
  ) {}
  /** Where the line that starts at `start` ends. */
  end(start: number): number {
    const end = this.text.indexOf("\n", start);
    return end < 0 || end > this.to ? this.to : end;
  }
  line(start: number, end: number): Line {
    return { text: this.text.slice(start, end), key: this.key.slice(start, end), start, end };
  }
  /** Can the line from `start` to `end` hold a label? Every label is followed by a colon (`LABEL_RE`): the regex is asked of the lines with one. */
  hasColon(start: number, end: number): boolean {
    // lines are asked about in order: the colon found for one line serves every line before it
    if (start < this.colonFrom || (this.colon >= 0 && this.colon < start)) {
      this.colon = this.key.indexOf(":", start);
      this.colonFrom = start;
    }
    return this.colon >= 0 && this.colon < end;
  }
}

function labelsIn(lines: Lines, from: number): Labelled[] {
  const out: Labelled[] = [];
  const { to } = lines;
  for (let start = from; start < to; ) {
    const end = lines.end(start);
    if (!lines.hasColon(start, end)) {
      start = end + 1;
      continue;
    }
    const line = lines.line(start, end);
    const m = line.key.match(LABEL_RE);
    if (!m) {
      start = end + 1;
      continue;
    }
    const field = LABEL_BY_KEY.get(m[1])!;
    const valueStart = line.start + m[0].length;
    const value: Line[] = [{ ...line, text: line.text.slice(m[0].length), key: line.key.slice(m[0].length), start: valueStart }];
    const single = field === "time" || field === "place" || field === "chair";
    // the value holds a non-blank line: its first, or any after it (a blank one is never added)
    let written = value[0].text.trim() !== "";
    // the value goes on over at most the 39 lines after the label's
    let next = end + 1;
    for (let n = 1; next < to && n < 40; n++) {
      const lineEnd = lines.end(next);
      const l = lines.line(next, lineEnd);
      if ((lines.hasColon(next, lineEnd) && LABEL_RE.test(l.key)) || VALUE_END_RE.test(l.key)) break;
      if (!l.text.trim()) {
        if (single && written) break;
        next = lineEnd + 1;
        continue;
      }
      if (single && written && /^\s*[-–+•]/.test(l.text)) break;
      value.push(l);
      written = true;
      next = lineEnd + 1;
    }
    const last = value.length > 1 ? value[value.length - 1] : value[0];
    out.push({ field, lines: value, valueStart, span: [line.start, last.end] });
    start = next;
  }
  return out;
}

function stripHonorific(s: string): string {
  const m = matchKey(s).match(HONORIFIC_RE);
  return m ? s.slice(m[0].length) : s;
}

function items(l: Labelled): string[] {
  // pushed, not made by `map` then `filter` (why: segment/index.ts, `classes`)
  const parts: string[] = [];
  // the field's lines (none holds a line break) each cut at `;`: what the lines joined by `\n` and
  // split by `/\n|;/` give, a string's split, not a regex tried at every character
  for (const line of l.lines) {
    for (const p of line.text.split(";")) {
      const part = clean(p.replace(/^\s*[-–+•]\s*/, "")).replace(/[;.,]+$/, "").trim();
      if (part) parts.push(part);
    }
  }
  return parts;
}

/** The texts of a field's lines joined by `sep` (text/lists: why not `map` then `join`). */
function fieldText(l: Labelled, sep: string): string {
  return joined(l.lines, (x) => x.text, sep);
}

function timeOf(dates: DateMention[]): { start: string | null; end: string | null } {
  const d = dates.find((x) => x.kind === "datetime" || x.kind === "period") ?? dates.find((x) => x.kind === "date" || x.kind === "deadline") ?? dates[0];
  if (!d) return { start: null, end: null };
  if (d.kind === "period" || d.value.includes("/")) {
    const [a, b] = d.value.split("/");
    return { start: a, end: b ?? null };
  }
  return { start: d.value, end: null };
}

/**
 * The dates from `start` to `end` (a meeting's time, the rest of its label's line and the lines
 * continuing it): the document's own, scanned once for every extractor (extract/dates
 * `documentDates`), those inside; the piece scanned alone, as before, where the document's scan
 * cannot say what that finds — one of the document's dates crosses an end of it (read alone, its
 * part inside may be another date), a word follows the piece past whitespace (`22/6/2026` then
 * `Đồng chí` on the next line: the document's scan reads `đồng`, a sum's, and drops the date), the document's list
 * was cut (`maxFacts` reached: a shorter list), or its key is not its folded text lower-cased (a piece's key is its own).
 * What stands before the piece is its label and a colon, which no date's guard reads across.
 */
function datesIn(ctx: ExtractContext, start: number, end: number): DateMention[] {
  const scan = documentDates(ctx);
  if (!scan.cut && keyFollowsFolded(ctx)) {
    const inside: DateMention[] = [];
    let crossed = false;
    for (const d of scan.plain) {
      // the ends read by index: destructured, each went through the array's iterator (every date of the document, for each time label)
      const s = d.span![0], e = d.span![1];
      if (s >= end || e <= start) continue;
      if (s < start || e > end) {
        crossed = true;
        break;
      }
      inside.push(d);
    }
    if (!crossed && !wordAfter(ctx.tree.text, end)) return inside;
  }
  return findDates(ctx.tree.text.slice(start, end), start, ctx);
}

/** Does a letter or `%` follow `end`, past whitespace? */
function wordAfter(text: string, end: number): boolean {
  const next = afterSpaces(text, end);
  if (next >= text.length) return false;
  const c = text.charCodeAt(next);
  return c === 37 || c >= 0x2000 || isLetterOrMarkCode(c);
}

function fromLabels(group: Labelled[], ctx: ExtractContext): Event {
  const ev: Event = { kind: "meeting", start: null, end: null, place: null, chair: null, participants: [], agenda: null, span: null };
  for (const l of group) {
    const value = clean(fieldText(l, " "));
    if (l.field === "time") {
      const dates = datesIn(ctx, l.valueStart, l.span[1]);
      Object.assign(ev, timeOf(dates));
    } else if (l.field === "place") {
      ev.place = value.replace(PLACE_LEAD_RE, "").replace(/[.;,]+$/, "") || null;
    } else if (l.field === "chair") {
      ev.chair = stripHonorific(value.replace(/[.;,]+$/, "")) || null;
    } else if (l.field === "agenda") {
      ev.agenda = value.replace(/[;,]+$/, "") || null;
    } else if (l.field === "participants") {
      for (const item of items(l)) {
        const chair = matchKey(item).match(CHAIR_RE);
        if (chair) {
          const who = item.slice(0, chair.index).trim();
          if (!ev.chair) ev.chair = stripHonorific(who);
          ev.participants.push(who);
        } else ev.participants.push(item);
      }
    }
  }
  ev.span = [Math.min(...group.map((g) => g.span[0])), Math.max(...group.map((g) => g.span[1]))];
  return ev;
}

function callsMeeting(ctx: ExtractContext, before: string): boolean {
  const { tree } = ctx;
  if (tree.type && MEETING_TYPE_CODES.includes(tree.type.code)) return true;
  if (tree.subject && CUE_RE.test(matchKey(tree.subject.text))) return true;
  return CUE_RE.test(matchKey(before));
}

const SENTENCE_STOP = /[;\n]|\.(?:\s|$)/gu;
/** the words of a document that invites (`giấy mời`, `kính mời`): searched as plain strings, not one regex tried at every character */
const INVITATION_WORDS = ["giấy mời", "kính mời", "trân trọng mời"];
/** A day and an hour: "14 giờ 00 ngày 20/5/2026", not working hours "từ 7h đến 11h30". */
const dayAndHour = (d: DateMention): boolean => d.kind !== "deadline" && opensWithDayAndHour(d.value);
/** `/^\d{4}-\d{2}-\d{2}T/` read by code unit: asked of every date of a document, twice (most have no hour, and fail at the `T`). */
function opensWithDayAndHour(v: string): boolean {
  if (v.charCodeAt(10) !== 0x54 || v.charCodeAt(4) !== 0x2d || v.charCodeAt(7) !== 0x2d) return false;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isAsciiDigitCode(v.charCodeAt(i))) return false;
  return true;
}

function prose(ctx: ExtractContext, dates: DateMention[]): Event[] {
  const { tree } = ctx;
  const key = textKey(ctx);
  // a meeting in prose has a day and an hour: without one, no need to read the whole text for an invitation's words
  if (!dates.some(dayAndHour)) return [];
  const invitation = (tree.type && MEETING_TYPE_CODES.includes(tree.type.code)) || INVITATION_WORDS.some((w) => key.includes(w));
  if (!invitation) return [];
  const out: Event[] = [];
  for (const d of dates) {
    if (!dayAndHour(d)) continue;
    const s = d.span![0], e = d.span![1];
    const sentStart = Math.max(key.lastIndexOf(".", s - 1), key.lastIndexOf("\n", s - 1), key.lastIndexOf(";", s - 1)) + 1;
    // the sentence's end, searched from the date on (not on a copy of the rest of the text per date)
    SENTENCE_STOP.lastIndex = e;
    const stop = SENTENCE_STOP.exec(key);
    const sentEnd = stop ? stop.index : key.length;
    if (!PROSE_CUE_RE.test(key.slice(sentStart, sentEnd))) continue;
    const time = timeOf([d]);
    const rest = tree.text.slice(e, sentEnd);
    const place = rest.match(PLACE_RE);
    out.push({
      kind: "meeting", ...time, place: place ? clean(rest.slice(place.index! + place[0].length)).replace(/[.;,]+$/, "") || null : null,
      chair: null, participants: [], agenda: null, span: [sentStart, sentEnd],
    });
  }
  return out;
}

/** The meetings a document calls; `dates` are the document's dates (used for meetings told in prose). */
export function extractEvents(ctx: ExtractContext, dates: DateMention[]): Event[] {
  const { tree } = ctx;
  const from = tree.body?.nodes?.length ? tree.body.span[0] : 0;
  const to = tree.body?.nodes?.length ? tree.body.span[1] : tree.text.length;
  const labelled = labelsIn(new Lines(tree.text, textKey(ctx), to), from);
  const groups: Labelled[][] = [];
  let cur: Labelled[] = [];
  for (const l of labelled) {
    if (cur.some((c) => c.field === l.field)) {
      groups.push(cur);
      cur = [];
    }
    cur.push(l);
  }
  if (cur.length) groups.push(cur);
  const events: Event[] = [];
  for (const g of groups) {
    // a meeting needs a time or a place, and a document that calls one
    if (!g.some((l) => l.field === "time" || l.field === "place")) continue;
    const first = Math.min(...g.map((l) => l.span[0]));
    if (!callsMeeting(ctx, tree.text.slice(Math.max(0, first - 800), first))) continue;
    const invitation = tree.type !== null && MEETING_TYPE_CODES.includes(tree.type.code);
    if (!invitation && new Set(g.map((l) => l.field)).size < 2) continue;
    const ev = fromLabels(g, ctx);
    // a working-hours rule ("Sáng: từ 7h đến 11h30") is no meeting: it needs a day or a place
    const dated = ev.start !== null && !ev.start.startsWith("T");
    if (!dated && ev.place === null) continue;
    events.push(ev);
  }
  if (events.length) return events;
  return prose(ctx, dates);
}
