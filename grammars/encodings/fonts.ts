/**
 * The one list of Vietnamese font names: which encoding a font's bytes are in. Read by the PDF
 * loader, the RTF loader (a legacy font's bytes are kept as they are, whatever charset the file
 * declares) and normalize (which converts them). Patterns are matched case-insensitively against
 * the font name after a PDF subset prefix (`ABCDEF+`) is removed; the first matching row wins.
 * `capitals`: the font shows every letter as a capital (the "H" = hoa half of a TCVN3 font pair).
 * Naming conventions from the font vendors: ABC/TCVN3 fonts start with `.Vn`, VNI fonts with `VNI-`.
 * `other`: a legacy encoding vanban knows by name but does not convert (VPS, BK HCM).
 */
interface FontRule {
  pattern: string;
  encoding: "tcvn3" | "vni" | "unicode" | "other";
  capitals: boolean;
}

export const FONT_RULES: FontRule[] = [
  // "SVN-Times New Roman", "SVNtimes new roman", "UVN Sai Gon": Unicode fonts despite the VN in the name
  { pattern: "^(?:SVN|UVN|UTM|VnU)", encoding: "unicode", capitals: false },
  // "VNI-Times", "VNI-Helve-Condense", "VNI Times", "VniHelvetica"
  { pattern: "^VNI[-_ ]?", encoding: "vni", capitals: false },
  // "VNtimes new roman", "VNarial" (VNI-encoded families)
  { pattern: "^VN(?:times new roman|arial|helvetica)\\b", encoding: "vni", capitals: false },
  // ".VnTimeH", ".VnArialH", ".VnCentury SchoolbookH", ".VnTimeH Tur", "VnTimeH(Ds)", ".VnTimeH,Bold"
  { pattern: "^\\.?Vn[A-Za-z ]*?H(?=$|[ ,(\\-]|Bold|Italic)", encoding: "tcvn3", capitals: true },
  // ".VnTime", ".VnArial", ".VnCentury Schoolbook", ".VnFree", "VnTime"
  { pattern: "^\\.?Vn", encoding: "tcvn3", capitals: false },
  // "VPS Times", "VPS-Arial"
  { pattern: "^VPS[- ]", encoding: "other", capitals: false },
  // "BK HCM1", "BKHCM"
  { pattern: "^BK ?HCM", encoding: "other", capitals: false },
];

/**
 * Symbol and dingbat fonts: their characters are pictures (a Wingdings "§" is a square bullet, a
 * Symbol "·" a dot), never text in a legacy encoding. Matched like FONT_RULES.
 */
export const SYMBOL_FONTS = [
  // "Symbol", "Wingdings", "Wingdings 2", "Webdings", "ZapfDingbats", "Zapf Dingbats", "Marlett", "MT Extra", "Monotype Sorts"
  "^(?:Symbol|Wingdings(?: ?[23])?|Webdings|Zapf ?Dingbats|Marlett|MT Extra|Monotype Sorts)$",
];
