// One test per bug class that hostile input found (issue 16), each with a minimal input made here.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync, openSync, ftruncateSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, LimitError, toVanbanError, VanbanError } from "../../src/errors.js";
import { readRegularFile } from "../../src/load/file.js";
import { flattenDeep, limitNesting, MAX_DEPTH } from "../../src/load/html.js";
import { loadDocument } from "../../src/load/index.js";
import { parseBytes } from "../../src/pipeline.js";
import { parseText } from "../../src/parse-text.js";
import { dropOverlaps as dropAgencyOverlaps } from "../../src/extract/overlaps.js";
import { point, type Token } from "../../src/extract/dates/point.js";
import { dropOverlaps as dropDateOverlaps, markDeadlines } from "../../src/extract/dates/refiners.js";
import { splitColumns, WorkLine } from "../../src/normalize/layout.js";
import { layoutPages } from "../../src/load/pdf/layout.js";
import { groupRows } from "../../src/load/pdf/lines.js";
import { isPdfjsRejection } from "../../src/load/pdf/rejections.js";
import { ROOT } from "../bulk/build.js";
import { MappedText } from "../../src/normalize/mapped.js";

const enc = (s: string) => new TextEncoder().encode(s);
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const body = (inner: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${inner}</w:body></w:document>`;
const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

async function docx(documentXml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("_rels/.rels", RELS);
  zip.file("word/document.xml", documentXml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A zip whose one part is given already deflated, with the sizes its headers declare. */
function rawDocx(deflated: Buffer, declaredSize: number): Uint8Array {
  const entries = [
    { name: "_rels/.rels", data: deflateRawSync(RELS), size: RELS.length },
    { name: "word/document.xml", data: deflated, size: declaredSize },
  ];
  const locals: Buffer[] = [], centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(e.data.length, 18); lh.writeUInt32LE(e.size, 22); lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(e.data.length, 20); ch.writeUInt32LE(e.size, 24); ch.writeUInt16LE(name.length, 28); ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, e.data);
    centrals.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(2, 8); end.writeUInt16LE(2, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

async function failure(p: Promise<unknown>): Promise<VanbanError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(VanbanError);
  return err as VanbanError;
}

const RAW_JS = /Cannot read|is not a function|Maximum call stack|Invalid string length|out of range|undefined|TypeError|RangeError/;

describe("zip bombs: decompressed bytes are capped", () => {
  // 200 MB of spaces deflate to about 200 KB
  const huge = Buffer.alloc(200 * 2 ** 20, 0x20);
  huge.write(`<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`);
  const deflated = deflateRawSync(huge, { level: 1 });

  it("refuses a part whose declared size is over the limit, before inflating it", async () => {
    const err = await failure(loadDocument(rawDocx(deflated, huge.length), { path: "bomb.docx" }));
    expect(err.code).toBe("too-large");
    expect(err.message).toMatch(/^bomb\.docx: the part word\/document\.xml declares 200 MB uncompressed.*limit of 64 MB/);
  });

  it("stops a part that declares a small size but inflates 100 times its compressed size, past its first 4 MB", async () => {
    // at level 9 the spaces deflate about a thousand times
    const bomb = deflateRawSync(huge.subarray(0, 32 * 2 ** 20), { level: 9 });
    expect(2 ** 25 / bomb.length).toBeGreaterThan(500);
    const err = await failure(loadDocument(rawDocx(bomb, 4096), { path: "liar.docx" }));
    expect(err.code).toBe("too-large");
    expect(err.message).toMatch(/^liar\.docx: the part word\/document\.xml inflates to more than 100 times its compressed size \(\d+ KB → over \d+ MB\): a zip bomb\?$/);
  });

  it("stops a part that inflates past 64 MB at an ordinary ratio, however small it says it is", async () => {
    // hex digits from a fixed LCG: deflate gets them to about half, far from a bomb's ratio
    const plain = Buffer.alloc(66 * 2 ** 20);
    plain.write(`<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`);
    let x = 12345;
    for (let i = 200; i < plain.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      plain[i] = "0123456789abcdef".charCodeAt(x >>> 28);
    }
    const err = await failure(loadDocument(rawDocx(deflateRawSync(plain, { level: 1 }), 4096), { path: "big.docx" }));
    expect(err.code).toBe("too-large");
    expect(err.message).toMatch(/inflates to more than 64 MB/);
  }, 60_000);

  it("reads a part past the first 4 MB that compresses as well as real ones do", async () => {
    const paras = Array.from({ length: 30_000 }, (_, i) => `<w:p><w:r><w:t xml:space="preserve">Điều ${i + 1}. Giao Sở Y tế chủ trì, phối hợp ${i % 7} đơn vị, báo cáo trước ngày ${(i % 28) + 1}/${(i % 12) + 1}/2026.</w:t></w:r></w:p>`);
    const bytes = Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body>${paras.join("")}</w:body></w:document>`);
    const deflatedXml = deflateRawSync(bytes, { level: 9 });
    expect(bytes.length).toBeGreaterThan(4 * 2 ** 20);
    expect(bytes.length / deflatedXml.length).toBeGreaterThan(10);
    const doc = await loadDocument(rawDocx(deflatedXml, bytes.length), { path: "long.docx" });
    expect(doc.lines).toHaveLength(30_000);
    expect(doc.lines[29_999].text).toMatch(/^Điều 30000\. Giao Sở Y tế/);
  }, 60_000);
});

describe("nesting: no recursion without bound", () => {
  it("refuses XML nested deeper than the limit in a DOCX, naming the limit", async () => {
    const deep = "<w:tbl><w:tr><w:tc>".repeat(20_000) + para("Sâu") + "</w:tc></w:tr></w:tbl>".repeat(20_000);
    const err = await failure(loadDocument(await docx(body(deep)), { path: "deep.docx" }));
    expect(err).toBeInstanceOf(LimitError);
    expect(err.code).toBe("limit");
    expect(err.message).toMatch(/nested more than 512 levels/);
  });

  it("reads HTML with 100,000 nested tags, text and all", async () => {
    const html = `<html><body>${"<div>".repeat(100_000)}<p>Kính gửi: Sở Y tế</p>${"</div>".repeat(100_000)}<p>Nơi nhận: Như trên</p></body></html>`;
    const doc = await loadDocument(enc(html), { path: "deep.html" });
    expect(doc.lines.map((l) => l.text)).toEqual(["Kính gửi: Sở Y tế", "Nơi nhận: Như trên"]);
  }, 120_000);

  it("reads HTML with 50,000 unclosed inline tags (the parser's stack was quadratic)", async () => {
    const html = `<html><body><p>${"<b><font>".repeat(25_000)}Quyết định số 12/QĐ-UBND</p></body></html>`;
    const doc = await loadDocument(enc(html), { path: "deep2.html" });
    expect(doc.lines.map((l) => l.text)).toEqual(["Quyết định số 12/QĐ-UBND"]);
  });

  it("limitNesting leaves pages within the depth unchanged and drops only deeper tags", () => {
    const page = `<html><body>${"<div>".repeat(10)}<p>a</p>${"</div>".repeat(10)}</body></html>`;
    expect(limitNesting(page, 400)).toBe(page);
    const deep = "<span>".repeat(5) + "x" + "</span>".repeat(5);
    expect(limitNesting(deep, 2)).toBe("<span><span>x</span></span>");
  });

  it("drops the cells and rows inside 30,000 nested tables too, keeping the text and a line break for a run of them", async () => {
    const nested = "<table><tr><td>".repeat(30_000);
    const page = `<html><body>${nested}<p>Kính gửi: Sở Y tế</p><p>Nơi nhận: Như trên</p>${"</td></tr></table>".repeat(30_000)}</body></html>`;
    const limited = limitNesting(page, 400);
    // 400 levels kept (html and body are two of them), each table with its row and cell; none below
    expect((limited.match(/<td>/g) ?? []).length).toBe(398);
    expect(limited.length).toBeLessThan(20_000);
    const doc = await loadDocument(enc(page), { path: "tables.html" });
    expect(doc.lines.map((l) => l.text)).toEqual(["Kính gửi: Sở Y tế", "Nơi nhận: Như trên"]);
  }, 120_000);

  it("flattenDeep keeps every text node below the depth, in order", () => {
    type N = { type: string; name?: string; children?: N[]; data?: string; parent?: N | null };
    const root: N = { type: "root", children: [] };
    let cur = root;
    for (let i = 0; i < MAX_DEPTH + 50; i++) {
      const el: N = { type: "tag", name: i % 2 ? "div" : "span", children: [], parent: cur };
      if (i === MAX_DEPTH + 10) el.children!.push({ type: "text", data: "một", parent: el });
      cur.children!.push(el);
      cur = el;
    }
    cur.children!.push({ type: "text", data: "hai", parent: cur });
    flattenDeep(root as never, MAX_DEPTH);
    const texts: string[] = [];
    const stack: N[] = [root];
    let depth = 0;
    for (let n: N | undefined = root; n; n = n.children?.find((c) => c.children?.length || c.type === "text")) depth++;
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === "text") texts.push(n.data!);
      for (const c of [...(n.children ?? [])].reverse()) stack.push(c);
    }
    expect(texts).toEqual(["một", "hai"]);
    expect(depth).toBeLessThanOrEqual(MAX_DEPTH + 2);
  });

  it("reads RTF with 100,000 nested groups", async () => {
    const rtf = `{\\rtf1\\ansi ${"{\\b ".repeat(100_000)}Quy\\u7871?t \\u273?\\u7883?nh${"}".repeat(100_000)}}`;
    const doc = await loadDocument(enc(rtf), { path: "deep.rtf" });
    expect(doc.lines.map((l) => l.text).join(" ")).toContain("Quyết định");
  });

  it("does not expand entity declarations in a DOCX (no billion laughs)", async () => {
    let dtd = '<!ENTITY a0 "haha">';
    for (let i = 1; i < 10; i++) dtd += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const xml = body(para("&a9;")).replace("<w:document", `<!DOCTYPE w:document [${dtd}]><w:document`);
    const doc = await loadDocument(await docx(xml), { path: "laughs.docx" });
    expect(doc.lines.map((l) => l.text).join("").length).toBeLessThan(100);
  });
});

describe("superlinear time: long lines, many labels, many dates", () => {
  // each of these was quadratic (minutes, or out of memory, at these sizes); linear they take
  // milliseconds. The test's own time limit is what fails them should that come back.
  const head = "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\nSố: 1/UBND-VX\nV/v khởi động\nKính gửi: Sở Y tế\n";

  it("a 3 MB line with wide gaps is not split column by column (it took gigabytes)", () => {
    const line = "Sở Y tế     chủ trì ".repeat(150_000);
    const out = splitColumns([new WorkLine(MappedText.of(line), {})]);
    expect(out).toHaveLength(1);
    expect(out[0].t.text).toBe(line);
  });

  it("100,000 date tokens on one 3 MB line: overlaps and deadline cues in linear time", () => {
    const unit = "ngày 01/01/2020 và ";
    const key = unit.repeat(150_000);
    const tokens: Token[] = [];
    for (let i = 0; i < 150_000; i++) {
      const start = i * unit.length + 5;
      tokens.push({ start, end: start + 10, point: point({ y: 2020, m: 1, d: 1 }), parser: "dmy" });
      tokens.push({ start: start + 3, end: start + 10, point: point({ y: 2020, m: 1 }), parser: "my" });
    }
    const env = { key, text: key, offset: 0, warnings: [] };
    const kept = dropDateOverlaps(tokens, env);
    expect(kept).toHaveLength(150_000);
    expect(markDeadlines(kept, env).filter((t) => t.deadline)).toHaveLength(0);
  });

  it("200,000 overlapping agency matches: the longest kept, in linear time", () => {
    const items = Array.from({ length: 200_000 }, (_, i) => ({ start: i * 3, end: i * 3 + (i % 2 ? 2 : 5) }));
    const kept = dropAgencyOverlaps(items);
    expect(kept.every((k, i) => i === 0 || kept[i - 1].end <= k.start)).toBe(true);
    expect(kept.length).toBeGreaterThan(60_000);
  });

  it("400,000 bodies in one clause: the responsibility rule reads back from each body (a regex over the clause up to each one: 7 s at 120,000, minutes here)", () => {
    const rec = parseText("UBND TỈNH A\n" + "Sở Y tế ".repeat(400_000) + "\n", { maxChars: 0, maxFacts: 0 });
    expect(rec.agencies.length).toBeGreaterThan(50_000);
    expect(rec.tasks).toEqual([]);
  }, 60_000);

  it("10,000-letter words", async () => {
    const word = "đươngưởngồ".repeat(1000);
    const rec = await parseBytes(enc(head + Array(50).fill(word).join(" ")), { path: "words.txt" });
    expect(JSON.stringify(rec)).toContain(word);
  }, 120_000);
});

describe("errors: always a VanbanError, in words", () => {
  it("random bytes behind a PDF, DOCX or RTF magic number give a clear error, never raw JavaScript", async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (const magic of ["%PDF-1.4\n", "PK\u0003\u0004", "{\\rtf1 ", "\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1"]) {
      const bytes = Buffer.concat([Buffer.from(magic, "latin1"), Buffer.from(Array.from({ length: 5000 }, rand))]);
      const err = await parseBytes(bytes, { path: "junk", ocr: false }).then(() => null, (e: unknown) => e);
      if (err === null) continue; // read as something (an RTF of noise): fine
      expect(err).toBeInstanceOf(VanbanError);
      expect((err as VanbanError).message).not.toMatch(RAW_JS);
      expect(Object.keys(ERROR_CODES)).toContain((err as VanbanError).code);
    }
  });

  it("an engine limit becomes a `limit` error and anything unexpected an `internal-error` with a report pointer", () => {
    const stack = toVanbanError(new RangeError("Maximum call stack size exceeded"), "a.html");
    expect(stack.code).toBe("limit");
    expect(stack.message).toBe("a.html: the file is nested too deeply to read (a limit of the JavaScript engine was reached while reading this file)");
    const bug = toVanbanError(new TypeError("Cannot read properties of undefined (reading 'x')"), "b.pdf");
    expect(bug.code).toBe("internal-error");
    expect(bug.message).toMatch(/^b\.pdf: an unexpected TypeError while reading this file: this is a bug in vanban: please report it/);
    expect(bug.message).not.toMatch(/Cannot read/);
  });
});

describe("files: only regular files, size checked before reading", () => {
  const dir = mkdtempSync(join(tmpdir(), "vanban-hostile-"));

  it("a FIFO is not-a-file, at once (opening it would block for good)", async () => {
    const fifo = join(dir, "pipe.txt");
    execFileSync("mkfifo", [fifo]);
    const err = await failure(readRegularFile(fifo));
    expect(err.code).toBe("not-a-file");
    expect(err.message).toBe(`${fifo}: is a FIFO (named pipe), not a document file; it was not read`);
  });

  it("a symlink to /dev/zero is not-a-file (reading it would never end)", async () => {
    const zero = join(dir, "zero.txt");
    symlinkSync("/dev/zero", zero);
    expect((await failure(readRegularFile(zero))).code).toBe("not-a-file");
  });

  it("a 1.5 GB file over --max-size is refused from its size, unread", async () => {
    const big = join(dir, "big.txt");
    const fd = openSync(big, "w");
    ftruncateSync(fd, 1.5 * 2 ** 30); // sparse: no disk used
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const err = await failure(readRegularFile(big, { maxBytes: 10 * 2 ** 20 }));
    expect(err.code).toBe("too-large");
    expect(err.message).toBe(`${big}: the file is 1536.0 MB, over the limit of 10.0 MB (--max-size)`);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 2 ** 20);
  });

  it("a missing file says so in words", async () => {
    const err = await failure(readRegularFile(join(dir, "none.pdf")));
    expect([err.code, err.message]).toEqual(["unreadable-file", `${join(dir, "none.pdf")}: no such file`]);
  });

  it("a readable file comes back whole", async () => {
    const f = join(dir, "ok.txt");
    writeFileSync(f, "Kính gửi");
    expect(Buffer.from(await readRegularFile(f)).toString()).toBe("Kính gửi");
  });
});

describe("the text-size limit", () => {
  it("a document of over a million characters is a `limit` error naming the limit, before any stage runs", async () => {
    const text = "Sở Y tế chủ trì triển khai. ".repeat(40_000);
    const err = await parseBytes(enc(text), { path: "big.txt" }).catch((e) => e);
    expect(err).toBeInstanceOf(LimitError);
    expect(err.code).toBe("limit");
    expect(err.message).toMatch(/1,120,000 characters long, over the limit of 1,000,000/);
  });

  it("a long document under the limit is read", async () => {
    const rec = await parseBytes(enc("Sở Y tế chủ trì triển khai. ".repeat(1_000)), { path: "long.txt" });
    expect(rec.tasks.length).toBeGreaterThan(0);
  }, 60_000);
});

describe("the facts limit", () => {
  const years = (n: number) => enc("UBND TỈNH A\nCÔNG VĂN\n" + "năm 2020 ".repeat(n));

  it("12,000 years: the first 10,000 dates are kept, in order, and the record says the list was cut", async () => {
    const rec = await parseBytes(years(12_000), { path: "years.txt" });
    expect(rec.dates).toHaveLength(10_000);
    expect(rec.dates[0].span![0]).toBeLessThan(rec.dates[9_999].span![0]);
    const w = rec.warnings.filter((x) => x.code === "facts-truncated");
    expect(w).toHaveLength(1);
    expect(w[0].message).toBe("the document gives more than 10,000 dates; the first 10,000 are kept (--max-facts)");
  }, 60_000);

  it("maxFacts changes the limit, 0 lifts it; a list at the limit is whole, with no warning", async () => {
    expect((await parseBytes(years(50), { path: "y.txt", maxFacts: 7 })).dates).toHaveLength(7);
    const whole = await parseBytes(years(12_000), { path: "y.txt", maxFacts: 0 });
    expect(whole.dates).toHaveLength(12_000);
    expect(whole.warnings.map((w) => w.code)).not.toContain("facts-truncated");
    const atLimit = await parseBytes(years(7), { path: "y.txt", maxFacts: 7 });
    expect(atLimit.dates).toHaveLength(7);
    expect(atLimit.warnings.map((w) => w.code)).not.toContain("facts-truncated");
  }, 60_000);

  it("200,000 bare years: read (the latest year was a spread of every year into Math.max, over the engine's argument limit)", async () => {
    const rec = await parseBytes(enc("UBND TỈNH A\nCÔNG VĂN\n" + "2020 ".repeat(199_000)), { path: "bare-years.txt" });
    expect(rec.issuer?.name).toBe("UBND TỈNH A");
    expect(rec.warnings.map((w) => w.code)).not.toContain("facts-truncated");
  }, 60_000);
});

describe("pdf.js failures in words", () => {
  /** A PDF from objects, with a correct cross-reference table. */
  function pdfOf(objects: string[]): Uint8Array {
    let out = "%PDF-1.7\n";
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = out.length;
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(out, "latin1");
  }

  it("a page dictionary with 50,000 nested arrays: a corrupt-file error, no stack overflow in the message", async () => {
    const bytes = pdfOf([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Foo ${"[".repeat(50_000)}${"]".repeat(50_000)} >>`,
    ]);
    const err = await parseBytes(bytes, { path: "nested.pdf", ocr: false }).catch((e) => e);
    expect(err).toBeInstanceOf(VanbanError);
    expect(err.message).not.toMatch(/Maximum call stack|RangeError|undefined/);
    expect(err.message).toMatch(/nested\.pdf|cannot read|nested too deeply|damaged|scanned|no text/);
  }, 60_000);
});

describe("pdf.js's stray rejections", () => {
  // three page entries in the cross-reference table point at the catalog: pdf.js fetches all three
  // page dictionaries ahead, stops at the first bad one and never awaits the other two
  function brokenPageTree(): Buffer {
    const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>"];
    for (let i = 0; i < 3; i++) objects.push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
    let out = "%PDF-1.7\n";
    const offsets = objects.map((o, i) => {
      const at = out.length;
      out += `${i + 1} 0 obj\n${o}\nendobj\n`;
      return i >= 2 ? 9 : at;
    });
    const xref = out.length;
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(out, "latin1");
  }
  /** Runs parseBytes on the file in a program of its own, with Node's default for unhandled rejections. */
  function host(file: string, extra = ""): { status: number | null; stdout: string; stderr: string } {
    const lib = pathToFileURL(join(ROOT, "dist/src/index.js")).href;
    const script = `import { readFileSync } from "node:fs";
      const { parseBytes } = await import(${JSON.stringify(lib)});
      const read = () => parseBytes(new Uint8Array(readFileSync(${JSON.stringify(file)})), { ocr: false }).then(() => "record", (e) => "error " + e.code);
      ${extra}
      const answer = await read();
      await new Promise((r) => setTimeout(r, 300));
      console.log(answer);`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
  }

  it("a broken page tree: the host program gets its answer and goes on (pdf.js's unawaited page fetches ended it)", () => {
    const file = join(mkdtempSync(join(tmpdir(), "vanban-xref-")), "page-tree.pdf");
    writeFileSync(file, brokenPageTree());
    const r = host(file);
    expect(r.stderr).not.toMatch(/XRef|Unhandled/);
    expect(r.stdout).toBe("error ocr-disabled");
    expect(r.status).toBe(0);
  }, 60_000);

  it("a rejection of the host's own, made while a PDF is read, still ends it as Node would", () => {
    const file = join(mkdtempSync(join(tmpdir(), "vanban-xref-")), "page-tree.pdf");
    writeFileSync(file, brokenPageTree());
    const r = host(file, `const first = read(); Promise.reject(new Error("the host's own")); await first;`);
    expect(r.stderr).toMatch(/the host's own/);
    expect(r.status).toBe(1);
  }, 60_000);

  it("tells pdf.js's exceptions from others", () => {
    const pdfjsLike = Object.assign(new Error("Bad (uncompressed) XRef entry: 14R"), { name: "XRefEntryException" });
    expect(isPdfjsRejection(pdfjsLike)).toBe(true);
    expect(isPdfjsRejection(new Error("mine"))).toBe(false);
    expect(isPdfjsRejection("a string")).toBe(false);
  });
});

describe("the line-count limit", () => {
  it("200,000 one-label lines are a `limit` error naming the limit (they took 400 MB in the stages)", async () => {
    const err = await parseBytes(enc("1.\n".repeat(200_000)), { path: "labels.txt" }).catch((e) => e);
    expect(err).toBeInstanceOf(LimitError);
    expect(err.message).toMatch(/200,00\d lines, over the limit of 50,000/);
  });

  it("an HTML table of 300 × 300 cells is refused before its tree is built, and read when the limit is lifted", async () => {
    const table = `<html><body><table>${`<tr>${"<td>x</td>".repeat(300)}</tr>`.repeat(300)}</table><p>Kính gửi: Sở Y tế</p></body></html>`;
    const err = await parseBytes(enc(table), { path: "cells.html" }).catch((e) => e);
    expect(err).toBeInstanceOf(LimitError);
    expect(err.message).toMatch(/90,30\d elements that each begin a line .*over the limit of 50,000 lines \(--max-lines/);
    const small = await loadDocument(enc(table), { path: "cells.html", maxLines: 0 });
    expect(small.lines.length).toBeGreaterThan(50_000);
  }, 120_000);

  it("is the caller's to raise, lower or lift (maxLines, maxChars; --max-lines, --max-chars)", async () => {
    const labels = enc("1.\n".repeat(60_000));
    const lifted = await parseBytes(labels, { path: "labels.txt", maxLines: 0 });
    expect(lifted.source.format).toBe("txt");
    const lowered = await parseBytes(enc("Điều 1.\nĐiều 2.\nĐiều 3.\n"), { path: "short.txt", maxLines: 2 }).catch((e) => e);
    expect(lowered).toBeInstanceOf(LimitError);
    expect(lowered.message).toMatch(/over the limit of 2 \(--max-lines/);
    const chars = await parseBytes(enc("Nội dung văn bản. ".repeat(10)), { path: "chars.txt", maxChars: 50 }).catch((e) => e);
    expect(chars).toBeInstanceOf(LimitError);
    expect(chars.message).toMatch(/over the limit of 50 \(--max-chars/);
  }, 120_000);
});

describe("PDF layout of a damaged page", () => {
  const item = (text: string, x: number, y: number, size = 12, width = text.length * size * 0.5) => ({ text, x, y, width, size });
  it("a nơi nhận row wider than its column, with no signature beside it: read once, no endless loop (a zone that ended where it began sent the reader back to it)", () => {
    const rows = groupRows([
      item("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", 85, 180, 13, 420),
      item("Nơi nhận: - Như trên; - Lưu VT, các phòng ban chuyên môn và đơn vị trực thuộc", 60, 600, 12, 450),
    ], 1);
    const doc = layoutPages([{ page: 1, width: 595, height: 842, rows }]);
    expect(doc.lines.map((l) => l.text)).toEqual([
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
      "Nơi nhận: - Như trên; - Lưu VT, các phòng ban chuyên môn và đơn vị trực thuộc",
    ]);
  });
});
