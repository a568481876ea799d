import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tableSchemas, writeCsvTables } from "../../src/bulk/csv.js";
import { convert, type ConvertLine } from "../../src/index.js";
import { ensureBuilt } from "./build.js";
import { readJsonl, ROOT, runCli, tempDir } from "./helpers.js";

/**
 * What a data team does with a converted folder: load the JSONL, the CSV tables and the Parquet
 * tables into DuckDB and query them with no casts. The folder mixes formats, a failure and an
 * unreadable file, so every kind of line is there.
 */

const dir = tempDir("analytics");
const input = join(dir, "in");
const pqDir = join(dir, "pq");
const csvDir = join(dir, "csv");
const journal = join(pqDir, "records.jsonl");

function mixedFolder(): void {
  mkdirSync(input, { recursive: true });
  const fixtures = join(ROOT, "fixtures");
  for (const f of readdirSync(join(fixtures, "bulk"))) copyFileSync(join(fixtures, "bulk", f), join(input, f));
  for (const f of ["cong-van-ubnd.pdf", "cong-van-ubnd.docx", "cong-van-ubnd.html"]) if (existsSync(join(fixtures, f))) copyFileSync(join(fixtures, f), join(input, f));
  for (const f of readdirSync(join(fixtures, "extract"))) copyFileSync(join(fixtures, "extract", f), join(input, `x-${f}`));
  writeFileSync(join(input, "empty.txt"), "");
  writeFileSync(join(input, "broken.pdf"), "%PDF-1.7\nnot a pdf at all");
}

let duck: typeof import("@duckdb/node-api") | null = null;
let duckWhy = "";
try {
  duck = await import("@duckdb/node-api");
} catch (err) {
  duckWhy = `@duckdb/node-api cannot load here (${(err as Error).message.split("\n")[0]})`;
}

type Row = Record<string, unknown>;
let query: (sql: string) => Promise<Row[]>;
let lines: Record<string, any>[];

beforeAll(async () => {
  ensureBuilt();
  mixedFolder();
  const run = await runCli(["convert", input, "--out", pqDir, "--format", "parquet", "--jobs", "2", "-q"]);
  expect(run.code, run.stderr).toBe(0);
  writeCsvTables(journal, csvDir);
  lines = readJsonl(journal);
  if (duck) {
    const db = await duck.DuckDBInstance.create(":memory:");
    const con = await db.connect();
    query = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJson() as Row[];
    await con.run("CREATE SCHEMA csv; CREATE SCHEMA pq;");
    for (const [schema, folder] of [["csv", csvDir], ["pq", pqDir]]) {
      await con.run(`SET file_search_path = '${folder}'; SET schema = '${schema}';`);
      await con.run(readFileSync(join(folder, "duckdb.sql"), "utf8"));
    }
    await con.run(`SET schema = 'main'; CREATE VIEW jsonl AS SELECT * FROM read_json('${journal}');`);
  }
}, 180_000);

describe("the JSONL of a mixed folder", () => {
  it("has the same top-level keys on every line, records and error records alike", () => {
    const inputs = readdirSync(input).length;
    expect(lines).toHaveLength(inputs);
    const keys = new Set(lines.map((l) => JSON.stringify(Object.keys(l))));
    expect([...keys]).toHaveLength(1);
    const failed = lines.filter((l) => l.error !== null);
    expect(failed.map((l) => l.error.code).sort()).toEqual(["corrupt-file", "empty-file"]);
    for (const f of failed) {
      expect(Object.keys(f.source).sort()).toEqual(["encoding", "format", "ocr", "pages", "path", "sha256"]);
      expect(f.tasks).toEqual([]);
      expect(f.issuer).toBeNull();
    }
  });

  it("types a date once for all: start and end ISO days and the precision, also on task deadlines", () => {
    const dates = lines.flatMap((l) => l.dates ?? []);
    expect(dates.some((d) => d.precision === "day")).toBe(true);
    for (const d of dates) {
      if (d.precision === null) expect(d.value).toMatch(/^(T|--)/);
      else expect(d.start <= d.end, d.value).toBe(true);
    }
    const due = lines.flatMap((l) => l.tasks ?? []).filter((t) => t.deadline);
    expect(due.length).toBeGreaterThan(0);
    for (const t of due) if (t.deadlinePrecision) expect(t.deadlineStart.slice(0, 4)).toBe(t.deadline.slice(0, 4));
  });
});

describe.skipIf(!duck)(`DuckDB over the CSV, Parquet and JSONL outputs ${duckWhy}`, () => {
  it("reads every table with its declared types, CSV and Parquet alike, and the same rows", async () => {
    for (const t of tableSchemas()) {
      const want = t.header.map((name, i) => `${name} ${t.types[i]}`);
      for (const schema of ["csv", "pq"]) {
        const got = await query(`DESCRIBE ${schema}."${t.name}"`);
        expect(got.map((c) => `${c.column_name} ${c.column_type}`), `${schema}.${t.name}`).toEqual(want);
      }
      const diff = await query(`SELECT count(*) AS n FROM ((FROM csv."${t.name}" EXCEPT ALL FROM pq."${t.name}") UNION ALL (FROM pq."${t.name}" EXCEPT ALL FROM csv."${t.name}"))`);
      expect(diff[0].n, t.name).toBe("0");
    }
    const n = await query(`SELECT count(*) AS n FROM pq.documents`);
    expect(Number(n[0].n)).toBe(lines.length);
  });

  const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify(Object.values(r))).sort();

  it("counts tasks per canonical assignee with deadlines by month", async () => {
    const tables = (s: string) => `
      SELECT a.canonical AS assignee, date_trunc('month', t.deadline_start) AS month, count(*) AS tasks
      FROM ${s}.task_assignees a JOIN ${s}.tasks t ON a.doc_id = t.doc_id AND a.task_seq = t.seq
      GROUP BY ALL`;
    const csv = await query(tables("csv"));
    expect(sorted(await query(tables("pq")))).toEqual(sorted(csv));
    const fromJson = await query(`
      SELECT assignee, month, count(*) AS tasks FROM (
        SELECT unnest(t.assigneeCanonical) AS assignee, date_trunc('month', t.deadlineStart) AS month
        FROM (SELECT unnest(tasks) AS t FROM jsonl))
      GROUP BY ALL`);
    expect(sorted(fromJson)).toEqual(sorted(csv));
    expect(csv.some((r) => r.month !== null && Number(r.tasks) > 0)).toBe(true);
  });

  it("ranks the most-cited documents by their key", async () => {
    const tables = (s: string) => `SELECT key, count(*) AS mentions FROM ${s}."references" WHERE key IS NOT NULL GROUP BY key`;
    const csv = await query(tables("csv"));
    expect(sorted(await query(tables("pq")))).toEqual(sorted(csv));
    const fromJson = await query(`SELECT r.key, count(*) AS mentions FROM (SELECT unnest("references") AS r FROM jsonl) WHERE r.key IS NOT NULL GROUP BY ALL`);
    expect(sorted(fromJson)).toEqual(sorted(csv));
    const top = csv.sort((a, b) => Number(b.mentions) - Number(a.mentions))[0];
    expect(Number(top.mentions)).toBeGreaterThan(1);
  });

  it("counts documents per canonical issuer per year", async () => {
    const tables = (s: string) => `SELECT issuer_canonical AS issuer, year(date_start) AS year, count(*) AS documents FROM ${s}.documents WHERE status = 'ok' GROUP BY ALL`;
    const csv = await query(tables("csv"));
    expect(sorted(await query(tables("pq")))).toEqual(sorted(csv));
    const fromJson = await query(`SELECT issuer.canonical AS issuer, year(date.start) AS year, count(*) AS documents FROM jsonl WHERE error IS NULL GROUP BY ALL`);
    expect(sorted(fromJson)).toEqual(sorted(csv));
    expect(csv.some((r) => typeof r.issuer === "string" && r.year !== null)).toBe(true);
  });
});

describe("convert() from the library", () => {
  it("yields one line per input, the CLI's lines, and stops the workers when the loop breaks", async () => {
    const got: ConvertLine[] = [];
    const it = convert([input], { jobs: 2 });
    let step = await it.next();
    while (!step.done) {
      got.push(step.value);
      step = await it.next();
    }
    const summary = step.value!;
    expect(summary.status.ok + summary.status.error).toBe(lines.length);
    const byPath = (l: { source: { path: string | null } }) => l.source.path!;
    expect(got.map(byPath).sort()).toEqual(lines.map(byPath).sort());
    const cli = new Map(lines.map((l) => [byPath(l as ConvertLine), l]));
    for (const rec of got) expect(rec, rec.source.path!).toEqual(cli.get(byPath(rec)));

    // paths from an iterable, an early break, and the done ones skipped
    const paths = readdirSync(input).sort().map((f) => join(input, f));
    const seen: string[] = [];
    for await (const rec of convert(paths, { jobs: 1, ordered: true, skip: [paths[0]] })) {
      seen.push(rec.source.path!);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(paths.slice(1, 3));
  }, 120_000);
});
