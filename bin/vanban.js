#!/usr/bin/env node
// The CLI runs the compiled library; `npm install` builds it (the `prepare` script).
import { existsSync } from "node:fs";

const entry = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("vanban: not built yet; run `npm install` (or `npm run build`) in the vanban folder\n");
  process.exit(1);
}
const { main } = await import(entry.href);
await main();
