/**
 * The shape of a Vietnamese syllable, used to judge whether a decoding produced Vietnamese.
 * Written toneless and lower-case: initial consonant + vowel nucleus + final.
 */

/** Initial consonants, longest first. */
// "nghĩa" = ngh + ĩa, "quyết" = qu + yết, "giấy" = gi + ấy
export const INITIALS = "ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x".split(" ");

/** Vowel nuclei that may take a final consonant. */
// "hoàn" = h + oa + n, "người" = ng + ươi, "tuyển" = t + uyê + n
export const NUCLEI_OPEN = "a ă â e ê i o ô ơ u ư y oa oă oe oo uâ uê uô uơ uy iê yê ươ uyê".split(" ");

/** Vowel nuclei ending in a glide: no final consonant after them. */
// "hai", "báo", "đâu", "yêu", "người" = ng + ươi, "khuya"
export const NUCLEI_CLOSED = "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu yêu oai oao oay oeo uây uôi uya uyu ươi ươu".split(" ");

/** Final consonants. */
// "sách", "cấp", "tính", "nước"
export const FINALS = "ch ng nh c m n p t".split(" ");
