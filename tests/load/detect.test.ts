import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { InputError, UnsupportedFormatError } from "../../src/errors.js";
import { detectFormat, loadDocument } from "../../src/load/index.js";
import { bytesOf } from "./helpers.js";
import { MAGIC_KINDS } from "../../grammars/file-kinds.js";

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

describe("detectFormat", async () => {
  const docx = bytesOf("cong-van-ubnd.docx");
  // a Word document whose first entry is a large file, so "word/" appears only near the end
  const big = new JSZip();
  big.file("customXml/item1.xml", "x".repeat(1 << 21), { compression: "STORE" });
  const w = await JSZip.loadAsync(docx);
  for (const [name, f] of Object.entries(w.files)) if (!f.dir) big.file(name, await f.async("uint8array"));
  const bigDocx = new Uint8Array(await big.generateAsync({ type: "uint8array", compression: "STORE" }));

  it.each([
    ["a PDF", bytesOf("cong-van-ubnd.pdf"), undefined, "pdf"],
    ["a PDF after 21 bytes of junk (an upload tool's prefix)", new Uint8Array([...Array.from({ length: 21 }, (_, i) => (i * 37 + 0x80) & 0xff), ...bytesOf("cong-van-ubnd.pdf")]), "x.pdf", "pdf"],
    ["a DOCX", docx, "x.docx", "docx"],
    ["a DOCX whose Word parts come after 1 MB", bigDocx, "x.docx", "docx"],
    ["an OLE (Word 97) file", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "x.doc", "doc"],
    ["RTF", latin1("{\\rtf1\\ansi hello}"), "x.txt", "rtf"],
    ["RTF after a BOM and blank lines", new Uint8Array([0xef, 0xbb, 0xbf, ...latin1("\n\n{\\rtf1 a}")]), undefined, "rtf"],
    ["HTML with a doctype", latin1("<!DOCTYPE html><html><body>a</body></html>"), undefined, "html"],
    ["HTML fragment starting with <meta>", latin1('<meta charset="utf-8"><p>a</p>'), undefined, "html"],
    ["XHTML", latin1('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>a</body></html>'), undefined, "html"],
    ["plain UTF-8 text", bytesOf("cong-van-ubnd.txt"), "a.txt", "txt"],
    ["text named .md", new Uint8Array(Buffer.from("# Tiêu đề\n", "utf8")), "a.md", "md"],
    ["UTF-16 text with BOM", new Uint8Array([0xff, 0xfe, ...Buffer.from("Số: 1", "utf16le")]), "a.txt", "txt"],
  ])("recognises %s", (_, bytes, path, format) => {
    expect(detectFormat(bytes, path)).toBe(format);
  });

  it("refuses an empty file, a zip that is not Word, and binary junk", async () => {
    expect(() => detectFormat(new Uint8Array(0), "e.txt")).toThrow(InputError);
    const zip = new JSZip();
    zip.file("images/a.png", "png");
    const zipBytes = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
    expect(() => detectFormat(zipBytes, "a.docx")).toThrow(UnsupportedFormatError);
    expect(() => detectFormat(Uint8Array.from({ length: 4096 }, (_, i) => (i * 31) % 7), "a.bin")).toThrow(UnsupportedFormatError);
  });
});

describe("text without a BOM in UTF-16, and text padded with NULs", () => {
  const utf8 = bytesOf("cong-van-ubnd.txt");
  const text = Buffer.from(utf8).toString("utf8");
  const le = new Uint8Array(Buffer.from(text, "utf16le"));
  const be = new Uint8Array(Buffer.from(text, "utf16le")).slice();
  Buffer.from(be.buffer).swap16();
  const pad = (b: Uint8Array, n: number) => new Uint8Array([...b, ...new Uint8Array(n)]);

  it.each([
    ["UTF-16LE", le],
    ["UTF-16BE", be],
    ["UTF-8 and 20,000 NULs after it", pad(utf8, 20_000)],
    ["UTF-16LE and an odd 3,001 NULs after it", pad(le, 3_001)],
  ])("%s: read as the same text (it was binary content)", async (_, bytes) => {
    expect(detectFormat(bytes, "a.txt")).toBe("txt");
    const doc = await loadDocument(bytes, { path: "a.txt" });
    const plain = await loadDocument(utf8, { path: "a.txt" });
    expect(doc.lines.map((l) => l.text)).toEqual(plain.lines.map((l) => l.text));
    expect(doc.lines.length).toBeGreaterThan(20);
  });

  it("UTF-8 text with UTF-16 run on after it is not read as UTF-16 (it was garbage: every byte pair one CJK character)", () => {
    const joined = new Uint8Array([...utf8.subarray(0, 1500), ...le]);
    expect(() => detectFormat(joined, "j.txt")).toThrow(UnsupportedFormatError);
  });

  it("a zeroed block inside a text (a crash, a bad disk): the text around it is read, the hole ends a line", async () => {
    const at = text.indexOf("Kính gửi");
    const cut = Buffer.byteLength(text.slice(0, at));
    const holed = new Uint8Array([...utf8.subarray(0, cut - 10), ...new Uint8Array(4096), ...utf8.subarray(cut)]);
    expect(detectFormat(holed, "h.txt")).toBe("txt");
    const lines = (await loadDocument(holed, { path: "h.txt" })).lines.map((l) => l.text);
    expect(lines).toContain("Kính gửi:");
    expect(lines.some((l) => l.includes("\0"))).toBe(false);
    // NULs in runs and control bytes between them: binary still (a database page, an executable)
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i % 64 < 40 ? 0 : i % 64 < 48 ? (i % 7) + 1 : 0x41));
    expect(() => detectFormat(binary, "b.dat")).toThrow(UnsupportedFormatError);
  });

  it("a file of NULs alone is an empty file; NULs strewn through text, binary", () => {
    expect(() => detectFormat(new Uint8Array(5000), "z.txt")).toThrow(/nothing but 5,000 NUL bytes/);
    const strewn = utf8.slice();
    for (let i = 0; i < strewn.length; i += 20) strewn[i] = 0;
    expect(() => detectFormat(strewn, "s.txt")).toThrow(UnsupportedFormatError);
  });
});

describe("kinds known by their first bytes", () => {
  it.each(MAGIC_KINDS.map((k) => [k.kind, k] as const))("refuses %s by name, its magic compared byte for byte", (_, kind) => {
    const bytes = new Uint8Array(600).fill(0x41);
    bytes.set(latin1(kind.magic), kind.at);
    // a NUL in the first 64 bytes, which the kinds marked binary want (text may open with `MZ` or `ID3`)
    bytes[60] = 0;
    expect(() => detectFormat(bytes, "x.bin")).toThrow(`${kind.kind}, which vanban does not read`);
    if (kind.binary) expect(detectFormat(latin1(kind.magic + " là chữ viết tắt\n"), "x.txt")).toBe("txt");
  });

  it("reads RTF and HTML after any white space trimStart takes, a no-break space among it", () => {
    expect(detectFormat(latin1("\u00a0\t\r\n {\\rtf1 a}"), undefined)).toBe("rtf");
    expect(detectFormat(new Uint8Array([0xef, 0xbb, 0xbf, ...latin1("\u00a0<html><body>a</body></html>")]), undefined)).toBe("html");
    // past the first 512 bytes, no longer
    expect(detectFormat(latin1(" ".repeat(512) + "{\\rtf1 a}"), "x.txt")).toBe("txt");
  });
});

describe("a PDF header after junk", () => {
  it("is found within the first 1024 bytes, after other `%` signs, and not past them", async () => {
    const { pdfHeaderAt } = await import("../../src/load/detect.js");
    const at = (junk: string, tail = "%PDF-1.7\n%âãÏÓ\n") => pdfHeaderAt(new TextEncoder().encode(junk + tail));
    expect(at("")).toBe(0);
    expect(at("100% xong %% ")).toBe(13);
    expect(at("x".repeat(1019))).toBe(1019);
    expect(at("x".repeat(1024))).toBe(-1);
    expect(at("%".repeat(2000))).toBe(-1);
    expect(at("%PD", "")).toBe(-1);
    expect(at("Công văn số 12, đạt 100%", "")).toBe(-1);
  });
});
