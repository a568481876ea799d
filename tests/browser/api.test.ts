import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import * as browser from "../../src/browser/index.js";
import shim from "../../src/browser/iconv.js";
import { parse, parseText } from "../../src/index.js";

// The browser entry's API, run in Node (Web Crypto and TextDecoder are there too): the same
// records as the Node entry, clear errors for what only Node reads.

const bytes = (p: string) => new Uint8Array(readFileSync(p));

describe("vanban/browser API", () => {
  it("parseText is async and gives Node's record", async () => {
    const text = readFileSync("fixtures/cong-van-ubnd.txt", "utf8");
    const r = await browser.parseText(text);
    expect(r).toEqual(parseText(text));
    const { text: normalized, record } = await browser.parseTextWithText(text);
    expect(normalized.slice(...record.number!.span!)).toBe("Số: 1842/UBND-VX");
  });

  it.each(["fixtures/load/portal-page.html", "fixtures/legacy/bieu-mau-hon-hop.xlsx", "fixtures/legacy/trinh-chieu-hon-hop.pptx"])("reads %s as Node does", async (file) => {
    const r = await browser.parse(bytes(file), { path: file });
    expect(r).toEqual(await parse(file));
  });

  it("takes a File and names the record after it", async () => {
    const file = new File([bytes("fixtures/cong-van-ubnd.txt")], "cv.txt");
    const r = await browser.parse(file);
    expect(r.source.path).toBe("cv.txt");
    expect(r.number?.raw).toBe("1842/UBND-VX");
  });

  it.each([
    ["fixtures/legacy/cong-van-hai-bang-ma.doc", /97–2003 file is read by vanban in Node only/],
    ["fixtures/scan/cong-van-ubnd-p1.png", /image \(PNG\).*in Node only/],
  ])("refuses %s with an error that says Node reads it", async (file, message) => {
    const err = await browser.parse(bytes(file), { path: file }).catch((e) => e);
    expect(err).toBeInstanceOf(browser.UnsupportedFormatError);
    expect(err.code).toBe("unsupported-format");
    expect(err.file).toBe(file);
    expect(err.message).toMatch(message);
  });

  it("decodes declared charsets through TextDecoder as iconv-lite does", () => {
    const sample = Uint8Array.from([0x54, 0xf2, 0xe0, 0xd2, 0xa4, 0xa1, 0xc3, 0x41]);
    for (const cp of ["cp1258", "cp1252", "windows-1250", "gbk", "shift_jis", "koi8-r"]) {
      expect(shim.encodingExists(cp), cp).toBe(true);
      expect(shim.decode(sample, cp), cp).toBe(iconv.decode(Buffer.from(sample), cp));
    }
    expect(shim.encodingExists("no-such-charset")).toBe(false);
  });
});
