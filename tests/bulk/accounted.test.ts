import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultOcrLookup } from "../../src/load/ocr.js";
import { ensureBuilt } from "./build.js";
import { readJsonl, ROOT, runCli, tempDir } from "./helpers.js";

/**
 * Issue 11's "done when": a folder as an archive holds it — PDFs with text and scanned, Word,
 * Excel and PowerPoint old and new, scans as PNG, JPEG and a 3-page TIFF, a zip of documents, a
 * program, an empty file, hidden and system files — and every file is either in the output or in
 * the summary's skipped list, exactly once, with the status it should have.
 */

const F = (p: string) => join(ROOT, "fixtures", p);
const hasTiffcp = spawnSync("tiffcp", []).error === undefined;
/**
 * a scan is read when an OCR engine is installed, else its error record says so: the engines the
 * converter itself looks for (the tesseract program, then tesseract.js with its Vietnamese data,
 * an optional dependency), so that a machine with only one of them expects what it gets
 */
const ocrEngine = await defaultOcrLookup().catch(() => null);
await ocrEngine?.close();
const SCAN = ocrEngine ? "ok" : "ocr-unavailable";

/** the smallest ELF header (64 bytes), as a compiled program starts */
function elf(): Buffer {
  const b = Buffer.alloc(120);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(b, 0);
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(0x3e, 18); // x86-64
  return b;
}

beforeAll(() => ensureBuilt(), 300_000);

describe("convert: every file of an archive folder accounted for", () => {
  const dir = tempDir("accounted");
  const kho = join(dir, "kho");
  const out = join(dir, "out.jsonl");
  const summaryFile = join(dir, "summary.json");
  /** path under kho → "ok", an error code, or "skipped:<rule>" */
  const expected = new Map<string, string>();
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    mkdirSync(join(kho, "2024", "scans"), { recursive: true });
    mkdirSync(join(kho, ".git"), { recursive: true });
    const put = (to: string, from: string | Buffer, status: string) => {
      if (typeof from === "string") copyFileSync(from, join(kho, to));
      else writeFileSync(join(kho, to), from);
      expected.set(to, status);
    };
    put("cong-van.pdf", F("cong-van-ubnd.pdf"), "ok");
    put("2024/scans/scanned.pdf", F("pdf/scanned-stamp.pdf"), SCAN);
    put("cong-van.docx", F("cong-van-ubnd.docx"), "ok");
    put("2024/cong-van.doc", F("legacy/cong-van-hai-bang-ma.doc"), "ok");
    put("2024/bieu-mau.xls", F("legacy/bieu-mau-hon-hop.xls"), "ok");
    put("2024/trinh-chieu.ppt", F("legacy/trinh-chieu-hon-hop.ppt"), "ok");
    put("2024/scans/trang-1.png", F("scan/cong-van-ubnd-p1.png"), SCAN);
    put("2024/scans/trang-1.jpg", F("scan/cong-van-ubnd-p1.jpg"), SCAN);
    // a 3-page TIFF: the bundled 2-page one and its first page again
    if (hasTiffcp) {
      const r = spawnSync("tiffcp", [F("scan/cong-van-ubnd.tif"), `${F("scan/cong-van-ubnd.tif")},0`, join(kho, "2024/scans/ba-trang.tif")]);
      expect(r.status).toBe(0);
    } else copyFileSync(F("scan/cong-van-ubnd.tif"), join(kho, "2024/scans/ba-trang.tif"));
    expected.set("2024/scans/ba-trang.tif", SCAN);
    const inner = new JSZip();
    inner.file("thong-bao.md", readFileSync(F("bulk/thong-bao-ket-luan.md")));
    const zip = new JSZip();
    zip.file("2023/cong-van.docx", readFileSync(F("cong-van-ubnd.docx")));
    zip.file("2023/cong-van.txt", readFileSync(F("cong-van-ubnd.txt")));
    zip.file("2023/trong.txt", "");
    zip.file("luu/thong-bao.zip", await inner.generateAsync({ type: "uint8array" }));
    zip.file("__MACOSX/2023/._cong-van.docx", "x");
    put("ho-so.zip", await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), "archive");
    expected.delete("ho-so.zip"); // the archive stands for its documents
    for (const [p, s] of [["ho-so.zip!/2023/cong-van.docx", "ok"], ["ho-so.zip!/2023/cong-van.txt", "ok"], ["ho-so.zip!/2023/trong.txt", "empty-file"], ["ho-so.zip!/luu/thong-bao.zip!/thong-bao.md", "ok"], ["ho-so.zip!/__MACOSX/", "skipped:system"]]) expected.set(p, s);
    put("hong.zip", Buffer.from("PK\x03\x04 cut short"), "corrupt-file");
    put("cong-cu", elf(), "unsupported-format");
    put("du-lieu.bin", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)), "unsupported-format");
    put("trong.txt", Buffer.alloc(0), "empty-file");
    put(".an.txt", readFileSync(F("cong-van-ubnd.txt")), "skipped:hidden");
    writeFileSync(join(kho, ".git", "config"), "[core]\n");
    expected.set(".git/", "skipped:hidden");
    put("Thumbs.db", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "skipped:system");
    run = await runCli(["convert", kho, "--out", out, "--jobs", "2", "--timeout", "600", "--summary", summaryFile], { env: { NO_COLOR: "1" } });
  }, 900_000);

  const rel = (p: string) => p.slice(kho.length + 1);

  it("exits 0 with every file in the output or the skipped list, exactly once, each with its status", () => {
    expect(run.code, run.stderr).toBe(0);
    const got = new Map<string, string>();
    const seen: string[] = [];
    for (const r of readJsonl(out)) {
      seen.push(rel(r.source.path));
      got.set(rel(r.source.path), r.error ? r.error.code : "ok");
    }
    const summary = JSON.parse(readFileSync(summaryFile, "utf8"));
    for (const f of summary.skippedByRule.files) {
      seen.push(rel(f.path));
      got.set(rel(f.path), `skipped:${f.rule}`);
    }
    expect([...seen].sort()).toEqual([...new Set(seen)].sort()); // nothing twice
    expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...expected].sort()));
    expect(summary.skippedByRule.byExtension).toEqual({ "(folder)": 2, ".txt": 1, ".db": 1 });
    expect(summary.done).toBe(readJsonl(out).length);
  });

  it("names the kind of what it cannot read", () => {
    const byPath = new Map(readJsonl(out).map((r) => [rel(r.source.path), r]));
    expect(byPath.get("cong-cu")!.error.message).toBe("not a document: an executable program (ELF), which vanban does not read");
    expect(byPath.get("du-lieu.bin")!.error.message).toMatch(/^binary content of a kind vanban does not read/);
    expect(byPath.get("hong.zip")!.error.message).toMatch(/^cannot read this zip archive/);
    const tif = byPath.get("2024/scans/ba-trang.tif")!;
    if (ocrEngine && hasTiffcp) expect([tif.source.format, tif.source.pages, tif.number?.raw]).toEqual(["tiff", 3, "1842/UBND-VX"]);
    const inZip = byPath.get("ho-so.zip!/2023/cong-van.docx")!;
    expect(inZip.number.raw).toBe(byPath.get("cong-van.docx")!.number.raw);
    expect(inZip.source.sha256).toBe(byPath.get("cong-van.docx")!.source.sha256);
  });

  it("prints a summary a person reads: paths under the folder, skipped files by rule and extension, failures by code", () => {
    const text = run.stderr.slice(run.stderr.indexOf("vanban convert: finished"));
    expect(text).toContain(`  paths under ${kho}\n`);
    expect(text).toContain("  skipped by rule, not read: 4 (hidden 2, system 2); by extension: (folder) 2, .db 1, .txt 1\n");
    expect(text).toContain("    hidden: .an.txt, .git/\n");
    expect(text).toContain("  ✗ empty-file (2): the file is empty\n      ho-so.zip!/2023/trong.txt\n      trong.txt\n");
    expect(text).not.toContain(kho + "/trong.txt");
  });

  it("--resume after losing the zip's lines does those again, each once", async () => {
    const lines = readFileSync(out, "utf8").split("\n").filter((l) => l && !l.includes("ho-so.zip!/"));
    writeFileSync(out, lines.join("\n") + "\n");
    const again = await runCli(["convert", kho, "--out", out, "--jobs", "2", "--resume", "-q"]);
    expect(again.code).toBe(0);
    const paths = readJsonl(out).map((r) => rel(r.source.path));
    expect(paths.length).toBe(new Set(paths).size);
    expect(paths.filter((p) => p.startsWith("ho-so.zip!/")).sort()).toEqual(["ho-so.zip!/2023/cong-van.docx", "ho-so.zip!/2023/cong-van.txt", "ho-so.zip!/2023/trong.txt", "ho-so.zip!/luu/thong-bao.zip!/thong-bao.md"]);
  }, 300_000);
});
