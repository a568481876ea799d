/** What src/segment/chevrotain.ts gives in Node, for the browser build: the package, imported statically. */
export { createToken, createTokenInstance, EmbeddedActionsParser } from "chevrotain";
