/**
 * VNI Windows (`VNI-Times`, `VNI-Helve`, `VNtimes new roman` …) → Unicode.
 *
 * Checked against Unikey's public converter tables (vnconv `data.cpp`, the `VNI-WIN` table of
 * `DoubleByteTables`, fcitx5-unikey mirror): a word whose low byte is the base letter and whose
 * high byte is the mark. A toned letter is two characters: the ASCII base, then a mark byte.
 * The marks are written here as the Windows-1252 characters of their bytes, which is how a loader
 * that read the file as Windows-1252 (word-extractor, a .txt read as cp1252) hands them over.
 * Upper-case letters take the upper-case mark (`OÄ` = Ộ, `oä` = ộ).
 */

/** Each row: the Unicode letter, then its VNI spelling with no tone, sắc, huyền, hỏi, ngã, nặng. */
// "Coäng hoøa xaõ hoäi chuû nghóa" → "Cộng hòa xã hội chủ nghĩa"
export const VNI_LETTERS = `
# letter  none  sắc  huyền  hỏi  ngã  nặng
a         a     aù   aø     aû   aõ   aï
A         A     AÙ   AØ     AÛ   AÕ   AÏ
â         aâ    aá   aà     aå   aã   aä
Â         AÂ    AÁ   AÀ     AÅ   AÃ   AÄ
ă         aê    aé   aè     aú   aü   aë
Ă         AÊ    AÉ   AÈ     AÚ   AÜ   AË
e         e     eù   eø     eû   eõ   eï
E         E     EÙ   EØ     EÛ   EÕ   EÏ
ê         eâ    eá   eà     eå   eã   eä
Ê         EÂ    EÁ   EÀ     EÅ   EÃ   EÄ
i         i     í    ì      æ    ó    ò
I         I     Í    Ì      Æ    Ó    Ò
o         o     où   oø     oû   oõ   oï
O         O     OÙ   OØ     OÛ   OÕ   OÏ
ô         oâ    oá   oà     oå   oã   oä
Ô         OÂ    OÁ   OÀ     OÅ   OÃ   OÄ
ơ         ô     ôù   ôø     ôû   ôõ   ôï
Ơ         Ô     ÔÙ   ÔØ     ÔÛ   ÔÕ   ÔÏ
u         u     uù   uø     uû   uõ   uï
U         U     UÙ   UØ     UÛ   UÕ   UÏ
ư         ö     öù   öø     öû   öõ   öï
Ư         Ö     ÖÙ   ÖØ     ÖÛ   ÖÕ   ÖÏ
y         y     yù   yø     yû   yõ   î
Y         Y     YÙ   YØ     YÛ   YÕ   Î
đ         ñ
Đ         Ñ
`;
