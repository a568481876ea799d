// `vanban convert` under hostile conditions (issue 16): special files, symlinks, an output that
// names an input, a full disk, formula cells in CSV, a file named like an option.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { csvField } from "../../src/bulk/csv.js";
import { parseCsv, readJsonl, ROOT, runCli, tempDir } from "./helpers.js";

const DOC = join(ROOT, "fixtures", "bulk", "cong-van-so-y-te.txt");

describe("convert: special files and symlinks in a folder", () => {
  const dir = tempDir("special");
  const inputs = join(dir, "in");
  const out = join(dir, "out.jsonl");
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    mkdirSync(inputs);
    copyFileSync(DOC, join(inputs, "a-normal.txt"));
    execFileSync("mkfifo", [join(inputs, "b-fifo.txt")]);
    symlinkSync("/dev/zero", join(inputs, "c-zero.txt"));
    writeFileSync(join(dir, "secret.txt"), "BÍ MẬT\n");
    symlinkSync(join(dir, "secret.txt"), join(inputs, "d-outside.txt"));
    symlinkSync(join(inputs, "a-normal.txt"), join(inputs, "e-inside.txt"));
    run = await runCli(["convert", inputs, "--out", out, "--jobs", "1", "--timeout", "20", "-q"]);
  }, 120_000);

  const codeOf = (name: string) => {
    const rec = readJsonl(out).find((r) => r.source.path === join(inputs, name));
    return rec ? (rec.error?.code ?? "record") : "missing";
  };

  it("finishes, with one line per file", () => {
    expect(run.code).toBe(0);
    expect(readJsonl(out)).toHaveLength(5);
  });

  it("a FIFO is a not-a-file record (it hung the batch)", () => expect(codeOf("b-fifo.txt")).toBe("not-a-file"));
  it("a symlink out of the folder is not followed", () => {
    expect(codeOf("d-outside.txt")).toBe("outside-input");
    expect(readFileSync(out, "utf8")).not.toContain("BÍ MẬT");
  });
  it("a symlink to /dev/zero is refused unread", () => expect(codeOf("c-zero.txt")).toBe("outside-input"));
  it("a symlink inside the folder is read", () => expect(codeOf("e-inside.txt")).toBe("record"));

  it("--follow-symlinks reads the link out of the folder, and /dev/zero still is not-a-file", async () => {
    const out2 = join(dir, "out2.jsonl");
    const r = await runCli(["convert", join(inputs, "c-zero.txt"), join(inputs, "d-outside.txt"), "--out", out2, "--follow-symlinks", "--jobs", "1", "-q"]);
    expect(r.code).toBe(0);
    const recs = readJsonl(out2);
    expect(recs.find((x) => x.source.path.endsWith("c-zero.txt"))?.error.code).toBe("not-a-file");
    expect(recs.find((x) => x.source.path.endsWith("d-outside.txt"))?.error).toBeFalsy();
  });
});

describe("convert: the output", () => {
  it("may not name one of the inputs: refused before the input is touched", async () => {
    const dir = tempDir("outin");
    const victim = join(dir, "victim.txt");
    copyFileSync(DOC, victim);
    const r = await runCli(["convert", victim, "--out", victim, "-q"]);
    expect(r.code).toBe(2); // a wrong command line
    expect(r.stderr).toContain(`the output ${victim} is also one of the inputs`);
    expect(readFileSync(victim).equals(readFileSync(DOC))).toBe(true);
  });

  it("a full disk: a clear message naming the output and a non-zero exit", async () => {
    // /dev/full answers every write with ENOSPC
    const r = await runCli(["convert", DOC, "--out", "/dev/full", "-q"]);
    expect(r.code).toBe(4);
    expect(r.stderr.trim()).toBe("vanban convert: /dev/full: cannot write the output: the disk is full");
  });

  it("an output under a file: a clear message and a non-zero exit", async () => {
    const r = await runCli(["convert", DOC, "--out", join(DOC, "x.jsonl"), "-q"]);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`vanban convert: ${join(DOC, "x.jsonl")}: cannot write the output: ${DOC} is not a folder\n`);
  });
});

describe("CSV: formula cells neutralised", () => {
  it.each([
    ["=SUM(1+1)*cmd|' /C calc'!A0", "'=SUM(1+1)*cmd|' /C calc'!A0"],
    ["@SUM(1+1)", "'@SUM(1+1)"],
    ["+84 912", "'+84 912"],
    ["- Sở Y tế", "'- Sở Y tế"],
    ["\tx", "'\tx"],
    ["Sở Y tế", "Sở Y tế"],
    ["=a,b", `"'=a,b"`],
  ])("%j → %j", (value, expected) => expect(csvField(value)).toBe(expected));

  it("numbers stay numbers, and the guard can be turned off", () => {
    expect(csvField(-5)).toBe("-5");
    expect(csvField("=1+1", false)).toBe("=1+1");
  });

  it("documents.csv of a document whose subject begins with = holds it as text; --no-formula-guard keeps it raw", async () => {
    const dir = tempDir("formula");
    const doc = readFileSync(DOC, "utf8").replace(/^V\/v .*$/m, "V/v =HYPERLINK(\"http://x\";\"bấm\")");
    expect(doc).toContain("V/v =HYPERLINK");
    writeFileSync(join(dir, "cv.txt"), doc);
    const subjects: string[] = [];
    for (const flag of [[], ["--no-formula-guard"]]) {
      const out = join(dir, `csv${flag.length}`);
      const r = await runCli(["convert", join(dir, "cv.txt"), "--format", "csv", "--out", out, "-q", ...flag]);
      expect(r.code).toBe(0);
      const [header, row] = parseCsv(readFileSync(join(out, "documents.csv"), "utf8"));
      subjects.push(row[header.indexOf("subject")]);
    }
    expect(subjects).toEqual(["'=HYPERLINK(\"http://x\";\"bấm\")", "=HYPERLINK(\"http://x\";\"bấm\")"]);
  }, 180_000);
});

describe("parse: a file whose name begins with -", () => {
  it("works after --", async () => {
    const dir = tempDir("dash");
    copyFileSync(DOC, join(dir, "-x.txt"));
    const r = await runCli(["parse", "--no-ocr", "--", "-x.txt"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).source.path).toBe("-x.txt");
  });
});
