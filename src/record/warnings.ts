/**
 * The warning catalogue: every code a record's `warnings` may carry, with one line saying what
 * happened and what to check. `docs/warnings.md` is generated from this table
 * (`node scripts/warnings-doc.mjs`); a test keeps the two equal. A new warning gets its line here.
 */
export const WARNING_CATALOGUE = {
  // ---- load ----
  "no-text": "the file holds no text at all (an image-only or empty document that was not OCRed)",
  "mislabelled-file": "the file's extension names another format than its content; the content was followed",
  "pdf-glyphs": "a PDF page's soft hyphens (TCVN3 ư) were dropped by the PDF reader and could not be put back",
  "pdf-fonts": "a PDF page's font names could not be read, so legacy-font (TCVN3/VNI) detection had less to go on",
  "truncated-file": "the PDF does not end with %%EOF (a truncated download?); the pages that could be read were",
  "rotated-text": "vertical text (a margin note, a stamp) was left out of the PDF's lines",
  "ocr": "text was read by OCR; names and numbers may be misread",
  "bad-text-layer": "a PDF's text layer is not real text (scanner OCR without Vietnamese marks, garbage): OCRed instead, or kept as it is",
  "ocr-text-layer": "the PDF's text layer was written by OCR software (its Producer or Creator says so): read as OCR text",
  "page-without-text": "pages with little or no text (blank or scanned) were not OCRed (no OCR engine, or --no-ocr)",
  "signature-stamp": "a digital-signature stamp (organisation, e-mail, time) was left out of the document text",
  "letter-spaced": "lines set in letter-spaced type lost their word breaks",
  "dropped-page-title": "a portal's own title line above the document (Markdown heading, scraped text) was left out: the site's, not the document's",
  "page-header-skipped": "a Word document's page header/footer text was left out of the body",
  "pdf-annotations": "a PDF page's annotation text (the số and day stamped in at signing) could not be read",
  "ppt-edit-chain-broken": "a PowerPoint 97 file's slide list could not be followed; its text is given in file order",
  // ---- digital signatures (chữ ký số) ----
  "signatures-unreadable": "the PDF's digital signatures could not be read at all",
  "signature-broken": "a digital signature does not hold: the signed bytes changed, or it does not verify with its certificate",
  "signature-unverified": "a digital signature could not be verified (unknown algorithm, missing certificate, …)",
  "changed-after-signing": "bytes were added after the last digital signature: a later revision that no signature covers",
  // ---- normalize ----
  "encoding-uncertain": "the legacy encoding (TCVN3, VNI, VIQR, CP1258) was a guess between close candidates",
  "encoding-partial": "only part of the text was in a legacy encoding; the rest was kept as it was",
  "page-litter-dropped": "page numbers or running heads were left out of the text",
  // ---- segment ----
  "no-date": "no place-and-date line (địa danh, ngày tháng) was found in the header",
  "no-body": "no body text (nội dung) was found between the header and the signature",
  "no-signature": "no signature block (chức vụ, họ tên) was found",
  "header-line-in-body": "a header line (quốc hiệu, số) stands after the body began: the layout may have scrambled the header",
  // ---- record ----
  "portal-metadata-disagrees": "a portal page's metadata row (Số hiệu, Người ký, Ngày ban hành, …) says otherwise than the document; the document's own part is kept",
  "portal-metadata-only": "the document lacks a part that the portal page's metadata gives; the part stays empty (the site's value is in the message)",
  // ---- extract ----
  "facts-truncated": "a list of facts (dates, agencies, references, …) was longer than the limit (--max-facts, default 10,000): its first entries are kept",
  "weekday-mismatch": "a date's weekday does not fall on that date (`thứ Hai, ngày …`): one of the two is wrong",
} as const;

export type WarningCode = keyof typeof WARNING_CATALOGUE;
export const WARNING_CODES = Object.keys(WARNING_CATALOGUE) as [WarningCode, ...WarningCode[]];

/** The catalogue as Markdown: the text of `docs/warnings.md`. */
export function warningsMarkdown(): string {
  const rows = WARNING_CODES.map((c) => `| \`${c}\` | ${WARNING_CATALOGUE[c].replace(/\|/g, "\\|")} |`);
  return [
    "# Warnings",
    "",
    "Every record carries `warnings`: what could not be read, or was read with doubt. Each has a `code` from",
    "this catalogue, a `message` naming the particulars, and a `span` — the [start, end) offsets in the",
    "normalized text (`vanban text`) of what it is about, or `null` when it is about the whole file.",
    "Generated from `src/record/warnings.ts` by `node scripts/warnings-doc.mjs`.",
    "",
    "| code | meaning |",
    "| --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
