#!/usr/bin/env node
// Scores the CLI against folders of *.expect.json checks with ../shared/tools/score.mjs.
// usage: npm run eval [-- DIR…] [--min PCT] [--verbose]
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(root, "..", "shared");
const scorer = join(shared, "tools", "score.mjs");
const args = process.argv.slice(2);
const flags = [];
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--min") flags.push("--min", args[++i]);
  else if (args[i].startsWith("--")) flags.push(args[i]);
  else dirs.push(resolve(args[i]));
}
if (!existsSync(scorer)) {
  console.log(`eval: ${scorer} is absent (no ../shared beside this checkout); nothing to score`);
  process.exit(0);
}
if (!dirs.length) dirs.push(join(shared, "corpus", "seeds"));
let status = 0;
for (const dir of dirs) {
  console.log(`# ${dir}`);
  const r = spawnSync(process.execPath, [scorer, dir, root, ...flags], { stdio: "inherit" });
  if (r.status !== 0) status = 1;
}
process.exit(status);
