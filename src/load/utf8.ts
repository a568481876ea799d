/**
 * UTF-8 bytes read as text, as `TextDecoder("utf-8")` reads them (a leading byte order mark
 * dropped), through ICU where this Node has it (`buffer.transcode`), the bytes checked first by
 * simdutf (`buffer.isUtf8`).
 *
 * Why not TextDecoder: V8's own decoder (TextDecoder and `Buffer#toString` alike, Node 20) walks
 * the bytes twice with a state machine a byte, ~35 instructions a byte of Vietnamese text: 285 K a
 * two-page document, 2.5% of everything `convert` does with it. The check and ICU's conversion
 * cost ~78 K (valgrind, the bench's 24 two-page documents). Bytes in ASCII are read as Latin-1 (a
 * one-byte string, as TextDecoder gives them), bytes that are not UTF-8 by TextDecoder itself.
 *
 * The browser build reads src/browser/utf8.ts in this module's place (TextDecoder: no Buffer there).
 */
import { isAscii, isUtf8, transcode } from "node:buffer";

const lenient = new TextDecoder("utf-8");
/** (a fatal decoder holds no state between calls made without `stream`: one serves every file) */
const fatal = new TextDecoder("utf-8", { fatal: true });

/** Whether this Node converts with ICU (built without it, `transcode` throws), asked once. */
let icu: boolean | undefined;
function hasIcu(): boolean {
  if (icu === undefined) {
    try {
      icu = transcode(Buffer.from("ạ", "utf8"), "utf8", "ucs2").toString("ucs2") === "ạ";
    } catch {
      icu = false;
    }
  }
  return icu;
}

/** The text of valid UTF-8 `bytes` (checked by the caller), its byte order mark dropped. */
function convert(bytes: Uint8Array): string {
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset + from, bytes.byteLength - from);
  if (isAscii(buf)) return buf.toString("latin1");
  return transcode(buf, "utf8", "ucs2").toString("ucs2");
}

/** `bytes` read as UTF-8; null where they are not UTF-8 (where a fatal TextDecoder throws). */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  if (!hasIcu()) {
    try {
      return fatal.decode(bytes);
    } catch {
      return null;
    }
  }
  return isUtf8(bytes) ? convert(bytes) : null;
}

/** `bytes` read as UTF-8, what is not UTF-8 in them read as U+FFFD (TextDecoder's way). */
export function decodeUtf8(bytes: Uint8Array): string {
  return hasIcu() && isUtf8(bytes) ? convert(bytes) : lenient.decode(bytes);
}

/**
 * UTF-16 text (`units`: little-endian code units, no lone surrogate) as UTF-8 bytes, in a buffer
 * of their own (never a slice of a shared pool: it can be transferred); null where this Node has
 * no ICU. V8's encoder (TextEncoder's `encodeInto`) cost ~250 K instructions a two-page document's
 * record (29 KB), ICU ~90 K with the copy of the text into `units`.
 */
export function utf16ToUtf8(units: Buffer): Buffer | null {
  return hasIcu() ? transcode(units, "ucs2", "utf8") : null;
}
