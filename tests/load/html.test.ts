import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { UnsupportedFormatError } from "../../src/errors.js";
import { decodeHtml, htmlLoader } from "../../src/load/html.js";
import { bytesOf, inBlock, line, runsConsistent, texts } from "./helpers.js";

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const load = (b: Uint8Array) => htmlLoader.load(b, { path: "page.html" });

describe("HTML: a công văn inside a portal page", async () => {
  const page = bytesOf("cong-van-ubnd.html");
  const doc = await load(page);
  const all = texts(doc.lines).join("\n");

  it("keeps the document and drops menus, breadcrumb, related documents, page footer and scripts", () => {
    expect(all).toContain("Thực hiện Công văn số 1227-CV/TU");
    for (const junk of ["Trang chủ", "Văn bản liên quan", "Kế hoạch số 215/KH-UBND", "Cơ quan chủ quản", "gtag", "font-family", "CỔNG THÔNG TIN"]) {
      expect(all).not.toContain(junk);
    }
  });

  it("reads the header and signature tables as columns", () => {
    expect(inBlock(doc, "header-left").slice(0, 3)).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "Số: 1842/UBND-VX"]);
    expect(inBlock(doc, "header-right")).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bình Định, ngày 20 tháng 10 năm 2025"]);
    expect(inBlock(doc, "footer-left")[0]).toBe("Nơi nhận:");
    expect(inBlock(doc, "footer-right")).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Minh Khoa"]);
  });

  it("decodes named and numeric entities", () => {
    // the page writes "à" as &agrave;, "Đ" as &#272; and "ô" as &ocirc;
    expect(line(doc, "Bình Định, ngày")).toBeDefined();
    expect(all).toContain("Ủy ban nhân dân tỉnh có ý kiến như sau:");
  });

  it("turns Word-style footnote links into marks and notes", () => {
    expect(all).toContain("Nghị quyết số 72-NQ/TW¹ về một số");
    expect(inBlock(doc, "footnote")).toEqual(["¹ Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị về một số giải pháp đột phá, tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân."]);
  });

  it("finds the document without a known container id, by where the paragraphs are", async () => {
    const anon = utf8(Buffer.from(page).toString("utf8").replace('id="toanvancontent" class="toanvancontent"', 'class="col-main"'));
    const d = await load(anon);
    expect(texts(d.lines)).toEqual(texts(doc.lines));
  });

  it("gives lines alignment and bold from attributes and styles", () => {
    expect(line(doc, "TỈNH BÌNH ĐỊNH")).toMatchObject({ bold: true, align: "center" });
    expect(line(doc, "Thực hiện Công văn")).toMatchObject({ align: "justify", bold: false });
  });
});

describe("HTML: character sets", () => {
  const body = "<p>Ủy ban nhân dân tỉnh Bình Định</p><p>Số: 1842/UBND-VX</p>";
  it.each([
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(`<html><body>${body}</body></html>`, "utf8")])],
    ["UTF-16LE with BOM", new Uint8Array([0xff, 0xfe, ...Buffer.from(`<html><body>${body}</body></html>`, "utf16le")])],
    ["utf-8 without any declaration", utf8(`<html><body>${body}</body></html>`)],
  ])("decodes %s", async (_, bytes) => {
    const doc = await load(bytes);
    expect(texts(doc.lines).map((t) => t.normalize("NFC"))).toEqual(["Ủy ban nhân dân tỉnh Bình Định", "Số: 1842/UBND-VX"]);
  });

  it("decodes windows-1258 declared in a meta tag (tones as combining marks)", async () => {
    // "Hà Nội": à is 0xE0, ô 0xF4, the dot below 0xF2 (a combining mark in Windows-1258)
    const bytes = new Uint8Array([...Buffer.from('<html><head><meta charset="windows-1258"></head><body><p>H', "latin1"), 0xe0, 0x20, 0x4e, 0xf4, 0xf2, 0x69, ...Buffer.from("</p></body></html>", "latin1")]);
    expect(decodeHtml(bytes).charset).toBe("cp1258");
    const doc = await load(bytes);
    expect(doc.lines[0].text.normalize("NFC")).toBe("Hà Nội");
    expect(iconv.encodingExists("cp1258")).toBe(true);
  });

  it("keeps a TCVN3 page's bytes as Windows-1252 characters with the font of each run", async () => {
    const bytes = new Uint8Array(Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p><font face=".VnTime">C\xe9ng ho\xb5 x\xb7 h\xe9i</font></p></body></html>', "latin1"));
    expect(decodeHtml(bytes).charset).toBe("windows-1252");
    const doc = await load(bytes);
    expect(doc.lines[0].text).toBe("Céng hoµ x· héi");
    expect(doc.lines[0].runs).toEqual([{ text: "Céng hoµ x· héi", font: ".VnTime" }]);
    expect(runsConsistent(doc)).toEqual([]);
  });
});

describe("HTML: pages without a document", () => {
  it("refuses a page with no text", async () => {
    await expect(load(utf8("<html><head><script>var a=1</script></head><body><nav><a href='/'>x</a></nav></body></html>"))).rejects.toThrow(UnsupportedFormatError);
  });
});

describe("HTML: a portal page that puts its own title, status and dates above the document", async () => {
  const doc = await load(bytesOf("load/portal-page.html"));
  const all = texts(doc.lines);

  it("starts at the document's header, not at the portal's title block or menu", () => {
    expect(all.slice(0, 2)).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH PHÚ YÊN"]);
    expect(inBlock(doc, "header-left")).toContain("Số: 52/2025/QĐ-UBND");
    for (const junk of ["Quyết định số 52/2025/QĐ-UBND Ban hành", "Còn hiệu lực", "Ngày có hiệu lực", "Ngày cập nhật", "Trang chủ", "Toàn văn", "Cơ sở dữ liệu quốc gia"]) {
      expect(all.join("\n")).not.toContain(junk);
    }
  });

  it("keeps the whole document, header tables to signature", () => {
    expect(inBlock(doc, "header-right")).toContain("Phú Yên, ngày 20 tháng 11 năm 2025");
    expect(all).toContain("QUYẾT ĐỊNH");
    expect(all[all.length - 1]).toBe("Đào Minh Quân");
  });
});

describe("HTML: a portal's metadata rows (thuộc tính) beside the document", async () => {
  const doc = await load(bytesOf("load/portal-metadata.html"));
  const all = texts(doc.lines).join("\n");

  it("takes the rows out of the document's text", () => {
    for (const junk of ["Số hiệu", "Loại văn bản", "Nơi ban hành", "Người ký:", "Ngày ban hành", "15/08/2023", "Đã biết"]) expect(all).not.toContain(junk);
    expect(texts(doc.lines)[0]).toBe("ỦY BAN NHÂN DÂN");
  });

  it("hands them on apart, each with the part of the document it speaks of", () => {
    expect(doc.portalMetadata).toEqual([
      { label: "Số hiệu", part: "number", value: "1534/UBND-KT" },
      { label: "Loại văn bản", part: "type", value: "Công văn" },
      { label: "Nơi ban hành", part: "issuer", value: "Tỉnh Quảng Ngãi" },
      { label: "Người ký", part: "signer", value: "Trần Văn Minh" },
      { label: "Ngày ban hành", part: "date", value: "15/08/2023" },
    ]);
  });

  it("leaves a document line that merely opens with such a word (no block of rows) in the text", async () => {
    const d = await load(utf8("<html><body><p>Số hiệu: 12 trạm quan trắc được lắp đặt trong năm.</p><p>Nội dung khác của văn bản.</p></body></html>"));
    expect(texts(d.lines)).toContain("Số hiệu: 12 trạm quan trắc được lắp đặt trong năm.");
    expect(d.portalMetadata).toBeUndefined();
  });
});
