import type * as Chevrotain from "chevrotain";

/**
 * chevrotain for the outline parser. In Node, its one-file ESM build (shipped in the package, outside
 * its exports map): the package's entry loads ~600 lodash-es modules, ~300 ms of every worker's
 * start-up; this file, ~10 ms. Anything else (a test runner, a package laid out otherwise) takes
 * the entry. The browser build puts src/browser/chevrotain.ts in this module's place (a static
 * import, which the bundler can place in the entry's chunk).
 */
async function load(): Promise<typeof Chevrotain> {
  try {
    if (typeof process !== "undefined" && process.versions?.node && typeof import.meta.resolve === "function") {
      return (await import(new URL("../chevrotain.mjs", import.meta.resolve("chevrotain")).href)) as typeof Chevrotain;
    }
  } catch {
    // not where it was: the entry below
  }
  return import("chevrotain");
}

export const { createToken, createTokenInstance, EmbeddedActionsParser } = await load();
