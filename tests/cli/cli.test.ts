import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixture, readFixture } from "../helpers.js";

const bin = fileURLToPath(new URL("../../bin/vanban.js", import.meta.url));
const run = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", timeout: 60_000 });

describe("vanban CLI", () => {
  it("parse prints one JSON record", () => {
    const r = run(["parse", fixture("cong-van-ubnd.txt")]);
    expect(r.status).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.number).toMatchObject({ value: "1842", symbol: "UBND-VX" });
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
  });

  it.each(["cong-van-ubnd.txt", "cong-van-ubnd.docx", "cong-van-ubnd.pdf", "cong-van-ubnd.html"])(
    "parse --explain %s prints every line with its class, its role and the rule that gave it",
    (name) => {
      const r = run(["parse", "--explain", fixture(name)]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/\bnumber \(number-line\)\n\s+number ← number-line\n\s+\| Số: 1842\/UBND-VX/);
      expect(r.stdout).toMatch(/signer-name ← /);
      expect(r.stdout).toMatch(/distribution ← noi-nhan/);
    },
  );

  it("parse - reads the document from standard input", () => {
    const r = run(["parse", "-"], readFixture("cong-van-ubnd.txt"));
    expect(r.status).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.source.path).toBeNull();
    expect(rec.issuer.name).toBe("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH");
  });

  it.each([
    ["a missing file", "missing.pdf", 3, /missing\.pdf: no such file/],
    ["binary junk", "junk.bin", 1, /junk\.bin: binary content/],
    ["an empty file", "empty.txt", 1, /empty\.txt: the file is empty/],
    ["a truncated PDF", "cut.pdf", 1, /cut\.pdf: /],
  ])("%s (%s): one line naming the file on stderr, nothing on stdout, exit %i", (_, name, status, message) => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-cli-"));
    if (name === "junk.bin") writeFileSync(join(dir, name), Buffer.from([0, 1, 2, 3, 0, 0, 9, 0xff, 0]));
    if (name === "empty.txt") writeFileSync(join(dir, name), "");
    if (name === "cut.pdf") writeFileSync(join(dir, name), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog");
    const r = run(["parse", join(dir, name)]);
    expect(r.status).toBe(status);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("parse and convert --max-facts N: each list of facts keeps its first N, the record warns", () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-cli-"));
    writeFileSync(join(dir, "years.txt"), "UBND TỈNH A\nCÔNG VĂN\n" + "năm 2020 ".repeat(20));
    const parsed = run(["parse", join(dir, "years.txt"), "--max-facts", "3"]);
    expect(parsed.status).toBe(0);
    const converted = run(["convert", dir, "--out", "-", "--max-facts", "3", "--quiet", "--jobs", "1"]);
    expect(converted.status).toBe(0);
    for (const rec of [JSON.parse(parsed.stdout), JSON.parse(converted.stdout)]) {
      expect(rec.dates).toHaveLength(3);
      expect(rec.warnings).toContainEqual({ code: "facts-truncated", message: "the document gives more than 3 dates; the first 3 are kept (--max-facts)", span: null });
    }
  });

  it("text prints the normalized text", () => {
    const r = run(["text", fixture("cong-van-ubnd.docx")]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n").slice(0, 2)).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH"]);
  });

  it("schema prints the JSON Schema", () => {
    const r = run(["schema"]);
    expect(JSON.parse(r.stdout).$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });
});

describe("vanban CLI in a pipe", () => {
  it("stops quietly when the reader closes the pipe early", () => {
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${bin}" text "${fixture("cong-van-ubnd.pdf")}" | head -1`], { encoding: "utf8", timeout: 60_000 });
    expect(r.stdout.trim()).toBe("ỦY BAN NHÂN DÂN");
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});
