#!/usr/bin/env node
/**
 * Hostile-input harness: `npm run fuzz -- --n 2000 --seed 1`.
 *
 * Makes N broken and hostile inputs from the repo's fixtures/ (deterministic from the seed),
 * runs them through `vanban convert` (the built CLI) and, in one process, through `parseBytes`,
 * and checks: the batch finishes, one line per input, no duplicates, no crash records, every
 * error message clear, no input over its time limit, peak memory. A separate small phase checks
 * special files (a FIFO, a symlink to /dev/zero, a symlink out of the folder, `--out` naming an
 * input) and the CSV tables for formula cells.
 *
 * Options: --n N (200) --seed S (1) --timeout SEC per input (10) --jobs J (2)
 *   --parse-n N inputs for the in-process pass (min(n, 300); 0: skip) --passes P (3)
 *   --phases convert,parse,special (all) --keep (leave the work folder) --json FILE (figures)
 *   --max-rss MB (500) --dir DIR (work folder; default a new one under the temp folder)
 * Exits 1 when a check fails. Needs `npm run build` first (it runs dist/).
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deflateRawSync } from "node:zlib";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "bin", "vanban.js");

function args(argv) {
  const o = { n: 200, seed: 1, timeout: 10, jobs: 2, passes: 3, phases: "convert,parse,special", maxRss: 500, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === "--n") o.n = Number(v());
    else if (a === "--seed") o.seed = Number(v());
    else if (a === "--timeout") o.timeout = Number(v());
    else if (a === "--jobs") o.jobs = Number(v());
    else if (a === "--parse-n") o.parseN = Number(v());
    else if (a === "--passes") o.passes = Number(v());
    else if (a === "--phases") o.phases = v();
    else if (a === "--json") o.json = v();
    else if (a === "--max-rss") o.maxRss = Number(v());
    else if (a === "--dir") o.dir = v();
    else if (a === "--keep") o.keep = true;
    else if (a === "--child-parse") o.childParse = v();
  }
  o.parseN ??= Math.min(o.n, 300);
  return o;
}

// ---------- deterministic randomness ----------
function rng(seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (a, b) => a + Math.floor(next() * (b - a + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const bytes = (n) => {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = Math.floor(next() * 256);
    return b;
  };
  return { next, int, pick, bytes };
}

// ---------- the material ----------
function fixtures() {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(pdf|docx|html|txt|md)$/.test(e.name)) out.push({ name: e.name, ext: e.name.split(".").pop(), bytes: readFileSync(p) });
    }
  };
  walk(join(ROOT, "fixtures"));
  out.sort((a, b) => (a.name < b.name ? -1 : 1));
  return out;
}

const texts = (fx) => fx.filter((f) => f.ext === "txt" || f.ext === "md").map((f) => f.bytes.toString("utf8")).filter((t) => /[ạ-ỹ]/.test(t));

/** A minimal zip writer (stored or deflated entries), so entries and their headers can be made to lie. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const raw = e.data;
    const data = e.compressed ?? (e.store ? raw : deflateRawSync(raw));
    const method = e.store ? 0 : 8;
    const size = e.declaredSize ?? raw?.length ?? 0;
    const crc = e.crc ?? (raw ? crc32(raw) : 0);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(0x800, 6); lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc >>> 0, 14); lh.writeUInt32LE(data.length, 18); lh.writeUInt32LE(size >>> 0, 22); lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(0x800, 8); ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc >>> 0, 16); ch.writeUInt32LE(data.length, 20); ch.writeUInt32LE(size >>> 0, 24); ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, data);
    centrals.push(ch, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

let crcTable;
function crc32(buf) {
  crcTable ??= Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = crcTable[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`;
const docxOf = (documentXml, extra = {}) => zip([
  { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
  { name: "_rels/.rels", data: Buffer.from(ROOT_RELS) },
  { name: "word/document.xml", data: Buffer.from(documentXml), ...extra },
]);
const para = (t) => `<w:p><w:r><w:t xml:space="preserve">${t.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</w:t></w:r></w:p>`;

/** A PDF from objects (strings), with a correct xref unless told otherwise. */
function pdfOf(objects, { brokenXref = false } = {}) {
  let out = "%PDF-1.7\n";
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(brokenXref ? off + 7 : off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${brokenXref ? xref + 13 : xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

function textPdf(lines, extraPage = "") {
  const content = "BT /F1 12 Tf 50 800 Td 14 TL " + lines.map((l) => `(${l.replace(/[()\\]/g, "")}) '`).join(" ") + " ET";
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R ${extraPage}>>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]);
}

let bombCache = null;
/** 300 MB of spaces deflated (about 300 KB): inflated whole it would take the memory of several documents. */
function bomb() {
  if (bombCache) return bombCache;
  const raw = Buffer.alloc(300 * 2 ** 20, 0x20);
  const head = Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`);
  raw.set(head, 0);
  bombCache = { compressed: deflateRawSync(raw, { level: 9 }), size: raw.length, crc: crc32(raw) };
  return bombCache;
}

const ODD_NAMES = [
  (b) => `-${b}`, (b) => `--help ${b}`, (b) => ` ${b}`, (b) => `${b.normalize("NFD")}`, (b) => `quote"'${b}`,
  (b) => `${"dài".repeat(50)}-${b}`, (b) => `new\nline-${b}`, (b) => `tab\t${b}`, (b) => `=cmd|' calc'!A0 ${b}`, (b) => `Quyết định ${b}`,
];

/** Every kind of input, with how often it is drawn (heavy ones less often). */
function kinds(fx, r) {
  const T = texts(fx);
  const byExt = (ext) => fx.filter((f) => f.ext === ext);
  const anyFx = () => r.pick(fx);
  const text = () => r.pick(T);
  const cut = (b, at) => b.subarray(0, at);
  return {
    truncate: [4, () => { const f = anyFx(); return { ext: f.ext, bytes: cut(f.bytes, r.int(1, Math.max(1, f.bytes.length - 1))) }; }],
    "byte-flip": [4, () => {
      const f = anyFx(); const b = Buffer.from(f.bytes);
      for (let k = r.int(1, 60); k > 0; k--) b[r.int(0, b.length - 1)] = r.int(0, 255);
      return { ext: f.ext, bytes: b };
    }],
    "chunk-delete": [3, () => {
      const f = anyFx(); const a = r.int(0, f.bytes.length - 1); const len = r.int(1, Math.max(1, f.bytes.length >> 3));
      return { ext: f.ext, bytes: Buffer.concat([f.bytes.subarray(0, a), f.bytes.subarray(a + len)]) };
    }],
    "chunk-duplicate": [3, () => {
      const f = anyFx(); const a = r.int(0, f.bytes.length - 1); const len = r.int(1, Math.max(1, f.bytes.length >> 2));
      const chunk = f.bytes.subarray(a, a + len);
      return { ext: f.ext, bytes: Buffer.concat([f.bytes.subarray(0, a + len), ...Array(r.int(1, 20)).fill(chunk), f.bytes.subarray(a + len)]) };
    }],
    "zip-entry-corrupt": [3, () => {
      const lines = text().split("\n");
      let xml = `<?xml version="1.0"?><w:document ${W}><w:body>${lines.map(para).join("")}</w:body></w:document>`;
      const how = r.int(0, 3);
      if (how === 0) xml = xml.slice(0, r.int(10, xml.length - 1));
      else if (how === 1) xml = xml.replace(/<\/w:p>/g, (m) => (r.next() < 0.1 ? "</w:q>" : m));
      const extra = how === 2 ? { crc: 12345 } : how === 3 ? { declaredSize: 7 } : {};
      const z = docxOf(xml, extra);
      if (how === 3) for (let k = 0; k < 5; k++) z[r.int(100, z.length - 60)] ^= 0xff;
      return { ext: "docx", bytes: z };
    }],
    "zip-recompress": [2, () => {
      const lines = text().split("\n");
      const xml = `<?xml version="1.0"?><w:document ${W}><w:body>${lines.map(para).join("")}</w:body></w:document>`;
      return { ext: "docx", bytes: docxOf(xml, { store: r.next() < 0.5 }) };
    }],
    "deep-xml": [1, () => {
      const depth = r.int(20000, 100000);
      const xml = `<?xml version="1.0"?><w:document ${W}><w:body>${"<w:tbl><w:tr><w:tc>".repeat(depth / 3)}${para("Sâu")}${"</w:tc></w:tr></w:tbl>".repeat(depth / 3)}</w:body></w:document>`;
      return { ext: "docx", bytes: docxOf(xml) };
    }],
    "xml-entities": [1, () => {
      let dtd = `<!ENTITY a0 "hahahahahahahahahaha">`;
      for (let i = 1; i < 12; i++) dtd += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
      const xml = `<?xml version="1.0"?><!DOCTYPE w:document [${dtd}<!ENTITY ext SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body>${para("&a11; &ext;")}</w:body></w:document>`;
      return { ext: "docx", bytes: docxOf(xml.replace(para("&a11; &ext;"), "<w:p><w:r><w:t>&a11; &ext;</w:t></w:r></w:p>")) };
    }],
    "zip-bomb": [1, () => {
      const b = bomb();
      const lie = r.next() < 0.5;
      return { ext: "docx", bytes: zip([
        { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
        { name: "_rels/.rels", data: Buffer.from(ROOT_RELS) },
        { name: "word/document.xml", data: null, compressed: b.compressed, declaredSize: lie ? 4096 : b.size, crc: b.crc },
      ]) };
    }],
    "pdf-xref": [2, () => {
      const f = r.pick(byExt("pdf")); let s = f.bytes.toString("latin1");
      const how = r.int(0, 2);
      if (how === 0) s = s.replace(/startxref\s+\d+/, `startxref\n${r.int(0, 999999)}`);
      else if (how === 1) s = s.replace(/xref/g, "xrex");
      else s = s.replace(/(\d{10}) (\d{5}) n/g, (m, o, g) => (r.next() < 0.5 ? `${String(r.int(0, 9999999999)).padStart(10, "0")} ${g} n` : m));
      return { ext: "pdf", bytes: Buffer.from(s, "latin1") };
    }],
    "pdf-stream": [2, () => {
      const f = r.pick(byExt("pdf")); const b = Buffer.from(f.bytes); const s = b.toString("latin1");
      const starts = [...s.matchAll(/stream\r?\n/g)].map((m) => m.index + m[0].length);
      for (let k = r.int(1, 20); k > 0 && starts.length; k--) { const at = r.pick(starts) + r.int(0, 200); if (at < b.length) b[at] = r.int(0, 255); }
      return { ext: "pdf", bytes: b };
    }],
    "pdf-crafted": [2, () => {
      const how = r.int(0, 5);
      if (how === 0) return { ext: "pdf", bytes: pdfOf(["<< /Type /Catalog /Pages 2 0 R >>", `<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 100000000 >>`, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]) };
      if (how === 1) return { ext: "pdf", bytes: pdfOf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Foo ${"[".repeat(50000)}${"]".repeat(50000)} >>`]) };
      if (how === 2) return { ext: "pdf", bytes: textPdf(text().split("\n").slice(0, 40), `/Annots [${"<< /Type /Annot /Subtype /Text /Rect [0 0 1 1] >> ".repeat(2000)}]`) };
      if (how === 3) return { ext: "pdf", bytes: textPdf(Array(r.int(2000, 8000)).fill("1. a) - b) 2. c)")) };
      if (how === 4) return { ext: "pdf", bytes: textPdf(["UY BAN NHAN DAN", "x".repeat(r.int(5000, 60000))], "/Rotate 45 ") };
      return { ext: "pdf", bytes: textPdf(text().split("\n").slice(0, 30), "/MediaBox [0 0 1e30 -1e30] /UserUnit 1e20 ") };
    }],
    "magic-random": [3, () => {
      const magic = r.pick(["%PDF-1.4\n", "PK\u0003\u0004", "{\\rtf1 ", "<html><body>", "\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1", "PK\u0005\u0006"]);
      const ext = { "%": "pdf", P: "docx", "{": "rtf", "<": "html", "\u00d0": "doc" }[magic[0]];
      return { ext, bytes: Buffer.concat([Buffer.from(magic, "latin1"), r.bytes(r.int(1, 200_000))]) };
    }],
    "rtf-nested": [1, () => {
      const n = r.int(20000, 100000);
      return { ext: "rtf", bytes: Buffer.from(`{\\rtf1\\ansi ${"{\\b ".repeat(n)}Quyết định${"}".repeat(r.next() < 0.5 ? n : n - 5)}}`, "latin1") };
    }],
    "html-nested": [1, () => {
      const n = r.int(20000, 100000);
      const t = r.pick(["div", "span", "table><tr><td", "ul><li", "b", "font"]);
      return { ext: "html", bytes: Buffer.from(`<html><body>${`<${t}>`.repeat(n)}${text().slice(0, 3000)}${r.next() < 0.5 ? "" : `</${t.split("><").reverse().join("></")}>`.repeat(n)}</body></html>`) };
    }],
    "html-hostile": [2, () => {
      const how = r.int(0, 3);
      const body = text().split("\n").map((l) => `<p>${l}</p>`).join("");
      if (how === 0) return { ext: "html", bytes: Buffer.from(`<html><body><div class="${"content ".repeat(50000)}" style="${"font-family:a;".repeat(20000)}">${body}</div></body></html>`) };
      if (how === 1) return { ext: "html", bytes: Buffer.from(`<html><body><table>${`<tr>${'<td colspan="99999">x</td>'.repeat(300)}</tr>`.repeat(300)}</table>${body}</body></html>`) };
      if (how === 2) return { ext: "html", bytes: Buffer.from(`<html><body>${"<p>".repeat(50000)}${body}${"<a href='#_ftn1'>".repeat(20000)}</body></html>`) };
      return { ext: "html", bytes: Buffer.from(`<html><head><meta charset="${r.pick(["utf-16", "x-bogus", "tcvn", "windows-1258"])}"></head><body>${body}${"&#x10FFFF;&#0;&#xD800;&amp;".repeat(20000)}</body></html>`) };
    }],
    "long-line": [1, () => {
      const size = r.int(1, 5) * 2 ** 20;
      let s = text().replace(/\n/g, " ");
      while (s.length < size / 2) s += " " + s;
      return { ext: "txt", bytes: Buffer.from(s.slice(0, size / 2)) };
    }],
    "list-labels": [1, () => {
      const n = r.int(50000, 200000);
      const label = r.pick(["1.", "a)", "-", "+", "Điều 1.", "I.", "1.1.", "Khoản 2."]);
      const lines = [];
      for (let i = 0; i < n; i++) lines.push(r.next() < 0.5 ? label : `${label} `);
      return { ext: "txt", bytes: Buffer.from(text() + "\n" + lines.join(r.next() < 0.5 ? "\n" : " ")) };
    }],
    "nul-bytes": [2, () => {
      const b = Buffer.from(text()); for (let k = r.int(1, 400); k > 0; k--) b[r.int(0, b.length - 1)] = 0;
      return { ext: "txt", bytes: b };
    }],
    "invalid-utf8": [3, () => {
      const b = Buffer.from(text()); for (let k = r.int(1, 200); k > 0; k--) b[r.int(0, b.length - 1)] = r.pick([0x80, 0xc3, 0xe1, 0xff, 0xfe, 0xed, 0xa0]);
      return { ext: r.pick(["txt", "md", "html"]), bytes: b };
    }],
    "mixed-encoding": [2, () => {
      const legacy = fx.filter((f) => /tcvn3|vni|cp1258|viqr/.test(f.name));
      return { ext: "txt", bytes: Buffer.concat([Buffer.from(text()), r.pick(legacy).bytes, Buffer.from([0xff, 0xfe]), Buffer.from(text(), "utf16le")]) };
    }],
    "long-words": [1, () => {
      const letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệớờởỡợ";
      const words = [];
      for (let k = r.int(10, 200); k > 0; k--) { let w = ""; const len = r.int(5000, 12000); for (let i = 0; i < len; i++) w += letters[r.int(0, letters.length - 1)]; words.push(w); }
      return { ext: "txt", bytes: Buffer.from(text() + "\n" + words.join(r.next() < 0.5 ? " " : "\n")) };
    }],
    "many-years": [1, () => {
      const n = r.int(20000, 100000);
      const unit = r.pick(["năm 2020 ", "2020 ", "ngày 1/1/2020 ", "Số: 12/2020/NĐ-CP ", "ngày 01 tháng 01 năm 2020, ", "Điều 1 Luật số 12/2020/QH14 "]);
      return { ext: "txt", bytes: Buffer.from(text() + "\n" + unit.repeat(n)) };
    }],
    "formula-cells": [2, () => {
      const f = r.pick(["=SUM(1+1)*cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"]);
      const t = text().replace(/^(V\/v|Về việc)[^\n]*/m, `V/v ${f}`).replace(/^(Kính gửi:?)/m, `$1 ${f}\n`);
      const subject = t.replace(/^((?:GIẤY MỜI|THÔNG BÁO|QUYẾT ĐỊNH|KẾ HOẠCH|BÁO CÁO|TỜ TRÌNH|CÔNG VĂN)\s*\n)/m, `$1${f} `);
      return { ext: "txt", bytes: Buffer.from(subject.replace(/(Nơi nhận:?\s*\n)/, `$1- ${f};\n`)) };
    }],
    "random-bytes": [1, () => ({ ext: r.pick(["txt", "pdf", "docx", "doc"]), bytes: r.bytes(r.int(0, 50_000)) })],
  };
}

/** The inputs, written under `dir`: deterministic from the seed. */
function makeInputs(dir, n, seed) {
  const fx = fixtures();
  const r = rng(seed);
  const table = kinds(fx, r);
  const wheel = Object.entries(table).flatMap(([k, [w]]) => Array(w).fill(k));
  const names = Object.keys(table);
  const inputs = [];
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    // every kind at least once, then drawn by weight
    const kind = i < names.length ? names[i] : r.pick(wheel);
    const { ext, bytes } = table[kind][1]();
    let base = `${String(i).padStart(5, "0")}-${kind}.${ext}`;
    if (r.next() < 0.08) base = r.pick(ODD_NAMES)(base);
    const path = join(dir, base);
    writeFileSync(path, bytes);
    inputs.push({ path, kind, size: bytes.length });
  }
  return inputs;
}

// ---------- checks ----------
/** Messages a user cannot act on: raw JavaScript, stack traces, engine dumps. */
const UNCLEAR = /Cannot read propert|Cannot set propert|is not a function|is not defined|is not iterable|Invalid string length|Invalid array length|out of range|Maximum call stack|^Bug\b|\bBug:|RangeError|TypeError|ReferenceError|SyntaxError|ERR_[A-Z_]+|\bundefined\b|\bnull\b|\[object |\n\s+at |\n/;
export function unclear(code, message) {
  if (!message || !message.trim()) return "empty message";
  if (UNCLEAR.test(message)) return "raw JavaScript";
  if (message.length > 400) return "too long";
  if (code === "internal-error" && !/report/i.test(message)) return "internal error without a report pointer";
  return null;
}

const CRASH_CODES = new Set(["internal-error", "worker-crashed", "schema-violation"]);

function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs a command, sampling its peak RSS, killing it after `limitMs`. */
function runWatched(cmd, argv, { limitMs, env, input } = {}) {
  return new Promise((resolveRun) => {
    const t0 = Date.now();
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    if (input !== undefined) child.stdin.end(input);
    let stdout = "", stderr = "", peak = 0, killed = false;
    child.stdout.on("data", (d) => { if (stdout.length < 50e6) stdout += d; });
    child.stderr.on("data", (d) => { if (stderr.length < 1e6) stderr += d; });
    const sampler = setInterval(() => (peak = Math.max(peak, peakRss(child.pid))), 200);
    const killer = limitMs ? setTimeout(() => { killed = true; child.kill("SIGKILL"); }, limitMs) : null;
    child.on("close", (code, signal) => {
      clearInterval(sampler);
      if (killer) clearTimeout(killer);
      resolveRun({ code, signal, killed, stdout, stderr, peakMb: Math.round(peak), ms: Date.now() - t0 });
    });
  });
}

async function convertPhase(o, inputs, work) {
  const out = join(work, "out.jsonl");
  const summaryFile = join(work, "summary.json");
  // a run that hangs is a failure too: the limit is generous (every input at its time limit, on the given jobs)
  const limitMs = Math.max(120_000, (inputs.length * o.timeout * 1000) / o.jobs + 60_000);
  const run = await runWatched(process.execPath, [CLI, "convert", join(work, "in"), "--out", out, "--jobs", String(o.jobs), "--timeout", String(o.timeout), "--no-ocr", "--quiet", "--summary", summaryFile], { limitMs });
  const want = new Map(inputs.map((x) => [x.path, x]));
  const seen = new Map();
  const f = { inputs: inputs.length, exit: run.killed ? "killed (hung)" : run.signal ?? run.code, seconds: Math.round(run.ms / 100) / 10, lines: 0, lost: 0, duplicated: 0, foreign: 0, crashes: 0, unclear: 0, timeouts: 0, outOfMemory: 0, badLines: 0, peakRssMb: run.peakMb, byCode: {}, byKind: {}, examples: [] };
  const note = (kind, what, line) => {
    f.byKind[kind] ??= {};
    f.byKind[kind][what] = (f.byKind[kind][what] ?? 0) + 1;
    if (f.examples.length < 40) f.examples.push(`${what}: ${line}`);
  };
  const text = existsSync(out) ? readFileSync(out, "utf8") : "";
  for (const line of text.split("\n")) {
    if (!line) continue;
    f.lines++;
    let rec;
    try { rec = JSON.parse(line); } catch { f.badLines++; continue; }
    const p = rec?.source?.path;
    seen.set(p, (seen.get(p) ?? 0) + 1);
    const input = want.get(p);
    if (!input) { f.foreign++; continue; }
    if (rec.error) {
      const { code, message } = rec.error;
      f.byCode[code] = (f.byCode[code] ?? 0) + 1;
      if (CRASH_CODES.has(code)) { f.crashes++; note(input.kind, "crash", `${relative(work, p)}: ${code}: ${message}`); }
      if (code === "timeout") { f.timeouts++; note(input.kind, "timeout", relative(work, p)); }
      if (code === "out-of-memory") { f.outOfMemory++; note(input.kind, "out-of-memory", relative(work, p)); }
      const why = unclear(code, message);
      if (why) { f.unclear++; note(input.kind, "unclear", `${relative(work, p)}: ${code}: ${message.slice(0, 160)} (${why})`); }
    }
  }
  for (const [p, input] of want) {
    const k = seen.get(p) ?? 0;
    if (k === 0) { f.lost++; note(input.kind, "lost", relative(work, p)); }
    if (k > 1) { f.duplicated += k - 1; note(input.kind, "duplicated", relative(work, p)); }
  }
  try {
    const s = JSON.parse(readFileSync(summaryFile, "utf8"));
    f.summaryPeakRssMb = s.peakRssMb;
    f.slowest = s.slowest?.slice(0, 5).map((x) => `${relative(work, x.path)} ${(x.ms / 1000).toFixed(1)} s`);
  } catch {
    f.summary = "missing";
  }
  if (run.stderr.trim()) f.stderr = run.stderr.trim().split("\n").slice(-5);
  // CSV built from the same journal: no cell a spreadsheet takes for a formula
  f.formulaCells = await csvFormulaCells(out, join(work, "csv"));
  return f;
}

async function csvFormulaCells(journal, dir) {
  if (!existsSync(journal)) return null;
  const { writeCsvTables } = await import(pathToFileURL(join(ROOT, "dist/src/bulk/csv.js")).href);
  writeCsvTables(journal, dir, { excel: true });
  let n = 0;
  // the tables only (duckdb.sql beside them is a script, its comments begin with --)
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".csv"))) for (const cell of csvCells(readFileSync(join(dir, name), "utf8").replace(/^\uFEFF/, ""))) if (/^[=+\-@\t\r]/.test(cell)) n++;
  return n;
}

/** The cells of a CSV text (RFC 4180). */
function* csvCells(s) {
  let i = 0;
  while (i < s.length) {
    let cell = "";
    if (s[i] === '"') {
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) { cell += s.slice(i); i = s.length; break; }
        cell += s.slice(i, q);
        if (s[q + 1] === '"') { cell += '"'; i = q + 2; } else { i = q + 1; break; }
      }
    } else {
      let j = i;
      while (j < s.length && s[j] !== "," && s[j] !== "\r" && s[j] !== "\n") j++;
      cell = s.slice(i, j);
      i = j;
    }
    yield cell;
    if (s[i] === ",") i++;
    else if (s[i] === "\r" && s[i + 1] === "\n") i += 2;
    else if (s[i] === "\n") i++;
  }
}

/** The in-process pass: runs in a child so that a hang or an abort is seen, not suffered. */
async function childParse(listFile, passes, timeoutSec) {
  const { parseBytes, VanbanError } = await import(pathToFileURL(join(ROOT, "dist/src/index.js")).href);
  const list = JSON.parse(readFileSync(listFile, "utf8"));
  const { isPdfjsRejection } = await import(pathToFileURL(join(ROOT, "dist/src/load/pdf/rejections.js")).href);
  let rejections = 0;
  // this listener sees every unhandled rejection, pdf.js's strays too: vanban keeps those from ending
  // a program without a listener (tests/load/hostile.test.ts), and they are counted apart here
  process.on("unhandledRejection", (err) => {
    rejections++;
    const key = isPdfjsRejection(err) ? "pdfjsStray" : "unhandled";
    process.stdout.write(JSON.stringify({ [key]: String(err?.stack ?? err).split("\n").slice(0, 3).join(" | ") }) + "\n");
  });
  const say = (o) => process.stdout.write(JSON.stringify(o) + "\n");
  for (let pass = 1; pass <= passes; pass++) {
    for (const { path, kind } of list) {
      const bytes = readFileSync(path);
      const t0 = Date.now();
      const c0 = process.cpuUsage();
      let res;
      try {
        await parseBytes(bytes, { path, ocr: false });
        res = { ok: true };
      } catch (err) {
        res = err instanceof VanbanError ? { code: err.code, message: err.message } : { foreign: `${err?.name}: ${String(err?.message).slice(0, 200)}` };
      }
      const ms = Date.now() - t0;
      // CPU time as well as wall time: on a shared machine the wall clock counts other processes' turns
      const c = process.cpuUsage(c0);
      const cpuMs = Math.round((c.user + c.system) / 1000);
      if (pass === 1) say({ path, kind, ms, cpuMs, ...res });
      else if (ms > timeoutSec * 1000) say({ path, kind, ms, cpuMs, slowAgain: true });
    }
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 100));
    globalThis.gc?.();
    const m = process.memoryUsage();
    say({ pass, rssMb: Math.round(m.rss / 2 ** 20), heapMb: Math.round(m.heapUsed / 2 ** 20), externalMb: Math.round((m.external + m.arrayBuffers) / 2 ** 20), rejections });
  }
}

async function parsePhase(o, inputs, work) {
  // the same draw of kinds as the batch, spread over it
  const step = Math.max(1, Math.floor(inputs.length / o.parseN));
  const list = inputs.filter((_, i) => i % step === 0).slice(0, o.parseN).map(({ path, kind }) => ({ path, kind }));
  const listFile = join(work, "parse-list.json");
  writeFileSync(listFile, JSON.stringify(list));
  const limitMs = Math.max(600_000, list.length * o.passes * 5000);
  const run = await runWatched(process.execPath, ["--expose-gc", "--max-old-space-size=2048", fileURLToPath(import.meta.url), "--child-parse", listFile, "--passes", String(o.passes), "--timeout", String(o.timeout)], { limitMs });
  const f = { inputs: list.length, passes: o.passes, exit: run.killed ? "killed (hung)" : run.signal ?? run.code, seconds: Math.round(run.ms / 100) / 10, finished: 0, foreignErrors: 0, unclear: 0, crashes: 0, unhandledRejections: 0, pdfjsStrays: 0, overTimeLimit: 0, overTimeLimitCpu: 0, slowestCpuMs: 0, peakRssMb: run.peakMb, memory: [], examples: [] };
  for (const line of run.stdout.split("\n")) {
    if (!line.trim()) continue;
    let m;
    try { m = JSON.parse(line); } catch { continue; }
    if (m.pdfjsStray) { f.pdfjsStrays++; continue; }
    if (m.unhandled) { f.unhandledRejections++; if (f.examples.length < 30) f.examples.push(`unhandled rejection: ${m.unhandled.slice(0, 200)}`); continue; }
    if (m.pass) { f.memory.push({ pass: m.pass, rssMb: m.rssMb, heapMb: m.heapMb, externalMb: m.externalMb }); continue; }
    if (m.slowAgain) continue;
    f.finished++;
    const rel = relative(work, m.path);
    if (m.ms > o.timeout * 1000) { f.overTimeLimit++; if (f.examples.length < 30) f.examples.push(`slow: ${rel} ${(m.ms / 1000).toFixed(1)} s wall, ${(m.cpuMs / 1000).toFixed(1)} s CPU`); }
    if (m.cpuMs > o.timeout * 1000) f.overTimeLimitCpu++;
    f.slowestCpuMs = Math.max(f.slowestCpuMs, m.cpuMs ?? 0);
    if (m.foreign) { f.foreignErrors++; if (f.examples.length < 30) f.examples.push(`not a VanbanError: ${rel}: ${m.foreign}`); }
    if (m.code && CRASH_CODES.has(m.code)) f.crashes++;
    if (m.code && unclear(m.code, m.message)) { f.unclear++; if (f.examples.length < 30) f.examples.push(`unclear: ${rel}: ${m.code}: ${m.message.slice(0, 160)}`); }
  }
  f.lost = list.length - f.finished;
  if (f.memory.length >= 2) {
    const a = f.memory[1].rssMb, b = f.memory[f.memory.length - 1].rssMb;
    f.rssGrowthAfterPass2 = a ? Math.round(((b - a) / a) * 1000) / 10 + " %" : null;
  }
  if (run.stderr.trim()) f.stderr = run.stderr.trim().split("\n").slice(-3);
  return f;
}

/** FIFOs, devices, symlinks out of the folder, `--out` naming an input, a file named like an option. */
async function specialPhase(o, work) {
  const dir = join(work, "special");
  const inDir = join(dir, "in");
  mkdirSync(inDir, { recursive: true });
  const doc = readFileSync(join(ROOT, "fixtures/bulk/cong-van-so-y-te.txt"));
  writeFileSync(join(inDir, "a-normal.txt"), doc);
  const outside = join(dir, "outside-secret.txt");
  writeFileSync(outside, "BÍ MẬT: không được đọc\n");
  const made = { fifo: spawnSync("mkfifo", [join(inDir, "b-fifo.txt")]).status === 0 };
  try { symlinkSync("/dev/zero", join(inDir, "c-zero.txt")); made.devZero = true; } catch { made.devZero = false; }
  try { symlinkSync(outside, join(inDir, "d-outside.txt")); made.outside = true; } catch { made.outside = false; }
  try { symlinkSync(join(inDir, "a-normal.txt"), join(inDir, "e-inside.txt")); } catch { /* */ }
  const f = { made };
  const run = await runWatched(process.execPath, [CLI, "convert", inDir, "--out", join(dir, "out.jsonl"), "--jobs", "1", "--timeout", "5", "--quiet"], { limitMs: 60_000 });
  f.convert = { exit: run.killed ? "killed (hung)" : run.signal ?? run.code, peakRssMb: run.peakMb, seconds: Math.round(run.ms / 100) / 10 };
  const lines = existsSync(join(dir, "out.jsonl")) ? readFileSync(join(dir, "out.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)) : [];
  const by = Object.fromEntries(lines.map((r) => [r.source.path.split("/").pop(), r.error ? r.error.code : "record"]));
  f.records = by;
  f.outsideRead = lines.some((r) => !r.error && JSON.stringify(r).includes("BÍ MẬT"));
  f.fifoOk = !made.fifo || (by["b-fifo.txt"] === "not-a-file");
  f.zeroOk = !made.devZero || (by["c-zero.txt"] && by["c-zero.txt"] !== "record");
  // --out naming an input: refused before the input is touched
  const victim = join(dir, "victim.txt");
  writeFileSync(victim, doc);
  const run2 = await runWatched(process.execPath, [CLI, "convert", victim, "--out", victim, "--quiet"], { limitMs: 60_000 });
  f.outIsInput = { exit: run2.code, inputKept: readFileSync(victim).equals(doc), message: run2.stderr.trim().split("\n")[0] };
  // a file named like an option
  const dash = join(dir, "-x.txt");
  writeFileSync(dash, doc);
  const run3 = await runWatched(process.execPath, [CLI, "parse", "--", "-x.txt"], { limitMs: 60_000, env: {} });
  const run3b = spawnSync(process.execPath, [CLI, "parse", "--no-ocr", "--", "-x.txt"], { cwd: dir, encoding: "utf8" });
  f.dashName = { exit: run3b.status, ok: run3b.status === 0 && run3b.stdout.includes("\"source\""), message: run3b.stderr.trim().split("\n")[0] };
  void run3;
  // an output that cannot be written: a clear message and a non-zero exit
  const run4 = await runWatched(process.execPath, [CLI, "convert", join(inDir, "a-normal.txt"), "--out", "/proc/version/x.jsonl", "--quiet"], { limitMs: 60_000 });
  f.unwritableOut = { exit: run4.code, message: run4.stderr.trim().split("\n")[0] };
  return f;
}

async function main() {
  const o = args(process.argv.slice(2));
  if (o.childParse) return childParse(o.childParse, o.passes, o.timeout);
  if (!existsSync(join(ROOT, "dist/src/bulk/worker.js"))) {
    console.error("fuzz: run `npm run build` first (the harness runs dist/)");
    process.exit(2);
  }
  const work = o.dir ? resolve(o.dir) : mkdtempSync(join(tmpdir(), "vanban-fuzz-"));
  const phases = new Set(o.phases.split(","));
  const t0 = Date.now();
  const inputs = phases.has("convert") || phases.has("parse") ? makeInputs(join(work, "in"), o.n, o.seed) : [];
  const digest = createHash("sha256");
  for (const x of inputs) digest.update(x.path.slice(work.length) + readFileSync(x.path).length);
  const report = { n: o.n, seed: o.seed, timeoutSec: o.timeout, jobs: o.jobs, inputsDigest: digest.digest("hex").slice(0, 12), madeInSec: Math.round((Date.now() - t0) / 100) / 10 };
  report.kinds = inputs.reduce((m, x) => ((m[x.kind] = (m[x.kind] ?? 0) + 1), m), {});
  console.error(`fuzz: ${inputs.length} inputs (seed ${o.seed}) in ${work}`);
  if (phases.has("convert")) {
    report.convert = await convertPhase(o, inputs, work);
    console.error(`fuzz: convert done in ${report.convert.seconds} s`);
  }
  if (phases.has("parse") && o.parseN > 0) {
    report.parse = await parsePhase(o, inputs, work);
    console.error(`fuzz: parseBytes done in ${report.parse.seconds} s`);
  }
  if (phases.has("special")) report.special = await specialPhase(o, work);
  const failures = [];
  const c = report.convert;
  if (c) {
    if (c.exit !== 0) failures.push(`convert exited ${c.exit}`);
    for (const k of ["lost", "duplicated", "foreign", "badLines", "crashes", "unclear", "timeouts", "formulaCells"]) if (c[k]) failures.push(`convert: ${c[k]} ${k}`);
    if (c.peakRssMb > o.maxRss) failures.push(`convert: peak RSS ${c.peakRssMb} MB over ${o.maxRss} MB`);
  }
  const p = report.parse;
  if (p) {
    if (p.exit !== 0) failures.push(`parseBytes process exited ${p.exit}`);
    for (const k of ["lost", "foreignErrors", "unclear", "crashes", "unhandledRejections", "overTimeLimitCpu"]) if (p[k]) failures.push(`parseBytes: ${p[k]} ${k}`);
    if (p.memory.length >= 3) {
      const a = p.memory[1].rssMb, b = p.memory[p.memory.length - 1].rssMb;
      if (b > a * 1.1) failures.push(`parseBytes: RSS grew ${a} → ${b} MB after the second pass`);
    }
  }
  const s = report.special;
  if (s) {
    if (s.convert.exit !== 0) failures.push(`special: convert exited ${s.convert.exit}`);
    if (s.outsideRead) failures.push("special: a symlink out of the folder was read");
    if (!s.fifoOk) failures.push(`special: FIFO gave ${s.records["b-fifo.txt"]}`);
    if (!s.zeroOk) failures.push(`special: /dev/zero gave ${s.records["c-zero.txt"]}`);
    if (!s.outIsInput.inputKept || s.outIsInput.exit === 0) failures.push("special: --out naming an input was not refused");
    if (!s.dashName.ok) failures.push(`special: parse -- -x.txt failed: ${s.dashName.message}`);
    if (!s.unwritableOut.exit || !/x\.jsonl/.test(s.unwritableOut.message ?? "")) failures.push(`special: unwritable --out: exit ${s.unwritableOut.exit}, ${s.unwritableOut.message}`);
  }
  report.failures = failures;
  report.totalSec = Math.round((Date.now() - t0) / 100) / 10;
  const text = JSON.stringify(report, null, 2);
  if (o.json) writeFileSync(o.json, text + "\n");
  console.log(text);
  if (!o.keep && !o.dir) rmSync(work, { recursive: true, force: true });
  process.exit(failures.length ? 1 : 0);
}

await main();
