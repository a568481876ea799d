import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { crc32 } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";
import { VanbanError } from "../../src/errors.js";
import { ensureBuilt } from "./build.js";
import { parseCsv, readJsonl, ROOT, runCli, sha256, startCli, tempDir, waitFor } from "./helpers.js";

const BULK_FIXTURES = join(ROOT, "fixtures", "bulk");
/** The hand-written fixtures of this area, and the project's sample documents where present. */
const goodFiles = () => [
  ...readdirSync(BULK_FIXTURES).map((f) => join(BULK_FIXTURES, f)),
  ...["cong-van-ubnd.pdf", "cong-van-ubnd.docx"].map((f) => join(ROOT, "fixtures", f)).filter(existsSync),
];

/** A real zip archive (stored, one entry) that is not a Word document. */
function zipWith(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const fname = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fname.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fname.length, 28);
  const end = Buffer.alloc(22);
  const cdOffset = local.length + fname.length + data.length;
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fname.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, fname, data, central, fname, end]);
}

/** Junk that no format claims: random bytes with NULs, deterministic. */
function junk(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  b[0] = 0x00;
  return b;
}

beforeAll(() => ensureBuilt(), 300_000);

describe("convert: a folder of good, broken and hanging files", () => {
  const dir = tempDir("mixed");
  const out = join(dir, "out.jsonl");
  const summaryFile = join(dir, "summary.json");
  const inputs = join(dir, "in");
  const good: string[] = [];
  /** file name → the error codes it may give */
  const bad: [string, string[]][] = [
    ["empty.txt", ["empty-file"]],
    ["junk.doc", ["unsupported-format", "corrupt-file"]],
    ["not-a-word.docx", ["unsupported-format", "corrupt-file"]],
    ["truncated.pdf", ["corrupt-file", "unsupported-format"]],
    ["big.txt", ["too-large"]],
    ["hang.txt", ["timeout"]],
    ["hog.txt", ["out-of-memory"]],
  ];
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    const sub = join(inputs, "nested", "deeper");
    mkdirSync(sub, { recursive: true });
    for (const f of goodFiles()) {
      const to = join(inputs, f.endsWith(".pdf") ? "nested" : ".", basename(f));
      copyFileSync(f, to);
      good.push(to);
    }
    const someText = readFileSync(join(BULK_FIXTURES, "cong-van-so-y-te.txt"));
    writeFileSync(join(inputs, "empty.txt"), "");
    writeFileSync(join(inputs, "junk.doc"), junk(5000));
    writeFileSync(join(inputs, "not-a-word.docx"), zipWith("ghi-chu.txt", "Đây là một tệp nén, không phải văn bản Word."));
    const pdf = goodFiles().find((f) => f.endsWith(".pdf"));
    const pdfBytes = pdf ? readFileSync(pdf) : Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R");
    writeFileSync(join(sub, "truncated.pdf"), pdfBytes.subarray(0, Math.floor(pdfBytes.length * 0.4)));
    const big = Buffer.alloc(20 * 2 ** 20);
    for (let at = 0; at < big.length; at += someText.length) someText.copy(big, at);
    writeFileSync(join(inputs, "big.txt"), big);
    writeFileSync(join(sub, "hang.txt"), someText);
    writeFileSync(join(inputs, "hog.txt"), someText);
    writeFileSync(join(inputs, "notes.json"), "{}"); // not a document's extension: read all the same (text, with nothing found)
    run = await runCli(
      [
        "convert", inputs, "--out", out, "--jobs", "2", "--timeout", "10", "--max-memory", "256",
        "--max-size", "8", "--summary", summaryFile, "-q",
      ],
      { env: { VANBAN_TEST_HANG: "hang.txt", VANBAN_TEST_EAT_MEMORY: "hog.txt" } },
    );
  }, 240_000);

  const pathOfBad = (name: string) => {
    const found = readJsonl(out).map((r) => r.source.path as string).find((p) => basename(p) === name);
    if (!found) throw new Error(`${name} is not in the output`);
    return found;
  };

  it("exits 0 and names every input exactly once", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const paths = readJsonl(out).map((r) => r.source.path as string);
    const expected = [...good, ...bad.map(([name]) => pathOfBad(name)), join(inputs, "notes.json")];
    expect([...paths].sort()).toEqual([...expected].sort());
  });

  it("writes whole JSON lines only", () => {
    const lines = readFileSync(out, "utf8").split("\n");
    expect(lines.pop()).toBe("");
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("gives the good files the same record as parsing them one by one", async () => {
    const byPath = new Map(readJsonl(out).map((r) => [r.source.path as string, r]));
    for (const path of good) {
      const got = byPath.get(path)!;
      let expected: unknown;
      try {
        expected = await parse(path);
      } catch (err) {
        if (!(err instanceof VanbanError)) throw err;
        expect(got.error?.code, path).toBe(err.code);
        continue;
      }
      expect(got, path).toEqual({ ...(expected as object), error: null });
      expect(got.source.sha256).toBe(sha256(path));
    }
    // the text, Markdown and HTML fixtures do not depend on an optional loader: they must succeed
    for (const path of good.filter((p) => p.startsWith(inputs) && /\.(txt|md|html)$/.test(p))) {
      expect(byPath.get(path)!.schemaVersion, path).toBe("1");
    }
  });

  it.each(bad)("reports %s with a clear error", (name, codes) => {
    const path = pathOfBad(name);
    const rec = readJsonl(out).find((r) => r.source.path === path)!;
    expect(rec.issuer).toBeNull(); // every key of a record is there, blank
    expect(codes).toContain(rec.error.code);
    expect(typeof rec.error.message).toBe("string");
    expect(rec.error.message.length).toBeGreaterThan(5);
    expect(rec.source.sha256).toBe(sha256(path));
  });

  it("writes a summary that adds up", () => {
    const s = JSON.parse(readFileSync(summaryFile, "utf8"));
    const n = good.length + bad.length + 1;
    expect(s.done).toBe(n);
    expect(s.status.ok + s.status.error).toBe(n);
    expect(s.byError.timeout).toBe(1);
    expect(s.byError["out-of-memory"]).toBe(1);
    expect(s.errors.map((e: { path: string }) => e.path)).toContain(pathOfBad("empty.txt"));
    expect(s.workersStarted).toBeGreaterThanOrEqual(4); // two replaced: the hang and the memory hog
    expect(s.slowest[0].path).toBe(pathOfBad("hang.txt"));
    expect(s.interrupted).toBe(false);
  });
});

describe("convert: exit status", () => {
  it.each([
    [["--fail-on-error"], true, 1],
    [[], true, 0],
    [["--fail-on-error"], false, 0],
  ])("with %j and a failure: %s → exit %i", async (flags, withFailure, code) => {
    const dir = tempDir("exit");
    writeFileSync(join(dir, "a.txt"), readFileSync(join(BULK_FIXTURES, "cong-van-so-y-te.txt")));
    if (withFailure) writeFileSync(join(dir, "b.txt"), "");
    const run = await runCli(["convert", dir, "--out", join(dir, "out.jsonl"), "-q", "--jobs", "1", ...flags]);
    expect(run.code).toBe(code);
    expect(readJsonl(join(dir, "out.jsonl"))).toHaveLength(withFailure ? 2 : 1);
  }, 120_000);
});

/** 40 small documents; two of them hang (through the test hook) so the run is caught mid-way. */
function corpus40(): { dir: string; files: string[] } {
  const dir = tempDir("resume");
  const text = readFileSync(join(BULK_FIXTURES, "cong-van-so-y-te.txt"), "utf8");
  const files: string[] = [];
  for (let i = 0; i < 40; i++) {
    const path = join(dir, "in", `f-${String(i).padStart(3, "0")}.txt`);
    files.push(path);
  }
  mkdirSync(join(dir, "in"), { recursive: true });
  files.forEach((f, i) => writeFileSync(f, text.replace("1842/SYT-NVY", `${1000 + i}/SYT-NVY`)));
  return { dir, files };
}
const HANG_MIDWAY = { VANBAN_TEST_HANG: "f-020.txt,f-021.txt" };

describe("convert: interrupted and resumed", () => {
  it("after a crash (SIGKILL) and a torn last line, --resume does each file exactly once", async () => {
    const { dir, files } = corpus40();
    const out = join(dir, "out.jsonl");
    const first = startCli(["convert", join(dir, "in"), "--out", out, "--jobs", "2", "--timeout", "0", "-q"], { env: HANG_MIDWAY });
    await waitFor(() => readJsonl(out).length >= 20, 120_000, "20 records");
    first.child.kill("SIGKILL");
    await first.done;
    const before = readFileSync(out, "utf8");
    const doneBefore = readJsonl(out).map((r) => r.source.path);
    expect(doneBefore.length).toBeLessThan(40);
    // the crash hit while a line was being written
    appendFileSync(out, `{"schemaVersion":"1","source":{"path":"${files[30]}","format":"t`);

    const second = await runCli(["convert", join(dir, "in"), "--out", out, "--resume", "--jobs", "2", "--summary", join(dir, "s.json"), "-q"]);
    expect(second.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.startsWith(before)).toBe(true); // nothing done before was rewritten
    for (const line of text.trimEnd().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
    const paths = readJsonl(out).map((r) => r.source.path as string);
    expect([...paths].sort()).toEqual(files);
    const summary = JSON.parse(readFileSync(join(dir, "s.json"), "utf8"));
    expect(summary.skipped).toBe(doneBefore.length);
    expect(summary.done).toBe(40 - doneBefore.length);
  }, 240_000);

  it("after Ctrl-C (SIGINT) the JSON output is valid, and --resume completes it", async () => {
    const { dir, files } = corpus40();
    const out = join(dir, "out.json");
    const journal = `${out}.partial.jsonl`;
    const first = startCli(["convert", join(dir, "in"), "--out", out, "--format", "json", "--jobs", "2", "--timeout", "0", "-q"], { env: HANG_MIDWAY });
    await waitFor(() => readJsonl(journal).length >= 20, 120_000, "20 records");
    first.child.kill("SIGINT");
    const stopped = await first.done;
    expect(stopped.code).toBe(130);
    const partial = JSON.parse(readFileSync(out, "utf8")) as { source: { path: string } }[];
    expect(partial.length).toBeGreaterThanOrEqual(20);
    expect(partial.length).toBeLessThan(40);
    expect(new Set(partial.map((r) => r.source.path)).size).toBe(partial.length);

    const second = await runCli(["convert", join(dir, "in"), "--out", out, "--format", "json", "--resume", "--jobs", "2", "-q"]);
    expect(second.code).toBe(0);
    const all = JSON.parse(readFileSync(out, "utf8")) as { source: { path: string } }[];
    expect(all.map((r) => r.source.path).sort()).toEqual(files);
    expect(existsSync(journal)).toBe(false);
  }, 240_000);
});

describe("convert: streaming and sharding", () => {
  it("--stdin reads paths one a line and writes one JSON line per path to stdout, as a pipe would", async () => {
    const files = readdirSync(BULK_FIXTURES).map((f) => join(BULK_FIXTURES, f));
    const missing = join(BULK_FIXTURES, "khong-co.txt");
    const input = [files[0], "", ...files.slice(1), missing].join("\r\n") + "\n";
    const run = await runCli(["convert", "--stdin", "--jobs", "2", "-q"], { input });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.endsWith("\n")).toBe(true);
    const recs = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(recs.map((r) => r.source.path).sort()).toEqual([...files, missing].sort());
    for (const r of recs.filter((r) => r.source.path !== missing)) expect(r.source.sha256).toBe(sha256(r.source.path));
    expect(recs.find((r) => r.source.path === missing).error.code).toBe("unreadable-file");
  }, 120_000);

  it("--shard K/N splits the sorted listing into disjoint parts that cover it", async () => {
    const { dir, files } = corpus40();
    const parts = await Promise.all(
      ["1/3", "2/3", "3/3"].map(async (k, i) => {
        const out = join(dir, `part-${i}.jsonl`);
        const run = await runCli(["convert", join(dir, "in", "*.txt"), "--shard", k, "--out", out, "--jobs", "1", "-q"]);
        expect(run.code).toBe(0);
        return readJsonl(out).map((r) => r.source.path as string);
      }),
    );
    expect(parts.map((p) => p.length)).toEqual([14, 13, 13]);
    expect(parts.flat().map((p) => join(dir, "in", basename(p))).sort()).toEqual(files);
    expect(parts[1].map((p) => basename(p)).sort()[0]).toBe("f-001.txt");
  }, 180_000);
});

describe("convert --format csv", () => {
  const dir = tempDir("csv");
  const outDir = join(dir, "tables");
  let run: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    writeFileSync(join(dir, "empty.txt"), "");
    run = await runCli(["convert", BULK_FIXTURES, join(dir, "empty.txt"), "--out", outDir, "--format", "csv", "--excel", "--jobs", "2", "-q"]);
  }, 120_000);

  const table = (name: string) => {
    const text = readFileSync(join(outDir, `${name}.csv`), "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    return parseCsv(text.slice(1));
  };

  it("writes every table with a header and rows as wide as it", () => {
    expect(run.code).toBe(0);
    for (const name of ["documents", "tasks", "dates", "references", "agencies", "people", "signatures", "distribution"]) {
      const [header, ...rows] = table(name);
      expect(header[0]).toBe("doc_id");
      for (const row of rows) expect(row.length, name).toBe(header.length);
    }
  });

  it("has one documents row per input, error rows included, and child rows that join to it", () => {
    const records = readJsonl(join(outDir, "records.jsonl"));
    const [header, ...docs] = table("documents");
    const col = (name: string) => header.indexOf(name);
    expect(docs).toHaveLength(readdirSync(BULK_FIXTURES).length + 1);
    const failed = docs.filter((d) => d[col("status")] === "error");
    expect(failed.map((d) => [d[col("path")], d[col("error_code")]])).toEqual([[join(dir, "empty.txt"), "empty-file"]]);
    const ids = new Set(docs.map((d) => d[0]));
    for (const [name, key] of [["tasks", "tasks"], ["dates", "dates"], ["signatures", "signatures"], ["distribution", "distribution"], ["people", "people"]] as const) {
      const [, ...rows] = table(name);
      for (const row of rows) expect(ids.has(row[0])).toBe(true);
      for (const rec of records.filter((r) => !r.error)) {
        expect(rows.filter((r) => r[0] === rec.source.sha256).length, `${name} of ${rec.source.path}`).toBe(rec[key].length);
      }
    }
    // a value with commas and Vietnamese survives the round trip
    const ok = records.find((r) => !r.error && r.subject)!;
    const row = docs.find((d) => d[col("path")] === ok.source.path)!;
    expect(row[col("subject")]).toBe(ok.subject);
    expect(row[col("number_raw")]).toBe(ok.number?.raw ?? "");
  });
});
