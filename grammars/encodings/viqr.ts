/**
 * VIQR (Vietnamese Quoted-Readable, RFC 1456) → Unicode: plain ASCII, a mark typed after its letter.
 * Checked against RFC 1456 and Unikey's VIQR charset (vnconv).
 */

/** Marks that change the letter, typed right after it. */
// "a(n" → "ăn", "a^n" → "ân", "o+n" → "ơn", "u+" → "ư", "dd" → "đ"
export const VIQR_LETTER_MARKS = `
# mark  letter  result
(       a       ă
^       a       â
^       e       ê
^       o       ô
+       o       ơ
+       u       ư
`;

/** Tone marks, typed after the letter (and after its letter mark). */
// "Vie^.t Nam" → "Việt Nam", "Ha` No^.i" → "Hà Nội", "ngu+o+`i" → "người"
export const VIQR_TONES = `
# mark  tone     combining
'       sắc      0301
\`       huyền    0300
?       hỏi      0309
~       ngã      0303
.       nặng     0323
`;

/** `dd` / `DD` (and `Dd`) spell đ / Đ. */
// "ddi" → "đi", "DDie^`u" → "Điều"
export const VIQR_D = `
dd  đ
DD  Đ
Dd  Đ
`;

/** A backslash before a mark keeps it literal. */
// "Anh ddi\\." → "Anh đi."
export const VIQR_ESCAPE = "\\";
