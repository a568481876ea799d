import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Domain knowledge lives in grammars/, and an export nothing reads is dead: a list that looks in
 * force and is not (the date words were so for a while). "Reads" means the code that ships or
 * measures it: src/ and scripts/, or another grammar file. An export read only by tests is dead too:
 * a test of a table no stage uses proves nothing about the parser.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, ext);
    return ext.test(name) ? [path] : [];
  });
}

const grammarFiles = files(join(root, "grammars"), /\.ts$/);
const readers = [...files(join(root, "src"), /\.ts$/), ...files(join(root, "scripts"), /\.(?:ts|mjs|js)$/), ...grammarFiles];
const sources = new Map(readers.map((f) => [f, readFileSync(f, "utf8")]));

/** Every name exported from grammars/, by its file. */
function grammarExports(): { file: string; name: string }[] {
  return grammarFiles.flatMap((file) =>
    [...sources.get(file)!.matchAll(/^export\s+(?:const|let|function|type|interface|enum|class)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => ({ file, name: m[1] })),
  );
}

/** The names exported from grammars/ that no other file of src/, scripts/ or grammars/ mentions. */
function unread(): string[] {
  return grammarExports()
    .filter(({ file, name }) => {
      const word = new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`);
      return ![...sources].some(([other, text]) => other !== file && word.test(text));
    })
    .map(({ file, name }) => `${relative(root, file)}: ${name}`);
}

describe("grammars/", () => {
  it("finds the exports of a grammar file", () => {
    const names = grammarExports().map((e) => e.name);
    expect(names).toContain("SIGNING_AUTHORITIES");
    expect(names).toContain("AgencyHead");
  });

  it("exports nothing that the stages do not read", () => {
    expect(unread()).toEqual([]);
  });
});
