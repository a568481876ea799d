import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvField, csvRow, CSV_TABLES, columnsOf } from "../../src/bulk/csv.js";
import { expandInputs, parseShard, shard } from "../../src/bulk/inputs.js";
import { readJournal, writeJsonArray } from "../../src/bulk/journal.js";
import { SummaryBuilder } from "../../src/bulk/summary.js";
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
  it("walks folders recursively in sorted order, documents only, hidden ones skipped", async () => {
    const dir = tempDir("walk");
    for (const f of ["b.pdf", "a.DOCX", "c.json", "sub/z.txt", "sub/y.htm", ".git/x.txt", ".hidden.txt", "sub/deep/q.rtf", "README"]) {
      mkdirSync(join(dir, f, ".."), { recursive: true });
      writeFileSync(join(dir, f), "x");
    }
    const files = await expandInputs([dir]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(["a.DOCX", "b.pdf", "sub/deep/q.rtf", "sub/y.htm", "sub/z.txt"]);
  });

  it("takes named files as they are, globs as matched, and each path once", async () => {
    const dir = tempDir("glob");
    for (const f of ["1.txt", "2.txt", "3.md", "notes.csv"]) writeFileSync(join(dir, f), "x");
    const files = await expandInputs([join(dir, "*.txt"), join(dir, "1.txt"), join(dir, "notes.csv")]);
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
    const items = Array.from({ length: 10 }, (_, i) => i);
    const parts = [1, 2, 3].map((k) => shard(items, [k, 3]));
    expect(parts).toEqual([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
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
    const { uniformLine } = await import("../../src/bulk/lines.js");
    const { parseText } = await import("../../src/pipeline.js");
    const rec = parseText("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\nSố: 1/UBND-VX\nV/v thử\nKính gửi: Sở Y tế\nNội dung.\n");
    const ok = JSON.parse(uniformLine({ ok: true, line: JSON.stringify(rec) }));
    expect(ok).toEqual({ ...JSON.parse(JSON.stringify(rec)), error: null });
    const err = JSON.parse(uniformLine({ ok: false, line: JSON.stringify({ source: { path: "/a/x.pdf", sha256: "ab" }, error: { code: "corrupt-file", message: "bad", limitMb: 5 } }) }));
    expect(Object.keys(err)).toEqual(Object.keys(ok));
    expect(err.source).toEqual({ path: "/a/x.pdf", format: null, sha256: "ab", pages: null, encoding: null, ocr: null });
    expect(err.error).toEqual({ code: "corrupt-file", message: "bad", limitMb: 5 });
    expect([err.issuer, err.tasks, err.body, err.nationalTitle]).toEqual([null, [], null, null]);
  });
});
