/**
 * src/load/utf8.ts for the browser build (scripts/bundle-common.mjs `utf8OnTextDecoder`): the same
 * two functions on the browser's TextDecoder, where Node's Buffer, simdutf and ICU are not.
 */
const lenient = new TextDecoder("utf-8");
const fatal = new TextDecoder("utf-8", { fatal: true });

/** `bytes` read as UTF-8; null where they are not UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return fatal.decode(bytes);
  } catch {
    return null;
  }
}

/** `bytes` read as UTF-8, what is not UTF-8 in them read as U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  return lenient.decode(bytes);
}
