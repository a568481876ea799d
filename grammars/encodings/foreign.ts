/**
 * Words a legacy decoding must leave alone when it would not make them Vietnamese: foreign words
 * typed with Western accents, and numbers or units with superscript digits.
 */

/** Accented letters of French, Spanish, German, Portuguese… ("François", "Señor", "Müller", "São"). */
export const WESTERN_LETTERS = "àâäçéèêëîïôöûùüÿñáíóúãõœæßÀÂÄÇÉÈÊËÎÏÔÖÛÙÜŸÑÁÍÓÚÃÕŒÆ";

/** Superscript digits of Windows-1252 ("m²", "10³", "x¹"). */
export const SUPERSCRIPT_DIGITS = "¹²³";
