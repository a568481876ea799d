import type { DateMention } from "../../record/schema.js";

/**
 * A document's dates with a span, sorted by where they begin (ties in the list's order), with
 * their places in the list: the extractors that look for the dates in or just after a piece of
 * text (a task's deadline, a citation's date) find them by a search from where they last looked
 * (text/sorted `seek`), not by filtering every date for each piece (quadratic: on a 100-page
 * document, a fifth of the tasks' time) or by asking a map at each place after it.
 */
export interface DatesByStart {
  starts: number[];
  dates: DateMention[];
  order: number[];
  /** where the list was last asked about (text/sorted `seek`) */
  near: number;
}

export function datesByStart(dates: DateMention[]): DatesByStart {
  const placed: number[] = [];
  let sorted = true;
  for (let i = 0; i < dates.length; i++) {
    const span = dates[i].span;
    if (!span) continue;
    if (placed.length && span[0] < dates[placed[placed.length - 1]].span![0]) sorted = false;
    placed.push(i);
  }
  // the scan gives its dates mostly in text order: sorted only when they are not
  if (!sorted) placed.sort((a, b) => dates[a].span![0] - dates[b].span![0] || a - b);
  // pushed, not made by `map` (why: segment/index.ts, `classes`)
  const starts: number[] = [];
  const placedDates: DateMention[] = [];
  for (const i of placed) {
    starts.push(dates[i].span![0]);
    placedDates.push(dates[i]);
  }
  return { starts, dates: placedDates, order: placed, near: 0 };
}
