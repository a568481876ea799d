import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exit.js";
import { parseText } from "../../src/index.js";
import { ensureBuilt } from "../bulk/build.js";
import { fixture } from "../helpers.js";

const bin = fileURLToPath(new URL("../../bin/vanban.js", import.meta.url));
const run = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [bin, ...args], { input: input ?? "", encoding: "utf8", timeout: 60_000 });

beforeAll(() => ensureBuilt(), 300_000);

const dir = mkdtempSync(join(tmpdir(), "vanban-exit-"));
const folder = join(dir, "in");
mkdirSync(folder);
writeFileSync(join(folder, "a.txt"), readFileSync(fixture("cong-van-ubnd.txt")));
writeFileSync(join(dir, "a-file"), "not a folder");

/** The exit-code table of the README and docs/bulk.md, one row a case. */
describe("exit statuses and their one-line messages", () => {
  it.each(([
    ["a folder that does not exist", ["convert", join(dir, "no-such-folder"), "--out", join(dir, "o1.jsonl")], EXIT.noInput, /^vanban convert: .*no-such-folder: no such file or folder$/],
    ["a glob that matches nothing", ["convert", join(dir, "*.nothing"), "--out", join(dir, "o2.jsonl")], EXIT.noInput, /^vanban convert: .*matches no file$/],
    ["a named file that does not exist, beside one that does", ["convert", join(folder, "a.txt"), join(dir, "gone.pdf"), "--out", join(dir, "o3.jsonl")], EXIT.noInput, /gone\.pdf: no such file or folder$/],
    ["--out in a folder that does not exist", ["convert", folder, "--out", join(dir, "missing", "o.jsonl")], EXIT.output, /^vanban convert: .*missing\/o\.jsonl: cannot write the output: the folder .*missing does not exist \(vanban does not create it: make it first\)$/],
    ["--out under a file", ["convert", folder, "--out", join(dir, "a-file", "o.jsonl")], EXIT.output, /cannot write the output: .*a-file is not a folder$/],
    ["--out naming a folder", ["convert", folder, "--out", folder], EXIT.output, /cannot write the output: it is a folder \(name a file\)$/],
    ["--format csv --out naming a file", ["convert", folder, "--format", "csv", "--out", join(dir, "a-file")], EXIT.output, /it is a file, not a folder/],
    ["--summary in a folder that does not exist", ["convert", folder, "--out", join(dir, "o4.jsonl"), "--summary", join(dir, "nope", "s.json")], EXIT.output, /cannot write the summary: the folder .*nope does not exist/],
    ["--jobs abc", ["convert", folder, "--out", join(dir, "o5.jsonl"), "--jobs", "abc"], EXIT.usage, /^vanban: option '-j, --jobs <n>' argument 'abc' is invalid\. --jobs takes a positive number\n\(vanban convert --help lists its options\)$/],
    ["--format xyz", ["convert", folder, "--out", join(dir, "o6.jsonl"), "--format", "xyz"], EXIT.usage, /argument 'xyz' is invalid\. Allowed choices are jsonl, json, csv, parquet\.\n\(vanban convert --help lists its options\)$/],
    ["an unknown option", ["convert", folder, "--out", join(dir, "o7.jsonl"), "--bogus"], EXIT.usage, /^vanban: unknown option '--bogus'\n\(vanban convert --help lists its options\)$/],
    ["no --out", ["convert", folder], EXIT.usage, /^vanban convert: --out PATH is required/],
    ["--shard 3/2", ["convert", folder, "--out", join(dir, "o8.jsonl"), "--shard", "3/2"], EXIT.usage, /--shard takes K\/N/],
    ["parse of a file that does not exist", ["parse", join(dir, "gone.pdf")], EXIT.noInput, /^vanban: .*gone\.pdf: no such file$/],
    ["parse --format xyz", ["parse", "-", "--format", "xyz"], EXIT.usage, /argument 'xyz' is invalid.*\n\(vanban parse --help lists its options\)$/],
    ["parse of an empty file", ["parse", "-"], EXIT.failed, /^vanban: -: the file is empty$/],
  ] as [string, string[], number, RegExp][]).map(([name, args, status, message]) => [name, status, args, message] as const))("%s → exit %i and one clear line", (_, status, args, message) => {
    const r = run(args);
    expect(r.status).toBe(status);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr).not.toMatch(/ENOENT|ENOTDIR|Usage:|\n\s+at /);
    expect(r.stderr.trimEnd().split("\n").length).toBeLessThanOrEqual(2);
  });

  it("a run that completes → 0; with --fail-on-error and a failed file → 1 (tests/bulk/convert.test.ts); interrupted → 130 (ibid.)", () => {
    const r = run(["convert", folder, "--out", join(dir, "ok.jsonl"), "-q", "--jobs", "1"]);
    expect(r.status).toBe(EXIT.ok);
    expect(r.stderr).toBe("");
  });

  it("the README and docs/bulk.md carry the same table", () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    for (const doc of ["README.md", "docs/bulk.md"]) {
      const text = readFileSync(join(root, doc), "utf8");
      for (const code of Object.values(EXIT)) expect(text, doc).toMatch(new RegExp(`\\| \`${code}\` \\|`));
    }
  });
});

describe("a document on standard input, and its format", () => {
  const md = readFileSync(fixture("bulk/thong-bao-ket-luan.md"), "utf8");
  const facts = (r: Record<string, any>) => [r.source.format, r.issuer?.name, r.number?.raw, r.date?.value, r.signatures?.[0]?.name];
  const byPath = JSON.parse(run(["parse", fixture("bulk/thong-bao-ket-luan.md")]).stdout);

  it.each([["-"], ["--stdin"]])("parse %s --format md reads piped Markdown as the file read by its name", (how) => {
    const r = run(["parse", how, "--format", "md"], md);
    expect(r.status).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(facts(rec)).toEqual(facts(byPath));
    expect(facts(rec).every((v) => v)).toBe(true);
    expect(rec.warnings.map((w: { code: string }) => w.code)).not.toContain("mislabelled-file");
  });

  it("without --format the same bytes are plain text, and the table's signer is lost", () => {
    const rec = JSON.parse(run(["parse", "-"], md).stdout);
    expect(rec.source.format).toBe("txt");
    expect(rec.signatures?.[0]?.name ?? null).not.toBe(byPath.signatures[0].name);
  });

  it("a format the bytes show wins over --format, with a warning", () => {
    const r = run(["parse", "-", "--format", "md"], readFileSync(fixture("cong-van-ubnd.html")));
    const rec = JSON.parse(r.stdout);
    expect(rec.source.format).toBe("html");
    expect(rec.warnings).toContainEqual(expect.objectContaining({ code: "mislabelled-file", message: "the input was given as md but its content is html" }));
  });

  it("parseText(text, { format }) reads Markdown and HTML strings as their loaders do", () => {
    const rec = parseText(md, { format: "md" });
    expect(facts(rec)).toEqual(facts(byPath));
    const html = readFileSync(fixture("cong-van-ubnd.html"), "utf8");
    const fromHtml = parseText(html, { format: "html" });
    expect(fromHtml.source.format).toBe("html");
    expect(fromHtml.number?.raw).toBe(JSON.parse(run(["parse", fixture("cong-van-ubnd.html")]).stdout).number.raw);
    expect(parseText(md).source.format).toBe("txt");
    expect(() => parseText(md, { format: "pdf" })).toThrow(/can be read as txt, md, html, not pdf/);
  });
});
