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

export type DatePrecision = "day" | "month" | "year" | "range";

export interface DateBounds {
  start: string | null;
  end: string | null;
  precision: DatePrecision | null;
}

const NONE: DateBounds = { start: null, end: null, precision: null };

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** One end of a value: its first and last day, or null when it has no year or is not a real date. */
function point(v: string): { start: string; end: string; precision: Exclude<DatePrecision, "range"> } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:]+)?$/.exec(v);
  if (!m) return null;
  const y = Number(m[1]);
  if (!m[2]) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: "year" };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  if (!m[3]) return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(lastDay(y, mo))}`, precision: "month" };
  const d = Number(m[3]);
  if (d < 1 || d > lastDay(y, mo)) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return { start: iso, end: iso, precision: "day" };
}

/** The days a date value covers; nulls for a value without a year (a bare time, `--05-20`). */
export function dateBounds(value: string | null | undefined): DateBounds {
  if (!value) return NONE;
  const parts = value.split("/");
  if (parts.length === 1) return point(value) ?? NONE;
  if (parts.length !== 2) return NONE;
  const a = point(parts[0]);
  const b = point(parts[1]);
  if (!a || !b || b.end < a.start) return NONE;
  return { start: a.start, end: b.end, precision: "range" };
}
