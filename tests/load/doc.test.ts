import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CorruptFileError } from "../../src/errors.js";
import { bodyLines, CELL, docLoader } from "../../src/load/doc.js";
import { texts } from "./helpers.js";

// word-extractor's text of a Word 97 body, with our cell marks kept: paragraphs end in "\n",
// each cell ends with a cell mark, a row ends with a cell mark followed by "\n".
const C = CELL;

describe("DOC: tables rebuilt from cell marks", () => {
  it("reads the header table at the top as two columns", () => {
    const text = `ChÝnh phñ\n===\n\nSè: 28/2003/N§-CP${C}Céng hoµ x· héi chñ nghÜa viÖt nam\n§éc lËp - Tù do - H¹nh phóc\nHµ Néi, ngµy 31 th¸ng 3 n¨m 2003${C}\n\nNghÞ ®Þnh cña chÝnh phñ\n`;
    const lines = bodyLines(text);
    expect(texts(lines.filter((l) => l.block === "header-left"))).toEqual(["ChÝnh phñ", "===", "Sè: 28/2003/N§-CP"]);
    expect(texts(lines.filter((l) => l.block === "header-right"))).toEqual(["Céng hoµ x· héi chñ nghÜa viÖt nam", "§éc lËp - Tù do - H¹nh phóc", "Hµ Néi, ngµy 31 th¸ng 3 n¨m 2003"]);
    expect(lines.at(-1)?.text).toBe("NghÞ ®Þnh cña chÝnh phñ");
    expect(lines.at(-1)?.block).toBeUndefined();
  });

  it("finds where the signature table's first cell begins: at Nơi nhận, not in the body", () => {
    const body = "3. C¸c Bé tr­ëng chÞu tr¸ch nhiÖm thi hµnh NghÞ ®Þnh nµy./.";
    const text = `${body}\n\n   N¬i nhËn:\n- Ban BÝ th­ Trung ­¬ng §¶ng,\n- L­u: VP, V¨n th­.${C}TM. ChÝnh phñ\nthñ t­íng\n\nPhan V¨n Kh¶i${C}\n`;
    const lines = bodyLines(text);
    expect(lines[0].text).toBe(body);
    expect(lines[0].block).toBeUndefined();
    expect(texts(lines.filter((l) => l.block === "footer-left"))).toEqual(["   N¬i nhËn:", "- Ban BÝ th­ Trung ­¬ng §¶ng,", "- L­u: VP, V¨n th­."]);
    expect(texts(lines.filter((l) => l.block === "footer-right"))).toEqual(["TM. ChÝnh phñ", "thñ t­íng", "Phan V¨n Kh¶i"]);
  });

  it("reads a data table row by row", () => {
    const intro = "C¸c nhiÖm vô cô thÓ ®­îc giao t¹i b¶ng sau ®©y, mçi c¬ quan b¸o c¸o kÕt qu¶ thùc hiÖn tr­íc thêi h¹n ghi trong b¶ng ®Ó tæng hîp, b¸o c¸o Thñ t­íng ChÝnh phñ theo quy ®Þnh hiÖn hµnh.";
    const text = `${intro}\nSTT${C}Néi dung${C}Thêi h¹n${C}\n1${C}B¸o c¸o${C}15/11${C}\n2${C}Tæng kÕt${C}30/12${C}\nSau b¶ng.\n`;
    const lines = bodyLines(text);
    expect(texts(lines)).toEqual([intro, "STT", "Néi dung", "Thêi h¹n", "1", "B¸o c¸o", "15/11", "2", "Tæng kÕt", "30/12", "Sau b¶ng."]);
    expect(lines.every((l) => !l.block)).toBe(true);
  });
});

describe("DOC: damaged input", () => {
  it.each([
    ["an OLE header and nothing else", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)])],
    ["random bytes", Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 251)],
  ])("rejects %s with the file named", async (_, bytes) => {
    await expect(docLoader.load(bytes, { path: "bad.doc" })).rejects.toThrow(CorruptFileError);
    await expect(docLoader.load(bytes, { path: "bad.doc" })).rejects.toThrow(/^bad\.doc: cannot read this doc file/);
  });
});

// The real Word 97 documents of the shared corpus, where present (they are not in the repository).
const corpus = "/work/shared/corpus/real";
describe.skipIf(!existsSync(`${corpus}/028.doc`))("DOC: real documents (shared corpus)", () => {
  it("reads a TCVN3 Nghị định with its header and signature tables", async () => {
    const doc = await docLoader.load(new Uint8Array(readFileSync(`${corpus}/028.doc`)), { path: "028.doc" });
    expect(texts(doc.lines.filter((l) => l.block === "header-left"))).toContain("Sè: 28 /2003/N§-CP");
    expect(doc.lines.find((l) => l.block === "footer-left")?.text.trim()).toBe("N¬i nhËn:");
    expect(texts(doc.lines.filter((l) => l.block === "footer-right")).map((t) => t.trim())).toContain("Phan V¨n Kh¶i");
  });
});
