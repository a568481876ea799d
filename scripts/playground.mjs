#!/usr/bin/env node
// `npm run playground`: builds the playground into playground/dist/ and serves it on localhost
// (`--port N`, default 5173; `--no-serve` only builds). Everything it needs is in that folder, so it
// works offline; module scripts and pdf.js's worker need http, not file://.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPlayground } from "./browser-build.mjs";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm", ".bcmap": "application/octet-stream", ".pfb": "application/octet-stream", ".ttf": "font/ttf" };

/** A static server for `dir` on 127.0.0.1; resolves to it once listening (port 0: any free port). */
export function serve(dir, port = 0) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^([/\\])+/, "");
    let file = resolve(dir, path || "index.html");
    if (!file.startsWith(resolve(dir)) || !existsSync(file)) return res.writeHead(404).end("not found");
    if (statSync(file).isDirectory()) file = join(file, "index.html");
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = await buildPlayground();
  console.log(`playground built: ${dir}`);
  if (!args.includes("--no-serve")) {
    const i = args.indexOf("--port");
    const server = await serve(dir, i >= 0 ? Number(args[i + 1]) : 5173);
    console.log(`serving on http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)`);
  }
}
