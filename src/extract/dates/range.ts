/**
 * A date value as written at its own precision (`2026-06`, `2004-07/2004-09`, `2001/2005`,
 * `2026-05-27T08:00`) turned into the first and last day it covers, so analytics can type the
 * column as a DATE and still know how precise it was:
 *
 * | value | start | end | precision |
 * | --- | --- | --- | --- |
 * | `2025-05-20`, `2026-05-27T08:00` | `2025-05-20` | `2025-05-20` | day |
 * | `2026-06` | `2026-06-01` | `2026-06-30` | month |
 * | `2026` | `2026-01-01` | `2026-12-31` | year |
 * | `2004-07/2004-09`, `2001/2005` | `2004-07-01` | `2004-09-30` | range |
 * | `T08:30`, `--05-20` (no year) | null | null | null |
 */

import { isAsciiDigitCode } from "../../text/letters.js";
import { BoundedMemo } from "../../text/memo.js";
import { daysInMonth } from "./point.js";

export type DatePrecision = "day" | "month" | "year" | "range";

export interface DateBounds {
  start: string | null;
  end: string | null;
  precision: DatePrecision | null;
}

const NONE: DateBounds = { start: null, end: null, precision: null };

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** The last day of a month; a year below 100 as `Date.UTC` reads it (19xx), the rule every value had before. */
function lastDay(y: number, m: number): number {
  return y < 100 ? new Date(Date.UTC(y, m, 0)).getUTCDate() : daysInMonth(y, m);
}

/** the two digits at `i` as a number, or -1 */
const twoDigits = (v: string, i: number) => (isAsciiDigitCode(v.charCodeAt(i)) && isAsciiDigitCode(v.charCodeAt(i + 1)) ? (v.charCodeAt(i) - 48) * 10 + v.charCodeAt(i + 1) - 48 : -1);

/**
 * One end of a value: its first and last day, or null when it has no year or is not a real date.
 * The value is read as `/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:]+)?$/` reads it, character by
 * character: every date mention and citation asks, and the match array was most of the cost.
 */
function point(v: string): { start: string; end: string; precision: Exclude<DatePrecision, "range"> } | null {
  const n = v.length;
  if (n < 4 || !isAsciiDigitCode(v.charCodeAt(0)) || !isAsciiDigitCode(v.charCodeAt(1)) || !isAsciiDigitCode(v.charCodeAt(2)) || !isAsciiDigitCode(v.charCodeAt(3))) return null;
  let i = 4;
  let mo = -1;
  let d = -1;
  if (v.charCodeAt(i) === 45 && (mo = twoDigits(v, i + 1)) >= 0) {
    i += 3;
    if (v.charCodeAt(i) === 45 && (d = twoDigits(v, i + 1)) >= 0) i += 3;
  }
  if (i < n) {
    // a time after the day: `T` and digits or colons to the end
    if (v.charCodeAt(i) !== 84 || i + 1 === n) return null;
    for (let j = i + 1; j < n; j++) if (!isAsciiDigitCode(v.charCodeAt(j)) && v.charCodeAt(j) !== 58) return null;
  }
  const year = v.slice(0, 4);
  const y = Number(year);
  if (mo < 0) return { start: `${year}-01-01`, end: `${year}-12-31`, precision: "year" };
  if (mo < 1 || mo > 12) return null;
  const month = v.slice(5, 7);
  if (d < 0) return { start: `${year}-${month}-01`, end: `${year}-${month}-${pad(lastDay(y, mo))}`, precision: "month" };
  if (d < 1 || d > lastDay(y, mo)) return null;
  const iso = v.slice(0, 10);
  return { start: iso, end: iso, precision: "day" };
}

/**
 * The days a date value covers; nulls for a value without a year (a bare time, `--05-20`). The
 * answer is shared by every caller asking of the same value (read, never changed): a document
 * names its year and its days again and again, and a batch its years.
 */
export function dateBounds(value: string | null | undefined): DateBounds {
  if (!value) return NONE;
  return known.get(value) ?? known.set(value, boundsOf(value));
}
const known = new BoundedMemo<DateBounds>(4096, 40);

function boundsOf(value: string): DateBounds {
  const parts = value.split("/");
  if (parts.length === 1) return point(value) ?? NONE;
  if (parts.length !== 2) return NONE;
  const a = point(parts[0]);
  const b = point(parts[1]);
  if (!a || !b || b.end < a.start) return NONE;
  return { start: a.start, end: b.end, precision: "range" };
}
