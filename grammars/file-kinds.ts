/**
 * Kinds of compound (OLE2) and zip files, told apart by the names of their parts. `format` is
 * the vanban loader that reads the kind; a kind without one is refused with its name. The first
 * row that matches wins: a Word document with an embedded workbook keeps `WordDocument` at its
 * root and the workbook deeper down, so root names are what count.
 */

interface OleKind {
  /** what the user calls it, for the error message */
  kind: string;
  /** stream or storage names at the root of the compound file */
  names: string[];
  format?: "doc" | "xls" | "ppt";
}

export const OLE_KINDS: OleKind[] = [
  { kind: "Word 97–2003 document (.doc)", names: ["WordDocument"], format: "doc" },
  { kind: "PowerPoint 97–2003 presentation (.ppt)", names: ["PowerPoint Document"], format: "ppt" },
  // "Workbook" from Excel 97 on; "Book" for Excel 5/95
  { kind: "Excel 97–2003 workbook (.xls)", names: ["Workbook", "Book"], format: "xls" },
  { kind: "Visio drawing (.vsd)", names: ["VisioDocument"] },
  { kind: "Publisher document (.pub)", names: ["Quill"] },
  { kind: "Outlook message (.msg)", names: ["__properties_version1.0"] },
  { kind: "Microsoft Project plan (.mpp)", names: ["   114", "   112"] },
  // an Office 2007+ file saved with a password: the real document is encrypted inside
  { kind: "password-protected (encrypted) Office document", names: ["EncryptedPackage"] },
  { kind: "Works document (.wps)", names: ["MatOST"] },
  { kind: "Equation Editor object", names: ["Equation Native"] },
];

interface ZipKind {
  kind: string;
  /** entry-name prefixes that only this kind has */
  entries?: string[];
  /** the OpenDocument `mimetype` entry's content */
  mimetype?: string;
  format?: "docx" | "xlsx" | "pptx";
}

export const ZIP_KINDS: ZipKind[] = [
  { kind: "OpenDocument text (.odt)", mimetype: "application/vnd.oasis.opendocument.text" },
  { kind: "OpenDocument spreadsheet (.ods)", mimetype: "application/vnd.oasis.opendocument.spreadsheet" },
  { kind: "OpenDocument presentation (.odp)", mimetype: "application/vnd.oasis.opendocument.presentation" },
  { kind: "EPUB e-book", mimetype: "application/epub+zip" },
  // "word/" as before: a .docx whose main part has another name still has the folder
  { kind: "Word document (.docx)", entries: ["word/document.xml", "word/"], format: "docx" },
  // whole entry names: a short prefix like "xl/" turns up by chance in a megabyte of compressed bytes
  { kind: "Excel workbook (.xlsx)", entries: ["xl/workbook.xml"], format: "xlsx" },
  { kind: "Excel binary workbook (.xlsb)", entries: ["xl/workbook.bin"] },
  { kind: "PowerPoint presentation (.pptx)", entries: ["ppt/presentation.xml"], format: "pptx" },
  { kind: "Visio drawing (.vsdx)", entries: ["visio/document.xml"] },
  { kind: "XPS document", entries: ["FixedDocSeq.fdseq", "Documents/1/FixedDocument.fdoc"] },
  { kind: "Android app (.apk)", entries: ["AndroidManifest.xml"] },
  { kind: "Java archive (.jar)", entries: ["META-INF/MANIFEST.MF"] },
];

/**
 * Kinds known by the bytes they start with (`at` = offset), refused with their name. `binary`:
 * only when a NUL byte follows within the first 64 bytes (`MZ` may begin a line of text too).
 */
export const MAGIC_KINDS: { kind: string; magic: string; at: number; binary?: boolean }[] = [
  { kind: "Access database (.mdb)", magic: "Standard Jet DB", at: 4 },
  { kind: "Access database (.accdb)", magic: "Standard ACE DB", at: 4 },
  // programs: `\x7FELF` (Linux), `MZ` (Windows .exe/.dll), Mach-O (macOS), Java class
  { kind: "executable program (ELF)", magic: "\x7fELF", at: 0 },
  { kind: "Windows executable program (.exe, .dll)", magic: "MZ", at: 0, binary: true },
  { kind: "macOS executable program (Mach-O)", magic: "\xcf\xfa\xed\xfe", at: 0 },
  { kind: "macOS executable program (Mach-O)", magic: "\xce\xfa\xed\xfe", at: 0 },
  { kind: "Java class file or macOS universal program", magic: "\xca\xfe\xba\xbe", at: 0 },
  // archives other than zip (zip archives are opened and their documents read)
  { kind: "RAR archive", magic: "Rar!\x1a\x07", at: 0 },
  { kind: "7-Zip archive", magic: "7z\xbc\xaf\x27\x1c", at: 0 },
  { kind: "gzip archive (.gz, .tgz)", magic: "\x1f\x8b", at: 0 },
  { kind: "bzip2 archive (.bz2)", magic: "BZh", at: 0, binary: true },
  { kind: "xz archive (.xz)", magic: "\xfd7zXZ\x00", at: 0 },
  { kind: "tar archive", magic: "ustar", at: 257 },
  // other images (vanban OCRs PNG, JPEG, TIFF and WebP) and media
  { kind: "GIF image (vanban reads scans as PNG, JPEG, TIFF or WebP)", magic: "GIF8", at: 0 },
  { kind: "SQLite database", magic: "SQLite format 3\x00", at: 0 },
  { kind: "audio file (MP3)", magic: "ID3", at: 0, binary: true },
  { kind: "video (MP4, QuickTime)", magic: "ftyp", at: 4 },
];

/**
 * Files and folders that a folder walk (and a zip archive's listing) leaves out, by name, as
 * `system` in the summary's skipped list: what operating systems and Office leave beside
 * documents. Hidden names (a leading `.`) are skipped as `hidden`.
 */
export const SYSTEM_NAMES: RegExp[] = [
  // Thumbs.db, ehthumbs.db: Windows Explorer's thumbnail caches
  /^(?:ehthumbs|thumbs)(?:_vista)?\.db$/i,
  // desktop.ini: a Windows folder's settings
  /^desktop\.ini$/i,
  // ~$báo cáo.docx: the owner file Word or Excel keeps beside a document while it is open
  /^~\$/,
  // __MACOSX/: resource forks a Mac adds to the zip archives it makes
  /^__MACOSX$/,
  // $RECYCLE.BIN, System Volume Information: Windows' own folders at a drive's root
  /^(?:\$RECYCLE\.BIN|System Volume Information)$/i,
];
