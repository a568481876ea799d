/**
 * The part of iconv-lite that the HTML and RTF loaders use (`decode`, `encodingExists`), on the
 * browser's TextDecoder: the browser build aliases `iconv-lite` to this module, because iconv-lite
 * needs Node's Buffer. TextDecoder knows the WHATWG encodings (windows-125x, GBK, Shift_JIS, …);
 * legacy Vietnamese font encodings (TCVN3, VNI) are decoded later by normalize, not here.
 */
const label = (name: string) => name.toLowerCase().replace(/^cp(\d{3,4})$/, "windows-$1");

function encodingExists(name: string): boolean {
  try {
    new TextDecoder(label(name));
    return true;
  } catch {
    return false;
  }
}

function decode(bytes: Uint8Array, name: string): string {
  return new TextDecoder(label(name)).decode(bytes);
}

export default { decode, encodingExists };
