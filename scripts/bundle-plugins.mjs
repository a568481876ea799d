// esbuild plugins the bundles share (scripts/browser-build.mjs, scripts/worker-build.mjs).
import { join } from "node:path";

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
