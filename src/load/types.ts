import type { DigitalSignature, SourceFormat, Warning } from "../record/schema.js";
import type { TextLimits } from "../limits.js";

/** A run of text in one font, where the loader knows fonts (PDF, DOCX, DOC, RTF). */
export interface TextRun {
  text: string;
  /** font name as the file names it: `.VnTime`, `.VnTimeH`, `VNI-Times`, `Times New Roman` */
  font?: string;
}

/**
 * Where a line stands on the page. Loaders that read layout (PDF, DOCX tables) set `block`
 * so the segmenter need not guess which column of a two-column header a line belongs to.
 */
export type LayoutBlock =
  | "header-left" // cơ quan ban hành, số, V/v
  | "header-right" // quốc hiệu, tiêu ngữ, địa danh và ngày
  | "footer-left" // nơi nhận
  | "footer-right" // chữ ký
  | "footnote"
  | "body";

/** One line of the document as the loader found it. */
export interface SourceLine {
  text: string;
  /** runs with fonts, when known; their texts concatenated equal `text` */
  runs?: TextRun[];
  page?: number;
  x?: number;
  y?: number;
  /** font size in points */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  align?: "left" | "center" | "right" | "justify";
  block?: LayoutBlock;
  /** the loader knows this line ends a paragraph (DOCX paragraphs, HTML blocks) */
  paragraphEnd?: boolean;
  /** first-line indent in points, where the file states it (DOCX) */
  indent?: number;
  /** right edge of the line's text (PDF), in the units of `x` */
  x1?: number;
}

/** A page's size and, where the file states them (DOCX section), its margins; points. */
export interface PageGeometry {
  width: number;
  height: number;
  margins?: { top: number; bottom: number; left: number; right: number };
}

/** What a file says about its pages, for the layout rules of `vanban check`. */
export interface DocumentLayout {
  /** one entry a page (PDF) or a section (DOCX) */
  pages: PageGeometry[];
  /** a page number is printed on the first page (DOCX: a PAGE field in the first page's header or footer; PDF: a number in its margin) */
  pageNumberOnFirstPage?: boolean;
}

/** What a loader hands to the pipeline: the file as positioned lines, nothing interpreted yet. */
export interface LoadedDocument {
  format: SourceFormat;
  /** null where the format has no pages */
  pages: number | null;
  lines: SourceLine[];
  /** text came from OCR */
  ocr: boolean;
  /** the OCR engine's name, when `ocr` */
  ocrEngine?: string;
  warnings: Warning[];
  /** chữ ký số found in the file (PDF) */
  digitalSignatures?: DigitalSignature[];
  /** page size, margins and page numbers, where the format has pages (DOCX, PDF) */
  layout?: DocumentLayout;
  /** a portal page's metadata rows about the document (HTML): the site's words, kept out of `lines` */
  portalMetadata?: PortalMetadataRow[];
}

/** One metadata row of a portal page: `Số hiệu: 2739/VPCP-ĐMDN` → number, as the page writes it. */
export interface PortalMetadataRow {
  label: string;
  part: "number" | "type" | "issuer" | "signer" | "date" | null;
  value: string;
}

/** The text limits ride along: a loader that can count cheaply refuses before it builds. */
export interface LoadOptions extends TextLimits {
  /** file name, used in error messages and to break ties in format detection */
  path?: string;
  /** OCR scanned PDFs when an engine is available (default true) */
  ocr?: boolean;
  /** refuse files larger than this many bytes */
  maxBytes?: number;
  /** trusted root certificates (PEM text or DER) to judge digital signatures' issuers against; without them `trusted` is null */
  trustRoots?: (string | Uint8Array)[];
  /**
   * what the bytes are, when the caller knows and they cannot tell (standard input has no name):
   * text is then read as Markdown or HTML; a format the content itself shows (PDF, DOCX…) wins,
   * with a `mislabelled-file` warning
   */
  format?: SourceFormat;
  /** read every PDF text item's font name (`vanban check` needs them; it costs a second pass per page) */
  fonts?: boolean;
  /**
   * told how many pages OCR has read (`done` of `pages`), first with `done: 0` once the pages to
   * read are known: `vanban convert` shows it in its bar and lengthens the file's time limit
   */
  onOcrProgress?: (progress: { done: number; pages: number }) => void;
}

/** A loader reads one format. */
export interface Loader {
  format: SourceFormat;
  load(bytes: Uint8Array, options: LoadOptions): Promise<LoadedDocument>;
}
