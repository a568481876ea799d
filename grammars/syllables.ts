/**
 * Vowel-initial words that stand alone in Vietnamese, so a space before them is a real word
 * break and not a syllable split by PDF extraction (`Quy ết định` → `Quyết định`, but
 * `quy ước` stays two words).
 */
export const VOWEL_INITIAL_WORDS: string[] = [
  "à", "á", "ạ", "ả", "ai", "ái", "am", "âm", "ấm", "an", "ăn", "ân", "ấn", "ẩn", "anh", "ánh", "ảnh",
  "ao", "áo", "ảo", "ấp", "ập", "át", "ắt", "ấy", "em", "êm", "ép", "ích", "im", "in", "ít",
  "o", "ô", "ồ", "ở", "ơn", "ốc", "ông", "ống", "ổn", "ốm", "u", "ủ", "ùn", "ủng", "uống",
  "ưa", "ức", "ước", "ưng", "ứng", "ưu", "ủy", "uỷ", "ý", "yên", "yêu", "yếu", "ưởng", "ảnh",
  "oai", "oán", "óng", "ủi", "ủng", "ổi", "ốp", "ớt", "y",
];

/**
 * Final consonants and glides that may be split off a syllable's end (`ĐIỀ U` → `ĐIỀU`).
 * Not `y`: `SỞ Y TẾ` is three words.
 */
export const SYLLABLE_FINALS: string[] = ["c", "ch", "i", "m", "n", "ng", "nh", "o", "p", "t", "u"];

/** Onsets that cannot stand alone (`Ngh ị` → `Nghị`). */
export const ONSETS: string[] = [
  "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
  "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x",
];
