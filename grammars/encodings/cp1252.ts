/**
 * Windows-1252 characters of bytes 0x80–0x9F. A legacy-encoded file read as Windows-1252 hands
 * these characters over where Latin-1 would give C1 controls; both stand for the same byte.
 * Source: the Windows-1252 code page (checked against iconv-lite's `cp1252`).
 */
// byte 0x80 read as Windows-1252 → "€", as Latin-1 → U+0080
export const CP1252_HIGH = `
80 €
82 ‚
83 ƒ
84 „
85 …
86 †
87 ‡
88 ˆ
89 ‰
8A Š
8B ‹
8C Œ
8E Ž
91 ‘
92 ’
93 “
94 ”
95 •
96 –
97 —
98 ˜
99 ™
9A š
9B ›
9C œ
9E ž
9F Ÿ
`;
