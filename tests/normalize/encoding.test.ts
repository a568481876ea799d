import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { SourceLine } from "../../src/load/types.js";
import type { Encoding } from "../../src/record/schema.js";
import {
  decodeLegacy,
  decodeLegacyLines,
  detectEncoding,
  encodeLegacy,
  encodingOfFont,
  isVietnameseSyllable,
} from "../../src/normalize/encoding/index.js";
import { TCVN3_VN1_CAPITALS } from "../../grammars/encodings/tcvn3.js";
import { encodeTcvn3Document, FIXTURES } from "../../fixtures/encoding/generate.js";

const FIX = join(import.meta.dirname, "../../fixtures/encoding");
const TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
const BASES = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
/** every Vietnamese vowel letter with every tone, lower case */
const LOWER = BASES.flatMap((b) => TONES.map((t) => (b + t).normalize("NFC")));
const UPPER = LOWER.map((l) => l.toUpperCase());
const ALL_LETTERS = [...LOWER, ...UPPER, "đ", "Đ"];

describe("tables round-trip (Unicode → legacy → Unicode)", () => {
  it("has 146 letters to check", () => {
    expect(new Set(ALL_LETTERS).size).toBe(146);
  });

  it.each(["vni", "cp1258"] as Encoding[])("%s: every letter, both cases, all tones", (enc) => {
    for (const letter of ALL_LETTERS) {
      const legacy = encodeLegacy(letter, enc);
      expect(decodeLegacy(legacy, enc), `${letter} → ${legacy}`).toBe(letter);
    }
  });

  it("viqr: every letter, both cases, all tones (inside a word)", () => {
    for (const letter of ALL_LETTERS) {
      const legacy = encodeLegacy(`${letter}n`, "viqr");
      expect(legacy).toMatch(/^[\x00-\x7F]+$/);
      expect(decodeLegacy(legacy, "viqr"), `${letter} → ${legacy}`).toBe(`${letter}n`);
    }
  });

  it("tcvn3: every lower-case letter is one byte and comes back", () => {
    for (const letter of [...LOWER, "đ"]) {
      const legacy = encodeLegacy(letter, "tcvn3", { capitals: false });
      expect(legacy).toHaveLength(1);
      expect(decodeLegacy(legacy, "tcvn3", { capitals: false }), letter).toBe(letter);
    }
  });

  it("tcvn3: plain capitals Ă Â Đ Ê Ô Ơ Ư have their own codes", () => {
    for (const letter of ["Ă", "Â", "Đ", "Ê", "Ô", "Ơ", "Ư"]) {
      const legacy = encodeLegacy(letter, "tcvn3");
      expect(legacy).not.toBe(encodeLegacy(letter.toLowerCase(), "tcvn3"));
      expect(decodeLegacy(legacy, "tcvn3", { capitals: false })).toBe(letter);
    }
  });

  it("tcvn3: every capital comes back from a capital (.VnTimeH) font", () => {
    for (const letter of [...UPPER, "Đ"]) {
      const legacy = encodeLegacy(letter, "tcvn3", { capitals: true });
      expect(decodeLegacy(legacy, "tcvn3", { capitals: true }), letter).toBe(letter);
    }
  });

  it("tcvn3: VN1 toned capitals come back inside a word", () => {
    const rows = TCVN3_VN1_CAPITALS.trim().split("\n").map((l) => l.trim().split(/\s+/)[0]);
    expect(rows.length).toBeGreaterThan(40);
    for (const letter of rows) {
      const word = `C${letter}NG`;
      expect(decodeLegacy(encodeLegacy(word, "tcvn3"), "tcvn3"), word).toBe(word);
    }
  });

  it.each(["tcvn3", "vni", "cp1258"] as Encoding[])("%s: legacy → Unicode → legacy for every letter", (enc) => {
    for (const letter of enc === "tcvn3" ? [...LOWER, "đ", "Ă", "Â", "Đ", "Ê", "Ô", "Ơ", "Ư"] : ALL_LETTERS) {
      const legacy = encodeLegacy(letter, enc);
      expect(encodeLegacy(decodeLegacy(legacy, enc, { capitals: false }), enc)).toBe(legacy);
    }
  });

  it("no two letters share a legacy spelling", () => {
    for (const enc of ["vni", "viqr", "cp1258"] as Encoding[]) {
      const seen = new Set(ALL_LETTERS.map((l) => encodeLegacy(l, enc)));
      expect(seen.size, enc).toBe(ALL_LETTERS.length);
    }
    expect(new Set([...LOWER, "đ"].map((l) => encodeLegacy(l, "tcvn3"))).size).toBe(LOWER.length + 1);
  });
});

describe("TCVN3 as loaders hand it over", () => {
  it.each([
    ["Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"],
    ["§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"],
    // 0xAD (soft hyphen) is ư
    ["Ch\u00AD¬ng tr×nh c¶i c¸ch hµnh chÝnh", "Chương trình cải cách hành chính"],
    ["Thñ t\u00ADíng ChÝnh phñ", "Thủ tướng Chính phủ"],
    // pdftotext names 0xAD and 0xB7 differently
    ["Thñ t\u2212íng", "Thủ tướng"],
    ["Quü b¶o l\u2219nh", "Quỹ bảo lãnh"],
    // Windows-1252 punctuation of bytes 0x80–0x9F stays punctuation
    ["\u201CQuy chÕ\u201D lµm viÖc \u2013 B\u00B5 RÞa\u2013Vòng Tµu \u2026", "\u201CQuy chế\u201D làm việc \u2013 Bà Rịa\u2013Vũng Tàu \u2026"],
  ])("%s", (legacy, unicode) => {
    expect(decodeLegacy(legacy, "tcvn3")).toBe(unicode);
    expect(detectEncoding(legacy.repeat(3))).toBe("tcvn3");
  });

  it("reads the same from Windows-1252 and Latin-1 decodings of the bytes", () => {
    const bytes = readFileSync(join(FIX, "quyet-dinh.tcvn3.txt"));
    const unicode = readFileSync(join(FIX, "quyet-dinh.unicode.txt"), "utf8");
    expect(decodeLegacy(iconv.decode(bytes, "cp1252"), "tcvn3")).toBe(unicode);
    expect(decodeLegacy(iconv.decode(bytes, "latin1"), "tcvn3")).toBe(unicode);
  });

  it("decodes a run longer than one buffer's chunk as its lines, and a short run after it", () => {
    // the decoder fills one reused buffer of code units and reads it back 8,192 units at a time
    const line = "Céng hoµ x· héi chñ nghÜa ViÖt Nam, C\u2014NG HOµ \u2013 Ch\u00AD¬ng tr×nh";
    const lines = Array.from({ length: 400 }, (_, i) => `${i}. ${line}`);
    const text = lines.join("\n");
    expect(text.length).toBeGreaterThan(3 * 8192);
    expect(decodeLegacy(text, "tcvn3", { capitals: false })).toBe(lines.map((l) => decodeLegacy(l, "tcvn3", { capitals: false })).join("\n"));
    expect(decodeLegacy("Thñ t\u00ADíng", "tcvn3")).toBe("Thủ tướng");
    expect(decodeLegacy("abc", "tcvn3")).toBe("abc");
  });

  it("decodes a run longer than the buffer it keeps, then a short run as before", () => {
    // a run over 65,536 units gets a buffer of its own (a worker keeps no hostile run's buffer)
    const line = "Céng hoµ x· héi chñ nghÜa ViÖt Nam, C\u2014NG HOµ \u2013 Ch\u00AD¬ng tr×nh";
    const lines = Array.from({ length: 1500 }, (_, i) => `${i}. ${line}`);
    const text = lines.join("\n");
    expect(text.length).toBeGreaterThan(1 << 16);
    expect(decodeLegacy(text, "tcvn3", { capitals: false })).toBe(lines.map((l) => decodeLegacy(l, "tcvn3", { capitals: false })).join("\n"));
    expect(decodeLegacy("Thñ t\u00ADíng", "tcvn3")).toBe("Thủ tướng");
  });

  it("reads a VN1 toned capital given as a Windows-1252 character (0x97 → Ộ)", () => {
    expect(decodeLegacy("C\u2014NG HOµ", "tcvn3")).toBe("CỘNG HOÀ");
  });

  it("upper-cases words typed in capitals in a .VnTimeH font when no font name is known", () => {
    expect(decodeLegacy("QUYÕT §ÞNH cña ñY BAN NH¢N D¢N", "tcvn3")).toBe("QUYẾT ĐỊNH của ỦY BAN NHÂN DÂN");
    expect(decodeLegacy("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "tcvn3")).toBe("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    // a capital at the start of a word in an ordinary line is just a capital
    expect(decodeLegacy("Sè: 12/Q§-UB, ngµy 5", "tcvn3")).toBe("Số: 12/QĐ-UB, ngày 5");
    expect(decodeLegacy("CéNG HOµ", "tcvn3", { capitals: false })).toBe("CộNG HOà");
  });
});

describe("detection on fixtures", () => {
  it.each(FIXTURES)("$name is $encoding and decodes to its Unicode text", ({ name, encoding }) => {
    const unicode = readFileSync(join(FIX, `${name}.unicode.txt`), "utf8");
    const loaded = iconv.decode(readFileSync(join(FIX, `${name}.${encoding}.txt`)), "cp1252");
    expect(detectEncoding(loaded)).toBe(encoding);
    expect(decodeLegacy(loaded, encoding)).toBe(unicode);
    const res = decodeLegacyLines(loaded.split("\n").map((text) => ({ text })));
    expect(res.encoding).toBe(encoding);
    expect(res.lines.map((l) => l.text).join("\n")).toBe(unicode);
    expect(res.warnings).toEqual([]);
  });

  it("fixtures on disk are what the encoder writes now", () => {
    for (const { name, encoding } of FIXTURES) {
      const unicode = readFileSync(join(FIX, `${name}.unicode.txt`), "utf8");
      const loaded = iconv.decode(readFileSync(join(FIX, `${name}.${encoding}.txt`)), "cp1252");
      const expected = encoding === "tcvn3" ? encodeTcvn3Document(unicode) : encodeLegacy(unicode, encoding);
      expect(loaded, name).toBe(expected);
    }
  });
});

describe("Unicode, English and numbers stay untouched", () => {
  const texts: Array<[string, string]> = [
    ...FIXTURES.map(({ name }): [string, string] => [name, readFileSync(join(FIX, `${name}.unicode.txt`), "utf8")]),
    ["nfd", readFileSync(join(FIX, "quyet-dinh.unicode.txt"), "utf8").normalize("NFD")],
    ["english", "The Ministry of Finance issued Circular No. 117/2000/TT-BTC on 15 December 2000. Don't forget: e.g. the 'Agency' (i.e. the issuer)?"],
    ["numbers", "1.234.567 | 2.345,6 | 25% | 3/4 | 2004 - 2010 | 120.000.000 đồng"],
    ["symbols", "Nhiệt độ 25°C ± 2°C; § 3 Điều 5; © 2005 Bộ Tư pháp; giá 100 € hoặc 120 $; café, naïve, Zürich, Øresund"],
    ["old tone placement", "Uỷ ban nhân dân, hoà bình, thuỷ lợi, khoẻ mạnh, Hoà Bình"],
  ];
  it.each(texts)("%s", (_name, text) => {
    expect(detectEncoding(text)).toBe("unicode");
    const lines: SourceLine[] = text.split("\n").map((t) => ({ text: t }));
    const res = decodeLegacyLines(lines);
    expect(res.encoding).toBe("unicode");
    expect(res.lines).toBe(lines);
    expect(res.warnings).toEqual([]);
  });
});

describe("fonts", () => {
  it.each([
    [".VnTime", "tcvn3", false],
    [".VnTimeH", "tcvn3", true],
    [".VnArial", "tcvn3", false],
    [".VnArialH", "tcvn3", true],
    [".VnTimeH Tur", "tcvn3", true],
    ["VnTimeH(Ds)", "tcvn3", true],
    [".VnCentury SchoolbookH", "tcvn3", true],
    [".VnCentury Schoolbook", "tcvn3", false],
    [".VnTime,Bold", "tcvn3", false],
    ["ABCDEF+.VnTimeH", "tcvn3", true],
    ["VnTime", "tcvn3", false],
    ["VNI-Times", "vni", false],
    ["VNI-Helve", "vni", false],
    ["VNI-Helve-Condense", "vni", false],
    ["VNtimes new roman", "vni", false],
  ])("%s → %s", (font, encoding, capitals) => {
    expect(encodingOfFont(font)).toEqual({ encoding, capitals });
  });

  it.each(["Times New Roman", "Arial", "SVNtimes new roman", "UVN Sai Gon", "Calibri", "Symbol"])("%s is not legacy", (font) => {
    expect(encodingOfFont(font)).toBeNull();
  });
});

describe("decodeLegacyLines with font runs", () => {
  it("upper-cases text in a .VnTimeH run", () => {
    const line: SourceLine = { text: "céng hoµ x· héi", runs: [{ text: "céng hoµ x· héi", font: ".VnTimeH" }] };
    const res = decodeLegacyLines([line]);
    expect(res.lines[0].text).toBe("CỘNG HOÀ XÃ HỘI");
    expect(res.lines[0].runs?.[0].text).toBe("CỘNG HOÀ XÃ HỘI");
    expect(res.encoding).toBe("tcvn3");
  });

  it("converts a line mixing two encodings run by run", () => {
    const runs = [
      { text: "Coäng hoøa ", font: "VNI-Times" },
      { text: "x· héi ", font: ".VnTime" },
      { text: "chủ nghĩa", font: "Times New Roman" },
    ];
    const line: SourceLine = { text: runs.map((r) => r.text).join(""), runs, page: 1, bold: true };
    const res = decodeLegacyLines([line]);
    expect(res.lines[0].text).toBe("Cộng hòa xã hội chủ nghĩa");
    expect(res.lines[0].runs?.map((r) => r.text)).toEqual(["Cộng hòa ", "xã hội ", "chủ nghĩa"]);
    expect(res.lines[0].runs?.map((r) => r.font)).toEqual(["VNI-Times", ".VnTime", "Times New Roman"]);
    expect(res.lines[0].page).toBe(1);
    expect(res.lines[0].bold).toBe(true);
    expect(res.encoding).toBe("mixed");
    // the input is not changed
    expect(line.text).toBe("Coäng hoøa x· héi chủ nghĩa");
  });

  it("leaves Unicode text under a legacy font name alone", () => {
    const line: SourceLine = { text: "Cộng hòa xã hội", runs: [{ text: "Cộng hòa xã hội", font: ".VnTime" }] };
    const res = decodeLegacyLines([line]);
    expect(res.lines[0].text).toBe("Cộng hòa xã hội");
    expect(res.encoding).toBe("unicode");
  });
});

describe("documents mixing Unicode and legacy lines", () => {
  it("decodes the legacy lines of a Unicode document", () => {
    const lines: SourceLine[] = [
      { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" },
      { text: "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;" },
      { text: "C¨n cø NghÞ ®Þnh sè 86/2002/N§-CP ngµy 05/11/2002 cña ChÝnh phñ;" },
      { text: "Xét đề nghị của Bộ trưởng Bộ Tài chính," },
    ];
    const res = decodeLegacyLines(lines);
    expect(res.lines.map((l) => l.text)).toEqual([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;",
      "Căn cứ Nghị định số 86/2002/NĐ-CP ngày 05/11/2002 của Chính phủ;",
      "Xét đề nghị của Bộ trưởng Bộ Tài chính,",
    ]);
    expect(res.lines[0]).toBe(lines[0]);
    expect(res.encoding).toBe("tcvn3");
  });

  it("keeps Unicode lines of a legacy document", () => {
    const legacy = readFileSync(join(FIX, "quyet-dinh.tcvn3.txt"), "latin1").split("\n").slice(0, 12);
    const lines: SourceLine[] = [...legacy.map((text) => ({ text })), { text: "Người ký: Phạm Xuân Thăng, Chủ tịch" }];
    const res = decodeLegacyLines(lines);
    expect(res.encoding).toBe("tcvn3");
    expect(res.lines.at(-1)?.text).toBe("Người ký: Phạm Xuân Thăng, Chủ tịch");
    expect(res.lines[0].text).toBe("UỶ BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  });
});

describe("warnings", () => {
  it("warns where text looks legacy but no encoding reads it", () => {
    const junk = "µ¸¶·¹¨ ©®¬«ª¾ »¼½ÆÇ ÈÉËÐÌ ÎÏÑÕÒ ¸¸µ ·¶¹ ©©®".repeat(3);
    const lines: SourceLine[] = [{ text: "Báo cáo tổng hợp" }, { text: junk }];
    const res = decodeLegacyLines(lines);
    expect(res.lines[1].text).toBe(junk);
    expect(res.warnings.map((w) => w.code)).toContain("encoding-uncertain");
  });
});

describe("syllables", () => {
  it.each(["nghĩa", "người", "quyết", "khuya", "giữ", "gì", "xoong", "thuở", "hoà", "hòa", "Tướng", "ĐƯỜNG"])("%s is a syllable", (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });
  it.each(["hoµ", "nghÜa", "chñ", "Coäng", "viêïc", "aoa", "hóà", "street"])("%s is not", (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});
