#!/usr/bin/env node
// Generates the loader fixtures: for each document written as data in fixtures/load/*.json,
// a .docx (docx package: borderless header and signature tables, Word numbering, footnotes),
// an .html (the document inside a portal page: menu, breadcrumb, related documents, page footer),
// a .pdf (pdf-lib + fontkit with DejaVu Serif: two-column header and footer, footnote at the page
// foot in smaller type, page numbers from page 2) and a .txt (the same document as plain text).
// The outputs are committed, so tests never need the font: run `npm run fixtures` only after
// editing a .json. Needs a Vietnamese-capable TTF: `apt-get install -y fonts-dejavu-core`
// (or set VANBAN_FIXTURE_FONT_DIR to a folder with DejaVuSerifCondensed*.ttf).
// Scans saved as images (fixtures/scan: PNG and JPEG of page 1, a two-page TIFF, and that JPEG as
// a one-page scanned PDF) are rendered
// from cong-van-ubnd.pdf with poppler's pdftoppm and joined with libtiff's tiffcp
// (`apt-get install poppler-utils libtiff-tools`).
import { spawnSync } from "node:child_process";
import { readFile, readdir, writeFile, mkdir, rm, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AlignmentType, BorderStyle, Document, Footer, FootnoteReferenceRun, Header, LevelFormat, LevelSuffix, Packer,
  PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb } from "pdf-lib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const srcDir = join(root, "fixtures/load");
const fontDir = process.env.VANBAN_FIXTURE_FONT_DIR ?? "/usr/share/fonts/truetype/dejavu";

// Fixed dates so that regenerating gives the same bytes.
const FIXED_DATE = new Date("2025-11-01T00:00:00Z");

const SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const sup = (n) => String(n).replace(/\d/g, (d) => SUP[+d]);
const withMarks = (text) => text.replace(/\[\^(\d+)\]/g, (_, n) => sup(n));

/** The labels Word computes for the lists used in the fixtures, as the txt and pdf print them. */
function labeller() {
  const c = { num: 0, alpha: 0, dieu: 0 };
  return (list) => {
    if (list === "num") { c.num++; c.alpha = 0; return `${c.num}.`; }
    if (list === "alpha") { c.alpha++; return `${String.fromCharCode(96 + c.alpha)})`; }
    if (list === "dieu") { c.dieu++; return `Điều ${c.dieu}.`; }
    if (list === "dash") return "-";
    throw new Error(`unknown list kind ${list}`);
  };
}

// ---------------------------------------------------------------- txt
function toTxt(doc) {
  const out = [];
  const col = (lines) => lines.filter((l) => l.text).map((l) => l.text);
  out.push(...col(doc.header.left), "", ...col(doc.header.right), "");
  const label = labeller();
  for (const b of doc.body) {
    if (b.kinhGui) out.push("Kính gửi:", ...b.kinhGui.map((r) => `- ${r}`));
    else if (b.p) out.push(withMarks(b.p));
    else if (b.center) out.push(withMarks(b.center));
    else if (b.li) out.push(`${label(b.list)} ${withMarks(b.li)}`);
    out.push("");
  }
  out.push(...col(doc.footer.left), "", ...col(doc.footer.right).flatMap((t, i, a) => (i === a.length - 1 ? ["", t] : [t])), "");
  for (const [n, t] of Object.entries(doc.footnotes ?? {})) out.push(`${sup(n)} ${t}`);
  return out.join("\n") + "\n";
}

// ---------------------------------------------------------------- html
const esc = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
// a few characters as named entities, as portals' editors write them
const ent = (t) => esc(t).replace(/à/g, "&agrave;").replace(/Đ/g, "&#272;").replace(/ô/g, "&ocirc;");

/** The document inside a portal page (menu, breadcrumb, related documents, page footer). */
function toHtml(doc) {
  const cell = (lines, align) => lines.filter((l) => l.text).map((l) => {
    const t = ent(l.text);
    const styled = l.bold ? `<b>${t}</b>` : l.italic ? `<i>${t}</i>` : t;
    return `<p align="${align}" style="margin:0">${styled}</p>`;
  }).join("\n");
  const label = labeller();
  const body = [];
  for (const b of doc.body) {
    if (b.kinhGui) {
      body.push(`<p align="center">Kính gửi:</p>`);
      for (const r of b.kinhGui) body.push(`<p style="margin-left:200px">- ${ent(r)}</p>`);
    } else if (b.p) body.push(`<p style="text-align:justify">${b.italic ? "<i>" : ""}${notes(ent(b.p))}${b.italic ? "</i>" : ""}</p>`);
    else if (b.center) body.push(`<p align="center">${b.bold ? "<b>" : ""}${ent(b.center)}${b.bold ? "</b>" : ""}</p>`);
    else if (b.li) {
      const l = label(b.list);
      body.push(`<p style="text-align:justify">${b.list === "dieu" ? `<b>${ent(l)}</b>` : ent(l)} ${notes(ent(b.li))}</p>`);
    }
  }
  const fns = Object.entries(doc.footnotes ?? {}).map(([n, t]) =>
    `<div id="ftn${n}"><p><a href="#_ftnref${n}" name="_ftn${n}"><sup>[${n}]</sup></a> ${ent(t)}</p></div>`).join("\n");
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${esc(doc.header.left.find((l) => /^Số/.test(l.text ?? ""))?.text ?? "Văn bản")} - Cơ sở dữ liệu văn bản</title>
<style>body{font-family:"Times New Roman"} .menu li{display:inline}</style>
<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script>
</head>
<body>
<header class="site-header"><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH</div>
<nav class="main-menu"><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/vb">Văn bản</a></li><li><a href="/tt">Tin tức</a></li><li><a href="/lh">Liên hệ</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/vb">Văn bản chỉ đạo điều hành</a></div>
<div class="container">
<div class="sidebar"><h3>Văn bản liên quan</h3><ul>
<li><a href="/vb/1">Kế hoạch số 215/KH-UBND ngày 05/9/2025 về triển khai công tác y tế dự phòng trên địa bàn tỉnh</a></li>
<li><a href="/vb/2">Quyết định số 1120/QĐ-UBND ngày 12/8/2025 ban hành Quy chế phối hợp trong công tác chăm sóc sức khỏe</a></li>
<li><a href="/vb/3">Công văn số 980/UBND-VX ngày 02/7/2025 về tăng cường công tác phòng, chống dịch bệnh mùa mưa bão</a></li>
</ul></div>
<div id="toanvancontent" class="toanvancontent">
<table width="100%" border="0" cellpadding="0"><tr>
<td width="40%" valign="top">
${cell(doc.header.left, "center")}
</td>
<td width="60%" valign="top">
${cell(doc.header.right, "center")}
</td></tr></table>
${body.join("\n")}
<table width="100%" border="0"><tr>
<td width="45%" valign="top">
${cell(doc.footer.left, "left")}
</td>
<td width="55%" valign="top">
${cell(doc.footer.right, "center")}
</td></tr></table>
${fns}
</div>
</div>
<footer class="site-footer"><p>Cơ quan chủ quản: Văn phòng Ủy ban nhân dân tỉnh. Địa chỉ: 01 Trần Phú, thành phố Quy Nhơn. Điện thoại: 0256.3822.xxx</p>
<p>Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này.</p></footer>
<script>gtag('config','G-XXXX')</script>
</body>
</html>
`;
}

function notes(html) {
  return html.replace(/\[\^(\d+)\]/g, (_, n) => `<a href="#_ftn${n}" name="_ftnref${n}"><sup>[${n}]</sup></a>`);
}

// ---------------------------------------------------------------- docx
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function runsOf(text, opts = {}) {
  const parts = text.split(/(\[\^\d+\])/);
  return parts.filter(Boolean).map((p) => {
    const m = /^\[\^(\d+)\]$/.exec(p);
    return m ? new FootnoteReferenceRun(+m[1]) : new TextRun({ text: p, ...opts });
  });
}

function cellParas(lines, align) {
  const out = [];
  for (const l of lines) {
    if (l.rule) continue; // a drawn line in a real document: no text
    if (l.space) { for (let i = 0; i < l.space; i++) out.push(new Paragraph({ alignment: align, children: [] })); continue; }
    out.push(new Paragraph({
      alignment: align,
      children: [new TextRun({ text: l.text, bold: !!l.bold, italics: !!l.italic, size: (l.size ?? 13) * 2 })],
    }));
  }
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

async function toDocx(doc) {
  const children = [layoutTable(doc.header.left, doc.header.right, AlignmentType.CENTER, [3600, 5471]), new Paragraph({ children: [] })];
  for (const b of doc.body) {
    if (b.kinhGui) {
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun("Kính gửi:")] }));
      for (const r of b.kinhGui) children.push(new Paragraph({ indent: { left: 2835 }, children: [new TextRun(`- ${r}`)] }));
    } else if (b.p) {
      children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, spacing: { before: 60, after: 60 }, children: runsOf(b.p, { italics: !!b.italic }) }));
    } else if (b.center) {
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: b.space ? 240 : 0 }, children: runsOf(b.center, { bold: !!b.bold, size: (b.size ?? 13) * 2 }) }));
    } else if (b.li) {
      const ref = b.list === "dash" ? "dash" : b.list === "dieu" ? "dieu" : "body";
      const level = b.list === "alpha" ? 1 : 0;
      children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, numbering: { reference: ref, level }, spacing: { before: 60, after: 60 }, children: runsOf(b.li) }));
    }
  }
  children.push(new Paragraph({ children: [] }));
  children.push(layoutTable(doc.footer.left, doc.footer.right, AlignmentType.LEFT, [4300, 4771]));

  const level = (lvl, format, text, bold = false) => ({
    level: lvl, format, text, alignment: AlignmentType.LEFT, suffix: LevelSuffix.SPACE,
    style: { paragraph: { indent: { left: 0, firstLine: 567 } }, run: { bold } },
  });
  const footnotes = {};
  for (const [n, t] of Object.entries(doc.footnotes ?? {})) footnotes[n] = { children: [new Paragraph({ children: [new TextRun({ text: t, size: 20 })] })] };
  const d = new Document({
    creator: "vanban fixtures",
    title: doc.about,
    styles: { default: { document: { run: { font: "Times New Roman", size: 26 } } } },
    numbering: { config: [
      { reference: "body", levels: [level(0, LevelFormat.DECIMAL, "%1."), level(1, LevelFormat.LOWER_LETTER, "%2)")] },
      { reference: "dash", levels: [level(0, LevelFormat.BULLET, "-")] },
      { reference: "dieu", levels: [level(0, LevelFormat.DECIMAL, "Điều %1.", true)] },
    ] },
    footnotes,
    sections: [{
      properties: {
        titlePage: true,
        page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } },
      },
      headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) },
      footers: { default: new Footer({ children: [] }) },
      children,
    }],
  });
  const buf = await Packer.toBuffer(d);
  return normalizeZipDates(buf);
}

/** docx stamps the zip entries and core.xml with the current time: pin them for stable bytes. */
async function normalizeZipDates(buf) {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(buf);
  const core = zip.file("docProps/core.xml");
  if (core) {
    const xml = (await core.async("string")).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${FIXED_DATE.toISOString().replace(/\.\d+Z$/, "Z")}`);
    zip.file("docProps/core.xml", xml);
  }
  zip.forEach((_, f) => { f.date = FIXED_DATE; });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

// ---------------------------------------------------------------- pdf
const A4 = [595.28, 841.89];
const M = { left: 85, right: 57, top: 57, bottom: 57 };

async function toPdf(doc) {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);
  pdf.setProducer("vanban fixtures (pdf-lib)");
  pdf.setCreator("vanban fixtures");
  const load = async (name) => pdf.embedFont(await readFile(join(fontDir, name)), { subset: true });
  const F = {
    regular: await load("DejaVuSerifCondensed.ttf"),
    bold: await load("DejaVuSerifCondensed-Bold.ttf"),
    italic: await load("DejaVuSerifCondensed-Italic.ttf"),
    boldItalic: await load("DejaVuSerifCondensed-BoldItalic.ttf"),
  };
  const fontOf = (o) => (o.bold && o.italic ? F.boldItalic : o.bold ? F.bold : o.italic ? F.italic : F.regular);
  const width = A4[0] - M.left - M.right;
  const pages = [];
  let page;
  let y;
  let footBlocks; // footnotes to print at this page's foot
  let footHeight;
  const FOOT_SIZE = 10;

  const wrap = (text, font, size, w) => {
    const words = text.split(" ");
    const lines = [];
    let cur = "";
    for (const word of words) {
      const t = cur ? `${cur} ${word}` : word;
      if (font.widthOfTextAtSize(t, size) <= w || !cur) cur = t;
      else { lines.push(cur); cur = word; }
    }
    if (cur) lines.push(cur);
    return lines;
  };
  const footnoteLines = (n) => wrap(`${sup(n)} ${doc.footnotes[n]}`, F.regular, FOOT_SIZE, width);

  const newPage = () => {
    if (page) finishPage();
    page = pdf.addPage(A4);
    pages.push(page);
    y = A4[1] - M.top;
    footBlocks = [];
    footHeight = 0;
    if (pages.length > 1) {
      const n = String(pages.length);
      page.drawText(n, { x: A4[0] / 2 - F.regular.widthOfTextAtSize(n, 12) / 2, y: A4[1] - 35, size: 12, font: F.regular });
    }
  };
  const finishPage = () => {
    if (!footBlocks.length) return;
    let fy = M.bottom + footHeight - FOOT_SIZE;
    page.drawLine({ start: { x: M.left, y: fy + FOOT_SIZE + 4 }, end: { x: M.left + 140, y: fy + FOOT_SIZE + 4 }, thickness: 0.5, color: rgb(0, 0, 0) });
    for (const l of footBlocks) {
      page.drawText(l, { x: M.left, y: fy, size: FOOT_SIZE, font: F.regular });
      fy -= FOOT_SIZE * 1.25;
    }
  };
  const room = () => y - (M.bottom + footHeight);
  const drawLine = (text, { size = 13, x, align = "left", w = width, indent = 0, ...o } = {}) => {
    const font = fontOf(o);
    const tw = font.widthOfTextAtSize(text, size);
    const lx = align === "center" ? x + (w - tw) / 2 : x + indent;
    page.drawText(text, { x: lx, y: y - size, size, font });
    return tw;
  };
  const paragraph = (text, opts = {}) => {
    const size = opts.size ?? 13;
    const font = fontOf(opts);
    const indent = opts.indent ?? 0;
    const marks = [...text.matchAll(/\[\^(\d+)\]/g)].map((m) => m[1]);
    const plain = withMarks(text);
    const lines = wrap(plain, font, size, width - indent);
    let pendingMarks = marks;
    lines.forEach((l, i) => {
      // a footnote goes to the foot of the page where its mark is printed
      const here = pendingMarks.filter((n) => l.includes(sup(n)));
      const need = here.reduce((h, n) => h + footnoteLines(n).length * FOOT_SIZE * 1.25 + 8, 0);
      if (room() - need < size * 1.3) newPage();
      for (const n of here) {
        const fl = footnoteLines(n);
        footBlocks.push(...fl);
        footHeight += fl.length * FOOT_SIZE * 1.25 + 8;
      }
      pendingMarks = pendingMarks.filter((n) => !here.includes(n));
      drawLine(l, { ...opts, size, x: M.left, indent: i === 0 ? indent : 0 });
      y -= size * 1.3;
    });
    y -= opts.after ?? 4;
  };
  const columns = (left, right, split, leftAlign) => {
    const colW = [split, width - split];
    const heights = [left, right].map((lines) => lines.reduce((h, l) => h + (l.rule ? 6 : l.space ? 14 * l.space : (l.size ?? 13) * 1.3), 0));
    if (room() < Math.max(...heights)) newPage();
    const top = y;
    [left, right].forEach((lines, c) => {
      y = top;
      const x = M.left + (c === 0 ? 0 : split) - (c === 0 ? 30 : 0);
      const w = colW[c] + (c === 0 ? 30 : 0);
      let lastWidth = 0;
      for (const l of lines) {
        if (l.space) { y -= 14 * l.space; continue; }
        if (l.rule) {
          const rw = Math.min(lastWidth * 0.6, 120);
          page.drawLine({ start: { x: x + (w - rw) / 2, y: y - 2 }, end: { x: x + (w + rw) / 2, y: y - 2 }, thickness: 0.6, color: rgb(0, 0, 0) });
          y -= 6;
          continue;
        }
        const size = l.size ?? 13;
        if (fontOf(l).widthOfTextAtSize(l.text, size) > w) throw new Error(`"${l.text}" is wider than its column: shorten the line in the .json`);
        lastWidth = drawLine(l.text, { size, x, w, align: c === 1 || leftAlign === "center" ? "center" : "left", bold: l.bold, italic: l.italic });
        y -= size * 1.3;
      }
    });
    y = top - Math.max(...heights) - 10;
  };

  newPage();
  columns(doc.header.left, doc.header.right, 175, "center");
  y -= 6;
  const label = labeller();
  for (const b of doc.body) {
    if (b.kinhGui) {
      paragraph("Kính gửi:", { indent: 150, after: 0 });
      for (const r of b.kinhGui) paragraph(`- ${r}`, { indent: 150, after: 0 });
      y -= 6;
    } else if (b.p) paragraph(b.p, { indent: 28, italic: !!b.italic });
    else if (b.center) {
      if (b.space) y -= 10;
      const size = b.size ?? 13;
      for (const l of wrap(withMarks(b.center), fontOf(b), size, width)) {
        if (room() < size * 1.3) newPage();
        drawLine(l, { size, x: M.left, align: "center", bold: !!b.bold });
        y -= size * 1.3;
      }
      y -= 2;
    } else if (b.li) paragraph(`${label(b.list)} ${b.li}`, { indent: 28 });
  }
  y -= 8;
  columns(doc.footer.left, doc.footer.right, 230, "left");
  finishPage();
  return pdf.save({ useObjectStreams: false });
}

// ---------------------------------------------------------------- main
const files = (await readdir(srcDir)).filter((f) => f.endsWith(".json")).sort();
for (const f of files) {
  const doc = JSON.parse(await readFile(join(srcDir, f), "utf8"));
  const out = join(root, doc.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(`${out}.txt`, toTxt(doc));
  await writeFile(`${out}.html`, toHtml(doc));
  await writeFile(`${out}.docx`, await toDocx(doc));
  const pdf = await toPdf(doc);
  await writeFile(`${out}.pdf`, pdf);
  console.log(`${f} → ${doc.out}.{txt,html,docx,pdf}`);
}

// ---------------------------------------------------------------- scans saved as images
async function scans() {
  const have = (p) => spawnSync("sh", ["-c", `command -v ${p}`]).status === 0;
  if (!have("pdftoppm") || !have("tiffcp")) {
    console.log("fixtures/scan: skipped (needs pdftoppm and tiffcp: apt-get install poppler-utils libtiff-tools)");
    return;
  }
  const run = (cmd, args) => {
    const r = spawnSync(cmd, args, { stdio: "inherit" });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
  };
  const pdf = join(root, "fixtures/cong-van-ubnd.pdf");
  const outDir = join(root, "fixtures/scan");
  await mkdir(outDir, { recursive: true });
  const tmp = await mkdtemp(join(tmpdir(), "vanban-fixtures-"));
  try {
    run("pdftoppm", ["-r", "150", "-mono", "-png", "-singlefile", "-f", "1", "-l", "1", pdf, join(outDir, "cong-van-ubnd-p1")]);
    run("pdftoppm", ["-r", "150", "-gray", "-jpeg", "-jpegopt", "quality=50", "-singlefile", "-f", "1", "-l", "1", pdf, join(outDir, "cong-van-ubnd-p1")]);
    run("pdftoppm", ["-r", "120", "-gray", "-tiff", "-tiffcompression", "lzw", pdf, join(tmp, "page")]);
    const pages = (await readdir(tmp)).filter((f) => f.endsWith(".tif")).sort().map((f) => join(tmp, f));
    run("tiffcp", [...pages, join(outDir, "cong-van-ubnd.tif")]);
    // a scanned PDF as a scanner makes it: one JPEG a page filling an A4 page, no text layer
    const scan = await PDFDocument.create();
    scan.setCreationDate(FIXED_DATE);
    scan.setModificationDate(FIXED_DATE);
    const jpg = await scan.embedJpg(await readFile(join(outDir, "cong-van-ubnd-p1.jpg")));
    scan.addPage([595.28, 841.89]).drawImage(jpg, { x: 0, y: 0, width: 595.28, height: 841.89 });
    await writeFile(join(outDir, "cong-van-ubnd-scan.pdf"), await scan.save({ useObjectStreams: false }));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  console.log("cong-van-ubnd.pdf → fixtures/scan/cong-van-ubnd-p1.{png,jpg}, cong-van-ubnd.tif (two pages), cong-van-ubnd-scan.pdf (page 1 as a JPEG)");
}
await scans();
