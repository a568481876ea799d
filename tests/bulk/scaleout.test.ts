import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";
import { ensureBuilt } from "./build.js";
import { CLI, jsonl, ROOT, tempDir } from "./helpers.js";

/**
 * Spreading a corpus over machines: the contract every engine relies on (paths in on stdin, one
 * line out per path, whatever the environment), and a real Dask cluster — a scheduler and two
 * workers on loopback — mapping partitions of paths through `vanban convert --stdin --jobs 1`.
 */

const dir = tempDir("scaleout");
const input = join(dir, "in");
let paths: string[] = [];

beforeAll(() => {
  ensureBuilt();
  mkdirSync(input, { recursive: true });
  for (const f of readdirSync(join(ROOT, "fixtures", "bulk"))) copyFileSync(join(ROOT, "fixtures", "bulk", f), join(input, f));
  for (const f of ["cong-van-ubnd.txt", "cong-van-ubnd.html"]) copyFileSync(join(ROOT, "fixtures", f), join(input, f));
  writeFileSync(join(input, "empty.txt"), "");
  paths = readdirSync(input).sort().map((f) => join(input, f));
});

/** Runs a command with exactly this environment (Spark's RDD.pipe gives an empty one). */
function runWithEnv(cmd: string, args: string[], env: Record<string, string>, stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", (err) => resolve({ code: -1, stdout, stderr: String(err) }));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** The lines a pipe gives back, keyed by path; each path exactly once. */
function byPath(stdout: string): Map<string, Record<string, any>> {
  const lines = jsonl(stdout);
  const map = new Map(lines.map((l) => [l.source.path as string, l]));
  expect(map.size, "a path twice").toBe(lines.length);
  return map;
}

/** What single-file `parse()` gives, for comparing with the records a pipe returned. */
async function expectSameAsParse(got: Map<string, Record<string, any>>): Promise<void> {
  expect([...got.keys()].sort()).toEqual(paths);
  for (const p of paths) {
    const line = got.get(p)!;
    if (line.error) {
      await expect(parse(p)).rejects.toMatchObject({ code: line.error.code });
      continue;
    }
    const { error, ...record } = line;
    expect(error).toBeNull();
    expect(record, p).toEqual(JSON.parse(JSON.stringify(await parse(p))));
  }
}

describe("the pipe contract (Spark RDD.pipe, Hadoop Streaming, GNU parallel)", () => {
  it("works under an empty environment once vanban is found: PATH given, or node and the script named", async () => {
    const stdin = paths.join("\n") + "\n";
    // RDD.pipe("vanban …", env={"PATH": …}): a PATH with `vanban` and `node` on it is all it needs
    const bin = join(dir, "bin");
    mkdirSync(bin, { recursive: true });
    if (!existsSync(join(bin, "vanban"))) symlinkSync(CLI, join(bin, "vanban"));
    chmodSync(CLI, 0o755);
    const [withPath, bare] = await Promise.all([
      runWithEnv("/bin/sh", ["-c", "vanban convert --stdin -q --jobs 1"], { PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin` }, stdin),
      // no environment at all: absolute paths to node and the script
      runWithEnv(process.execPath, [CLI, "convert", "--stdin", "-q", "--jobs", "1"], {}, stdin),
    ]);
    expect(withPath.code, withPath.stderr).toBe(0);
    expect(withPath.stdout.endsWith("\n") && !/\t\n/.test(withPath.stdout)).toBe(true);
    await expectSameAsParse(byPath(withPath.stdout));
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stdout.split("\n").sort()).toEqual(withPath.stdout.split("\n").sort());
  }, 120_000);
});

/** A Python that has Debian's python3-distributed (Dask), or why there is none. */
function daskPython(): { python: string | null; why: string } {
  for (const python of ["/usr/bin/python3", "python3"]) {
    const r = spawnSync(python, ["-c", "import distributed, dask.bag"], { encoding: "utf8" });
    if (r.status === 0) return { python, why: "" };
  }
  return { python: null, why: "(skipped: no python3 with Dask distributed; `apt-get install python3-distributed`)" };
}
const dask = daskPython();

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });

describe.skipIf(!dask.python)(`Dask distributed: a scheduler and two workers on loopback ${dask.why}`, () => {
  const procs: ChildProcess[] = [];
  const cleanEnv = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, PYTHONDONTWRITEBYTECODE: "1" };
  let address = "";

  beforeAll(async () => {
    const port = await freePort();
    address = `tcp://127.0.0.1:${port}`;
    const py = dask.python!;
    const start = (args: string[]) => {
      const p = spawn(py, args, { cwd: dir, env: cleanEnv, stdio: "ignore" });
      procs.push(p);
    };
    start(["-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", String(port), "--no-dashboard", "--no-show"]);
    for (let i = 0; i < 2; i++) {
      start(["-m", "distributed.cli.dask_worker", address, "--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1", "--no-dashboard", "--no-nanny", "--local-directory", join(dir, `w${i}`)]);
    }
  }, 30_000);

  afterAll(() => {
    for (const p of procs) if (p.exitCode === null && p.pid) p.kill("SIGTERM");
  });

  it("maps partitions of paths through `vanban convert --stdin --jobs 1`: every input once, records equal to parse()", async () => {
    const list = join(dir, "paths.txt");
    writeFileSync(list, paths.join("\n") + "\n");
    const out = join(dir, "dask.jsonl");
    const run = await runWithEnv(
      dask.python!,
      [join(ROOT, "examples", "dask_convert.py"), address, list, out, "2"],
      { ...cleanEnv, VANBAN_CMD: JSON.stringify([process.execPath, CLI]), DASK_MIN_WORKERS: "2" },
      "",
    );
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stderr.trim().split("\n").pop()!);
    expect(report.paths).toBe(paths.length);
    expect(Object.keys(report.workers)).toHaveLength(2);
    await expectSameAsParse(byPath(readFileSync(out, "utf8")));
  }, 150_000);
});
