// `vanban convert` under hostile conditions (issue 16): special files, symlinks, an output that
// names an input, a full disk, formula cells in CSV, a file named like an option.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvField } from "../../src/bulk/csv.js";
import { parseCsv, readJsonl, ROOT, runCli, startCli, tempDir, waitFor } from "./helpers.js";

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

  it("may not be reached through a symbolic link in an input folder either", async () => {
    const dir = tempDir("outlink");
    mkdirSync(join(dir, "in"));
    copyFileSync(DOC, join(dir, "in", "doc.txt"));
    const out = join(dir, "out.jsonl");
    writeFileSync(out, "");
    symlinkSync(out, join(dir, "in", "alias.txt"));
    const r = await runCli(["convert", join(dir, "in"), "--out", out, "--follow-symlinks", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the output ${out} is also one of the inputs (${join(dir, "in", "alias.txt")})`);
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

/** `n` copies of the sample công văn, each with its own number, in `dir/in`. */
function folderOf(dir: string, n: number): string[] {
  const text = readFileSync(DOC, "utf8");
  mkdirSync(join(dir, "in"), { recursive: true });
  return Array.from({ length: n }, (_, i) => {
    const path = join(dir, "in", `f-${String(i).padStart(3, "0")}.txt`);
    writeFileSync(path, text.replace("1842/SYT-NVY", `${1000 + i}/SYT-NVY`));
    return path;
  });
}

/** How many times each input's path stands in the JSONL (a torn last line is left out). */
function countsOf(out: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of readJsonl(out)) counts.set(r.source.path, (counts.get(r.source.path) ?? 0) + 1);
  return counts;
}

describe("convert: killed at random moments, then resumed", () => {
  it("SIGKILL three times mid-run (at moments drawn from a seed), then --resume: each input exactly once", async () => {
    const dir = tempDir("killed");
    const files = folderOf(dir, 24);
    const out = join(dir, "out.jsonl");
    let seed = 16;
    const draw = (a: number, b: number) => a + (((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % (b - a + 1));
    for (let k = 0; k < 3; k++) {
      const before = readJsonl(out).length;
      const run = startCli(["convert", join(dir, "in"), "--out", out, "--resume", "--jobs", "2", "-q"]);
      // a moment: after 1 to 4 more records, plus 0 to 300 ms (between records, or inside a write)
      const more = draw(1, 4);
      await waitFor(() => readJsonl(out).length >= Math.min(before + more, files.length - 1), 120_000, `${more} more records`);
      await new Promise((r) => setTimeout(r, draw(0, 300)));
      run.child.kill("SIGKILL");
      await run.done;
    }
    const last = await runCli(["convert", join(dir, "in"), "--out", out, "--resume", "--jobs", "2", "-q"]);
    expect(last.code).toBe(0);
    const text = readFileSync(out, "utf8");
    for (const line of text.trimEnd().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
    const counts = countsOf(out);
    expect([...counts.keys()].sort()).toEqual(files);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
  }, 300_000);
});

/**
 * A full disk, made with a small tmpfs (root only): where mounting is not permitted (CI may run
 * unprivileged, in a container) these tests skip and say why. /dev/full above covers the first write.
 */
const mountPoint = tempDir("tmpfs");
const mountable = (() => {
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", "size=200k", "tmpfs", mountPoint], { encoding: "utf8" });
  if (r.status === 0) return spawnSync("umount", [mountPoint]).status === 0;
  console.log(`skipping the full-disk tests: cannot mount a small tmpfs (${(r.stderr || r.error?.message || "not permitted").trim()})`);
  return false;
})();

describe.skipIf(!mountable)("convert: the disk fills up mid-run (a 200 KB tmpfs)", () => {
  const dir = tempDir("full");
  const files = folderOf(dir, 30); // about 210 KB of records
  const remount = (size: string) => execFileSync("mount", ["-o", `remount,size=${size}`, mountPoint]);
  const clear = () => {
    for (const f of readdirSync(mountPoint)) spawnSync("rm", ["-rf", join(mountPoint, f)]);
  };
  beforeAll(() => {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=200k", "tmpfs", mountPoint]);
  });
  afterAll(() => {
    spawnSync("umount", [mountPoint]);
  });

  it("JSONL: a message naming the output, a non-zero exit; with room again, --resume has each input exactly once", async () => {
    clear();
    remount("200k");
    const out = join(mountPoint, "out.jsonl");
    const r = await runCli(["convert", join(dir, "in"), "--out", out, "--jobs", "2", "-q"]);
    // a write that fills the disk writes part of a line and says so without an error: that was exit 0
    expect(r.code).toBe(4); // the output cannot be written
    expect(r.stderr.trim()).toBe(`vanban convert: ${out}: cannot write the output: the disk is full`);
    expect(countsOf(out).size).toBeLessThan(files.length);
    remount("4m");
    const again = await runCli(["convert", join(dir, "in"), "--out", out, "--resume", "--jobs", "2", "-q"]);
    expect(again.code).toBe(0);
    const counts = countsOf(out);
    expect([...counts.keys()].sort()).toEqual(files);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
  }, 240_000);

  it("CSV: the records fit but the tables do not: no table is left half-written, and --resume builds them whole", async () => {
    clear();
    remount("300k");
    const out = join(mountPoint, "csv");
    const r = await runCli(["convert", join(dir, "in"), "--format", "csv", "--out", out, "--jobs", "2", "-q"]);
    expect(r.code).toBe(4);
    expect(r.stderr.trim()).toBe(`vanban convert: ${out}: cannot write the output: the disk is full`);
    expect(readdirSync(out).filter((f) => f.endsWith(".csv"))).toEqual([]);
    remount("8m");
    const again = await runCli(["convert", join(dir, "in"), "--format", "csv", "--out", out, "--resume", "--jobs", "2", "-q"]);
    expect(again.code).toBe(0);
    const [header, ...rows] = parseCsv(readFileSync(join(out, "documents.csv"), "utf8"));
    expect(rows.filter((row) => row.length > 1)).toHaveLength(files.length);
    expect(new Set(rows.map((row) => row[header.indexOf("path")] ?? row[0])).size).toBe(files.length);
  }, 240_000);
});
