/**
 * Labels of the body outline (bố cục nội dung, NĐ 30/2020 Phụ lục I, mục II.6), each a pattern
 * anchored at the start of a line. The first capture is the label as written. An example above each.
 * Nesting mostly follows the document: the segmenter nests a label kind under whatever kind it
 * first appears in. `rank` fixes what a document cannot turn upside down: a ranked label never
 * nests under a lower-ranked one, nor under a list mark (`- Các Bộ: …` then `I. Thời gian:` starts
 * a new top-level part). Labels without a rank (a), -, +) nest anywhere.
 */
interface OutlineLabel {
  kind: "part" | "chapter" | "section" | "article" | "roman" | "numbered" | "lettered" | "dash" | "plus";
  pattern: string;
  /**
   * What the pattern opens with: its words (their first two code units are the pattern's), or
   * single characters (any code unit may follow). A line opening otherwise is not asked the
   * pattern (a test checks that no line opening otherwise matches it).
   */
  opens: readonly string[];
  /** lower is higher in the outline; `1.2.` ranks below `1.` (the depth adds a tenth) */
  rank?: number;
}

export const OUTLINE_LABELS: OutlineLabel[] = [
  // "Phần I", "PHẦN THỨ HAI"
  { kind: "part", pattern: "^((?:Phần|PHẦN)\\s+(?:[IVXLC]+|\\d+|thứ\\s+\\S+|THỨ\\s+\\S+))[.:]?\\s*", rank: 0, opens: ["Phần", "PHẦN"] },
  // "Chương I", "CHƯƠNG II. QUY ĐỊNH CHUNG"
  { kind: "chapter", pattern: "^((?:Chương|CHƯƠNG)\\s+(?:[IVXLC]+|\\d+))[.:]?\\s*", rank: 1, opens: ["Chương", "CHƯƠNG"] },
  // "Mục 1", "MỤC 2. …"
  { kind: "section", pattern: "^((?:Mục|MỤC)\\s+(?:\\d+|[IVXLC]+))[.:]?\\s*", rank: 2, opens: ["Mục", "MỤC"] },
  // "Điều 1.", "Điều 12a.", "ĐIỀU 3:", "Điều 2 :"
  { kind: "article", pattern: "^((?:Điều|ĐIỀU)\\s+\\d+[a-zđ]?\\s*[.:]?)\\s*", rank: 4, opens: ["Điều", "ĐIỀU"] },
  // "I. MỤC TIÊU", "II- Nhiệm vụ", "IV/ …"
  { kind: "roman", pattern: "^([IVXLC]{1,6}\\s*[.)/-])\\s+", rank: 3, opens: [..."IVXLC"] },
  // "1. Giao Sở Y tế", "1.2.", "1.2.3 Phát triển", "2) …", "1- Các dự án", "1/ …"; not "72-NQ/TW …" wrapped to a line start
  { kind: "numbered", pattern: "^(\\d{1,3}(?:\\.\\d{1,3}){1,3}\\.?|\\d{1,3}\\s*(?:[.)](?!\\d)|[/-](?=\\s)))\\s*", rank: 5, opens: [..."0123456789"] },
  // "a) Rà soát", "đ) …", "b. …"
  { kind: "lettered", pattern: "^([a-zđ]\\s*[).])\\s+", opens: [..."abcdefghijklmnopqrstuvwxyzđ"] },
  // "- Chủ trì …", "– …", "• …"
  { kind: "dash", pattern: "^([-–—•·*])\\s*", opens: [..."-–—•·*"] },
  // "+ Phối hợp …"
  { kind: "plus", pattern: "^(\\+)\\s*", opens: ["+"] },
];
