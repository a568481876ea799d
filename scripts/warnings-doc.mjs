#!/usr/bin/env node
// Writes docs/warnings.md from the warning catalogue (src/record/warnings.ts). Needs `npm run build` first.
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { warningsMarkdown } = await import(join(root, "dist", "src", "record", "warnings.js"));
writeFileSync(join(root, "docs", "warnings.md"), warningsMarkdown());
console.log("docs/warnings.md written");
