/**
 * What src/segment/chevrotain.ts gives in Node, for the bundles (the browser build, the `convert`
 * worker's): the package, imported statically (scripts/bundle-common.mjs puts it in that module's place).
 */
export { createToken, createTokenInstance, EmbeddedActionsParser } from "chevrotain";
