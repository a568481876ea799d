import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse-text.js";
import { capitalsOf, CLASS_RULES, classifyWhy, endsInDate, HAS_LOWER, isNameLine, isPositionTitle, isUpperLine, leadWord, mayEndInDate, mayEndName, NOT_IN_NAME, OPENS_IN_CAPITALS, patterns, readAuthority, stripSignedNote, titleType } from "../../src/segment/classify.js";
import { HONORIFICS, SIGNER_TITLES, SURNAMES } from "../../grammars/people.js";
import { FOOTNOTE_OPENS } from "../../grammars/header.js";
import { OUTLINE_LABELS } from "../../grammars/outline.js";
import { ACADEMIC_TITLES } from "../../grammars/standard/format.js";
import { matchKey } from "../../src/text/tone.js";
import { formatExplain, Trace } from "../../src/segment/explain.js";
import { linesText } from "../../src/segment/tree.js";
import { HEADER_RULES } from "../../src/segment/header.js";
import { mayCut, SPLIT_RULES, splitLine } from "../../src/segment/split.js";
import { labelOf, numberDepth, parseOutline } from "../../src/segment/outline.js";
import type { OutlineNode } from "../../src/segment/tree.js";
import type { NormalizedLine } from "../../src/normalize/index.js";
import { normalize } from "../../src/normalize/index.js";
import { segment } from "../../src/segment/index.js";
import { fixture, loadedText, normalizeText, randomPieces, readFixture, segmentText } from "../helpers.js";

/** The text fixtures' files, found under `dir`. */
const textFixtures = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? textFixtures(join(dir, e.name)) : e.name.endsWith(".txt") ? [join(dir, e.name)] : []));

const line = (text: string): NormalizedLine => ({ text, start: 0, end: text.length, meta: {} });
const opensInCapitals = (text: string) => (capitalsOf(text) & OPENS_IN_CAPITALS) !== 0;
/** {@link isUpperLine} as its comment says it: fewer than a fifth of the cased letters in lower case, and at least two. */
const upperByCount = (s: string) => {
  const cased = [...s].filter((ch) => ch.toUpperCase() !== ch.toLowerCase() || /\p{Lu}/u.test(ch));
  const lower = cased.filter((ch) => ch === ch.toLowerCase() && !/\p{Lu}/u.test(ch)).length;
  return cased.length >= 2 && lower / cased.length < 0.2;
};

describe("rule tables", () => {
  it.each(CLASS_RULES.map((r) => [r.name, r]))("class rule %s classes its own example", (_name, rule) => {
    expect(classifyWhy(line(rule.example))).toEqual({ cls: rule.cls, rule: rule.name });
  });

  it.each(SPLIT_RULES.map((r) => [r.name, r]))("split rule %s cuts its own example", (_name, rule) => {
    const { lines, rules } = splitLine(line(rule.example))!;
    expect(rules[0]).toBe(rule.name);
    expect(lines.length).toBeGreaterThan(1);
    // the pieces keep their place in the line
    for (const p of lines) expect(rule.example.slice(p.start, p.end)).toBe(p.text);
  });

  it("names every rule once", () => {
    for (const table of [CLASS_RULES, HEADER_RULES, SPLIT_RULES]) {
      const names = table.map((r) => r.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe("the classifier's first-word dispatch", () => {
  /** The class by every rule in order, as if no rule were left out for its first word. */
  const byEveryRule = (l: NormalizedLine) => {
    const v = { line: l, s: l.text, k: matchKey(l.text) };
    const r = CLASS_RULES.find((x) => x.match(v));
    return r ? { cls: r.cls, rule: r.name } : { cls: "text", rule: "otherwise-text" };
  };

  it("classes every line of the text fixtures as trying every rule would", () => {
    const lines = textFixtures(fixture("")).flatMap((f) => normalize(loadedText(readFileSync(f, "utf8"))).lines);
    expect(lines.length).toBeGreaterThan(500);
    for (const l of lines) expect(classifyWhy(l), l.text).toEqual(byEveryRule(l));
  });

  it("asks the footnote pattern only of lines whose first code unit is one of FOOTNOTE_OPENS", () => {
    // every code unit before the tails a footnote line can go on with: the pattern holds only after an opener
    const tails = ["1 x", "12] Nghị quyết", "² Nghị quyết", " x", "x", "[3] x"];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const tail of tails) if (patterns.footnote.test(ch + tail)) expect(FOOTNOTE_OPENS, ch + tail).toContain(ch);
    }
    for (const ch of FOOTNOTE_OPENS) expect(classifyWhy(line(`${ch}${ch === "[" ? "1]" : ""} Nghị quyết số 72-NQ/TW`)).cls).toBe("footnote");
  });

  it.each([
    ["căn cứ luật tổ chức", "căn"],
    ["- lưu: vt, th.", "lưu"],
    ["(đã ký)", "đã"],
    ["¹ nghị quyết số 72-nq/tw", "nghị"],
    ["“căn cứ", "căn"],
    ["số:12/qđ", "số"],
    ["12/2025", ""],
  ])("leadWord(%j) = %j", (key, word) => {
    expect(leadWord(key)).toBe(word);
  });

  it.each([
    ["Sốt xuất huyết: 12 ca", "number"], // "số" runs on into the word, as NUMBER_LINE reads it
    ["Só: 4039/QĐ-TTg", "number"],
    ["Ký kết hợp đồng", "signatureNote"],
    ["[daky]", "signatureNote"],
    ["Mới nhận:", "distribution"],
    ["- Lưu: VT, TH.", "archiveCopy"],
    ["– Xét đề nghị của Giám đốc Sở Nội vụ;", "preamble"],
    ["T / M BAN THƯỜNG VỤ", "authority"],
    ["QUYÉT ĐỊNH", "typeTitle"], // its first word misread: found by its letters
    ["THƯỢNG KHẨN", "urgency"],
    ["CONSTRUCTOR", "upper"], // not a mark of URGENCY's (an object's inherited name once was)
    ["“Căn cứ Luật Tổ chức chính quyền địa phương;", "text"], // a first word found past a character read by the regex
    ["漢字 QUYẾT ĐỊNH", "typeTitle"], // by its letters: the first word, not Latin, calls for no rule
  ])("%s → %s", (text, cls) => {
    expect(classifyWhy(line(text)).cls).toBe(cls);
    if (text !== "CONSTRUCTOR") expect(classifyWhy(line(text))).toEqual(byEveryRule(line(text)));
  });
});

describe("outline labels", () => {
  it.each([
    ["Điều 5. Hiệu lực thi hành", "article", "Điều 5."],
    ["Điều 5.", null, null], // a label alone on its line labels nothing
    ["Chương II QUY ĐỊNH CHUNG", "chapter", "Chương II"],
    ["Phần thứ nhất NHỮNG QUY ĐỊNH CHUNG", "part", "Phần thứ nhất"],
    ["Mục 1. Tổ chức", "section", "Mục 1"],
    ["II. NỘI DUNG", "roman", "II."],
    ["1.2. Kinh phí", "numbered", "1.2."],
    ["3) Tổ chức", "numbered", "3)"],
    ["a) Xây dựng kế hoạch", "lettered", "a)"],
    ["- Lãnh đạo Sở Tài chính;", "dash", "-"],
    ["+ Phòng Tư pháp", "plus", "+"],
    ["Thực hiện Kế hoạch số 45/KH-UBND", null, null],
    ["2025 là năm", null, null],
  ])("%s → %s %s", (text, kind, label) => {
    const lab = labelOf(text);
    expect([lab?.kind ?? null, lab?.label ?? null]).toEqual([kind, label]);
  });

  it("asks a label's pattern only of lines whose first code unit opens one of its `opens`", () => {
    // every code unit before the tails a label can go on with: a pattern holds only after its opener
    const tails = ["hần I x", "HẦN 2 x", "hương II x", "HƯƠNG 3 x", "ục 1 x", "ỤC II x", "iều 1. x", "IỀU 2 x", ". x", ") x", " x", "I. x", "1. x", "2) x", "/ x", "- x", ".2. x", "x"];
    for (const l of OUTLINE_LABELS) {
      const re = new RegExp(l.pattern, "u");
      const firsts = l.opens.map((w) => w[0]);
      for (let c = 0; c < 0x10000; c++) {
        const ch = String.fromCharCode(c);
        for (const tail of tails) if (re.test(ch + tail)) expect(firsts, `${l.kind}: ${ch + tail}`).toContain(ch);
      }
    }
  });

  it("labels every line of the text fixtures, and random lines, as the first label pattern holding of it does", () => {
    const patterns = OUTLINE_LABELS.map((l) => ({ kind: l.kind, re: new RegExp(l.pattern, "u") }));
    const first = (text: string) => {
      for (const { kind, re } of patterns) {
        const m = re.exec(text);
        if (m && m[0].length < text.length) return [kind, m[0].length];
      }
      return null;
    };
    const texts = textFixtures(fixture("")).flatMap((f) => normalize(loadedText(readFileSync(f, "utf8"))).lines.map((l) => l.text));
    const pieces = ["Điều", "Chương", "Phần", "Mục", "I", "V", "X", "C", "1", "12", ".", ")", "-", "/", "+", "•", "a", "đ", " ", "  ", "thứ", "hai", "x"];
    for (let seed = 1; seed <= 20000; seed++) texts.push(randomPieces(pieces, seed, 6));
    for (const text of texts) {
      const lab = labelOf(text);
      expect(lab ? [lab.kind, lab.length] : null, text).toEqual(first(text));
    }
  });
});

describe("the outline parser", () => {
  const lines = (texts: string[]): NormalizedLine[] => {
    let at = 0;
    return texts.map((text) => {
      const l = { text, start: at, end: at + text.length, meta: {} };
      at += text.length + 1;
      return l;
    });
  };
  const shape = (nodes: OutlineNode[]): unknown[] => nodes.map((n) => [n.label ?? n.text, ...(n.children.length ? [shape(n.children)] : [])]);

  it("nests paragraphs under the labelled line before them and keeps a paragraph before any label at the top", () => {
    const body = lines(["Mở đầu.", "1. Mục tiêu", "Nội dung mục tiêu.", "a) Điểm một", "- Ý thứ nhất", "Giải thích ý.", "2. Giải pháp", "Nội dung giải pháp."]);
    expect(shape(parseOutline(body))).toEqual([
      ["Mở đầu."],
      ["1.", [["Nội dung mục tiêu."], ["a)", [["-", [["Giải thích ý."]]]]]]],
      ["2.", [["Nội dung giải pháp."]]],
    ]);
    const paragraph = parseOutline(body)[0];
    expect(paragraph).toEqual({ kind: "paragraph", label: null, text: "Mở đầu.", span: [0, 7], children: [] });
  });

  it("gives a body the same tree whatever body was parsed before it (the lines' tokens are shared)", () => {
    const short = lines(["1. Một", "Đoạn."]);
    const long = lines(Array.from({ length: 50 }, (_, i) => (i % 3 ? `Đoạn ${i}.` : `${i + 1}. Mục ${i}`)));
    const alone = JSON.stringify(parseOutline(short));
    parseOutline(long);
    expect(JSON.stringify(parseOutline(short))).toBe(alone);
    expect(parseOutline(long).length).toBe(17);
  });
});

describe("the keys the classifier compares", () => {
  /** Lines ending every way a line can, a code unit or two past its last word. */
  const endings = ["", ".", " .", "..", "…", " …", "_", "___", " ", "  ", "\t", "\u00a0", "\u3000", "\ufeff", "\u2028", ";", ":", ",", ")", "]", " )", "./.", "-", "1", " 2025", "/2025", "ý", "Ý", "\u0301"];
  const cross = (heads: string[]) => heads.flatMap((h) => endings.flatMap((a) => endings.map((b) => h + a + b)));

  it("reads from its last code units every key that ends as a date line does", () => {
    const heads = [
      "hà nội, ngày 20 tháng 5 năm 2025", "ngày 20 tháng 5 năm", "hà nội, ngày tháng năm", "ngày ___ tháng ___ năm ____", "ngày 30/8/2025",
      "quận 3, ngày 02-01-2025", "báo cáo trước ngày 30/8", "ngày 14 tháng 8 năm 2025 ....", "năm 2025", "ngày", "",
    ];
    const ends = cross(heads).filter((k) => endsInDate(k));
    expect(ends.length).toBeGreaterThan(500);
    for (const k of ends) expect(mayEndInDate(k), k).toBe(true);
    expect(mayEndInDate("báo cáo kết quả thực hiện.")).toBe(false);
    expect(mayEndInDate("đề nghị các đơn vị thực hiện;")).toBe(false);
  });

  it("reads from its last code unit every line that can be a name line: a letter or mark ends what its note's stripping leaves", () => {
    const heads = ["Lâm Hải Giang", "Nguyễn Tấn Dũng đã ký", "Võ Thanh Tòng (Đã ký)", "(Đã ký) Nguyễn Thị Kim Ngân", "TS. Nguyễn Văn A [signed]", "Đồng chí Lê Văn B", "Nguyễn Văn A signed", "(Đã ký)", ""];
    const lines = cross(heads);
    // a name line's last word is a capital and small letters or marks (`personName`): where the stripped line ends otherwise, it is none
    for (const s of lines) if (!mayEndName(s)) expect(/[\p{L}\p{M}]$/u.test(stripSignedNote(s)), s).toBe(false);
    expect(lines.filter((s) => isNameLine(s)).length).toBeGreaterThan(100);
    expect(mayEndName("Cục Quản lý Dược thông báo để các đơn vị biết và thực hiện./.")).toBe(false);
  });

  it("finds no character a name line never holds in the honorifics and titles a name line may open with", () => {
    for (const w of [...HONORIFICS, ...ACADEMIC_TITLES]) expect(NOT_IN_NAME.test(w), w).toBe(false);
    expect(classifyWhy(line("Đồng chí Lê Văn B")).cls).toBe("name");
    expect(classifyWhy(line("Lê Văn B, Trần Văn C")).cls).toBe("text");
  });


  it.each([
    ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆTNAM -", "nationalTitle"],
    ["ĐẢNG CỘNG SẢN VIỆT-NAM", "nationalTitle"],
    ["Độc lập -Tự do- Hạnh phúc", "motto"],
    ["QUYÉT ĐỊNH", "typeTitle"],
    ["QUYÉT ĐỊNH".normalize("NFD"), "typeTitle"],
    // the Kelvin sign a K, an astral letter no letter of these
    ["\u212AÉ HOẠCH", "typeTitle"],
    ["QUYÉT 𝐀ĐỊNH", "typeTitle"],
    ["QUYÉT ĐỊNH SỐ", "upper"],
    ["QUYÉT", "upper"],
  ])("the letters of %j spell a fixed line: %s", (text, cls) => {
    expect(classifyWhy(line(text)).cls).toBe(cls);
  });

  it("finds the surname of a title-then-name line in its key, or word by word where the key is not the text's own letters", () => {
    const rule = SPLIT_RULES.find((r) => r.name === "title-then-name-on-one-line")!;
    const cut = (text: string) => rule.cut(text, matchKey(text), capitalsOf(text));
    const nfc = "PHÓ TỔNG CỤC TRƯỞNG Vũ Ngọc Anh TÊN ĐƠN VỊ";
    expect(cut(nfc)).toEqual({ at: [20, 32] });
    const nfd = nfc.normalize("NFD");
    expect(cut(nfd)).toEqual({ at: [nfd.indexOf("Vu"), nfd.indexOf("TÊN".normalize("NFD"))] });
    // the surname must follow the first word, and a name must follow the surname
    expect(cut("Trần Văn An BỘ TRƯỞNG")).toBeNull();
    expect(cut("BỘ TRƯỞNG Trần")).toBeNull();
  });

  it.each([
    ["QUYẾT   ĐỊNH", "QĐ"],
    ["  QUYẾT ĐỊNH  ", "QĐ"],
    ["QUYẾT ĐỊNH của UBND tỉnh Lâm Đồng", "QĐ"],
    ["THÔNG TƯ\tHƯỚNG DẪN", "TT"],
    ["thông tư", "TT"],
    // a type's name opening a sentence, not in capitals
    ["Quyết định số 12/QĐ-UBND ngày 20 tháng 5 năm 2025 của UBND tỉnh", undefined],
    ["QUYẾT ĐỊNHX", undefined],
  ])("the title %j names the type %s, its spaces read as one", (text, code) => {
    expect(titleType(text)?.code).toBe(code);
  });

  it.each([
    ["Phó  Chủ tịch", true],
    ["PHÓ CHỦ TỊCH.", true],
    ["Chủ tịch UBND tỉnh giao Sở Y tế chủ trì, phối hợp với các đơn vị liên quan", false],
  ])("%j is a position title: %s", (text, want) => {
    expect(isPositionTitle(text)).toBe(want);
  });

  it("reads a key as a title the way the whitespace and stop replaces did, random keys of title words", () => {
    const titles = new Set(SIGNER_TITLES.map(matchKey));
    const looked = (key: string) => titles.has(key.replace(/\s+/g, " ").replace(/[.,;:]$/, "").trim());
    const pieces = ["phó", "chủ", "tịch", "giám", "đốc", "bộ", "trưởng", "tổng", "cục", " ", " ", " ", "  ", "\t", "\u00a0", ".", ":", ",", ";", "x"];
    for (let seed = 1; seed <= 20000; seed++) {
      const key = randomPieces(pieces, seed, 8);
      expect(isPositionTitle(key, key), JSON.stringify(key)).toBe(looked(key));
    }
    for (const t of titles) for (const end of ["", ".", " .", ":", " :", " ", ". ", "\t."]) expect(isPositionTitle(t + end, t + end)).toBe(looked(t + end));
  });

  it.each([
    ["KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Hoàng Anh Tuấn", true],
    ["VĂN PHÒNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true],
    ["CỤC THÔNG TIN CƠ SỞ Độc lập - Tự do - Hạnh phúc", true],
    // a small letter early, outweighed by the capitals after it
    ["Tm. ỦY BAN NHÂN DÂN Nguyễn Văn A", true],
    ["Thực hiện Kế hoạch số 12/KH-UBND ngày 20 tháng 5 năm 2025 của Ủy ban nhân dân tỉnh Lâm Đồng", false],
    ["Hà Nội, ngày 20 tháng 5 năm 2025", false],
    // capitals, but no space after them
    ["UBND", false],
  ])("%j opens in capitals before a space: %s", (text, want) => {
    expect(opensInCapitals(text)).toBe(want);
  });

  it("says a line opens in capitals where some stretch of it up to a space is a line in capitals, and is in capitals as its letters say", () => {
    const texts = readdirSync(fixture("."), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".txt")).flatMap((f) => readFileSync(fixture(f), "utf8").split("\n"));
    expect(texts.length).toBeGreaterThan(800);
    for (const s of texts) {
      const some = [...s.matchAll(/\s/g)].some((m) => upperByCount(s.slice(0, m.index)));
      expect([s, opensInCapitals(s), isUpperLine(s)]).toEqual([s, some, upperByCount(s)]);
    }
  });

  it.each([
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", false],
    ["KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Hoàng Anh Tuấn", true],
    ["Thực hiện Kế hoạch số 12/KH-UBND", true],
    ["12/2025", false],
  ])("%j holds a lower-case letter: %s", (text, want) => {
    expect((capitalsOf(text) & HAS_LOWER) !== 0).toBe(want);
  });

  it("finds a lower-case letter in every surname as a name writes it, and says so of the fixtures' lines as the letters do", () => {
    // the split rule that cuts a name off a title asks it before looking for a surname
    for (const s of SURNAMES) expect(capitalsOf(s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()) & HAS_LOWER, s).toBe(HAS_LOWER);
    const texts = readdirSync(fixture("."), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".txt")).flatMap((f) => readFileSync(fixture(f), "utf8").split("\n"));
    for (const s of texts) expect([s, (capitalsOf(s) & HAS_LOWER) !== 0]).toEqual([s, [...s].some((ch) => ch !== ch.toUpperCase() && ch === ch.toLowerCase())]);
  });
});

describe("readAuthority's first look at a key", () => {
  it("answers as the two patterns do on every line of the fixtures and on lines opening as a spelling does", () => {
    const texts = readdirSync(fixture("."), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".txt")).flatMap((f) => readFileSync(fixture(f), "utf8").split("\n"));
    const lines = [...texts, "tm. ủy ban", "t / m ban", "k/t bí thư", "tuq chủ tịch", "q, giám đốc", "quyết định", "tmủy ban", "kt.", "t.m", "tại hội nghị", "KT"];
    for (const s of lines) {
      const key = matchKey(s);
      const byPatterns = !!(patterns.authority.exec(key) ?? patterns.authorityAlone.exec(key));
      expect([s, readAuthority(s, key) !== null]).toEqual([s, byPatterns]);
    }
  });
});

describe("numberDepth", () => {
  it.each([
    ["1.", 1],
    ["1.2.", 2],
    ["1.2.3", 3],
    ["3)", 1],
    ["12/", 1],
    ["4-", 1],
    ["1.2.)", 2],
  ])("%j is %i deep, as its parts between dots once its closing marks are off", (label, depth) => {
    expect(numberDepth(label)).toBe(depth);
    expect(numberDepth(label)).toBe(label.replace(/[.)/-]+$/, "").split(".").length);
  });
});

describe("the split rules' shortcuts", () => {
  const rule = (name: string) => SPLIT_RULES.find((r) => r.name === name)!;
  const cut = (name: string, text: string) => rule(name).cut(text, matchKey(text), capitalsOf(text));

  it.each([
    ["Số: 418/TL-QLCT Quận 3, ngày 14 tháng 8 năm 2025", { at: [16], columns: ["left", "right"] }],
    ["Số: 15/UBND-VX ngày 02 tháng 01 năm 2025", { at: [15], columns: ["left", "right"] }],
    // the date inside a longer line: no cell ends the line with it
    ["Số: 87/QĐ-XNK Hà Nội, ngày 09 tháng 3 năm 2021 QUYẾT ĐỊNH VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC", null],
  ])("number-beside-place-date cuts %j only where the line ends as a date line: %j", (text, want) => {
    expect(cut("number-beside-place-date", text)).toEqual(want);
  });

  it.each([
    ["BỘ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.", { at: [10], columns: ["left", "right"] }],
    ["BỘ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ĐỘC LẬP", null],
    ["Sở Nội vụ cộng hòa xã hội chủ nghĩa Việt Nam", null],
  ])("issuer-beside-national-title cuts %j only where the quốc hiệu ends it: %j", (text, want) => {
    expect(cut("issuer-beside-national-title", text)).toEqual(want);
  });

  it("lets through every line a rule cuts (the fixtures' lines, the rules' examples) and not a sentence", () => {
    const texts = readdirSync(fixture("."), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".txt")).flatMap((f) => readFileSync(fixture(f), "utf8").split("\n"));
    let cuts = 0;
    for (const text of [...texts, ...SPLIT_RULES.map((r) => r.example)]) {
      const key = matchKey(text);
      const capitals = capitalsOf(text);
      if (!SPLIT_RULES.some((r) => r.cut(text, key, capitals))) continue;
      cuts++;
      expect([text, mayCut(key, capitals)]).toEqual([text, true]);
    }
    expect(cuts).toBeGreaterThan(SPLIT_RULES.length);
    const sentence = "Thực hiện Kế hoạch số 12/KH-UBND ngày 20 tháng 5 năm 2025";
    expect(mayCut(matchKey(sentence), capitalsOf(sentence))).toBe(false);
  });
});

describe("the keys of a document's lines", () => {
  it("classes a line alike whether its key is read from the document's or made from its own text", () => {
    const header = ["BỘ NỘI VỤ", "Số: 12/BNV-TCCB", "Hà Nội, ngày 20 tháng 5 năm 2025", "V/v tuyển dụng công chức", "Kính gửi: Sở Nội vụ"];
    const classes = (text: string) => segmentText(text).explain().map((l) => l.class);
    const plain = classes(header.join("\n"));
    // "İ" lower-cases to two code units: the document's key is not its text's length, each line's is made alone
    const dotted = classes([...header, "İstanbul"].join("\n"));
    expect(dotted.slice(0, header.length)).toEqual(plain);
    expect(plain).toEqual(["upper", "number", "placeDate", "letterSubject", "recipients"]);
    // hoà and Uỷ fold to the key of hòa and Ủy in the document's key as in a line's
    expect(classes(["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UỶ BAN NHÂN DÂN", "Nơi nhận:"].join("\n"))).toEqual(["nationalTitle", "upper", "distribution"]);
  });
});

describe("the header by layout", () => {
  it("cuts an issuer from the quốc hiệu and the tiêu ngữ one space apart, and the số from the date on one line", () => {
    const t = segmentText(readFixture("segment/cong-van-cells-one-space.txt"));
    expect(t.issuer).toMatchObject({ name: "CỤC THỦY LỢI", parent: "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" });
    expect(t.nationalTitle?.text).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(t.number).toMatchObject({ value: "418", symbol: "TL-QLCT" });
    expect(t.place?.text).toBe("Quận 3");
    expect(t.date?.value).toBe("2025-08-14");
    expect(t.text.slice(t.place!.span[0], t.place!.span[1])).toBe("Quận 3");
  });

  it("takes the right column's lines pushed below `Kính gửi:` by a long left column, and goes on with the list", () => {
    const t = segmentText(readFixture("segment/cong-van-kinh-gui-before-right-column.txt"));
    expect(t.issuer).toMatchObject({ name: "CÔNG ĐOÀN NGÀNH Y TẾ", parent: "LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN" });
    expect(t.nationalTitle).not.toBeNull();
    expect(t.place?.text).toBe("Phường 1");
    expect(t.date?.value).toBe("2026-04-02");
    expect(t.subject?.text).toBe("hưởng ứng Tháng Công nhân năm 2026 trong toàn ngành");
    expect(t.recipients.map((r) => r.text)).toEqual([
      "Công đoàn cơ sở các bệnh viện tuyến tỉnh",
      "Công đoàn Trung tâm Kiểm soát bệnh tật tỉnh",
      "Công đoàn các trung tâm y tế khu vực",
    ]);
    expect(t.body.text).toMatch(/^Ban Thường vụ Công đoàn ngành Y tế/);
  });

  // the issuer is the body itself, the parent the body it stands under (by the agency grammar)
  it.each([
    [["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", null],
    [["BỘ TƯ PHÁP", "VĂN PHÒNG"], "VĂN PHÒNG", "BỘ TƯ PHÁP"],
    [["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "BAN NỮ CÔNG"], "BAN NỮ CÔNG", "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"],
    [["SỞ Y TẾ", "TỔ CÔNG TÁC VỀ Y TẾ SỐ"], "TỔ CÔNG TÁC VỀ Y TẾ SỐ", "SỞ Y TẾ"],
    [["UBND TỈNH ĐỒNG NAI", "SỞ NỘI VỤ", "TRUNG TÂM LƯU TRỮ LỊCH SỬ"], "TRUNG TÂM LƯU TRỮ LỊCH SỬ", "UBND TỈNH ĐỒNG NAI SỞ NỘI VỤ"],
    [["ĐẠI HỌC QUỐC GIA HÀ NỘI", "TRƯỜNG ĐẠI HỌC", "KINH TẾ"], "TRƯỜNG ĐẠI HỌC KINH TẾ", "ĐẠI HỌC QUỐC GIA HÀ NỘI"],
    [["BỘ VĂN HÓA, THỂ THAO VÀ", "DU LỊCH"], "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", null],
    [["BAN CHỈ ĐẠO", "PHÒNG, CHỐNG THIÊN TAI TỈNH"], "BAN CHỈ ĐẠO PHÒNG, CHỐNG THIÊN TAI TỈNH", null],
  ])("%j → %s under %s", (issuerLines, name, parent) => {
    const t = segmentText([...issuerLines, "Số: 5/TB-X", "Hà Nội, ngày 2 tháng 3 năm 2026", "THÔNG BÁO", "Lịch làm việc", "Nội dung thông báo."].join("\n"));
    expect(t.issuer).toMatchObject({ name, parent });
  });

  it.each([
    ["Hà Nội, ngày ..... tháng ..... năm .......", "Hà Nội", null],
    ["Phường 1, ngày ___ tháng ___ năm 2025", "Phường 1", "2025"],
    ["Quận 3, ngày 20 tháng 5 năm 2025", "Quận 3", "2025-05-20"],
    ["Hà Nội, ngày tháng năm", "Hà Nội", null],
  ])("reads the blank or numbered date line %s", (dateLine, place, value) => {
    const t = segmentText(["BỘ Y TẾ", "Số: /BYT-KH", dateLine, "V/v góp ý dự thảo", "Kính gửi: Bộ Tư pháp", "Bộ Y tế đề nghị góp ý."].join("\n"));
    expect(t.place?.text).toBe(place);
    expect(t.date?.value ?? null).toBe(value);
  });
});

describe("the closing block", () => {
  it("passes over a drafter's code, reads a name in capitals under a mixed-case title, and stops at an appendix heading", () => {
    const t = segmentText(readFixture("segment/quyet-dinh-draft-closing.txt"));
    expect(t.signatures).toHaveLength(1);
    expect(t.signatures[0]).toMatchObject({ authority: null, title: "Giám đốc", name: "LÊ MINH TRIẾT" });
    expect(t.distribution.map((d) => d.text)).toEqual(["Như Điều 2", "Lưu: VT, TCHC"]);
    expect(t.appendices[0].title).toBe("PHỤ LỤC 01");
    expect(t.date).toMatchObject({ value: null });
    expect(t.place?.text).toBe("Cao Lãnh");
  });

  it("reads `KT.` alone with whom it signs for on the next line, a name run on after the title, and leaves the portal's form out", () => {
    const t = segmentText(readFixture("segment/cong-van-portal-flattened-closing.txt"));
    expect(t.signatures).toHaveLength(1);
    expect(t.signatures[0]).toMatchObject({ authority: "KT.", onBehalfOf: "TỔNG CỤC TRƯỞNG", title: "PHÓ TỔNG CỤC TRƯỞNG", name: "Phan Văn Đức" });
    expect(t.appendices[0].title).toMatch(/^MẪU BÁO CÁO KẾT QUẢ KIỂM TRA/);
  });

  it("cuts nested authorities, title, name and the next part's heading flattened onto one line", () => {
    const t = segmentText(readFixture("segment/quyet-dinh-flattened-signature.txt"));
    expect(t.signatures).toHaveLength(1);
    expect(t.signatures[0]).toMatchObject({ authority: "TM.", onBehalfOf: "ỦY BAN NHÂN DÂN", title: "PHÓ CHỦ TỊCH", name: "Đặng Ngọc Sơn" });
    expect(t.signatures[0].chain).toEqual([
      { authority: "TM.", onBehalfOf: "ỦY BAN NHÂN DÂN" },
      { authority: "KT.", onBehalfOf: "CHỦ TỊCH" },
    ]);
    expect(t.appendices[0].text).toMatch(/^KẾ HOẠCH HÀNH ĐỘNG[^\n]*\nI\. MỤC ĐÍCH, YÊU CẦU/);
  });

  it("joins nơi nhận lines written without their dash, and takes the name run onto the archive line", () => {
    const t = segmentText(readFixture("segment/cong-van-wrapped-distribution.txt"));
    expect(t.distribution.map((d) => d.text)).toEqual([
      "Như trên",
      "Thủ tướng, các Phó Thủ tướng",
      "VPCP: BTCN, các PCN; Trợ lý TTg, Cổng TTĐT; các Vụ: TH, KTTH",
      "Lưu: VT, KGVX (2b)",
    ]);
    expect(t.signatures[0]).toMatchObject({ authority: "KT.", title: "PHÓ CHỦ NHIỆM", name: "Lâm Thị Hạnh" });
  });

  it("reads a signature after an attachment list, with nơi nhận after it, and keeps a name after `(đã ký)`", () => {
    const a = segmentText(readFixture("segment/cong-van-cells-one-space.txt"));
    expect(a.signatures[0]).toMatchObject({ authority: "KT.", title: "PHÓ CỤC TRƯỞNG", name: "Trịnh Văn Khải" });
    expect(a.distribution.map((d) => d.text)).toEqual(["Như trên", "Bộ trưởng (để b/c)", "Lưu: VT, QLCT"]);
    expect(a.body.text).toMatch(/Phụ lục II: Mẫu báo cáo\.$/);
    const b = segmentText(readFixture("segment/cong-van-kinh-gui-before-right-column.txt"));
    expect(b.signatures[0]).toMatchObject({ authority: "TM.", onBehalfOf: "BAN THƯỜNG VỤ", title: "PHÓ CHỦ TỊCH", name: "Hồ Thị Thanh Vân" });
  });
});

describe("--explain", () => {
  it("gives every line its class and the rule that placed it, on request only", () => {
    const text = readFixture("segment/cong-van-cells-one-space.txt");
    expect(parseText(text)).not.toHaveProperty("explain");
    const r = parseText(text, { explain: true });
    const trace = r.explain!;
    const normalized = normalizeText(text);
    expect(trace).toHaveLength(normalized.lines.length);
    for (const t of trace) expect(normalized.text.slice(t.span[0], t.span[1])).toBe(t.text);
    const byText = (s: string) => trace.find((t) => t.text.startsWith(s))!;
    expect(byText("V/v").decisions).toEqual([{ role: "subject", rule: "letter-subject" }]);
    expect(byText("Nơi nhận").decisions[0]).toMatchObject({ role: "distribution", rule: "noi-nhan" });
    expect(byText("Trịnh Văn Khải")).toMatchObject({ class: "name", classRule: "personal-name", decisions: [{ role: "signer-name", rule: "name-line" }] });
    expect(byText("BỘ NÔNG NGHIỆP").decisions).toEqual([{ role: "issuer-parent", rule: "issuer-line, first-issuer-line" }]);
    expect(formatExplain(trace)).toContain("signer-name ← name-line");
  });

  it("traces the pieces of a line that holds two cells to that line (lines a loader placed, which normalize leaves whole)", () => {
    const tree = segment(normalize(loadedText(readFixture("segment/cong-van-cells-one-space.txt"), { block: "body" })));
    expect(tree.issuer).toMatchObject({ name: "CỤC THỦY LỢI", parent: "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" });
    expect(tree.place?.text).toBe("Quận 3");
    const trace = tree.explain();
    expect(trace[0]).toMatchObject({ line: 0, class: "upper", splitBy: ["issuer-beside-national-title"] });
    expect(trace[0].decisions).toEqual(expect.arrayContaining([
      expect.objectContaining({ role: "national-title", rule: "national-title", text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", class: "nationalTitle" }),
      expect.objectContaining({ role: "issuer-parent", text: "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" }),
    ]));
    expect(trace[2].splitBy).toEqual(["number-beside-place-date"]);
    expect(formatExplain(trace)).toContain("split by issuer-beside-national-title");
  });
});

describe("a run of lines given one role", () => {
  const text = "Điều 1. Phạm vi\nCác cơ quan thực hiện.\n¹ Ghi chú\nĐiều 2. Hiệu lực";
  const lines = normalizeText(text).lines;
  const why = { cls: "text" as const, rule: "otherwise-text" };

  it("is traced as its lines marked one at a time are, in the order given", () => {
    const oneByOne = new Trace(lines, lines.map(() => why));
    const byRun = new Trace(lines, lines.map(() => why));
    oneByOne.mark(lines[1], "preamble", "a-rule");
    for (const l of lines.slice(0, 2)) oneByOne.mark(l, "body", "between-header-and-footer");
    oneByOne.mark(lines[2], "footnote", "footnote-in-body");
    oneByOne.mark(lines[3], "body", "between-header-and-footer");
    oneByOne.refine(lines[3], "appendix", "after-the-signature");
    byRun.mark(lines[1], "preamble", "a-rule");
    byRun.markRun(lines, 0, 2, "body", "between-header-and-footer");
    byRun.mark(lines[2], "footnote", "footnote-in-body");
    byRun.markRun(lines, 3, 4, "body", "between-header-and-footer");
    byRun.markRun(lines, 4, 4, "body", "no-line");
    byRun.refine(lines[3], "appendix", "after-the-signature");
    expect(byRun.explain()).toEqual(oneByOne.explain());
    expect(byRun.explain()[1].decisions.map((d) => d.role)).toEqual(["preamble", "body"]);
  });

  it("reads its text from the document where its lines follow one another, and joins them where they do not", () => {
    expect(linesText(text, lines.slice(0, 2))).toBe("Điều 1. Phạm vi\nCác cơ quan thực hiện.");
    expect(linesText(text, [lines[1], lines[3]])).toBe("Các cơ quan thực hiện.\nĐiều 2. Hiệu lực");
    expect(linesText(text, [])).toBe("");
  });
});
