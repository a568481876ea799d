/**
 * pdf.js runs its "worker" in this thread under Node, and on some damaged files leaves promises of
 * its own rejected with nobody listening: `Catalog.getPageDict` prefetches every top-level page
 * dictionary and, when the walk stops at a bad one, never awaits the rest (a broken xref table gives
 * `XRefEntryException: Bad (uncompressed) XRef entry`). Node's default for an unhandled rejection is
 * to end the process: a library reading one bad PDF would kill its host program.
 *
 * While a PDF is being read (and for a moment after: pdf.js cleans up late) a listener takes those
 * rejections, and only those — a rejection that is not pdf.js's own is raised again as Node would,
 * unless the program has listeners of its own. The listener is removed once no PDF is being read,
 * so a program that reads no PDF never sees it.
 */

/** pdf.js's exception classes (its `BaseException` subclasses), by `name`. */
const PDFJS_EXCEPTIONS = new Set([
  "AbortException",
  "FormatError",
  "InvalidPDFException",
  "MissingPDFException",
  "PasswordException",
  "ResponseException",
  "UnexpectedResponseException",
  "UnknownErrorException",
  "XRefEntryException",
  "XRefParseException",
]);

/** Whether a rejection reason comes from pdf.js: one of its classes, or thrown in its code. */
export function isPdfjsRejection(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false;
  if (PDFJS_EXCEPTIONS.has(reason.name)) return true;
  return typeof reason.stack === "string" && /[\\/]pdfjs-dist[\\/]/.test(reason.stack);
}

let reading = 0;
let listening = false;

function onRejection(reason: unknown): void {
  if (isPdfjsRejection(reason)) return;
  // not ours to take: as Node would do without us, unless the program listens itself
  if (process.listenerCount("unhandledRejection") > 1) return;
  process.nextTick(() => {
    throw reason;
  });
}

/** Runs `read` with pdf.js's stray rejections taken; the listener stays a turn after the last read. */
export async function containPdfjsRejections<T>(read: () => Promise<T>): Promise<T> {
  if (typeof process === "undefined" || typeof process.on !== "function") return read();
  reading++;
  if (!listening) {
    process.on("unhandledRejection", onRejection);
    listening = true;
  }
  try {
    return await read();
  } finally {
    // unhandled rejections are reported after the microtasks of a turn: wait for the next turns
    setTimeout(() => {
      if (--reading === 0 && listening) {
        process.off("unhandledRejection", onRejection);
        listening = false;
      }
    }, 50).unref?.();
  }
}
