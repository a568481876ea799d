import { describe, expect, it } from "vitest";
import { CorruptFileError } from "../../src/errors.js";
import { loadDocument } from "../../src/load/index.js";
import { rtfLoader } from "../../src/load/rtf.js";
import { texts } from "./helpers.js";

const enc = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
const load = (s: string) => rtfLoader.load(enc(s), { path: "test.rtf" });

// A TCVN3 document as Word 97 saved it: .VnTime text in \'hh bytes, the header in a borderless
// table, a footnote, and the destinations a reader must skip.
const TCVN3 = String.raw`{\rtf1\ansi\ansicpg1252\uc1\deff1{\fonttbl{\f0\froman\fcharset0\fprq2{\*\panose 02020603050405020304}Times New Roman;}{\f1\fswiss\fcharset0\fprq2{\*\panose 020b7200000000000000}.VnTime;}{\f2\fswiss\fcharset0\fprq2 .VnTimeH;}}
{\colortbl;\red0\green0\blue0;}{\stylesheet{\f1\fs28 \snext0 Normal;}}{\info{\title Th\'f4ng t\'ad}{\author Bo Tai chinh}}{\*\generator Microsoft Word 9.0;}
\trowd\trgaph108\cellx3600\cellx9000\pard\plain\intbl\qc\f2\b Bé Tµi chÝnh\par\f1\b0 Sè: 117/2000/TT-BTC\cell\pard\intbl\qc\f2\b C\'e9ng hoµ x\'b7 héi chñ nghÜa ViÖt Nam\par\f1 \'a7\'e9c l\'cbp - Tù do - H\'b9nh ph\'f3c\par\b0\i Hµ Néi, ngµy 21 th\'b8ng 12 n\'a8m 2000\cell\pard\intbl\row
\pard\plain\qc\f2\b Th\'abng t\'ad\par
\pard\plain\qj\f1 C\'a8n c\'f8 NghÞ ®Þnh sè 178/CP{\cs15\super \chftn}{\footnote\pard\plain\f1\fs20{\cs15\super \chftn} NghÞ ®Þnh sè 178/CP ngµy 28/10/1994.}, Bé Tµi chÝnh h\'adíng dÉn:\par
{\pict\wmetafile8\picw100\pich100 0100090000035e00000002001c00000000000400000003010800050000000b0200000000}
\pard\f1 1.\tab Unicode: {\f0 \u7840?\u273?} xong\line d\'f2ng hai\par
}`;

describe("RTF: a TCVN3 document", async () => {
  const doc = await load(TCVN3);

  it("reads the header table as columns with the font of each run", () => {
    const left = doc.lines.filter((l) => l.block === "header-left");
    const right = doc.lines.filter((l) => l.block === "header-right");
    expect(texts(left)).toEqual(["Bé Tµi chÝnh", "Sè: 117/2000/TT-BTC"]);
    expect(texts(right)).toEqual(["Céng hoµ x· héi chñ nghÜa ViÖt Nam", "§éc lËp - Tù do - H¹nh phóc", "Hµ Néi, ngµy 21 th¸ng 12 n¨m 2000"]);
    expect(left[0].runs).toEqual([{ text: "Bé Tµi chÝnh", font: ".VnTimeH" }]);
    expect(left[1].runs).toEqual([{ text: "Sè: 117/2000/TT-BTC", font: ".VnTime" }]);
    expect(left[0]).toMatchObject({ bold: true, align: "center" });
  });

  it("keeps 0xAD (TCVN3 ư) as U+00AD, not dropped", () => {
    expect(doc.lines.find((l) => l.text.startsWith("Th"))?.text).toBe("Th«ng t\u00ad");
  });

  it("skips font table, info, generator and pictures", () => {
    const all = texts(doc.lines).join("\n");
    expect(all).not.toMatch(/Times New Roman|Microsoft Word|Bo Tai chinh|0100090000|panose/);
  });

  it("marks the footnote in the text and lists the note with its mark", () => {
    expect(doc.lines.some((l) => l.text.includes("178/CP¹, Bé Tµi chÝnh"))).toBe(true);
    const notes = doc.lines.filter((l) => l.block === "footnote");
    expect(texts(notes)).toEqual(["¹ NghÞ ®Þnh sè 178/CP ngµy 28/10/1994."]);
  });

  it("decodes \\u escapes, skipping the \\uc fallback, and breaks lines at \\line", () => {
    const i = doc.lines.findIndex((l) => l.text.startsWith("1."));
    expect(doc.lines[i].text).toBe("1.\tUnicode: Ạđ xong");
    expect(doc.lines[i].paragraphEnd).toBe(false);
    expect(doc.lines[i + 1]).toMatchObject({ text: "dòng hai", paragraphEnd: true });
  });

  it("goes through format detection", async () => {
    const viaIndex = await loadDocument(enc(TCVN3), { path: "x.rtf" });
    expect(viaIndex.format).toBe("rtf");
    expect(viaIndex.lines.length).toBe(doc.lines.length);
  });
});

describe("RTF: charsets", () => {
  it.each([
    // Windows-1258 (Vietnamese): "Hà Nội" with a combining dot below
    ["\\fcharset163", "Times New Roman", "H\\'e0 N\\'f4\\'f2i", "Hà Nô\u0323i"],
    // Windows-1251 (Cyrillic)
    ["\\fcharset204", "Times New Roman", "\\'cc\\'ee\\'f1\\'ea\\'e2\\'e0", "Москва"],
    // a legacy Vietnamese font keeps its bytes as Windows-1252 characters whatever it declares
    ["\\fcharset163", "VNI-Times", "Vi\\'e4t Nam", "Viät Nam"],
    ["\\fcharset163", ".VnTime", "H\\'b5 N\\'e9i", "Hµ Néi"],
    // a Unicode font despite the Vn in its name (grammars/encodings/fonts.ts): its charset holds
    ["\\fcharset163", "VnUTimes", "H\\'e0 N\\'f4\\'f2i", "Hà Nô\u0323i"],
  ])("decodes bytes by the font's charset %s (%s)", async (charset, font, body, expected) => {
    const doc = await load(`{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0${charset} ${font};}}\\pard\\f0 ${body}\\par}`);
    expect(doc.lines[0].text.normalize("NFC")).toBe(expected.normalize("NFC"));
  });
});

describe("RTF: damaged input", () => {
  it.each([
    ["truncated", TCVN3.slice(0, TCVN3.length >> 1)],
    ["an extra closing brace", "{\\rtf1 a}}"],
  ])("rejects %s with the file named", async (_, text) => {
    if (text.endsWith("}}")) {
      // text after the document's closing brace is ignored, like Word does
      await expect(load(text)).resolves.toBeDefined();
      return;
    }
    await expect(load(text)).rejects.toThrow(CorruptFileError);
    await expect(load(text)).rejects.toThrow(/^test\.rtf: cannot read this rtf file: .*truncated/);
  });
});
