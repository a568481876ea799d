import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvField, csvRow, CSV_TABLES, columnsOf } from "../../src/bulk/csv.js";
import { compareNames, expandInputs, parseShard, PathList, shard, skipRuleOf, type Rejected, type Skipped } from "../../src/bulk/inputs.js";
import { withArchiveEntries } from "../../src/bulk/archives.js";
import { middleTruncate, Throughput } from "../../src/bulk/progress.js";
import { readInput } from "../../src/load/archive.js";
import JSZip from "jszip";
import { FileSink, readJournal, writeJsonArray } from "../../src/bulk/journal.js";
import { formatSummary, SummaryBuilder } from "../../src/bulk/summary.js";
import { Signature, Task } from "../../src/record/schema.js";
import { parseCsv, tempDir } from "./helpers.js";

describe("CSV fields (RFC 4180)", () => {
  it.each([
    ["Sở Y tế", "Sở Y tế"],
    ["Các sở, ngành", '"Các sở, ngành"'],
    ['Công văn "khẩn"', '"Công văn ""khẩn"""'],
    ["dòng 1\ndòng 2", '"dòng 1\ndòng 2"'],
    ["a\r\nb", '"a\r\nb"'],
    [null, ""],
    [undefined, ""],
    [12, "12"],
    [false, "false"],
  ])("%j → %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("round-trips a row through a CSV reader", () => {
    const row = ["abc", 'Nghị quyết số 72-NQ/TW, "đột phá"', "hai\r\ndòng", "", "Hỏa tốc"];
    expect(parseCsv(csvRow(row))).toEqual([row]);
  });
});

describe("CSV columns from the zod schema", () => {
  it("flattens spans and joins lists of strings", () => {
    const names = columnsOf(Task as never).map((c) => c.name);
    expect(names).toEqual(["assignee", "action", "cooperating", "deadline", "assignee_canonical", "deadline_start", "deadline_end", "deadline_precision", "text", "span_start", "span_end"]);
    expect(columnsOf(Task as never).map((c) => c.type)).toEqual(["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DATE", "DATE", "VARCHAR", "VARCHAR", "BIGINT", "BIGINT"]);
    const assignee = columnsOf(Task as never).find((c) => c.name === "assignee")!;
    expect(assignee.get({ assignee: ["Sở Y tế", "Sở Tài chính"] })).toBe("Sở Y tế; Sở Tài chính");
  });

  it("keeps lists of objects as JSON and names camelCase keys in snake_case", () => {
    const cols = columnsOf(Signature as never);
    expect(cols.map((c) => c.name)).toContain("on_behalf_of");
    const chain = cols.find((c) => c.name === "chain")!;
    expect(JSON.parse(chain.get({ chain: [{ authority: "TL.", onBehalfOf: "BỘ TRƯỞNG" }] }) as string)).toEqual([{ authority: "TL.", onBehalfOf: "BỘ TRƯỞNG" }]);
  });

  it("names the tables", () => {
    expect(CSV_TABLES).toEqual(["documents", "tasks", "dates", "references", "agencies", "people", "signatures", "digital_signatures", "task_assignees", "distribution"]);
  });
});

describe("journal (the JSONL that --resume reads)", () => {
  it("writes every line whole and in order: short ones gathered, one longer than the buffer on its own", async () => {
    const file = join(tempDir("sink"), "j.jsonl");
    const sink = new FileSink(file, false);
    const lines = ["a", "x".repeat(70_000), "b".repeat(65_535), "c".repeat(65_534), "", "Quyết định", "d".repeat(40_000), "e".repeat(40_000)];
    for (const l of lines) sink.write(new TextEncoder().encode(l));
    await sink.close();
    expect(readFileSync(file, "utf8")).toBe(lines.map((l) => l + "\n").join(""));
  });

  const line = (path: string) => JSON.stringify({ source: { path }, error: { code: "x", message: "y" } });

  it("drops a torn last line and keeps the finished ones", () => {
    const file = join(tempDir("journal"), "out.jsonl");
    const good = [line("/a/một.pdf"), line("/a/hai.docx")].join("\n") + "\n";
    writeFileSync(file, good + '{"schemaVersion":"1","source":{"pa');
    const state = readJournal(file);
    expect([...state.done]).toEqual(["/a/một.pdf", "/a/hai.docx"]);
    expect(state.droppedBytes).toBeGreaterThan(0);
    expect(readFileSync(file, "utf8")).toBe(good);
  });

  it("drops a last line that is whole but not JSON, and leaves a good file alone", () => {
    const file = join(tempDir("journal"), "out.jsonl");
    writeFileSync(file, line("/x") + "\n" + "{oops}\n");
    expect([...readJournal(file).done]).toEqual(["/x"]);
    expect(readFileSync(file, "utf8")).toBe(line("/x") + "\n");
    expect(readJournal(file).droppedBytes).toBe(0);
  });

  it("reads lines across chunk boundaries", () => {
    const file = join(tempDir("journal"), "out.jsonl");
    const paths = Array.from({ length: 300 }, (_, i) => `/kho/văn-bản-${i}.pdf`);
    writeFileSync(file, paths.map(line).join("\n") + "\n");
    expect([...readJournal(file).done]).toEqual(paths);
  });

  it("an empty or missing journal has nothing done", () => {
    const dir = tempDir("journal");
    expect(readJournal(join(dir, "none.jsonl")).done.size).toBe(0);
    writeFileSync(join(dir, "empty.jsonl"), "");
    expect(readJournal(join(dir, "empty.jsonl")).done.size).toBe(0);
  });

  it("becomes a JSON array", () => {
    const dir = tempDir("journal");
    writeFileSync(join(dir, "j.jsonl"), [line("/1"), line("/2")].join("\n") + "\n" + '{"torn');
    expect(writeJsonArray(join(dir, "j.jsonl"), join(dir, "out.json"))).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, "out.json"), "utf8")).map((r: { source: { path: string } }) => r.source.path)).toEqual(["/1", "/2"]);
    writeFileSync(join(dir, "e.jsonl"), "");
    writeJsonArray(join(dir, "e.jsonl"), join(dir, "empty.json"));
    expect(JSON.parse(readFileSync(join(dir, "empty.json"), "utf8"))).toEqual([]);
  });
});

describe("inputs", () => {
  it("walks folders recursively in sorted order: every file, hidden, system and output ones listed as skipped", async () => {
    const dir = tempDir("walk");
    const all = ["b.pdf", "a.DOCX", "c.json", "sub/z.txt", "sub/y.htm", ".git/x.txt", ".hidden.txt", "sub/deep/q.rtf", "README", "Thumbs.db", "sub/~$bao-cao.docx", "sub/__MACOSX/._z.txt", "out.jsonl"];
    for (const f of all) {
      mkdirSync(join(dir, f, ".."), { recursive: true });
      writeFileSync(join(dir, f), "x");
    }
    const skipped: Skipped[] = [];
    const files = [...(await expandInputs([dir], { skipped, outputs: [join(dir, "out.jsonl")] }))];
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(["README", "a.DOCX", "b.pdf", "c.json", "sub/deep/q.rtf", "sub/y.htm", "sub/z.txt"]);
    expect(skipped.map((f) => [f.path.slice(dir.length + 1), f.rule]).sort()).toEqual([
      [".git/", "hidden"], [".hidden.txt", "hidden"], ["Thumbs.db", "system"], ["out.jsonl", "output"], ["sub/__MACOSX/", "system"], ["sub/~$bao-cao.docx", "system"],
    ]);
    // every file is in one list or the other (a skipped folder stands for what is under it)
    for (const f of all) {
      const full = join(dir, f);
      const inSkipped = skipped.filter((k) => k.path === full || (k.path.endsWith("/") && full.startsWith(k.path)));
      expect(Number(files.includes(full)) + inSkipped.length, f).toBe(1);
    }
  });

  it("lists a folder's files in the sorted order of their paths, the skipped in the order of a walk by names, as the sorted walk did", async () => {
    // sub-folders whose names open others' (`a` and `a-b`, `a.b`, `a b`: `-`, `.` and space sort
    // below the separator), names beyond ASCII and beyond the BMP, skipped files at every level
    const dir = tempDir("order");
    const all = ["a/x.txt", "a/.DS_Store", "a-b/y.txt", "a-b/.DS_Store", "a.b", "a b/z.txt", "a!", "a/b/c.txt", "a/b-c.txt", "a/b.d/e.txt",
      "Ủy ban/Quyết định.txt", "Ủy ban/~$nháp.docx", "u/😀.txt", "u/😀 x/q.txt", "u/Thumbs.db", "z.txt", ".git/h"];
    for (const f of all) {
      mkdirSync(join(dir, f, ".."), { recursive: true });
      writeFileSync(join(dir, f), "x");
    }
    // the oracle: the walk as it was (a folder's entries by name, then its sub-folders by name), then a sort of the paths
    const oldWalk = (top: string) => {
      const files: string[] = [], skipped: string[] = [];
      for (const pending = [top]; pending.length; ) {
        const d = pending.pop()!;
        const subs: string[] = [];
        for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => compareNames(a.name, b.name))) {
          const full = join(d, e.name);
          if (skipRuleOf(e.name)) skipped.push(e.isDirectory() ? full + "/" : full);
          else if (e.isDirectory()) subs.push(full);
          else files.push(full);
        }
        for (let i = subs.length - 1; i >= 0; i--) pending.push(subs[i]);
      }
      return { files: [...new Set(files)].sort(compareNames), skipped };
    };
    const skipped: Skipped[] = [];
    const listed = [...(await expandInputs([dir], { skipped }))];
    const want = oldWalk(dir);
    expect(listed).toEqual(want.files);
    expect(listed.slice(0, 5).map((p) => p.slice(dir.length + 1))).toEqual(["a b/z.txt", "a!", "a-b/y.txt", "a.b", "a/b-c.txt"]);
    expect(skipped.map((k) => k.path)).toEqual(want.skipped);
    expect(skipped.map((k) => k.path.slice(dir.length + 1))).toEqual([".git/", "a/.DS_Store", "a-b/.DS_Store", "u/Thumbs.db", "Ủy ban/~$nháp.docx"]);
  });

  it("keeps a listing's paths as written, whatever their code units", () => {
    const paths = ["/a/b.txt", "", "Quyết định 😀.pdf", "lone \ud800 surrogate", "x".repeat(5000)];
    const list = PathList.of(paths);
    expect([...list]).toEqual(paths);
    expect([list.length, list.at(2), list.hasArchives, PathList.of(["a.ZIP"]).hasArchives]).toEqual([5, paths[2], false, true]);
  });

  it("keeps each path whole with its folder written once for the files that follow one another in it", () => {
    const paths = ["/k/a/1.txt", "/k/a/2.txt", "/k/b/1.txt", "/k/a/3.txt", "/k/a/", "/k/a", "C:\\kho\\Ủy ban\\x.pdf", "C:\\kho\\Ủy ban\\y.pdf", "/k/a/😀/\ud800.txt", "tên.txt", "/", ""];
    const list = PathList.of(paths);
    expect([...list]).toEqual(paths);
    // read out of order: a folder read for one path is not taken for another's
    const order = [8, 0, 2, 1, 11, 6, 3, 7, 4, 10, 5, 9];
    expect(order.map((i) => list.at(i))).toEqual(order.map((i) => paths[i]));
  });

  it("names a folder's files as path.join names them, whatever way the folder is written", async () => {
    const dir = tempDir("spelled");
    mkdirSync(join(dir, "sub", "deep"), { recursive: true });
    for (const f of ["a.txt", "sub/b.txt", "sub/deep/c.txt"]) writeFileSync(join(dir, f), "x");
    const expected = ["a.txt", "sub/b.txt", "sub/deep/c.txt"].map((f) => join(dir, f));
    for (const spelled of [dir, `${dir}/`, `${dir}//`, `${dir}/sub/..`, `${dir}/./sub/../`]) {
      expect([...(await expandInputs([spelled]))], spelled).toEqual(expected);
    }
    // a relative folder gives relative paths, as join does
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      expect([...(await expandInputs(["."]))]).toEqual(["a.txt", "sub/b.txt", "sub/deep/c.txt"]);
      expect([...(await expandInputs(["./sub/"]))]).toEqual(["sub/b.txt", "sub/deep/c.txt"]);
    } finally {
      process.chdir(cwd);
    }
  });

  it("lists as aliases (what may be the output under another name) only named files and symbolic links, never a folder's own files", async () => {
    const dir = tempDir("aliases");
    mkdirSync(join(dir, "sub"));
    for (const f of ["a.txt", "sub/b.txt", "named.txt"]) writeFileSync(join(dir, f), "x");
    symlinkSync(join(dir, "a.txt"), join(dir, "sub", "link.txt"));
    const aliases: string[] = [];
    const files = [...(await expandInputs([join(dir, "sub"), join(dir, "named.txt")], { aliases }))];
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(["named.txt", "sub/b.txt", "sub/link.txt"]);
    expect(aliases.map((f) => f.slice(dir.length + 1)).sort()).toEqual(["named.txt", "sub/link.txt"]);
  });

  it("takes named files as they are, globs as matched, and each path once", async () => {
    const dir = tempDir("glob");
    for (const f of ["1.txt", "2.txt", "3.md", "notes.csv"]) writeFileSync(join(dir, f), "x");
    const files = [...(await expandInputs([join(dir, "*.txt"), join(dir, "1.txt"), join(dir, "notes.csv")]))];
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(["1.txt", "2.txt", "notes.csv"]);
    await expect(expandInputs([join(dir, "*.doc")])).rejects.toMatchObject({ code: "no-match" });
    // a typo stops the run before anything is written
    await expect(expandInputs([join(dir, "1.txt"), join(dir, "missing.pdf")])).rejects.toMatchObject({ code: "no-such-input", message: `${join(dir, "missing.pdf")}: no such file or folder` });
  });

  it.each([
    ["1/1", [1, 1]],
    ["2/8", [2, 8]],
    [" 8/8 ", [8, 8]],
  ])("--shard %j", (spec, expected) => {
    expect(parseShard(spec)).toEqual(expected);
  });

  it.each(["0/4", "5/4", "1/0", "a/b", "2"])("--shard %j is refused", (spec) => {
    expect(() => parseShard(spec)).toThrow(/K\/N/);
  });

  it("shards cover the list without overlap", () => {
    const items = PathList.of(Array.from({ length: 10 }, (_, i) => String(i)));
    const parts = [1, 2, 3].map((k) => [...shard(items, [k, 3])]);
    expect(parts).toEqual([["0", "3", "6", "9"], ["1", "4", "7"], ["2", "5", "8"]]);
  });
});

describe("summary", () => {
  it("counts by status, format, encoding, type and error, and keeps the slowest", () => {
    const s = new SummaryBuilder(0);
    s.add({ line: "", ok: true, path: "/a.pdf", sha256: "1", format: "pdf", encoding: "tcvn3", type: "CV", pages: 2 }, 500);
    s.add({ line: "", ok: true, path: "/b.docx", sha256: "2", format: "docx", encoding: "unicode", type: null, pages: null }, 50);
    s.add({ line: "", ok: false, path: "/c.pdf", sha256: "3", format: "pdf", code: "timeout", message: "gave up" }, 9000);
    const out = s.finish({});
    expect(out.status).toEqual({ ok: 2, error: 1 });
    expect(out.byFormat).toEqual({ pdf: 2, docx: 1 });
    expect(out.byEncoding).toEqual({ tcvn3: 1, unicode: 1 });
    expect(out.byType).toEqual({ CV: 1, none: 1 });
    expect(out.byError).toEqual({ timeout: 1 });
    expect(out.pages).toBe(2);
    expect(out.slowest.map((x) => x.path)).toEqual(["/c.pdf", "/a.pdf", "/b.docx"]);
    expect(out.errors).toEqual([{ path: "/c.pdf", code: "timeout", message: "gave up" }]);
  });
});

describe("the same top-level keys on every JSONL line", () => {
  it("gives an error record every key of a record, blank, and a record error: null", async () => {
    const { recordLine, errorLine } = await import("../../src/bulk/lines.js");
    const { parseText } = await import("../../src/parse-text.js");
    const rec = parseText("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\nSố: 1/UBND-VX\nV/v thử\nKính gửi: Sở Y tế\nNội dung.\n");
    const decode = (bytes: Uint8Array) => JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    const ok = decode(recordLine(rec));
    expect(ok).toEqual({ ...JSON.parse(JSON.stringify(rec)), error: null });
    expect(Object.keys(ok).at(-1)).toBe("error");
    // convert --check: `checks` after the record's keys, before `error`; the bytes as JSON.stringify gives them
    const checks = [{ rule: "so-ky-hieu", severity: "warning", message: "thiếu năm ban hành" }];
    const checked = new TextDecoder().decode(recordLine(rec, checks));
    expect(checked).toBe(JSON.stringify({ ...rec, checks, error: null }));
    expect(new TextDecoder().decode(recordLine(rec))).toBe(JSON.stringify({ ...rec, error: null }));
    // a record too long for the kept buffer, one that makes it grow, and a short one after them: the same bytes as JSON.stringify gives
    // (a character beyond the basic plane, and a lone surrogate, which JSON.stringify writes escaped)
    for (const chars of [400_000, 100_000, 10]) {
      const long = { ...rec, body: { ...rec.body, text: "Điều ạ, “trích”.\n".repeat(chars / 16) + "😀\ud800" } };
      expect(new TextDecoder().decode(recordLine(long))).toBe(JSON.stringify({ ...long, error: null }));
    }
    const err = decode(errorLine({ source: { path: "/a/x.pdf", sha256: "ab" }, error: { code: "corrupt-file", message: "bad", limitMb: 5 } as never }));
    expect(Object.keys(err)).toEqual(Object.keys(ok));
    expect(err.source).toEqual({ path: "/a/x.pdf", format: null, sha256: "ab", pages: null, encoding: null, ocr: null });
    expect(err.error).toEqual({ code: "corrupt-file", message: "bad", limitMb: 5 });
    expect([err.issuer, err.tasks, err.body, err.nationalTitle]).toEqual([null, [], null, null]);
  });
});

const zipOf = async (files: Record<string, string | Uint8Array>) => {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
};

describe("zip archives in a listing", () => {
  it("each document inside is listed as archive.zip!/inner, nested archives too, to a depth limit; hidden and system entries skipped", async () => {
    const dir = tempDir("zips");
    const deepest = await zipOf({ "d.txt": "d" });
    const third = await zipOf({ "c.txt": "c", "d.zip": deepest });
    const second = await zipOf({ "b.txt": "b", "c.zip": third });
    writeFileSync(join(dir, "a.zip"), await zipOf({ "2024/a.txt": "Công văn", "b.zip": second, "__MACOSX/2024/._a.txt": "x", ".DS_Store": "x", "2024/": "" }));
    writeFileSync(join(dir, "empty.zip"), await zipOf({}));
    writeFileSync(join(dir, "broken.zip"), "PK\x03\x04 not really");
    writeFileSync(join(dir, "plain.txt"), "x");
    const rejected = new Map<string, Rejected>();
    const skipped: Skipped[] = [];
    const listed: string[] = [];
    const inputs = ["a.zip", "broken.zip", "empty.zip", "plain.txt"].map((f) => join(dir, f));
    for await (const p of withArchiveEntries(inputs, rejected, skipped)) listed.push(p.slice(dir.length + 1));
    expect(listed).toEqual([
      "a.zip!/2024/a.txt", "a.zip!/b.zip!/b.txt", "a.zip!/b.zip!/c.zip!/c.txt", "a.zip!/b.zip!/c.zip!/d.zip",
      "broken.zip", "empty.zip", "plain.txt",
    ]);
    const why = (p: string) => rejected.get(join(dir, p));
    expect(why("a.zip!/b.zip!/c.zip!/d.zip")).toEqual({ code: "limit", message: "a zip archive inside 3 others, past the limit of 3 levels; not opened" });
    expect(why("broken.zip")?.code).toBe("corrupt-file");
    expect(why("broken.zip")?.message).toMatch(/^cannot read this zip archive/);
    expect(why("empty.zip")).toEqual({ code: "empty-file", message: "a zip archive with no files in it" });
    expect(skipped.map((s) => [s.path.slice(dir.length + 1), s.rule])).toEqual([["a.zip!/.DS_Store", "hidden"], ["a.zip!/__MACOSX/", "system"]]);
    // a worker takes each one out of its archive, however deep
    expect(new TextDecoder().decode(await readInput(join(dir, "a.zip!/b.zip!/c.zip!/c.txt")))).toBe("c");
    expect(new TextDecoder().decode(await readInput(join(dir, "a.zip!/2024/a.txt")))).toBe("Công văn");
    await expect(readInput(join(dir, "a.zip!/2024/gone.txt"))).rejects.toMatchObject({ code: "unreadable-file" });
    await expect(readInput(join(dir, "a.zip!/2024/a.txt"), { maxBytes: 4 })).rejects.toMatchObject({ code: "too-large" });
  });
});

describe("the summary a person reads", () => {
  it("groups failures by code, writes each reason once, sorts the files by path, relative to the input folder", () => {
    const b = new SummaryBuilder(0);
    const hint = "a scanned PDF, and no OCR engine is installed: install tesseract-ocr and tesseract-ocr-vie (apt), or npm install tesseract.js @tesseract.js-data/vie";
    const fail = (path: string, code: string, message: string) => b.add({ line: "", ok: false, path, sha256: null, format: null, code, message }, 10);
    fail("/kho/z/c.pdf", "ocr-unavailable", hint);
    fail("/kho/a.pdf", "ocr-unavailable", hint);
    fail("/kho/b/b.pdf", "ocr-unavailable", hint);
    fail("/kho/x.docx", "corrupt-file", "cannot read this docx file: bad zip");
    fail("/kho/w.docx", "corrupt-file", "cannot read this docx file: no body");
    b.addSkipped([{ path: "/kho/.git/", rule: "hidden" }, { path: "/kho/Thumbs.db", rule: "system" }, { path: "/kho/.x.txt", rule: "hidden" }]);
    const text = formatSummary(b.finish({ total: 5 }), { base: "/kho" });
    expect(text.split(hint)).toHaveLength(2); // once
    expect(text).toContain(`  ✗ ocr-unavailable (3): ${hint}\n      a.pdf\n      b/b.pdf\n      z/c.pdf\n`);
    expect(text).toContain("  ✗ corrupt-file (2):\n      w.docx: cannot read this docx file: no body\n      x.docx: cannot read this docx file: bad zip\n");
    expect(text.indexOf("ocr-unavailable (3)")).toBeLessThan(text.indexOf("corrupt-file (2)"));
    expect(text).toContain("  skipped by rule, not read: 3 (hidden 2, system 1); by extension: (folder) 1, .db 1, .txt 1\n    hidden: .git/, .x.txt\n    system: Thumbs.db\n");
  });

  it("lists at most N files a code, then says how many more", () => {
    const b = new SummaryBuilder(0);
    for (let i = 0; i < 15; i++) b.add({ line: "", ok: false, path: `/k/f${String(i).padStart(2, "0")}.txt`, sha256: null, format: null, code: "empty-file", message: "the file is empty" }, 1);
    const text = formatSummary(b.finish({}), { base: "/k", pathsEach: 10 });
    expect(text).toContain("      f09.txt\n      … and 5 more\n");
    expect(text).not.toContain("f10.txt");
  });
});

describe("progress", () => {
  it("the ETA comes from the last minute's throughput, not the average since the start", () => {
    const t0 = 1_000_000;
    const m = new Throughput(60_000, t0);
    // 100 quick files in the first 10 s, then one file every 10 s
    for (let i = 1; i <= 100; i++) m.add(i, t0 + i * 100);
    for (let k = 1; k <= 12; k++) m.add(100 + k, t0 + 10_000 + k * 10_000);
    const now = t0 + 130_000;
    expect(m.rate(now)).toBeCloseTo(0.1, 1); // the average since the start would say 0.86
    expect(m.eta(112, 142, now)).toBe("5m00s"); // 30 files at 0.1/s, not 35 s
  });

  it("cuts a long path in the middle, keeping its start and its file name", () => {
    const p = "kho-luu-tru/2019/so-y-te/phong-nghiep-vu/cong-van-den/thang-12/1842-UBND-VX-ve-viec-trien-khai.pdf";
    const cut = middleTruncate(p, 50);
    expect(cut).toHaveLength(50);
    expect(cut.startsWith("kho-luu-tru/")).toBe(true);
    expect(cut.endsWith("1842-UBND-VX-ve-viec-trien-khai.pdf")).toBe(true);
    expect(cut).toContain("…");
    expect(middleTruncate("a/b.pdf", 50)).toBe("a/b.pdf");
  });
});
