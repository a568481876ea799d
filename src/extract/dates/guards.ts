/**
 * Regex forms of the date rules' guards that V8 answers cheaply, each the same assertion as the
 * plain form it stands for (measured on the 200 two-page bench documents).
 */

/**
 * Nothing of `chars` (a class's inside) right before: `(?<![chars])` written as a positive
 * lookbehind whose first branch is whitespace. V8 answers a negative lookbehind of a `\p{L}` class
 * by a search of the class's ranges (~60 ns a try: most of a failing parser's time at a digit),
 * while the common case, a space before, is one short test here. For a pattern tried where a match
 * can open (sticky); an unanchored scan is slower with it (every character tries both branches).
 */
export const notAfter = (chars: string) => `(?<=\\s|^|[^${chars}])`;

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
