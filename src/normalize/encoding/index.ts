/**
 * Legacy Vietnamese encodings (TCVN3, VNI, VIQR, Windows-1258) → Unicode, per document, per block
 * and, where a loader knows fonts, per run. One module a concern: the tables, the syllable judge,
 * the decoders, the encoder (for tests and fixtures), font names, detection by content, and the
 * decoding of a loader's lines.
 */
export { decodeLegacy, type LegacyEncoding, type LegacyOptions } from "./decoders.js";
export { encodeLegacy } from "./encoder.js";
export { encodingOfFont } from "./fonts.js";
export { detectEncoding } from "./detection.js";
export { isVietnameseSyllable } from "./syllables.js";
export { decodeLegacyLines } from "./lines.js";
