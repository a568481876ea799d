import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { OutputError } from "../errors.js";

/**
 * Where the output goes must be there before a file is read: a folder of `--out` that does not
 * exist is refused rather than created (a typo in a script should stop it, not scatter outputs),
 * except the output folder of `--format csv|parquet` itself, made when its parent exists.
 */

const kind = (path: string): "missing" | "folder" | "file" | "other" => {
  try {
    const st = statSync(path);
    return st.isDirectory() ? "folder" : st.isFile() ? "file" : "other";
  } catch {
    return "missing";
  }
};

function parentReady(path: string, what: string): void {
  const parent = dirname(resolve(path));
  const k = kind(parent);
  if (k === "missing") throw new OutputError("output-failed", `cannot write ${what}: the folder ${parent} does not exist (vanban does not create it: make it first)`, path);
  if (k !== "folder") throw new OutputError("output-failed", `cannot write ${what}: ${parent} is not a folder`, path);
}

/** A file to be written: its folder exists, and it is not itself a folder. */
export function checkOutputFile(path: string, what = "the output"): void {
  parentReady(path, what);
  if (kind(path) === "folder") throw new OutputError("output-failed", `cannot write ${what}: it is a folder (name a file)`, path);
}

/** A folder to be written into (csv, parquet): made if missing, when its parent exists. */
export function prepareOutputFolder(path: string, what = "the output"): void {
  const k = kind(path);
  if (k === "folder") return;
  if (k !== "missing") throw new OutputError("output-failed", `cannot write ${what}: it is a file, not a folder (this format writes a folder of tables)`, path);
  parentReady(path, what);
  mkdirSync(path);
}
