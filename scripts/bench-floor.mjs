#!/usr/bin/env node
// node scripts/bench-floor.mjs ROOT TEXT_DIR OUT_FILE
// What `convert` cannot go below on a folder of text documents whatever its parser does: each file
// read (synchronously, as a worker reads it), its SHA-256 taken and its bytes decoded as UTF-8,
// then its record written as a JSON line to OUT_FILE in 64 KB batches — the same record the
// pipeline gives for a document of its kind (the kinds parsed once, before the clock starts; each
// file's own path and hash put in), so each line is as long as `convert`'s. No parse, no worker, no
// message between threads, no schema check: everything left of the budget a document
// (1 / 2,000 CPU-s = 500 µs) is what the stages, the pool and the check may take. Prints JSON:
// CPU µs a file for the input side (read, hash, decode) and the output side (JSON, UTF-8, write)
// apart, each timed in a pass of its own over all the files, and the files per CPU-second of both.
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [root, textDir, outFile] = process.argv.slice(2);
const { parseText } = await import(pathToFileURL(join(root, "dist", "src", "index.js")).href);

const files = [];
for (const sub of readdirSync(textDir).sort()) for (const name of readdirSync(join(textDir, sub)).sort()) files.push(join(textDir, sub, name));
// the records of the kinds (bench files cycle through them: file i is kind i mod kinds)
const kinds = new Map();
const recordOf = (text) => {
  const kind = text.replace(/Số: \d+/, "Số:");
  let record = kinds.get(kind);
  if (!record) kinds.set(kind, (record = parseText(text, { validate: false })));
  return record;
};
const records = files.map((path) => recordOf(readFileSync(path, "utf8")));

const cpuMicros = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
const decoder = new TextDecoder("utf-8", { fatal: false });

// the input side: what a worker does with a file before its text reaches the stages
let hashes = new Array(files.length);
let t0 = cpuMicros();
let chars = 0;
for (let i = 0; i < files.length; i++) {
  const bytes = readFileSync(files[i]);
  hashes[i] = createHash("sha256").update(bytes).digest("hex");
  chars += decoder.decode(bytes).length;
}
const inputMicros = cpuMicros() - t0;

// the output side: each file's record as a JSON line, written in 64 KB batches
const out = openSync(outFile, "w");
let batch = [];
let batchChars = 0;
let lineChars = 0;
t0 = cpuMicros();
for (let i = 0; i < files.length; i++) {
  const record = records[i];
  record.source.path = files[i];
  record.source.sha256 = hashes[i];
  const line = JSON.stringify(record) + "\n";
  lineChars += line.length;
  batch.push(line);
  if ((batchChars += line.length) >= 1 << 16) {
    writeSync(out, batch.join(""));
    batch = [];
    batchChars = 0;
  }
}
if (batch.length) writeSync(out, batch.join(""));
closeSync(out);
const outputMicros = cpuMicros() - t0;
hashes = null;

const n = files.length;
process.stdout.write(JSON.stringify({
  files: n,
  kinds: kinds.size,
  textChars: Math.round(chars / n),
  lineChars: Math.round(lineChars / n),
  inputMicrosPerFile: inputMicros / n,
  outputMicrosPerFile: outputMicros / n,
  filesPerCpuSecond: n / ((inputMicros + outputMicros) / 1e6),
}) + "\n");
