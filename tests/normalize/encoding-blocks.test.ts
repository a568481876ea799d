import { describe, expect, it } from "vitest";
import type { SourceLine } from "../../src/load/types.js";
import { decodeLegacyLines, encodeLegacy } from "../../src/normalize/encoding/index.js";
import { decodeLegacy } from "../../src/normalize/encoding/decoders.js";
import { keepForeignWords } from "../../src/normalize/encoding/foreign.js";
import { blockEncoding, charClass } from "../../src/normalize/encoding/detection.js";
import { judgeToken } from "../../src/normalize/encoding/syllables.js";

/** Encoding decided block by block, by the words themselves, where fonts are missing or lie. */

const tcvn3 = (s: string) => encodeLegacy(s, "tcvn3");
const vni = (s: string) => encodeLegacy(s, "vni");
const decoded = (lines: SourceLine[]) => decodeLegacyLines(lines).lines.map((l) => l.text);

const TCVN3_PART = ["Ủy ban nhân dân huyện Kỳ Sơn", "Số: 21/BC-UBND", "Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế xã hội"];
const VNI_PART = [
  "Trong năm qua, dưới sự lãnh đạo của Huyện ủy, kinh tế tiếp tục tăng trưởng khá",
  "Thu ngân sách vượt dự toán được giao",
  "Đời sống nhân dân được cải thiện",
];

describe("per-block encoding without fonts", () => {
  it("a Word text typed in TCVN3 and VNI on different machines decodes each part in its own encoding", () => {
    const lines = [...TCVN3_PART.map(tcvn3), ...VNI_PART.map(vni), ...TCVN3_PART.map(tcvn3)].map((text) => ({ text }));
    const r = decodeLegacyLines(lines);
    expect(r.lines.map((l) => l.text)).toEqual([...TCVN3_PART, ...VNI_PART, ...TCVN3_PART]);
    expect(r.encoding).toBe("mixed");
  });

  it("a short line that cannot tell goes with the block it stands in", () => {
    // "Số: 21" alone reads as VNI-less TCVN3 either way; inside a VNI block it stays with it
    const lines = [...VNI_PART.map(vni), vni("Số: 21"), ...VNI_PART.map(vni)].map((text) => ({ text }));
    expect(decoded(lines)[3]).toBe("Số: 21");
  });

  it("a one-encoding document is not split by a line that happens to read either way", () => {
    const text = ["Căn cứ Luật Tổ chức chính quyền địa phương", "Xét đề nghị của Trưởng phòng Nội vụ", "Điều 1. Nay bổ nhiệm ông Lê Văn Tâm"];
    const lines = text.map((t) => ({ text: tcvn3(t) }));
    const r = decodeLegacyLines(lines);
    expect(r.lines.map((l) => l.text)).toEqual(text);
    expect(r.encoding).toBe("tcvn3");
  });
});

describe("fonts that lie", () => {
  it("VNI text under a TCVN3 font name is decoded as VNI", () => {
    const text = "Kế hoạch phát triển kinh tế xã hội năm 2007";
    const lines: SourceLine[] = [{ text: vni(text), runs: [{ text: vni(text), font: ".VnTime" }] }];
    expect(decoded(lines)).toEqual([text]);
  });

  it("TCVN3 text under its own font keeps its encoding, even with foreign words in it", () => {
    const text = "tấm lợp fibrô ximăng và amiăng ximăng";
    const lines: SourceLine[] = [{ text: tcvn3(text), runs: [{ text: tcvn3(text), font: ".VnTime" }] }];
    expect(decoded(lines)).toEqual([text]);
  });

  it("capitals set in .VnTimeH are judged as capitals", () => {
    const raw = encodeLegacy("ĐIỀU KHOẢN THI HÀNH", "tcvn3", { capitals: true });
    const lines: SourceLine[] = [{ text: raw, runs: [{ text: raw, font: ".VnTimeH" }] }];
    expect(decoded(lines)).toEqual(["ĐIỀU KHOẢN THI HÀNH"]);
  });
});

describe("text that is not legacy stays as it is", () => {
  const body = ["Căn cứ kết quả làm việc với đoàn chuyên gia", "Diện tích sàn xây dựng của trụ sở làm việc"];

  it("puts a spoiled foreign word back, whether the decoding kept the spaces where they were or moved them", () => {
    const original = "François c«ng tr×nh 120 m²";
    expect(keepForeignWords(original, decodeLegacy(original, "tcvn3", { capitals: false }), "tcvn3")).toBe("François công trình 120 m²");
    // a decoding that gave a space more: the words are matched by the split instead
    expect(keepForeignWords("François c«ng", "Franỗois  công", "tcvn3")).toBe("François  công");
    expect(keepForeignWords("c«ng", "công", "tcvn3")).toBe("công");
  });

  it("foreign words and superscript digits inside a TCVN3 document", () => {
    const lines = [
      ...body.map((t) => ({ text: tcvn3(t) })),
      { text: `${tcvn3("Ông")} François Dupont ${tcvn3("và bà")} Señora García ${tcvn3("làm việc tại")} 120 m² ${tcvn3("văn phòng")}` },
    ];
    const out = decoded(lines);
    expect(out.slice(0, 2)).toEqual(body);
    expect(out[2]).toBe("Ông François Dupont và bà Señora García làm việc tại 120 m² văn phòng");
  });

  it("a bullet set in a symbol font inside TCVN3 text", () => {
    const text = tcvn3("Đề nghị các đơn vị báo cáo kết quả");
    const lines: SourceLine[] = [
      ...body.map((t) => ({ text: tcvn3(t), runs: [{ text: tcvn3(t), font: ".VnTime" }] })),
      { text: "§ " + text, runs: [{ text: "§", font: "Wingdings" }, { text: " " + text, font: ".VnTime" }] },
      { text: "· " + text, runs: [{ text: "·", font: "Symbol" }, { text: " " + text }] },
    ];
    const out = decoded(lines);
    expect(out[2]).toBe("§ Đề nghị các đơn vị báo cáo kết quả");
    expect(out[3]).toBe("· Đề nghị các đơn vị báo cáo kết quả");
  });

  it("Unicode text with the same foreign words is untouched", () => {
    const lines = [{ text: "Ông François Dupont, diện tích 120 m², Señora García" }];
    expect(decodeLegacyLines(lines).lines).toBe(lines);
  });

  it("a Unicode document with a stray § or soft hyphen, and one with none, come back as they are", () => {
    const clean = [{ text: "Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành khẩn trương triển khai." }, { text: "Điều 1. Phạm vi điều chỉnh" }];
    const stray = [...clean, { text: "§ 2. Đối tượng áp dụng: các cơ quan, đơn vị trực thuộc Ủy ban nhân dân tỉnh" }];
    for (const lines of [clean, stray]) {
      const r = decodeLegacyLines(lines);
      expect(r.lines).toBe(lines);
      expect(r.encoding).toBe("unicode");
    }
  });

  it("a line of TCVN3 marks is not taken for a stray one", () => {
    const r = decodeLegacyLines([{ text: "Céng hoµ x· héi chñ nghÜa ViÖt Nam" }, { text: "§éc lËp - Tù do - H¹nh phóc" }]);
    expect(r.encoding).toBe("tcvn3");
    expect(r.lines.map((l) => l.text)).toEqual(["Cộng hoà xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc"]);
  });
});

describe("the judge of a block's own words, against the ranking it replaced", () => {
  const CANDIDATES = ["tcvn3", "vni", "cp1258"] as const;
  const MARK_IN_WORD = /\p{L}[\u00A1-\u00BF\u00D7\u00F7]\p{L}/u;
  // the words with a legacy mark (the first 200), each decoded and judged, the candidates ranked by a stable sort
  const oracle = (text: string, expected: "tcvn3" | "vni"): string | null => {
    const tokens = text.split(/[ \t\n\r\u00a0\v\f]+/).filter((t) => t.split("").some((ch) => charClass(ch.charCodeAt(0)) === 1)).slice(0, 200);
    const g = CANDIDATES.map((enc) => tokens.reduce((n, t) => {
      const d = decodeLegacy(t, enc, { capitals: false });
      return n + (d === t ? 0 : Math.max(judgeToken(d), judgeToken(d.toUpperCase())) - (MARK_IN_WORD.test(t) ? -1 : judgeToken(t)));
    }, 0));
    const ranked = CANDIDATES.map((enc, k): [string, number] => [enc, g[k]]).sort((a, b) => b[1] - a[1]);
    const [best, top] = ranked[0];
    const runnerUp = ranked[1][1];
    if (best === expected) return top - runnerUp >= 1 && top > 0 ? expected : null;
    return top >= 2 && top - g[CANDIDATES.indexOf(expected)] >= 2 ? best : null;
  };

  it("blockEncoding decides as the oracle on TCVN3, VNI and Windows-1258 words mixed with foreign ones, short lines and long", () => {
    const sentences = [...TCVN3_PART, ...VNI_PART, "Công ty TNHH François và Señor, diện tích 25 m²", "Điều 1. Nay bổ nhiệm ông Lê Văn Tâm", "ỦY BAN NHÂN DÂN TỈNH"];
    const words = sentences.flatMap((s) => [tcvn3(s), vni(s), encodeLegacy(s, "cp1258"), s, encodeLegacy(s, "tcvn3", { capitals: true })]).flatMap((s) => s.split(" "));
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let k = 0; k < 3000; k++) {
      const text = Array.from({ length: 1 + next(k % 10 === 0 ? 260 : 14) }, () => words[next(words.length)]).join(next(4) ? " " : "\u00a0");
      for (const expected of ["tcvn3", "vni"] as const) expect(blockEncoding(text, expected), text).toBe(oracle(text, expected));
    }
  });

  it("a TCVN3 line typed without ASCII capitals decodes the same whether its capitals are guessed or not", () => {
    for (const s of ["các cơ quan, đơn vị thực hiện", "số liệu năm 2024 – quý iii", "người được giao nhiệm vụ"]) {
      expect(decodeLegacy(tcvn3(s), "tcvn3")).toBe(decodeLegacy(tcvn3(s), "tcvn3", { capitals: false }));
    }
  });
});
