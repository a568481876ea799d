import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MissingDependencyError, parseBytes } from "../../src/index.js";
import { createImageLoader, imageFormat } from "../../src/load/image.js";
import { detectFormat } from "../../src/load/index.js";
import { tiffPages } from "../../src/load/tiff.js";
import { parseTesseractTsvPages, tesseractCli, type OcrEngine, type OcrWord } from "../../src/load/ocr.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/scan/${name}`, import.meta.url)));

describe("images: format by magic bytes", () => {
  it.each<[string, number[], string]>([
    ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "png"],
    ["JPEG", [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1], "jpeg"],
    ["TIFF, Intel order", [0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 0, 0, 0, 0], "tiff"],
    ["TIFF, Motorola order", [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0], "tiff"],
    ["WebP", [0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50], "webp"],
  ])("%s", (_name, bytes, format) => {
    const b = new Uint8Array([...bytes, ...new Array(64).fill(0)]);
    expect(imageFormat(b)).toBe(format);
    expect(detectFormat(b, "scan.bin")).toBe(format);
  });

  it("a RIFF file that is not WebP (a WAV) is not an image", () => {
    const wav = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, ...new Array(64).fill(0)]);
    expect(imageFormat(wav)).toBeNull();
  });
});

describe("images: a multi-page TIFF split into one-page TIFFs", () => {
  it("each page keeps the file's bytes, the header pointing at its own directory and the chain cut after it", () => {
    const tif = fixture("cong-van-ubnd.tif");
    const split = tiffPages(tif);
    expect(split.count).toBe(2);
    const pages = [split.page(0), split.page(1)];
    const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
    const first = view(tif).getUint32(4, true);
    expect(pages.map((p) => view(p).getUint32(4, true))).toEqual([first, expect.not.stringMatching(String(first))]);
    for (const p of pages) {
      expect(p.length).toBe(tif.length);
      expect(tiffPages(p).count).toBe(1);
    }
    expect(tif).toEqual(fixture("cong-van-ubnd.tif")); // the file itself is not touched
  });

  it("a directory chain that loops ends at the first repeat; a non-TIFF is one page as it is", () => {
    // header → IFD at 8 (no entries) → next IFD at 8 again
    const loop = new Uint8Array([0x49, 0x49, 42, 0, 8, 0, 0, 0, 0, 0, 8, 0, 0, 0]);
    expect(tiffPages(loop).count).toBe(1);
    const png = fixture("cong-van-ubnd-p1.png");
    expect(tiffPages(png).page(0)).toBe(png);
  });
});

describe("images: tesseract's TSV split into pages", () => {
  it("reads each page's size and its words, in page order", () => {
    const tsv = [
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
      "1\t1\t0\t0\t0\t0\t0\t0\t1240\t1754\t-1\t",
      "4\t1\t1\t1\t1\t0\t100\t90\t300\t30\t-1\t",
      "5\t1\t1\t1\t1\t1\t100\t90\t140\t30\t96\tỦY",
      "5\t1\t1\t1\t1\t2\t250\t90\t150\t30\t95\tBAN",
      "1\t2\t0\t0\t0\t0\t0\t0\t1240\t1754\t-1\t",
      "5\t2\t1\t1\t1\t1\t600\t1500\t200\t28\t91\tKhoa",
    ].join("\n");
    const pages = parseTesseractTsvPages(tsv);
    expect(pages.map((p) => [p.width, p.height, p.words.map((w) => w.text)])).toEqual([
      [1240, 1754, ["ỦY", "BAN"]],
      [1240, 1754, ["Khoa"]],
    ]);
    expect(pages[0].words[0].lineHeight).toBe(30);
  });
});

/** An engine that "reads" a page laid out as lines of words at the given pixel rows (A4 at 150 dpi). */
function fakeEngine(pages: { y: number; x: number; text: string }[][]): OcrEngine & { closed: boolean; given: Uint8Array[] } {
  const engine = {
    name: "fake",
    concurrency: 1,
    closed: false,
    recognize: async () => [] as OcrWord[],
    /** the images it was given, one call a page */
    given: [] as Uint8Array[],
    // one page a call, in the order called (the loader hands a multi-page TIFF over page by page)
    recognizeImage: async (image: Uint8Array) =>
      [pages[engine.given.push(image) - 1]].map((lines, p) => ({
        width: 1240,
        height: 1754,
        words: lines.flatMap((l, i) => {
          let x = l.x;
          return l.text.split(" ").map((w) => {
            const word = { text: w, left: x, top: l.y, width: w.length * 18, height: 30, conf: 95, line: `${p}.${i}` };
            x += w.length * 18 + 12;
            return word;
          });
        }),
      })),
    close: async () => {
      engine.closed = true;
    },
  };
  return engine;
}

describe("images: the loader", () => {
  const page1 = [
    { y: 120, x: 120, text: "ỦY BAN NHÂN DÂN" },
    { y: 120, x: 620, text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" },
    { y: 160, x: 130, text: "TỈNH BÌNH ĐỊNH" },
    { y: 160, x: 680, text: "Độc lập - Tự do - Hạnh phúc" },
    { y: 230, x: 120, text: "Số: 1842/UBND-VX" },
    { y: 230, x: 640, text: "Bình Định, ngày 20 tháng 10 năm 2025" },
    { y: 330, x: 300, text: "Kính gửi: Sở Y tế" },
    { y: 400, x: 150, text: "Ủy ban nhân dân tỉnh đề nghị Sở Y tế triển khai thực hiện." },
  ];
  const page2 = [
    { y: 300, x: 120, text: "Nơi nhận:" },
    { y: 300, x: 760, text: "KT. CHỦ TỊCH" },
    { y: 340, x: 120, text: "- Như trên;" },
    { y: 340, x: 760, text: "PHÓ CHỦ TỊCH" },
    { y: 380, x: 120, text: "- Lưu: VT." },
    { y: 560, x: 760, text: "Lê Minh Khoa" },
  ];

  it("lays out every page of the image as a scanned PDF page: header, number, date, signer", async () => {
    const engine = fakeEngine([page1, page2]);
    const loader = createImageLoader("tiff", { findOcrEngine: async () => engine });
    const progress: string[] = [];
    const doc = await loader.load(fixture("cong-van-ubnd.tif"), { path: "scan.tif", onOcrProgress: (p) => progress.push(`${p.done}/${p.pages}`) });
    expect(doc).toMatchObject({ format: "tiff", pages: 2, ocr: true, ocrEngine: "fake" });
    expect(doc.lines.map((l) => l.text)).toContain("Số: 1842/UBND-VX");
    expect(doc.warnings.map((w) => w.code)).toContain("ocr");
    expect(engine.closed).toBe(true);
    // the engine was handed the TIFF page by page, each a one-page TIFF
    expect(engine.given.map((g) => tiffPages(g).count)).toEqual([1, 1]);
    expect(progress).toEqual(["0/2", "1/2", "2/2"]);
  });

  it("refuses an image when OCR is disabled, naming the file", async () => {
    const loader = createImageLoader("png", { findOcrEngine: async () => fakeEngine([page1]) });
    await expect(loader.load(fixture("cong-van-ubnd-p1.png"), { path: "scan.png", ocr: false })).rejects.toMatchObject({ code: "ocr-disabled", file: "scan.png" });
  });

  it("an engine that fails with several lines of messages gives an ocr-failed error of one line", async () => {
    const engine = { ...fakeEngine([page1]), recognizeImage: async () => { throw new Error("Error in pixReadMem: unknown format\nError in pixRead: pix not read\n  at leptonica"); } };
    const loader = createImageLoader("png", { findOcrEngine: async () => engine });
    const err = await loader.load(fixture("cong-van-ubnd-p1.png"), { path: "scan.png" }).catch((e) => e);
    expect(err).toMatchObject({ code: "ocr-failed", file: "scan.png" });
    expect(err.message).toBe("scan.png: OCR failed (fake): Error in pixReadMem: unknown format");
  });

  it("says what to install when there is no OCR engine", async () => {
    const loader = createImageLoader("png", { findOcrEngine: async () => null });
    const err = await loader.load(fixture("cong-van-ubnd-p1.png"), { path: "scan.png" }).catch((e) => e);
    expect(err).toBeInstanceOf(MissingDependencyError);
    expect(err.message).toMatch(/tesseract/);
  });
});

const engine = await tesseractCli();
await engine?.close();

describe.skipIf(!engine)("images: read by tesseract (skipped: no tesseract with Vietnamese installed)", () => {
  it("a two-page TIFF gives the whole record: issuer, number, date, type and the signer on page 2", async () => {
    const r = await parseBytes(fixture("cong-van-ubnd.tif"), { path: "fixtures/scan/cong-van-ubnd.tif" });
    expect(r.source).toMatchObject({ format: "tiff", pages: 2, ocr: true });
    expect(r.issuer?.name).toBe("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH");
    expect(r.number).toMatchObject({ value: "1842", symbol: "UBND-VX" });
    expect(r.date?.value).toBe("2025-10-20");
    expect(r.type?.code).toBe("CV");
    expect(r.signatures.map((s) => [s.authority, s.title, s.name])).toEqual([["KT.", "PHÓ CHỦ TỊCH", "Lê Minh Khoa"]]);
  }, 120_000);

  it("a single page saved as PNG gives its header", async () => {
    const r = await parseBytes(fixture("cong-van-ubnd-p1.png"), { path: "fixtures/scan/cong-van-ubnd-p1.png" });
    expect(r.source).toMatchObject({ format: "png", pages: 1, ocr: true });
    expect(r.issuer?.name).toBe("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH");
    expect(r.number?.value).toBe("1842");
    expect(r.date?.value).toBe("2025-10-20");
  }, 120_000);
});
