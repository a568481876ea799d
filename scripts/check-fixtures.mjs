#!/usr/bin/env node
// Generates the fixtures of `vanban check` (fixtures/check/): a clean document — a Tờ trình of a
// Sở, and a Party Thông báo — that passes every rule, written as DOCX (docx package) and PDF
// (pdf-lib + fontkit), and from each, one variant per rule that breaks exactly that rule
// (`VARIANTS` below: the rule id → the one edit). The PDF is set in DejaVu Serif embedded under
// the names a Times New Roman PDF carries (`TimesNewRomanPSMT`…): the checker reads font names,
// not glyph shapes. Outputs are committed; run `node scripts/check-fixtures.mjs` after an edit.
// Needs `fonts-dejavu-core` (or VANBAN_FIXTURE_FONT_DIR).
import { readFile, writeFile, mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AlignmentType, BorderStyle, Document, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb } from "pdf-lib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "fixtures/check");
const fontDir = process.env.VANBAN_FIXTURE_FONT_DIR ?? "/usr/share/fonts/truetype/dejavu";
const FIXED_DATE = new Date("2026-01-05T00:00:00Z");
const MM = 72 / 25.4;

// ---------------------------------------------------------------- the clean documents
const BODY = [
  "Thực hiện Quyết định số 1234/QĐ-BYT ngày 20/12/2025 của Bộ Y tế về việc ban hành Kế hoạch tiêm chủng mở rộng năm 2026, Sở Y tế đã chủ trì, phối hợp với các đơn vị liên quan xây dựng Kế hoạch tiêm chủng mở rộng năm 2026 trên địa bàn tỉnh.",
  "Kế hoạch bảo đảm tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới một tuổi đạt trên 95%, duy trì thành quả thanh toán bệnh bại liệt và loại trừ uốn ván sơ sinh; bảo đảm an toàn tiêm chủng tại tất cả các điểm tiêm trên địa bàn tỉnh.",
  "Nhu cầu kinh phí thực hiện Kế hoạch được tổng hợp tại Phụ lục I; danh mục vắc xin và đối tượng tiêm chủng được tổng hợp tại Phụ lục II kèm theo Tờ trình này.",
  "Sở Y tế tổ chức hội nghị triển khai Kế hoạch vào ngày 15/01/2026 (thứ Năm) tại Hội trường Sở Y tế, thành phần gồm đại diện lãnh đạo các Trung tâm Y tế huyện, thị xã, thành phố và các bệnh viện tuyến tỉnh.",
  "Trong quá trình thực hiện, Sở Y tế sẽ thường xuyên theo dõi, đôn đốc, kiểm tra việc triển khai tại các địa phương, tổng hợp khó khăn, vướng mắc và báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo kịp thời.",
  "Các Trung tâm Y tế huyện, thị xã, thành phố có trách nhiệm bố trí đủ nhân lực, bảo quản vắc xin theo đúng quy định về dây chuyền lạnh; báo cáo kết quả tiêm chủng về Sở Y tế trước ngày 25 hằng tháng để tổng hợp.",
  "Sở Y tế kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt Kế hoạch tiêm chủng mở rộng năm 2026 trên địa bàn tỉnh./.",
];

export const clean = {
  name: "clean",
  page: { width: 210, height: 297, margins: { top: 20, bottom: 20, left: 30, right: 20 } },
  font: "Times New Roman",
  pageNumberOnFirst: false,
  header: {
    left: [
      { text: "UBND TỈNH BÌNH ĐỊNH", size: 13 },
      { text: "SỞ Y TẾ", size: 13, bold: true },
      { rule: true },
      { text: "Số: 05/TTr-SYT", size: 13 },
    ],
    right: [
      { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size: 12, bold: true },
      { text: "Độc lập - Tự do - Hạnh phúc", size: 13, bold: true },
      { rule: true },
      { text: "Bình Định, ngày 05 tháng 01 năm 2026", size: 13, italic: true },
    ],
  },
  body: [
    { center: "TỜ TRÌNH", size: 14, bold: true, space: true },
    { center: "Về việc phê duyệt Kế hoạch tiêm chủng mở rộng năm 2026", size: 14, bold: true },
    { recipients: "Kính gửi: Ủy ban nhân dân tỉnh Bình Định." },
    { p: "Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;", italic: true },
    { p: "Căn cứ Nghị định số 104/2016/NĐ-CP ngày 01/7/2016 của Chính phủ quy định về hoạt động tiêm chủng.", italic: true },
    ...BODY.map((p) => ({ p })),
  ],
  footer: {
    left: [
      { text: "Nơi nhận:", size: 12, bold: true, italic: true },
      { text: "- Như trên;", size: 11 },
      { text: "- Bộ Y tế (b/c);", size: 11 },
      { text: "- Giám đốc, các PGĐ Sở;", size: 11 },
      { text: "- Lưu: VT, NVY.", size: 11 },
    ],
    right: [
      { text: "KT. GIÁM ĐỐC", size: 13, bold: true },
      { text: "PHÓ GIÁM ĐỐC", size: 13, bold: true },
      { space: 3 },
      { text: "Nguyễn Văn An", size: 13, bold: true },
    ],
  },
  appendices: [
    { label: "Phụ lục I", title: "NHU CẦU KINH PHÍ NĂM 2026", lines: ["1. Mua vắc xin bổ sung: 1.200 triệu đồng.", "2. Vận chuyển, bảo quản vắc xin: 350 triệu đồng.", "3. Tập huấn, truyền thông: 150 triệu đồng."] },
    { label: "Phụ lục II", title: "DANH MỤC VẮC XIN VÀ ĐỐI TƯỢNG", lines: ["1. Vắc xin phòng lao: trẻ sơ sinh.", "2. Vắc xin phòng sởi: trẻ 9 tháng tuổi.", "3. Vắc xin phòng bại liệt: trẻ 2, 3 và 4 tháng tuổi."] },
  ],
  appendixNote: "(Kèm theo Tờ trình số 05/TTr-SYT ngày 05 tháng 01 năm 2026 của Sở Y tế)",
};

export const party = {
  name: "clean-party",
  page: { width: 210, height: 297, margins: { top: 20, bottom: 20, left: 30, right: 15 } },
  font: "Times New Roman",
  pageNumberOnFirst: false,
  header: {
    left: [
      { text: "ĐẢNG BỘ TỈNH BÌNH ĐỊNH", size: 14 },
      { text: "ĐẢNG ỦY SỞ Y TẾ", size: 14, bold: true },
      { text: "*", size: 14 },
      { text: "Số 12-TB/ĐU", size: 14 },
    ],
    right: [
      { text: "ĐẢNG CỘNG SẢN VIỆT NAM", size: 15, bold: true },
      { rule: true },
      { text: "Bình Định, ngày 05 tháng 01 năm 2026", size: 14, italic: true },
    ],
  },
  body: [
    { center: "THÔNG BÁO", size: 16, bold: true, space: true },
    { center: "kết luận của Ban Thường vụ Đảng ủy về công tác y tế năm 2026", size: 14, bold: true },
    ...BODY.slice(0, 2).map((p) => ({ p })),
    { p: "Đảng ủy yêu cầu các chi bộ trực thuộc quán triệt, triển khai thực hiện nghiêm túc nội dung Thông báo này./." },
  ],
  footer: {
    left: [
      { text: "Nơi nhận:", size: 14, bold: false, italic: false, underline: true },
      { text: "- Các chi bộ trực thuộc,", size: 12 },
      { text: "- Lưu Văn phòng Đảng ủy.", size: 12 },
    ],
    right: [
      { text: "T/M ĐẢNG ỦY", size: 14, bold: true },
      { text: "BÍ THƯ", size: 14, bold: true },
      { space: 3 },
      { text: "Trần Thị Bình", size: 14, bold: true },
    ],
  },
  appendices: [],
};

// ---------------------------------------------------------------- one edit a rule
const clone = (x) => JSON.parse(JSON.stringify(x));
const setLine = (lines, from, patch) => {
  const l = lines.find((x) => x.text === from);
  if (!l) throw new Error(`no line "${from}"`);
  Object.assign(l, patch);
};
const setPara = (doc, pred, patch) => {
  const b = doc.body.find(pred);
  if (!b) throw new Error("no such paragraph");
  Object.assign(b, patch);
};
const replaceBody = (doc, from, to) => {
  const b = doc.body.find((x) => x.p?.includes(from));
  if (!b) throw new Error(`no paragraph with "${from}"`);
  b.p = b.p.replace(from, to);
};

export const VARIANTS = {
  // content
  "nd30.pl1.II.3.number-leading-zero": (d) => setLine(d.header.left, "Số: 05/TTr-SYT", { text: "Số: 5/TTr-SYT" }),
  "nd30.pl1.II.3.symbol-form": (d) => setLine(d.header.left, "Số: 05/TTr-SYT", { text: "Số 05/TTr-SYT" }),
  "nd30.pl1.II.3.symbol-type": (d) => setLine(d.header.left, "Số: 05/TTr-SYT", { text: "Số: 05/BC-SYT" }),
  "nd30.pl1.II.3.symbol-issuer": (d) => setLine(d.header.left, "Số: 05/TTr-SYT", { text: "Số: 05/TTr-STC" }),
  "nd30.pl1.II.4.place-date-missing": (d) => setLine(d.header.right, "Bình Định, ngày 05 tháng 01 năm 2026", { text: "ngày 05 tháng 01 năm 2026" }),
  "nd30.pl1.II.4.date-leading-zero": (d) => setLine(d.header.right, "Bình Định, ngày 05 tháng 01 năm 2026", { text: "Bình Định, ngày 5 tháng 1 năm 2026" }),
  "nd30.pl1.II.5.letter-subject": (d) => setPara(d, (b) => b.center?.startsWith("Về việc"), { center: "V/v phê duyệt Kế hoạch tiêm chủng mở rộng năm 2026" }),
  "nd30.pl1.II.6.preamble-punctuation": (d) => setPara(d, (b) => b.p?.startsWith("Căn cứ Luật"), { p: "Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007" }),
  "nd30.pl1.II.6.citation-full": (d) => replaceBody(d, "Quyết định số 1234/QĐ-BYT ngày 20/12/2025 của Bộ Y tế về việc", "Quyết định số 1234/QĐ-BYT về việc"),
  "nd30.pl1.II.6.weekday": (d) => replaceBody(d, "(thứ Năm)", "(thứ Hai)"),
  "nd30.pl1.II.7.authority-kt": (d) => { d.footer.right.splice(0, 1); },
  "nd30.pl1.II.7.authority-tm": (d) => setLine(d.footer.right, "KT. GIÁM ĐỐC", { text: "TM. GIÁM ĐỐC" }),
  "nd30.pl1.II.7.authority-q": (d) => { d.footer.right.splice(0, 2, { text: "QUYỀN GIÁM ĐỐC", size: 13, bold: true }); },
  "nd30.pl1.II.7.academic-title": (d) => setLine(d.footer.right, "Nguyễn Văn An", { text: "TS. Nguyễn Văn An" }),
  "nd30.pl1.II.9.recipients-form": (d) => setPara(d, (b) => b.recipients, { recipients: "Kính gửi Ủy ban nhân dân tỉnh Bình Định." }),
  "nd30.pl1.II.9.distribution-missing": (d) => { d.footer.left = []; },
  "nd30.pl1.II.9.archive-copy": (d) => setLine(d.footer.left, "- Lưu: VT, NVY.", { text: "- Lưu: NVY." }),
  "nd30.pl1.III.1.appendix-numbering": (d) => { d.appendices[0].label = "Phụ lục 1"; d.appendices[1].label = "Phụ lục 2"; },
  // layout
  "nd30.pl1.I.1.paper": (d) => { d.page.width = 215.9; d.page.height = 279.4; },
  "nd30.pl1.I.3.margins": (d) => { d.page.margins.left = 25; },
  "nd30.pl1.I.4.font": (d) => { d.font = "Arial"; },
  "nd30.pl1.I.7.page-number": (d) => { d.pageNumberOnFirst = true; },
  "nd30.pl1.II.1.national-title-format": (d) => setLine(d.header.right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: false }),
  "nd30.pl1.II.1.motto-format": (d) => setLine(d.header.right, "Độc lập - Tự do - Hạnh phúc", { size: 12 }),
  "nd30.pl1.II.2.issuer-format": (d) => setLine(d.header.left, "SỞ Y TẾ", { bold: false }),
  "nd30.pl1.II.3.number-format": (d) => setLine(d.header.left, "Số: 05/TTr-SYT", { italic: true }),
  "nd30.pl1.II.4.place-date-format": (d) => setLine(d.header.right, "Bình Định, ngày 05 tháng 01 năm 2026", { italic: false }),
  "nd30.pl1.II.5.title-format": (d) => setPara(d, (b) => b.center === "TỜ TRÌNH", { bold: false }),
  "nd30.pl1.II.6.preamble-format": (d) => { for (const b of d.body) if (b.p?.startsWith("Căn cứ")) b.italic = false; },
  "nd30.pl1.II.6.body-format": (d) => { for (const b of d.body) if (b.p && !b.p.startsWith("Căn cứ")) b.size = 12; },
  "nd30.pl1.II.6.body-indent": (d) => { for (const b of d.body) if (b.p) b.noIndent = true; },
  "nd30.pl1.II.7.signature-format": (d) => setLine(d.footer.right, "Nguyễn Văn An", { bold: false }),
  "nd30.pl1.II.9.distribution-format": (d) => setLine(d.footer.left, "Nơi nhận:", { italic: false }),
};

export const PARTY_VARIANTS = {
  "hd36.number-form": (d) => setLine(d.header.left, "Số 12-TB/ĐU", { text: "Số 12/TB-ĐU" }),
  "hd36.authority-form": (d) => setLine(d.footer.right, "T/M ĐẢNG ỦY", { text: "TM. ĐẢNG ỦY" }),
};

// ---------------------------------------------------------------- docx
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const twip = (mm) => Math.round(mm * 56.6929);

function run(l, extra = {}) {
  return new TextRun({ text: l.text, bold: !!l.bold, italics: !!l.italic, underline: l.underline ? {} : undefined, size: Math.round((l.size ?? 14) * 2), ...extra });
}

function cellParas(lines, align) {
  const out = [];
  for (const l of lines) {
    if (l.rule) continue; // a drawn line in a real document: no text
    if (l.space) { for (let i = 0; i < l.space; i++) out.push(new Paragraph({ alignment: align, children: [] })); continue; }
    out.push(new Paragraph({ alignment: align, children: [run(l)] }));
  }
  if (!out.length) out.push(new Paragraph({ children: [] }));
  return out;
}

function layoutTable(left, right, leftAlign, widths) {
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [
      new TableCell({ borders: NO_BORDERS, width: { size: widths[0], type: WidthType.DXA }, children: cellParas(left, leftAlign) }),
      new TableCell({ borders: NO_BORDERS, width: { size: widths[1], type: WidthType.DXA }, children: cellParas(right, AlignmentType.CENTER) }),
    ] })],
  });
}

export async function toDocx(doc) {
  const textWidth = twip(doc.page.width - doc.page.margins.left - doc.page.margins.right);
  const left = Math.round(textWidth * 0.4);
  const children = [layoutTable(doc.header.left, doc.header.right, AlignmentType.CENTER, [left, textWidth - left]), new Paragraph({ children: [] })];
  for (const b of doc.body) {
    if (b.center) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: b.space ? 240 : 0 }, children: [run({ text: b.center, size: b.size, bold: b.bold })] }));
    else if (b.recipients) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, children: [run({ text: b.recipients, size: 14 })] }));
    else if (b.p) children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: b.noIndent ? undefined : { firstLine: 567 }, spacing: { before: 120 }, children: [run({ text: b.p, size: b.size ?? 14, italic: b.italic })] }));
  }
  children.push(new Paragraph({ children: [] }));
  const fl = Math.round(textWidth * 0.45);
  children.push(layoutTable(doc.footer.left, doc.footer.right, AlignmentType.LEFT, [fl, textWidth - fl]));
  for (const a of doc.appendices) {
    children.push(new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, children: [run({ text: a.label, size: 14, bold: true })] }));
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run({ text: a.title, size: 14, bold: true })] }));
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run({ text: doc.appendixNote, size: 14, italic: true })] }));
    for (const l of a.lines) children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, children: [run({ text: l, size: 14 })] }));
  }
  const pageNumber = () => new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 28 })] })] });
  const m = doc.page.margins;
  const d = new Document({
    creator: "vanban fixtures",
    styles: { default: { document: { run: { font: doc.font, size: 28 } } } },
    sections: [{
      properties: {
        titlePage: !doc.pageNumberOnFirst,
        page: { size: { width: twip(doc.page.width), height: twip(doc.page.height) }, margin: { top: twip(m.top), bottom: twip(m.bottom), left: twip(m.left), right: twip(m.right) } },
      },
      headers: doc.pageNumberOnFirst ? { default: pageNumber() } : { default: pageNumber(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
      children,
    }],
  });
  const buf = await Packer.toBuffer(d);
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(buf);
  const core = zip.file("docProps/core.xml");
  if (core) zip.file("docProps/core.xml", (await core.async("string")).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${FIXED_DATE.toISOString().replace(/\.\d+Z$/, "Z")}`));
  zip.forEach((_, f) => { f.date = FIXED_DATE; });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

// ---------------------------------------------------------------- pdf
/** PostScript names as a PDF made from Word carries them. */
const PS_NAMES = {
  "Times New Roman": { regular: "TimesNewRomanPSMT", bold: "TimesNewRomanPS-BoldMT", italic: "TimesNewRomanPS-ItalicMT", boldItalic: "TimesNewRomanPS-BoldItalicMT" },
  Arial: { regular: "ArialMT", bold: "Arial-BoldMT", italic: "Arial-ItalicMT", boldItalic: "Arial-BoldItalicMT" },
};

export async function toPdf(doc) {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);
  pdf.setProducer("vanban fixtures (pdf-lib)");
  const names = PS_NAMES[doc.font];
  const load = async (file, customName) => pdf.embedFont(await readFile(join(fontDir, file)), { subset: true, customName });
  const F = {
    regular: await load("DejaVuSerifCondensed.ttf", names.regular),
    bold: await load("DejaVuSerifCondensed-Bold.ttf", names.bold),
    italic: await load("DejaVuSerifCondensed-Italic.ttf", names.italic),
    boldItalic: await load("DejaVuSerifCondensed-BoldItalic.ttf", names.boldItalic),
  };
  const fontOf = (o) => (o.bold && o.italic ? F.boldItalic : o.bold ? F.bold : o.italic ? F.italic : F.regular);
  const W = doc.page.width * MM, H = doc.page.height * MM;
  const M = Object.fromEntries(Object.entries(doc.page.margins).map(([k, v]) => [k, v * MM]));
  const width = W - M.left - M.right;
  let page, y, pages = 0;
  const newPage = () => {
    page = pdf.addPage([W, H]);
    pages++;
    y = H - M.top;
    if (pages > 1 || doc.pageNumberOnFirst) {
      const n = String(pages);
      page.drawText(n, { x: W / 2 - F.regular.widthOfTextAtSize(n, 14) / 2, y: H - M.top / 2 - 5, size: 14, font: F.regular });
    }
  };
  const wrap = (text, font, size, w, indent) => {
    const lines = [];
    let cur = "";
    for (const word of text.split(" ")) {
      const t = cur ? `${cur} ${word}` : word;
      if (font.widthOfTextAtSize(t, size) <= w - (lines.length ? 0 : indent) || !cur) cur = t;
      else { lines.push(cur); cur = word; }
    }
    if (cur) lines.push(cur);
    return lines;
  };
  const draw = (text, o, x) => page.drawText(text, { x, y: y - o.size, size: o.size, font: fontOf(o) });
  const paragraph = (text, o) => {
    const size = o.size ?? 14;
    const font = fontOf(o);
    const indent = o.center ? 0 : o.indent ?? 0;
    for (const [i, l] of wrap(text, font, size, width, indent).entries()) {
      if (y - size * 1.2 < M.bottom) newPage();
      const x = o.center ? M.left + (width - font.widthOfTextAtSize(l, size)) / 2 : M.left + (i === 0 ? indent : 0);
      draw(l, { ...o, size }, x);
      y -= size * 1.25;
    }
    y -= o.after ?? 6;
  };
  const columns = (left, right, split, leftAlign) => {
    const top = y;
    let low = y;
    [left, right].forEach((lines, c) => {
      y = top;
      const x0 = M.left + (c === 0 ? 0 : split), w = c === 0 ? split : width - split;
      let last = 0;
      for (const l of lines) {
        if (l.space) { y -= 16 * l.space; continue; }
        if (l.rule) {
          const rw = last * 0.5;
          page.drawLine({ start: { x: x0 + (w - rw) / 2, y: y - 2 }, end: { x: x0 + (w + rw) / 2, y: y - 2 }, thickness: 0.6, color: rgb(0, 0, 0) });
          y -= 6;
          continue;
        }
        const size = l.size ?? 14;
        const tw = fontOf(l).widthOfTextAtSize(l.text, size);
        if (tw > w) throw new Error(`"${l.text}" is wider than its column`);
        last = tw;
        draw(l.text, { ...l, size }, c === 1 || leftAlign === "center" ? x0 + (w - tw) / 2 : x0);
        y -= size * 1.25;
      }
      low = Math.min(low, y);
    });
    y = low - 10;
  };

  newPage();
  columns(doc.header.left, doc.header.right, width * 0.4, "center");
  for (const b of doc.body) {
    if (b.center) { if (b.space) y -= 8; paragraph(b.center, { size: b.size, bold: b.bold, center: true, after: 2 }); }
    else if (b.recipients) paragraph(b.recipients, { size: 14, center: true, after: 8 });
    else if (b.p) paragraph(b.p, { size: b.size ?? 14, italic: b.italic, indent: b.noIndent ? 0 : 10 * MM });
  }
  y -= 6;
  if (y < M.bottom + 150) newPage();
  columns(doc.footer.left, doc.footer.right, width * 0.45, "left");
  for (const a of doc.appendices) {
    newPage();
    paragraph(a.label, { size: 14, bold: true, center: true, after: 0 });
    paragraph(a.title, { size: 14, bold: true, center: true, after: 0 });
    paragraph(doc.appendixNote, { size: 14, italic: true, center: true });
    for (const l of a.lines) paragraph(l, { size: 14, indent: 10 * MM });
  }
  return pdf.save({ useObjectStreams: false });
}

// ---------------------------------------------------------------- main
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, "variants"), { recursive: true });
  const write = async (doc, name) => {
    await writeFile(join(outDir, `${name}.docx`), await toDocx(doc));
    await writeFile(join(outDir, `${name}.pdf`), await toPdf(doc));
  };
  await write(clean, "clean");
  await write(party, "clean-party");
  for (const [base, variants] of [[clean, VARIANTS], [party, PARTY_VARIANTS]]) {
    for (const [rule, edit] of Object.entries(variants)) {
      const d = clone(base);
      edit(d);
      await write(d, `variants/${rule}`);
    }
  }
  console.log(`fixtures/check: 2 clean documents, ${Object.keys(VARIANTS).length + Object.keys(PARTY_VARIANTS).length} variants (docx, pdf)`);
}
