/** The pieces a date parser finds, before they become ISO strings. */

/** A point in time at whatever precision the text gives; null where a field is not written. */
export interface Point {
  y: number | null;
  m: number | null;
  d: number | null;
  h: number | null;
  mi: number | null;
  /** the year was not written and came from the document's year */
  yearGuessed?: boolean;
}

/** One match of a parser, in offsets of the text being scanned. */
export interface Token {
  start: number;
  end: number;
  /** a single point (date, time or both) … */
  point?: Point;
  /** … or a period from one point to another */
  from?: Point;
  to?: Point;
  deadline?: boolean;
  /** which parser found it (for debugging and tie-breaks) */
  parser: string;
  /** a period from one full day to another: the two days, each also a date the document names */
  ends?: Token[];
}

/** A point from the fields written (the others null); its fields set one by one, not spread over defaults: every token makes one or two. */
export function point(p: Partial<Point>): Point {
  const out: Point = { y: p.y ?? null, m: p.m ?? null, d: p.d ?? null, h: p.h ?? null, mi: p.mi ?? null };
  if (p.yearGuessed !== undefined) out.yearGuessed = p.yearGuessed;
  return out;
}

/** `00` … `99`: the months, days, hours and minutes a value writes (a table, not a conversion and a pad for each) */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0"));
const pad = (n: number, w = 2) => (w === 2 && n >= 0 && n < 100 && Number.isInteger(n) ? TWO_DIGITS[n] : String(n).padStart(w, "0"));

export function daysInMonth(y: number | null, m: number): number {
  if (m === 2) return y === null || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Whether the written fields make a real calendar date (31/2 does not). */
export function validPoint(p: Point): boolean {
  if (p.m !== null && (p.m < 1 || p.m > 12)) return false;
  if (p.d !== null) {
    if (p.m === null || p.d < 1 || p.d > daysInMonth(p.y, p.m)) return false;
  }
  if (p.h !== null && (p.h < 0 || p.h > 24)) return false;
  if (p.mi !== null && (p.mi < 0 || p.mi > 59)) return false;
  return true;
}

/**
 * ISO 8601 at the precision written: `2025-05-20`, `2026-05`, `2025`, `2026-05-27T08:00`,
 * a time alone `T08:00`, a day and month without any year `--05-20`.
 */
export function formatPoint(p: Point): string {
  let date = "";
  if (p.y !== null) {
    date = pad(p.y, 4);
    if (p.m !== null) {
      date += `-${pad(p.m)}`;
      if (p.d !== null) date += `-${pad(p.d)}`;
    }
  } else if (p.m !== null) {
    date = p.d !== null ? `--${pad(p.m)}-${pad(p.d)}` : `--${pad(p.m)}`;
  }
  if (p.h === null) return date;
  return `${date}T${pad(p.h)}:${pad(p.mi ?? 0)}`;
}

export function formatToken(t: Token): string {
  if (t.from && t.to) return `${formatPoint(t.from)}/${formatPoint(t.to)}`;
  return formatPoint(t.point!);
}

export function tokenKind(t: Token): "date" | "time" | "datetime" | "period" | "deadline" {
  if (t.deadline) return "deadline";
  if (t.from && t.to) return "period";
  const p = t.point!;
  const hasDate = p.y !== null || p.m !== null;
  if (p.h !== null) return hasDate ? "datetime" : "time";
  return "date";
}

/** ISO weekday (Monday 1 … Sunday 7) of a full date. */
export function isoWeekday(y: number, m: number, d: number): number {
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}
