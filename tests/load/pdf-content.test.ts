import { describe, expect, it, vi } from "vitest";
import { pdfLoader } from "../../src/load/pdf.js";
import { ContentReader, contentGlyphs, namesIn, parseToUnicode } from "../../src/load/pdf/content.js";
import { countLetters } from "../../src/load/pdf/loader.js";
import { restoreDroppedMarksExactly } from "../../src/load/pdf/glyphs.js";
import { binaryString, infoMayPass, PdfRef, RawPdf, withoutAnnotations } from "../../src/load/pdf/raw.js";

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

/**
 * A PDF of `pages` set in a TCVN3 font the way a word processor writes one: a simple font whose
 * ToUnicode maps each byte to the Latin-1 character of the same code, so that TCVN3 `ư` (0xAD)
 * is U+00AD, the soft hyphen pdf.js leaves out of the text.
 */
function tcvn3Pdf(pages: string[][], descriptor = true): Uint8Array {
  const cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def\n"
    + "1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfrange <20> <FF> <0020> endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end";
  const objects: string[] = [];
  const pageNums = pages.map((_, i) => 6 + 2 * i);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageNums.map((n) => `${n} 0 R`).join(" ")}] /Count ${pages.length} /Resources << /Font << /F1 3 0 R >> >> >>`;
  objects[3] = `<< /Type /Font /Subtype /Type1 /BaseFont /.VnTime /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /ToUnicode 4 0 R${descriptor ? " /FontDescriptor 5 0 R" : ""} >>`;
  objects[5] = "<< /Type /FontDescriptor /FontName /.VnTime /Flags 34 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>";
  objects[4] = `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`;
  pages.forEach((lines, i) => {
    const content = `BT /F1 12 Tf 72 760 Td ${lines.map((l, k) => `${k ? "0 -20 Td " : ""}(${l.replace(/[()\\]/g, "\\$&")}) Tj`).join(" ")} ET`;
    objects[pageNums[i]] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${pageNums[i] + 1} 0 R >>`;
    objects[pageNums[i] + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = out.length;
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}

const PAGE = [
  "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
  "\u00A7éc lËp - Tù do - H¹nh phóc",
  "Mäi ng\u00ADêi \u00AD\u00ACng nhiÖm vô ®\u00ADîc giao",
];

describe("glyphs read from the content stream (TCVN3 ư without pdf.js's operator list)", () => {
  it("reads ToUnicode maps: single codes, counted ranges and ranges of destinations", () => {
    const map = parseToUnicode("2 beginbfchar <0003> <0020> <00AD> <00AD> endbfchar\n2 beginbfrange <0041> <0043> <0061> <0010> <0011> [<0111> <00660069>] endbfrange");
    expect([map.get(3), map.get(0xad), map.get(0x41), map.get(0x43), map.get(0x10), map.get(0x11)]).toEqual([" ", "\u00AD", "a", "c", "đ", "fi"]);
  });

  it("reads Tj, TJ, ' and literal and hex strings, with the font of each glyph", () => {
    const codes = { bytes: 1 as const, map: new Map([...Array(0x60)].map((_, i) => [0x20 + i, String.fromCharCode(0x20 + i)])) };
    const glyphs = contentGlyphs(latin1("BT /F1 12 Tf (a\\(b) Tj [(c) -250 <64>] TJ (e) ' ET"), (n) => (n === "F1" ? codes : null), () => false);
    expect(glyphs?.text).toBe("a(bcde");
    expect(glyphs?.runs).toEqual([{ end: 6, font: "F1" }]);
  });

  it("reads escapes, spaced and odd hex strings, glyph-a-Tj streams and two-byte codes, with each font's stretch", () => {
    const one = { bytes: 1 as const, map: new Map([...Array(0xe0)].map((_, i) => [0x20 + i, String.fromCharCode(0x20 + i)])) };
    const two = { bytes: 2 as const, map: new Map([[0x0041, "A"], [0x1ea1, "ạ"]]) };
    const fonts = (n: string) => (n === "F1" ? one : n === "F2" ? two : null);
    // `\053` is `+`, `\\n` a line feed, a backslash before a line end continues the string; `<4 1 5>` is `A`, `P`
    const glyphs = contentGlyphs(latin1("BT /F1 12 Tf -0.07 Tc (\\053) Tj 0.1 Tc (x\\\ny) Tj <4 1 5> Tj /F2 12 Tf [<00411EA1> -120 <0041>] TJ ET"), fonts, () => false);
    expect(glyphs?.text).toBe("+xyAPAạA");
    expect(glyphs?.runs).toEqual([{ end: 5, font: "F1" }, { end: 8, font: "F2" }]);
    // a two-byte string of an odd length is no text this reader can tell
    expect(contentGlyphs(latin1("BT /F2 12 Tf <004100> Tj ET"), fonts, () => false)).toBeNull();
  });

  it("gives a code its whole text (a ligature's two letters, nothing for an empty one) and opens a font's stretch only at a glyph", () => {
    const one = { bytes: 1 as const, map: new Map([[0x61, "a"], [0x66, "fi"], [0x01, ""]]) };
    const fonts = (n: string) => (n === "F1" || n === "F2" ? one : null);
    const glyphs = contentGlyphs(latin1("BT /F1 1 Tf (af) Tj /F2 1 Tf (\\001) Tj /F1 1 Tf (a) Tj /F2 1 Tf (fa) Tj ET"), fonts, () => false);
    expect(glyphs).toEqual({ text: "afiafia", runs: [{ end: 4, font: "F1" }, { end: 7, font: "F2" }] });
  });

  it("gives up (null) where pdf.js must be asked: a form XObject, an inline image, an unknown font or code", () => {
    const codes = { bytes: 1 as const, map: new Map([[0x61, "a"]]) };
    const fonts = (n: string) => (n === "F1" ? codes : null);
    expect(contentGlyphs(latin1("/Fm1 Do BT /F1 1 Tf (a) Tj ET"), fonts, (n) => n === "Fm1")).toBeNull();
    expect(contentGlyphs(latin1("/Im1 Do BT /F1 1 Tf (a) Tj ET"), fonts, (n) => n === "Fm1")?.text).toBe("a");
    expect(contentGlyphs(latin1("BI /W 1 /H 1 ID x EI"), fonts, () => false)).toBeNull();
    expect(contentGlyphs(latin1("BT /F2 1 Tf (a) Tj ET"), fonts, () => false)).toBeNull();
    expect(contentGlyphs(latin1("BT /F1 1 Tf (ab) Tj ET"), fonts, () => false)).toBeNull();
  });

  it("finds the names a stream writes as the regex it replaced did, on streams of every awkward byte", () => {
    const oracle = (content: string) => new Set([...content.matchAll(/\/([^\s/[\]()<>{}%]+)/g)].map((m) => m[1]));
    const alphabet = ["/", "/", "F1", "Im0", " ", "\n", "\r", "\t", "\f", "\v", "\0", "\u00a0", "\u0085", "\u00ff", "[", "]", "(", ")", "<", ">", "{", "}", "%", "#20", "Tf", "12"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    expect(namesIn(latin1("BT /F1 12 Tf /Im0 Do //x /GS0 gs"))).toEqual(new Set(["F1", "Im0", "x", "GS0"]));
    for (let k = 0; k < 2000; k++) {
      const content = Array.from({ length: 1 + (k % 40) }, () => alphabet[next()]).join("");
      expect(namesIn(latin1(content))).toEqual(oracle(content));
    }
  });

  it("puts marks back only when text and glyphs match glyph for glyph", () => {
    const glyphs = { text: "ng\u00ADêi  n\u00ADíc", runs: [{ end: 11, font: "F1" }] };
    expect(restoreDroppedMarksExactly(["ngêi ", "níc"], glyphs)).toEqual({ texts: ["ng\u00ADêi ", "n\u00ADíc"], restored: 2, fonts: ["F1", "F1"] });
    expect(restoreDroppedMarksExactly(["ngêi ", "nóc"], glyphs)).toBeNull();
    expect(restoreDroppedMarksExactly(["ngêi"], glyphs)).toBeNull(); // glyphs left over
  });

  it("reads the same glyphs as the text, page by page, from a PDF's raw bytes", async () => {
    const bytes = tcvn3Pdf([PAGE, PAGE]);
    const reader = new ContentReader(new RawPdf(bytes, binaryString(bytes)));
    const glyphs = await reader.glyphs(6);
    expect(glyphs?.text).toBe(PAGE.join(""));
  });

  it("the loader puts TCVN3 ư back on every page, and names its font, without pdf.js's operator list", async () => {
    const read = vi.spyOn(ContentReader.prototype, "glyphs");
    const named = vi.spyOn(ContentReader.prototype, "fontNames");
    const doc = await pdfLoader.load(tcvn3Pdf([PAGE, PAGE]), { path: "tcvn3.pdf" });
    // page 1 names a font pdf.js has not sent: its name is read from the file (BaseFont = FontName)
    expect(read).toHaveBeenCalledTimes(2);
    expect(named).toHaveBeenCalledTimes(1);
    expect(await named.mock.results[0].value).toEqual(new Map([["F1", ".VnTime"]]));
    read.mockRestore();
    named.mockRestore();
    const third = doc.lines.filter((l) => l.text.startsWith("Mäi"));
    expect(third.map((l) => l.text)).toEqual(Array(2).fill("Mäi ng\u00ADêi \u00AD\u00ACng nhiÖm vô ®\u00ADîc giao"));
    expect(third.flatMap((l) => l.runs?.map((r) => r.font))).toEqual([".VnTime", ".VnTime"]);
    expect(doc.warnings.map((w) => w.code)).not.toContain("pdf-glyphs");
  });

  it("a font whose name pdf.js could choose otherwise (no descriptor) is left to pdf.js's operator list, on the first page only", async () => {
    const read = vi.spyOn(ContentReader.prototype, "glyphs");
    const doc = await pdfLoader.load(tcvn3Pdf([PAGE, PAGE], false), { path: "tcvn3.pdf" });
    // both pages read from the content stream; page 1's font name comes from pdf.js all the same
    expect(read).toHaveBeenCalledTimes(2);
    read.mockRestore();
    const third = doc.lines.filter((l) => l.text.startsWith("Mäi"));
    expect(third.map((l) => l.text)).toEqual(Array(2).fill("Mäi ng\u00ADêi \u00AD\u00ACng nhiÖm vô ®\u00ADîc giao"));
    expect(third.flatMap((l) => l.runs?.map((r) => r.font))).toEqual([".VnTime", ".VnTime"]);
  });
});

describe("letters of a page's rows", () => {
  it.each(["Cộng hòa xã hội chủ nghĩa Việt Nam", "Céng hoµ x· héi chñ nghÜa", "Ж ω ह 한 𝐀𝐁 2024 – ¶", "a\uD835b \uDC00c", "", "ﬁ ǅ ª º"])("counts as \\p{L} does: %s", (text) => {
    expect(countLetters(text)).toBe((text.match(/\p{L}/gu) ?? []).length);
  });
});

describe("a file without annotations, told from its bytes", () => {
  /** The same told by regexes over the file's text (the oracle of the byte scan). */
  const byRegex = (bytes: Uint8Array) => {
    const t = binaryString(bytes);
    return !/ObjStm/.test(t) && !/#(?:41|4f|53|62|6a|6d|6e|6f|73|74)/i.test(t) && !/\/Annots(?![\0\t\n\f\r ]*\[[\0\t\n\f\r ]*\])/.test(t);
  };
  const without = (s: string) => {
    const bytes = latin1(s);
    expect(withoutAnnotations(bytes)).toBe(byRegex(bytes));
    return withoutAnnotations(bytes);
  };

  it.each([
    ["<< /Type /Page /MediaBox [0 0 595 842] >>", true],
    ["<< /Type /Page /Annots [ ] >> << /Type /Page /Annots[]>>", true],
    ["<< /Type /Page /Annots [\r\n] >>", true],
    ["<< /Type /Page /Annots [12 0 R] >>", false],
    ["<< /Type /Page /Annots 7 0 R >>", false],
    ["<< /Type /Pages /Annots [ ] >> << /Type /Page /Annots %a comment\n[ ] >>", false],
    ["<< /Type /Page /Ann#6Fts [12 0 R] >>", false],
    ["<< /Type /ObjStm /N 3 >>", false],
    ["<< /Type /Obj#53tm /N 3 >>", false],
    ["<< /Type /Page /Annots [ ] /Name /A#20B >>", true],
    ["<< /Type /Page /Annots [", false],
    ["/Annots", false],
    ["#6", true],
  ])("%s: %s", (text, expected) => {
    expect(without(text)).toBe(expected);
  });

  it("is told only of fixtures whose every page pdf.js finds without annotations", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const dir = new URL("../../fixtures/pdf/", import.meta.url);
    let told = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".pdf"))) {
      const bytes = new Uint8Array(readFileSync(new URL(name, dir)));
      expect(withoutAnnotations(bytes), name).toBe(byRegex(bytes));
      if (!withoutAnnotations(bytes)) continue;
      // the encrypted fixture opens with its password only
      const doc = await lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise.catch(() => null);
      if (!doc) continue;
      told++;
      for (let p = 1; p <= doc.numPages; p++) expect((await (await doc.getPage(p)).getAnnotations({ intent: "print" })).length).toBe(0);
      await doc.destroy();
    }
    expect(told).toBeGreaterThan(0);
  });
});

describe("infoMayPass: the Info dictionary's Producer and Creator told from the bytes", () => {
  const ocr = (v: string) => /tesseract/i.test(v);
  const utf16 = (s: string) => `<FEFF${[...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, "0")).join("")}>`;

  it.each([
    ["<< /Producer (Microsoft Word) /Creator (Writer) >>", false],
    ["<< /Producer (Tesseract 5.3) >>", true],
    ["<< /Producer(tesseract) >>", true],
    [`<< /Producer ${utf16("vanban fixtures")} >>`, false],
    [`<< /Producer ${utf16("Tesseract")} >>`, true],
    ["<< /Producer <54657373657261637420> >>", true],
    ["<< /Producer <4D53> >>", false],
    ["<< /Producer (Acrobat Distiller 6.0 \\(Windows\\)) >>", false],
    // what pdf.js would read otherwise than a plain string: asked of pdf.js
    ["<< /Producer (Tess\\145ract) >>", true],
    ["<< /Producer (Acrobat\\nDistiller) >>", true],
    ["<< /Producer 12 0 R >>", true],
    ["<< /Producer (Caf\xe9) >>", true],
    [`<< /Producer <FEFF0054006> >>`, true],
    ["<< /Producer (Word) >> << /Type /ObjStm >>", true],
    ["<< /Producer (Word) /Encrypt 5 0 R >>", true],
    ["<< /Pr#6fducer (Tesseract) >>", true],
    // another key, not read
    ["<< /CreatorTool 5 0 R /Producer (Word) >>", false],
    ["<< /Title (x) >>", false],
    ["<< /Producer (Word", true],
  ])("%s: %s", (text, expected) => {
    expect(infoMayPass(latin1(text), ocr)).toBe(expected);
  });

  it("is false only where pdf.js's Producer and Creator fail the test (fixtures)", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const dir = new URL("../../fixtures/pdf/", import.meta.url);
    let told = 0, tesseract = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".pdf"))) {
      const bytes = new Uint8Array(readFileSync(new URL(name, dir)));
      const doc = await lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise.catch(() => null);
      if (!doc) continue;
      const info = ((await doc.getMetadata()).info ?? {}) as Record<string, unknown>;
      const passes = [info.Producer, info.Creator].some((v) => typeof v === "string" && ocr(v));
      await doc.destroy();
      if (passes) tesseract++;
      if (!infoMayPass(bytes, ocr)) {
        told++;
        expect(passes, name).toBe(false);
      }
    }
    expect(told).toBeGreaterThan(0);
    expect(tesseract).toBeGreaterThan(0);
  });
});

describe("RawPdf.stream: Flate streams inflated with a cap", () => {
  /** One object with a FlateDecode stream holding `plain`, deflated. */
  const pdfWith = async (plain: Uint8Array) => {
    const { deflateSync } = await import("node:zlib");
    const data = deflateSync(plain);
    const head = latin1(`%PDF-1.4\n1 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`);
    const tail = latin1("\nendstream\nendobj\n%%EOF\n");
    const bytes = new Uint8Array(head.length + data.length + tail.length);
    bytes.set(head, 0);
    bytes.set(data, head.length);
    bytes.set(tail, head.length + data.length);
    return new RawPdf(bytes, binaryString(bytes));
  };

  it("gives a page's content back whole", async () => {
    const content = latin1("BT /F1 12 Tf 72 760 Td (Kính gửi) Tj ET\n".repeat(2000));
    const out = await (await pdfWith(content)).stream(new PdfRef(1, 0));
    expect(out && binaryString(out)).toBe(binaryString(content));
  });

  it("leaves a stream that inflates past 16 MB unread (a crafted stream inflates to gigabytes)", async () => {
    const bomb = new Uint8Array(40 * 2 ** 20).fill(0x20);
    expect(await (await pdfWith(bomb)).stream(new PdfRef(1, 0))).toBeUndefined();
  });
});
