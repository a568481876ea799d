// What the bundles share (scripts/browser-build.mjs, scripts/worker-build.mjs): esbuild plugins, and
// the pass that gives a bundle back its top-level `const`s.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/**
 * chevrotain, bundled without its lexer. src/segment/chevrotain.ts loads chevrotain's one-file
 * build through a Node path at run time; a bundle imports the package statically instead
 * (src/browser/chevrotain.ts, in the chunk that needs it, not one awaited after it), and its lexer,
 * which the outline parser never runs, is left out (src/browser/chevrotain-lexer.ts says why).
 */
export function chevrotainStatic(root) {
  return {
    name: "chevrotain-static",
    setup(b) {
      b.onResolve({ filter: /^\.\/chevrotain\.js$/ }, (a) => (/src[\\/]segment$/.test(a.resolveDir) ? { path: join(root, "src", "browser", "chevrotain.ts") } : undefined));
      b.onResolve({ filter: /(^|\/)lexer_public\.js$/ }, (a) => (/node_modules[\\/]chevrotain[\\/]/.test(a.resolveDir) ? { path: join(root, "src", "browser", "chevrotain-lexer.ts") } : undefined));
    },
  };
}

/**
 * src/load/utf8.ts, which reads UTF-8 through Node's Buffer and ICU, replaced by
 * src/browser/utf8.ts (the same functions on TextDecoder) in the browser's bundle.
 */
export function utf8OnTextDecoder(root) {
  return {
    name: "utf8-on-text-decoder",
    setup(b) {
      b.onResolve({ filter: /^\.\/utf8\.js$/ }, (a) => (/src[\\/]load$/.test(a.resolveDir) ? { path: join(root, "src", "browser", "utf8.ts") } : undefined));
    },
  };
}

/**
 * A bundle's top-level `var`s made `const` again where the file never assigns them: esbuild writes
 * every top-level `const`, `let` and `class` of a bundle as `var` (its FAQ, "top-level var"), and
 * V8's optimizing compiler folds a module's `const` into the code that reads it where it loads a
 * `var` at each use. The worker's bundle with `var`s cost 12.45 M instructions a warm document
 * against tsc's modules' 12.20–12.32 M; with them `const` again, 12.16 M.
 *
 *     var LETTER = 1, SMALL = 2;   →  const LETTER = 1, SMALL = 2;
 *     var cache = null; … cache = new Map();   (assigned: stays `var`)
 *
 * `const` keeps the order modules run in (esbuild keeps it), so a read before the declaration
 * throws as it would have in tsc's modules. Returns the declarations changed and kept.
 */
export function restoreTopLevelConst(source) {
  const file = ts.createSourceFile("bundle.js", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const assigned = assignedNames(file);
  const starts = [];
  let kept = 0;
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || statement.declarationList.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) continue;
    const { declarations } = statement.declarationList;
    if (declarations.every((d) => d.initializer && boundNames(d.name).every((n) => !assigned.has(n)))) starts.push(statement.declarationList.getStart(file));
    else kept++;
  }
  let out = source;
  for (const at of starts.reverse()) out = `${out.slice(0, at)}const${out.slice(at + 3)}`;
  return { source: out, changed: starts.length, kept };
}

/** Every `.js` file of a bundle's folder through {@link restoreTopLevelConst}. */
export function restoreTopLevelConstIn(dir) {
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".js")) continue;
    const path = join(dir, name);
    writeFileSync(path, restoreTopLevelConst(readFileSync(path, "utf8")).source);
  }
}

/** The names a binding declares (`a`, `{ a, b: [c] }`). */
function boundNames(name) {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : boundNames(e.name)));
}

/** Every name assigned anywhere in `file` (`x = …`, `x += …`, `x++`, `[x] = …`, `for (x of …)`). */
function assignedNames(file) {
  const names = new Set();
  const target = (t) => {
    if (!t) return;
    if (ts.isIdentifier(t)) names.add(t.text);
    else if (ts.isParenthesizedExpression(t) || ts.isSpreadElement(t) || ts.isSpreadAssignment(t)) target(t.expression);
    else if (ts.isArrayLiteralExpression(t)) t.elements.forEach(target);
    else if (ts.isObjectLiteralExpression(t)) t.properties.forEach((p) => target(ts.isShorthandPropertyAssignment(p) ? p.name : (p.initializer ?? p.expression)));
    else if (ts.isBinaryExpression(t) && t.operatorToken.kind === ts.SyntaxKind.EqualsToken) target(t.left);
  };
  const visit = (node) => {
    const { SyntaxKind: K } = ts;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= K.FirstAssignment && node.operatorToken.kind <= K.LastAssignment) target(node.left);
    else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === K.PlusPlusToken || node.operator === K.MinusMinusToken)) target(node.operand);
    else if ((ts.isForInStatement(node) || ts.isForOfStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) target(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}
