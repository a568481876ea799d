// OCR in `vanban convert`: the npm engine on a machine without Debian's tesseract, page progress,
// and nothing left behind (temporary files, engine processes) whatever ends a file.
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, readJsonl, runCli, tempDir } from "./helpers.js";

const installed = (pkg: string) => {
  try {
    createRequire(import.meta.url).resolve(pkg);
    return true;
  } catch {
    return false;
  }
};
const haveNpmEngine = installed("tesseract.js") && installed("@tesseract.js-data/vie/package.json");
const onPath = (program: string) => {
  try {
    execFileSync("sh", ["-c", `command -v ${program}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

/** A folder holding copies of the given fixtures/scan files. */
function inputFolder(name: string, files: string[]): string {
  const dir = join(tempDir(name), "in");
  mkdirSync(dir);
  for (const f of files) copyFileSync(join(ROOT, "fixtures/scan", f), join(dir, f));
  return dir;
}

/** What an engine prints of its own (tesseract's resolution notices, leptonica's warnings). */
const ENGINE_CHATTER = /Estimating resolution|Detected \d+ diacritics|Warning:|Error in pix|Tesseract/;

describe.skipIf(!haveNpmEngine)("OCR with tesseract.js from npm, no tesseract or pdftoppm on PATH (skipped: optional dependencies not installed)", () => {
  it("a scanned PDF and a two-page TIFF give issuer, number and date; source.ocrEngine names the engine; page progress; no temp files, no chatter", async () => {
    const input = inputFolder("npm-ocr", ["cong-van-ubnd-scan.pdf", "cong-van-ubnd.tif"]);
    const out = join(input, "..", "out.jsonl");
    const tmp = tempDir("npm-ocr-tmp");
    const emptyPath = tempDir("npm-ocr-path"); // PATH holds nothing: no tesseract, no pdftoppm
    // one worker: the second file is read by the tesseract.js worker the first one started;
    // --slow-after 0.1: a fast machine reads a page in under the default 3 s, and the page
    // progress is still to be seen in the progress line
    const run = await runCli(["convert", input, "-o", out, "-j", "1", "--progress-every", "1", "--slow-after", "0.1"], { env: { PATH: emptyPath, TMPDIR: tmp } });
    expect(run.code, run.stderr).toBe(0);
    const records = readJsonl(out).sort((a, b) => a.source.path.localeCompare(b.source.path));
    expect(records.map((r) => [r.source.format, r.source.pages, r.source.ocr, r.source.ocrEngine])).toEqual([
      ["pdf", 1, true, "tesseract.js"],
      ["tiff", 2, true, "tesseract.js"],
    ]);
    for (const r of records) {
      expect(r.issuer?.name).toBe("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH");
      expect(r.number).toMatchObject({ value: "1842", symbol: "UBND-VX" });
      expect(r.date?.value).toBe("2025-10-20");
    }
    // the TIFF's second page was read too: the signer stands there
    expect(records[1].signatures.map((s: any) => s.name)).toEqual(["Lê Minh Khoa"]);
    expect(run.stderr).toMatch(/slow: .*cong-van-ubnd[^ ]* \d+s OCR page [12]\/[12]/);
    expect(run.stderr).not.toMatch(ENGINE_CHATTER);
    expect(readdirSync(tmp)).toEqual([]);
  }, 300_000);
});

describe.skipIf(!onPath("bash"))("OCR: a file given up leaves nothing behind", () => {
  it("killed by its time limit mid-OCR: the engine process is killed, the temporary folders removed, the reason is one line", async () => {
    const input = inputFolder("timeout-ocr", ["cong-van-ubnd-scan.pdf"]);
    const out = join(input, "..", "out.jsonl");
    const tmp = tempDir("timeout-ocr-tmp");
    // a `tesseract` that has the Vietnamese model and never finishes a page, first on PATH: the
    // time limit always strikes mid-OCR, on any machine; its arguments name the page image
    const bin = tempDir("timeout-ocr-bin");
    writeFileSync(join(bin, "tesseract"), '#!/bin/bash\ncase "$1" in --list-langs) echo vie ;; *) exec -a "slow-tesseract $*" sleep 60 ;; esac\n');
    chmodSync(join(bin, "tesseract"), 0o755);
    const run = await runCli(["convert", input, "-o", out, "-j", "1", "--timeout", "5", "--ocr-page-timeout", "1", "-q"], {
      env: { TMPDIR: tmp, PATH: `${bin}${delimiter}${process.env.PATH ?? ""}` },
    });
    expect(run.code).toBe(0);
    const [rec] = readJsonl(out);
    expect(rec.error.code).toBe("timeout");
    expect(rec.error.message).toBe("gave up after 6 s (--timeout 5 s + 1 s a page for 1 OCR'd page, --ocr-page-timeout)");
    expect(readdirSync(tmp)).toEqual([]);
    // no engine process left working on a page of that folder
    const ps = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
    expect(ps.split("\n").filter((l) => l.includes(tmp))).toEqual([]);
  }, 120_000);
});
