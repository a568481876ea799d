import { describe, expect, it } from "vitest";
import { MappedText } from "../../src/normalize/mapped.js";
import { cleanInvisible, composeNfc, glueSplitSyllables, LINE_SHAPE, lineShape, stripEmphasis } from "../../src/normalize/unicode.js";
import { normalize } from "../../src/normalize/index.js";
import { inCapitals, joinWrapped, lineMeta, tidySpaces, WorkLine } from "../../src/normalize/layout.js";
import { loadedText, normalizeText, randomWords } from "../helpers.js";
import { LEGACY_MARK } from "../../src/normalize/encoding/detection.js";
import { AUTHORITY_LINE } from "../../grammars/header.js";
import { documentKeys, matchKey } from "../../src/text/tone.js";
import { ONSETS, SYLLABLE_FINALS } from "../../grammars/syllables.js";
import { alt } from "../../src/text/pattern.js";

const run = (f: (t: MappedText) => MappedText, s: string) => f(MappedText.of(s)).text;

describe("unicode", () => {
  it.each([
    ["Quye\u0302\u0301t đi\u0323nh", "Quyết định"],
    ["Co\u0302\u0323ng ho\u0300a", "Cộng hòa"],
    ["Cộng hòa", "Cộng hòa"],
  ])("composes %j to NFC", (input, out) => {
    expect(run(composeNfc, input)).toBe(out);
  });

  it.each([
    ["ĐIỀ U 1. Phạm vi", "ĐIỀU 1. Phạm vi"],
    ["Quy ết định số 5", "Quyết định số 5"],
    ["Ngh ị định", "Nghị định"],
    ["Cộ ng hòa", "Cộng hòa"],
  ])("glues the split syllable in %j", (input, out) => {
    expect(run(glueSplitSyllables, input)).toBe(out);
  });

  it.each([
    // at the ends of a line, after a bracket, and with the glide of `quy`
    ["Nghị định số 15/2020/NĐ-CP, ĐIỀ U", "Nghị định số 15/2020/NĐ-CP, ĐIỀU"],
    ["(Ngh ị định số 15)", "(Nghị định số 15)"],
    ["Căn cứ Quy ết định số 5", "Căn cứ Quyết định số 5"],
    ["BÁO CÁ O", "BÁO CÁO"],
    ["Tổ chứ c thực hiện", "Tổ chức thực hiện"],
  ])("glues the split syllable in %j wherever it stands on the line", (input, out) => {
    expect(run(glueSplitSyllables, input)).toBe(out);
  });

  it("keeps the source offsets of a glued line", () => {
    const t = glueSplitSyllables(MappedText.of("Căn cứ Quy ết định", 100));
    expect(t.text).toBe("Căn cứ Quyết định");
    expect(t.toSource(t.text.indexOf("ết"))).toBe(111);
  });

  it.each(["quy ước chung", "SỞ Y TẾ", "Sở Y tế", "BAN U MINH", "Chủ tịch UBND", "Ủy ban nhân dân quận trân trọng kính mời", "Kế hoạch số 12/KH-UBND ngày 05/8/2025 của UBND tỉnh"])("leaves real words apart in %j", (input) => {
    expect(run(glueSplitSyllables, input)).toBe(input);
  });

  it("drops zero-width characters and soft hyphens, makes NBSP a space, removes Word control characters", () => {
    expect(run(cleanInvisible, "Sở\u00A0Y\u200B tế\u00AD\u0003\u001f")).toBe("Sở Y tế");
  });

  it("drops markdown emphasis", () => {
    expect(run(stripEmphasis, "ngày **27/5/2026** (thứ Tư)")).toBe("ngày 27/5/2026 (thứ Tư)");
  });
});

describe("layout", () => {
  it("joins hard-wrapped lines across the blank lines PDF text leaves, without gluing words", () => {
    const doc = normalizeText(
      [
        "Thực hiện ý kiến chỉ đạo của Ban Thường vụ Tỉnh ủy tại Công văn số",
        "",
        "1227-CV/TU ngày 20/5/2025 về việc tiếp tục đẩy mạnh công tác chăm sóc sức",
        "",
        "khỏe nhân dân; Chủ tịch UBND tỉnh có ý kiến như sau:",
        "1. Giao Sở Y tế chủ trì, phối hợp với các cơ quan, đơn vị liên quan đẩy nhanh",
        "tiến độ thực hiện các nhiệm vụ chuyển đổi số trong lĩnh vực y tế của tỉnh.",
        "2. Các sở, ngành phối hợp.",
      ].join("\n"),
    );
    expect(doc.lines.map((l) => l.text)).toEqual([
      "Thực hiện ý kiến chỉ đạo của Ban Thường vụ Tỉnh ủy tại Công văn số 1227-CV/TU ngày 20/5/2025 về việc tiếp tục đẩy mạnh công tác chăm sóc sức khỏe nhân dân; Chủ tịch UBND tỉnh có ý kiến như sau:",
      "1. Giao Sở Y tế chủ trì, phối hợp với các cơ quan, đơn vị liên quan đẩy nhanh tiến độ thực hiện các nhiệm vụ chuyển đổi số trong lĩnh vực y tế của tỉnh.",
      "2. Các sở, ngành phối hợp.",
    ]);
  });

  it("runs a line on into one that opens with a quote, and keeps a page number that is not alone", () => {
    const doc = normalizeText(
      [
        "Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 12/KH-UBND với chủ đề",
        "“Năm chuyển đổi số” và giao các sở triển khai.",
        "",
        "Trang 2",
        "",
        "2",
        "Các sở báo cáo trước ngày 15.",
      ].join("\n"),
    );
    expect(doc.lines.map((l) => l.text)).toEqual([
      "Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 12/KH-UBND với chủ đề “Năm chuyển đổi số” và giao các sở triển khai.",
      "2",
      "Các sở báo cáo trước ngày 15.",
    ]);
  });

  it("does not join a title, a date line or a list item onto its neighbours", () => {
    const doc = normalizeText("THÔNG BÁO\nLãnh đạo UBND tỉnh làm việc với Sở Y tế\nHà Nội, ngày 1 tháng 2 năm 2026\nV/v góp ý\n- Như trên;\n- Lưu: VT.");
    expect(doc.lines).toHaveLength(6);
  });

  it("drops box rules, page numbers and trailing spaces, and splits two columns set side by side", () => {
    const doc = normalizeText("ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  \n   ───────   \n\n- 2 -\n\nSố:      /UBND-VP\tHà Nội, ngày    tháng 5 năm 2026");
    expect(doc.lines.map((l) => [l.text, l.column])).toEqual([
      ["ỦY BAN NHÂN DÂN", "left"],
      ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "right"],
      ["Số: /UBND-VP", "left"],
      ["Hà Nội, ngày tháng 5 năm 2026", "right"],
    ]);
    expect(doc.warnings.map((w) => w.code)).toContain("page-litter-dropped");
  });

  it("cuts a rule that runs into the text of its line, whether the line is tidy or not", () => {
    const doc = normalizeText("--------------H.L300 Phòng Nội vụ\n-------------- H.L300  Phòng Nội vụ ");
    expect(doc.lines.map((l) => l.text)).toEqual(["H.L300 Phòng Nội vụ", "H.L300 Phòng Nội vụ"]);
    const at = doc.text.lastIndexOf("H.L300");
    expect(doc.source.slice(doc.toSource(at), doc.toSource(at) + 6)).toBe("H.L300");
  });

  it("maps every normalized offset back to the source text", () => {
    const src = "  Số:   12/TB-UBND\n\n\nQuye\u0302\u0301t đi\u0323nh  này";
    const doc = normalizeText(src);
    const at = doc.text.indexOf("12/TB");
    expect(doc.source.slice(doc.toSource(at), doc.toSource(at) + 5)).toBe("12/TB");
    const q = doc.text.indexOf("định");
    expect(doc.source.slice(doc.toSource(q), doc.toSource(q) + 2)).toBe("đi");
  });

  it("gives each document its own source through one shared getter, an own enumerable property as before", () => {
    const a = normalizeText("Số: 1/UBND\n\nV/v  một");
    const b = normalizeText("Số: 2/UBND\nV/v hai");
    expect(Object.keys(a)).toEqual(["text", "lines", "encoding", "inNfc", "warnings", "toSource", "source"]);
    expect([a.source, b.source]).toEqual(["Số: 1/UBND\n\nV/v  một", "Số: 2/UBND\nV/v hai"]);
    const getter = (d: object) => Object.getOwnPropertyDescriptor(d, "source");
    expect(getter(a)).toMatchObject({ enumerable: true, configurable: true });
    expect(getter(a)!.get).toBe(getter(b)!.get);
    expect({ ...a }.source).toBe(a.source);
  });
});

describe("encoding step", () => {
  it("leaves OCR output alone even where its misreadings look like a legacy encoding", async () => {
    const { normalize } = await import("../../src/normalize/index.js");
    const { loadedText } = await import("../helpers.js");
    // TCVN3-looking bytes, as OCR noise can produce them
    const text = "Céng hoµ x· héi chñ nghÜa ViÖt Nam";
    const asText = normalize(loadedText(text));
    expect(asText.encoding).toBe("tcvn3");
    const asOcr = normalize({ ...loadedText(text), ocr: true });
    expect(asOcr.encoding).toBe("unicode");
    expect(asOcr.text).toBe(text);
  });
});

describe("which steps have work on a line", () => {
  const { CHANGED, MAY_SPLIT, LOOSE_SPACES } = LINE_SHAPE;
  it.each([
    ["Ủy ban nhân dân quận trân trọng kính mời đồng chí Chủ tịch dự hội nghị.", 0],
    ["Sở Y tế đề nghị các đơn vị nghiêm túc triển khai thực hiện./.", 0],
    // a place the glue looks at, and leaves: `ước` is a word
    ["Quy ước chung của khu dân cư", MAY_SPLIT],
    ["Sở\u00A0Y tế", CHANGED],
    ["Quye\u0302\u0301t định", CHANGED],
    ["ngày **27/5/2026**", CHANGED],
    ["ĐIỀ U 1. Phạm vi", MAY_SPLIT],
    ["Căn cứ Quy ết định số 5", MAY_SPLIT],
    // the final fragment at the line's end, or before a sign; and not where a letter follows it or it runs long
    ["ĐIỀU KHOẢN CHUNG ĐIỀ U", MAY_SPLIT],
    ["là nhiệm vụ", 0],
    ["do ngh ị", MAY_SPLIT],
    ["do nghhhh ị", 0],
    ["ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", LOOSE_SPACES],
    ["Số: 12/UBND-VP\tHà Nội", LOOSE_SPACES],
    ["   Độc lập - Tự do - Hạnh phúc", LOOSE_SPACES],
    ["Kính gửi: Sở Y tế ", LOOSE_SPACES],
  ])("tells what %j needs", (line, shape) => {
    // (its case, and whether it is in NFC, are told apart, below)
    expect(lineShape(line) & ~(LINE_SHAPE.CAPITALS | LINE_SHAPE.CASE_TOLD | LINE_SHAPE.NFC_UNSURE)).toBe(shape);
  });

  it("tells whether a line is in capitals as inCapitals does, wherever it tells", () => {
    const { CAPITALS, CASE_TOLD } = LINE_SHAPE;
    const told = (line: string) => {
      const shape = lineShape(line);
      if (shape & CASE_TOLD && (shape & CAPITALS) !== (inCapitals(line) ? CAPITALS : 0)) expect(line).toBe(inCapitals(line) ? "in capitals" : "not in capitals");
      return (shape & CASE_TOLD) !== 0;
    };
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const line of [ch, `KT. ${ch}`, `${ch}BND`, `Số ${ch}`, `12 ${ch}`]) told(line);
    }
    expect(told("ỦY BAN NHÂN DÂN TỈNH")).toBe(true);
    expect(told("Ủy ban nhân dân tỉnh")).toBe(true);
    // from U+2070 on, the walk asks the regex: not told
    expect(told("PHỤ LỤC Ⅱ")).toBe(false);
  });

  it("tells a legacy mark wherever the decoding's own pattern finds one, and nowhere else", () => {
    const { LEGACY_MARK: MARK } = LINE_SHAPE;
    for (let c = 0; c < 0x10000; c++) {
      const line = `Sở ${String.fromCharCode(c)}y tế`;
      if ((lineShape(line) & MARK) !== (LEGACY_MARK.test(line) ? MARK : 0)) expect(c.toString(16)).toBe("no difference");
    }
    expect(lineShape("Céng hoµ x· héi chñ nghÜa ViÖt Nam") & MARK).toBe(MARK);
  });

  it("tells a split wherever the glue's patterns match", () => {
    // the patterns as normalize/unicode writes them
    const V = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
    const splitFinal = new RegExp(`\\s(?<=[${V}${V.toUpperCase()}]\\s)(?=(?:${SYLLABLE_FINALS.join("|")})(?![\\p{L}\\p{M}/]))`, "iu");
    const splitOnset = new RegExp(`\\s(?<=(?<![\\p{L}\\p{M}])${alt(ONSETS)}(?:uy|u)?\\s)(?=([${V}${V.toUpperCase()}][\\p{L}\\p{M}]*))`, "iu");
    const words = [
      ...ONSETS, ...ONSETS.map((o) => o + "u"), ...ONSETS.map((o) => o + "uy"), ...SYLLABLE_FINALS, "pct", "pt", "nghh", "ngk",
      "ước", "ết", "ị", "ề", "à", "y", "định", "quy", "ĐIỀ", "Ngh", "PT-TH", "t/h", "n/", "ng,", "(c", "1.", "ſ", "\u212a", "n\u0301", "đ",
    ];
    let flagged = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const line = randomWords(words, [" ", " ", " ", "\t", ", ", "  "], seed, 2 + (seed % 7));
      const matches = splitFinal.test(line) || splitOnset.test(line);
      if (matches) flagged++;
      if (matches && !(lineShape(line) & MAY_SPLIT)) expect(line).toBe("flagged");
    }
    expect(flagged).toBeGreaterThan(300);
    // runs of onset or final letters that are none, where the patterns find nothing to glue
    expect(lineShape("- CT, các PCT UBND tỉnh;") & MAY_SPLIT).toBe(0);
    expect(lineShape("Báo và Đài PT-TH Bình Định") & MAY_SPLIT).toBe(0);
  });

  it("sees a split at a tab as the glue pattern does", () => {
    expect(lineShape("Ngh\tị định") & MAY_SPLIT).toBe(MAY_SPLIT);
    expect(run(glueSplitSyllables, "Ngh\tị định")).toBe("Nghị định");
  });

  it("tells a line the same whether its code units are met for the first time or not", () => {
    // code units no other test meets, first inside a word, after a space, at the ends, in a run
    const lines = ["Ngh ị\uA5A0 định\uA5A1", "\uA5A2KT. BỘ TRƯỞNG Nguyễn Văn \uA5A3A", "**\uA5A4** \u2F00\u2F00  Sở Y tế\uA5A5", "\uA5A6"];
    const first = lines.map(lineShape);
    expect(lines.map(lineShape)).toEqual(first);
    expect(first[0] & MAY_SPLIT).toBe(MAY_SPLIT);
    expect(first[2] & (CHANGED | LOOSE_SPACES)).toBe(CHANGED | LOOSE_SPACES);
  });
});

describe("a text known to be in NFC", () => {
  it("is in NFC wherever normalize says so, and segment's keys are those of a text checked", () => {
    // pieces NFC keeps and pieces it changes or composes: marks after a letter or a space, a
    // singleton, Hangul jamo, emphasis, invisible characters, odd spaces, tabs, a legacy mark
    const words = [
      "Quyết", "định", "ĐIỀ", "U", "hoà", "Thuỷ", "**27/5**", "__x__", "–", "“số”", "…", "\u00a0", "\u200b", "\u00ad", "§",
      "e\u0301", "\u0301", "a", " \u0323", "\u212b", "\u2126", "\u1100\u1161", "\uac00\u11a8", "\u0958", "\u037e", "A\u030a", "Ω", "→", "№",
    ];
    let told = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const text = randomWords(words, [" ", "  ", "\t", "\n", "\n\n", "*", ""], seed, 2 + (seed % 9));
      const doc = normalizeText(text);
      if (!doc.inNfc) continue;
      told++;
      expect(doc.text).toBe(doc.text.normalize("NFC"));
      expect(documentKeys(doc.text, true)).toEqual(documentKeys(doc.text));
    }
    expect(told).toBeGreaterThan(100);
    expect(normalizeText("Quyết định số 5\n  Thuỷ  lợi **27/5/2026**").inNfc).toBe(true);
    expect(normalizeText("Quye\u0302\u0301t định").inNfc).toBe(false);
    expect(normalize({ ...loadedText("Quyết định"), ocr: true }).inNfc).toBe(false);
  });
});

describe("a line's facts from the loader", () => {
  it("are one object shape whatever loader made the line, without its text and runs", () => {
    const keys = Object.keys(lineMeta({ page: 1 }));
    expect(Object.keys(lineMeta({ page: 2, block: "header-left", paragraphEnd: true, x: 10, y: 700, size: 13, bold: true }))).toEqual(keys);
    const pdf = { text: "SỞ Y TẾ", runs: [{ text: "SỞ Y TẾ", font: "Times" }], page: 1, x: 72, y: 700, x1: 150, size: 13, bold: true, align: "center" as const };
    const meta = lineMeta(pdf);
    expect(Object.keys(meta)).toEqual(keys);
    expect(meta).toEqual({ page: 1, x: 72, y: 700, x1: 150, size: 13, bold: true, align: "center" });
    expect(lineMeta(meta, true).paragraphEnd).toBe(true);
  });

  it("come out of normalize in that one shape, cut cells and all", () => {
    const body = Array.from({ length: 9 }, (_, i) => ({ text: `Nội dung thứ ${i + 1} của văn bản.`, page: 1 }));
    const doc = normalize({
      format: "pdf", pages: 1, ocr: false, warnings: [],
      lines: [...body, { text: "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Hoàng Anh Tuấn", page: 1 }, { text: "Nơi nhận:", page: 1, block: "footer-left", paragraphEnd: true, x: 50, y: 100 }],
    });
    const keys = Object.keys(lineMeta({}));
    for (const l of doc.lines) expect(Object.keys(l.meta)).toEqual(keys);
    // the signature table's cells, cut from one line: none runs on into the next
    expect(doc.lines.slice(9).map((l) => [l.text, l.meta.paragraphEnd])).toEqual([
      ["KT. BỘ TRƯỞNG THỨ TRƯỞNG", true], ["Đỗ Hoàng Anh Tuấn", undefined], ["Nơi nhận:", true],
    ]);
  });
});

describe("a line as the layout steps pass it", () => {
  it("keeps its shape only while its text is the one read", () => {
    const text = "------- Số: 12/UBND-VP";
    const read = new WorkLine(MappedText.of(text, 40), { page: 1 }, undefined, lineShape(text));
    const tidied = tidySpaces(read);
    expect(tidied.t.text).toBe("Số: 12/UBND-VP");
    expect(tidied.t.toSource(0)).toBe(48);
    expect(tidied.shape).toBeUndefined();
    expect(tidied.meta).toBe(read.meta);
    const right = read.inColumn("right");
    expect([right.column, right.shape, right.t]).toEqual(["right", read.shape, read.t]);
    expect(right.withText(MappedText.of("Số: 12")).column).toBe("right");
  });
});

describe("origins", () => {
  it("keeps each character's source offset through replacements of every kind and a join", () => {
    // one to one, a longer replacement (its characters at the match's start), a removal, a same-length one
    const a = MappedText.of("Số:  12/UBND\u00A0", 10).replace(/ {2}/g, " ").replace(/\u00A0/g, "").replace(/UBND/g, "ubnd");
    const b = MappedText.of("V/v góp ý", 30).replace(/V\/v/g, "Về việc");
    const joined = MappedText.join([a, b], "\n");
    expect(joined.text).toBe("Số: 12/ubnd\nVề việc góp ý");
    expect(Array.from(joined.origin)).toEqual([10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21, 23, 30, 30, 30, 30, 30, 30, 30, 33, 34, 35, 36, 37, 38, 39]);
  });

  it("maps lines that follow one another in the source, joined by one character, one to one", () => {
    const source = "Ủy ban nhân dân tỉnh\nđề nghị các sở\n  phối hợp";
    const [a, b, c] = [MappedText.of("Ủy ban nhân dân tỉnh", 0), MappedText.of("đề nghị các sở", 21), MappedText.of("  phối hợp", 36).slice(2)];
    const wrapped = MappedText.join([a, b], " ");
    expect(wrapped.text).toBe("Ủy ban nhân dân tỉnh đề nghị các sở");
    expect(wrapped.oneToOne).toBe(0);
    expect(Array.from(wrapped.origin)).toEqual(Array.from({ length: wrapped.length + 1 }, (_, i) => i));
    // a line that lost its indentation no longer follows: its characters keep their own offsets
    const all = MappedText.join([a, b, c], " ");
    expect(all.oneToOne).toBeNull();
    expect(source.slice(all.toSource(all.text.indexOf("phối")), all.toSource(all.text.length))).toBe("phối hợp");
  });
});

describe("a document type's name alone on its line", () => {
  it.each(["Quyết định", "QUYẾT ĐỊNH", "Nghị quyê\u0301t"])("does not run %j on into the next line", (title) => {
    const doc = normalizeText(`${title}\nvề việc thành lập Ban chỉ đạo phòng, chống thiên tai`);
    expect(doc.lines).toHaveLength(2);
  });
});

describe("an authority alone on its line", () => {
  const alone = new RegExp(AUTHORITY_LINE.replace(/\(\?=\\p\{L\}\)$/, "$"), "u");
  const line = (text: string) => new WorkLine(MappedText.of(text), lineMeta({}));
  it("runs on into the title under it wherever its key reads as one, whatever the line opens with", () => {
    const title = line("CHỦ TỊCH");
    const openings = [...Array.from({ length: 0x2100 }, (_, c) => c), 0x212a, 0x1e6a];
    for (const rest of ["T.", "M.", "/M:", "UQ.", ".", "t ", ", "]) {
      for (const c of openings) {
        const text = String.fromCharCode(c) + rest;
        const joined = joinWrapped([line(text), title]).length === 1;
        if (joined !== alone.test(matchKey(text))) expect(text).toBe(joined ? "not joined" : "joined");
      }
    }
    expect(joinWrapped([line("KT."), title])).toHaveLength(1);
  });
});

describe("lines in capitals", () => {
  it.each([
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true],
    ["ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", true],
    ["“KẾ HOẠCH” SỐ 12/KH-UBND", true],
    ["PHỤ LỤC Ⅱ", true],
    ["Ủy ban nhân dân", false],
    ["ỦY BAN NHÂN DÂn", false],
    ["PHỤ LỤC ⅱ", false],
    ["12/2020", false],
    ["", false],
  ])("tells whether %j is in capitals, as upper-casing it would", (text, upper) => {
    expect(inCapitals(text)).toBe(upper);
    expect(inCapitals(text)).toBe(/\p{Lu}/u.test(text) && text === text.toUpperCase());
  });

  it("reads a part of a line", () => {
    expect(inCapitals("KT. CHỦ TỊCH Nguyễn Văn A", 0, 12)).toBe(true);
    expect(inCapitals("KT. CHỦ TỊCH Nguyễn Văn A", 13, 20)).toBe(false);
  });
});

describe("hard-wrap joining compares physical lines", () => {
  it("does not join a short line after a long paragraph just because the paragraph is long", () => {
    const wrapped = [
      "Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành khẩn trương triển khai thực hiện các",
      "nhiệm vụ được giao tại Kế hoạch này, báo cáo kết quả về Sở Kế hoạch và Đầu tư trước",
      "ngày 30 hằng tháng để tổng hợp chung",
      "Tổ chức thực hiện",
    ];
    const doc = normalizeText(wrapped.join("\n"));
    expect(doc.lines.map((l) => l.text.slice(0, 17))).toEqual(["Ủy ban nhân dân t", "Tổ chức thực hiện"]);
  });
});

describe("paragraphs from layout", () => {
  it("joins the quốc hiệu that OCR (or the typesetter) set on two lines", () => {
    const doc = normalizeText("CỘNG HOÀ\nXÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc");
    expect(doc.lines.map((l) => l.text)).toEqual(["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
  });

  it("joins a range of years wrapped before its dash, and keeps list items apart", () => {
    const lines = [
      "Xây dựng đời sống văn hóa cơ sở trong công nhân, viên chức giai đoạn 2016",
      "- 2021. Trong đó:",
      "- 02 đại biểu Sở Nội vụ;",
      "- 03 đại biểu Sở Tài chính.",
    ].map((text, i) => ({ text, page: 1, x: 85, y: 100 + 16 * i, size: 13, block: "body" as const }));
    const doc = normalize({ format: "pdf", pages: 1, lines, ocr: true, warnings: [] });
    expect(doc.lines.map((l) => l.text)).toEqual([
      "Xây dựng đời sống văn hóa cơ sở trong công nhân, viên chức giai đoạn 2016 - 2021. Trong đó:",
      "- 02 đại biểu Sở Nội vụ;",
      "- 03 đại biểu Sở Tài chính.",
    ]);
  });

  it("ends a paragraph where the next line stands well below it (a centred trích yếu, then the body)", () => {
    const at = (text: string, y: number, x = 85) => ({ text, page: 1, x, y, size: 14, block: "body" as const });
    const body = [
      "UBND tỉnh tổ chức Hội nghị trực tuyến để công bố hoàn thành chỉ tiêu cấp",
      "CCCD trước hạn trên địa bàn tỉnh và sơ kết 6 tháng đầu năm 2023 thực hiện Đề",
      "án 06, triển khai phương hướng, nhiệm vụ trong thời gian tới. Hội nghị do đồng",
      "chí Chủ tịch UBND tỉnh - Tổ trưởng Tổ công tác triển khai Đề án 06 tỉnh chủ trì, cụ",
      "thể như sau: thành phần mời dự gồm lãnh đạo các sở, ban, ngành của tỉnh và các",
      "huyện, thị xã, thành phố; thời gian họp từ 14 giờ 00 phút; địa điểm họp tại",
      "Hội trường UBND tỉnh, số 45 Quang Trung, thành phố Hải Dương, tỉnh Hải Dương.",
    ];
    const lines = [
      at("GIẤY MỜI", 151.6, 277),
      at("Hội nghị công bố hoàn thành chỉ tiêu cấp CCCD trước hạn", 167.7, 136),
      at("trên địa bàn tỉnh và sơ kết 6 tháng đầu năm 2023 thực hiện Đề án 06", 183.8, 108),
      at("và triển khai phương hướng, nhiệm vụ trong thời gian tới", 199.9, 140),
      ...body.map((t, i) => at(t, 244.1 + 16.1 * i)),
    ];
    const doc = normalize({ format: "pdf", pages: 1, lines, ocr: false, warnings: [] });
    const texts = doc.lines.map((l) => l.text);
    expect(texts).toHaveLength(3);
    expect(texts[1]).toMatch(/^Hội nghị công bố .* trong thời gian tới$/);
    expect(texts[2]).toMatch(/^UBND tỉnh tổ chức .* tỉnh Hải Dương\.$/);
  });
});
