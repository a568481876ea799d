/**
 * TCVN3 (TCVN 5712:1993, the "ABC" fonts `.VnTime`, `.VnArial`, `.VnTimeH` …) → Unicode.
 *
 * Checked against Unikey's public converter tables (vnconv `data.cpp`, the `TCVN3` column of
 * `SingleByteTables`, fcitx5-unikey mirror) and against iconv-lite's `tcvn` table for the VN1 capitals.
 *
 * TCVN3 is one byte per letter. The regular fonts (`.VnTime`) hold the lower-case letters and the
 * seven plain capitals Ă Â Đ Ê Ô Ơ Ư; a toned capital is typed with the lower-case code in the
 * capital font of the pair (`.VnTimeH`, "H" = hoa), so upper case comes from the font name.
 * Bytes are written in hex; a loader that read the file as Windows-1252 hands over the character of
 * that byte (0xB5 → `µ`, 0xAD → soft hyphen), which is what `src/normalize/encoding.ts` expects.
 */

/** Each row: the toneless letter, then its byte with no tone, sắc, huyền, hỏi, ngã, nặng. */
// "Céng hoµ" = C + é(0xE9 → ộ) + ng, h + o + µ(0xB5 → à)
export const TCVN3_LETTERS = `
# letter  none  sắc  huyền  hỏi  ngã  nặng
a         61    B8   B5     B6   B7   B9
ă         A8    BE   BB     BC   BD   C6
â         A9    CA   C7     C8   C9   CB
e         65    D0   CC     CE   CF   D1
ê         AA    D5   D2     D3   D4   D6
i         69    DD   D7     D8   DC   DE
o         6F    E3   DF     E1   E2   E4
ô         AB    E8   E5     E6   E7   E9
ơ         AC    ED   EA     EB   EC   EE
u         75    F3   EF     F1   F2   F4
ư         AD    F8   F5     F6   F7   F9
y         79    FD   FA     FB   FC   FE
đ         AE
`;

/** The plain capitals every regular TCVN3 font has. */
// "§iÒu 1" = Đ(0xA7) + iÒu → "Điều 1"; "NH¢N D¢N" → "NHÂN DÂN"
export const TCVN3_CAPITALS = `
Ă  A1
Â  A2
Ê  A3
Ô  A4
Ơ  A5
Ư  A6
Đ  A7
`;

/**
 * Toned capitals of the full VN1 variant of TCVN 5712 (a few fonts have them). In VN3 documents
 * these bytes are free or are Windows-1252 punctuation (0x80–0x9F: `“ ” – …`), so the decoder
 * reads them as capitals only inside a word that then spells a Vietnamese syllable.
 */
// "\x97NG" (cp1252 "—NG") inside a capital word → "ỘNG"
export const TCVN3_VN1_CAPITALS = `
À 80
Ả 81
Ã 82
Á 83
Ạ 84
Ặ 85
Ậ 86
È 87
Ẻ 88
Ẽ 89
É 8A
Ẹ 8B
Ệ 8C
Ì 8D
Ỉ 8E
Ĩ 8F
Í 90
Ị 91
Ò 92
Ỏ 93
Õ 94
Ó 95
Ọ 96
Ộ 97
Ờ 98
Ở 99
Ỡ 9A
Ớ 9B
Ợ 9C
Ù 9D
Ủ 9E
Ũ 9F
Ằ AF
Ẳ BA
Ẵ BF
Ắ C0
Ầ C1
Ẩ C2
Ẫ C3
Ấ C4
Ề C5
Ể CD
Ễ D9
Ế DA
Ồ DB
Ổ E0
Ỗ F0
Ố FF
`;

/**
 * Other characters a TCVN3 byte arrives as, from PDF text layers whose font names the glyph
 * differently than Windows-1252 does. Each row: the character, the TCVN3 byte it stands for.
 */
// pdftotext on a .VnTime PDF: "Thñ t−íng" (U+2212 for 0xAD) → "Thủ tướng"; "b¶o l∙nh" (U+2219) → "bảo lãnh"
export const TCVN3_ALIASES = `
\u2212  AD
\u2219  B7
`;
