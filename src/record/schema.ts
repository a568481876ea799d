import { z } from "zod";
import { WARNING_CATALOGUE, WARNING_CODES } from "./warnings.js";
import { SIGNING_AUTHORITIES, type SigningAuthority } from "../../grammars/header.js";

/** Where a part came from: [start, end) offsets into the normalized text (`vanban text`). */
export const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof Span>;

const spanned = { span: Span.nullable() };

export const SourceFormat = z.enum(["pdf", "docx", "doc", "rtf", "html", "txt", "md", "xls", "xlsx", "ppt", "pptx", "png", "jpeg", "tiff", "webp"]);
export const Encoding = z.enum(["unicode", "tcvn3", "vni", "viqr", "cp1258", "mixed"]);

/** A code of the warning catalogue (`docs/warnings.md`). */
export const WarningCode = z.enum(WARNING_CODES).describe(
  WARNING_CODES.map((c) => `${c}: ${WARNING_CATALOGUE[c]}`).join("\n"),
);
export type WarningCode = z.infer<typeof WarningCode>;

export const Warning = z.object({
  code: WarningCode,
  message: z.string(),
  /** what the warning is about, in the normalized text; null: the whole file */
  span: Span.nullable().optional(),
});
export type Warning = z.infer<typeof Warning>;
/** A warning in the record: its span always present (null when about the whole file). */
export const RecordWarning = Warning.extend({ span: Span.nullable() });

export const Source = z.object({
  path: z.string().nullable(),
  format: SourceFormat,
  sha256: z.string(),
  pages: z.number().int().nullable(),
  encoding: Encoding,
  ocr: z.boolean(),
  /**
   * the OCR engine that read the text: `tesseract` (the program) or `tesseract.js` (from npm); for
   * a PDF whose text layer OCR software wrote, `text layer (…)` with the software's name; null without OCR
   */
  ocrEngine: z.string().nullable(),
});

/**
 * A date value's first and last day (ISO dates, a DATE column in analytics) and how precise it
 * was written: `2026-06` → 2026-06-01 … 2026-06-30, month; `2004-07/2004-09` → range. Null for a
 * value without a year.
 */
export const DatePrecision = z.enum(["day", "month", "year", "range"]);
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const bounds = { start: IsoDay.nullable(), end: IsoDay.nullable(), precision: DatePrecision.nullable() };

export const Issuer = z.object({
  /** tên cơ quan ban hành */
  name: z.string(),
  /** cơ quan chủ quản */
  parent: z.string().nullable(),
  /** the issuer's one spelling across documents (`Ủy ban nhân dân tỉnh Bình Định`), as in `agencies[].canonical` */
  canonical: z.string().nullable(),
  /** the parent's one spelling */
  parentCanonical: z.string().nullable(),
  ...spanned,
});

export const DocumentNumber = z.object({
  raw: z.string(),
  value: z.string().nullable(),
  symbol: z.string().nullable(),
  /** the year inside a legal document's number: `45/2026/NĐ-CP` → 2026 */
  year: z.number().int().nullable(),
  ...spanned,
});

export const DocumentDate = z.object({
  raw: z.string(),
  value: z.string().nullable(),
  ...bounds,
  ...spanned,
});

export const DocumentType = z.object({
  code: z.string(),
  name: z.string(),
});

export interface OutlineItem {
  label: string;
  text: string;
  children: OutlineItem[];
  span: Span | null;
}
export const OutlineItem: z.ZodType<OutlineItem> = z.lazy(() =>
  z.object({
    label: z.string(),
    text: z.string(),
    children: z.array(OutlineItem),
    span: Span.nullable(),
  }),
);

export const Body = z.object({
  text: z.string(),
  items: z.array(OutlineItem),
  ...spanned,
});

// thẩm quyền ký, in the order of grammars/header.ts
export const Authority = z.enum(SIGNING_AUTHORITIES.map((a) => a.authority) as [SigningAuthority, ...SigningAuthority[]]);

export const Signature = z.object({
  authority: Authority.nullable(),
  onBehalfOf: z.string().nullable(),
  title: z.string().nullable(),
  name: z.string().nullable(),
  /** the full chain for nested authority (TL. BỘ TRƯỞNG / KT. VỤ TRƯỞNG …) */
  chain: z.array(z.object({ authority: Authority, onBehalfOf: z.string() })),
  ...spanned,
});

export const Footnote = z.object({ mark: z.string(), text: z.string(), ...spanned });

export const Appendix = z.object({ title: z.string(), text: z.string(), ...spanned });

export const DateKind = z.enum(["date", "time", "datetime", "period", "deadline"]);
export const DateMention = z.object({ text: z.string(), value: z.string(), kind: DateKind, ...bounds, ...spanned });

export const Agency = z.object({
  text: z.string(),
  canonical: z.string(),
  /** `các sở, ngành`, `UBND các địa phương`: a group rather than one body */
  collective: z.boolean(),
  ...spanned,
});

export const Person = z.object({ name: z.string(), position: z.string().nullable(), ...spanned });

export const Reference = z.object({
  text: z.string(),
  type: z.string().nullable(),
  number: z.string().nullable(),
  /** the year inside a legal document's number: `45/2026/NĐ-CP` → 2026 */
  year: z.number().int().nullable(),
  symbol: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  subject: z.string().nullable(),
  /**
   * The cited document, the same for every mention of it in any document: type and number
   * (`Nghị định 30/2020/NĐ-CP`), or, without a number, type, name and date (`Luật Đất đai`,
   * `Luật Đất đai 2013-11-29`); null when only a bare type was read.
   */
  key: z.string().nullable(),
  /** `date`'s first and last day and precision (see DatePrecision) */
  dateStart: IsoDay.nullable(),
  dateEnd: IsoDay.nullable(),
  datePrecision: DatePrecision.nullable(),
  ...spanned,
});

export const Task = z.object({
  assignee: z.array(z.string()),
  action: z.string(),
  cooperating: z.array(z.string()),
  deadline: z.string().nullable(),
  /** `assignee` in each body's one spelling (as `agencies[].canonical`), in the same order */
  assigneeCanonical: z.array(z.string()),
  /** the deadline's first and last day and precision (see DatePrecision) */
  deadlineStart: IsoDay.nullable(),
  deadlineEnd: IsoDay.nullable(),
  deadlinePrecision: DatePrecision.nullable(),
  text: z.string(),
  ...spanned,
});

export const Event = z.object({
  kind: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  place: z.string().nullable(),
  chair: z.string().nullable(),
  participants: z.array(z.string()),
  agenda: z.string().nullable(),
  ...spanned,
});

/** A party of a certificate: its subject (the signer) or its issuer (the CA). */
export const CertificateName = z.object({
  commonName: z.string().nullable(),
  organization: z.string().nullable(),
  organizationalUnit: z.string().nullable(),
  email: z.string().nullable(),
  /** the whole distinguished name, `CN=…, O=…, C=VN` */
  dn: z.string(),
});

/**
 * Chữ ký số: one signature field of a PDF. Integrity is judged on the file's bytes; trust in the
 * issuing CA only against roots the caller gives (`trustRoots`), else `trusted` is null.
 */
export const DigitalSignature = z.object({
  /** the field's name (`Signature1`) */
  field: z.string().nullable(),
  page: z.number().int().nullable(),
  /** what the visible stamp (the widget's appearance) writes, lines joined by "\n"; null when it is an image or absent */
  stampText: z.string().nullable(),
  signer: CertificateName.nullable(),
  certificate: z.object({
    issuer: CertificateName,
    /** hex, upper case */
    serialNumber: z.string(),
    notBefore: z.string(),
    notAfter: z.string(),
  }).nullable(),
  signingTime: z.object({
    /** the CMS signing-time attribute (signed, ISO 8601 UTC) */
    cms: z.string().nullable(),
    /** the signature dictionary's /M, as written (ISO 8601 with its offset); not signed */
    pdf: z.string().nullable(),
    /** an RFC 3161 timestamp token's time, when the signature carries one */
    timestamp: z.string().nullable(),
  }),
  reason: z.string().nullable(),
  location: z.string().nullable(),
  contactInfo: z.string().nullable(),
  /** /Name: the signer's name as the signing software wrote it */
  name: z.string().nullable(),
  /** /SubFilter: `adbe.pkcs7.detached`, `ETSI.CAdES.detached`, … */
  subFilter: z.string().nullable(),
  digestAlgorithm: z.string().nullable(),
  /** /ByteRange: [start, length, start, length] of the signed bytes */
  byteRange: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
  integrity: z.object({
    /** the digest of the byte ranges equals the signed messageDigest */
    digestMatches: z.boolean().nullable(),
    /** the signature over the signed attributes verifies with the certificate's public key */
    signatureValid: z.boolean().nullable(),
    /** the signing time falls within the certificate's validity */
    certificateValidAtSigning: z.boolean().nullable(),
    /** the signed ranges reach the end of the file */
    coversWholeFile: z.boolean(),
    /** bytes of the file after the signed range (a later incremental update or signature) */
    bytesAfter: z.number().int().nonnegative(),
    /** signatures made later over a longer range of this file */
    laterSignatures: z.number().int().nonnegative(),
  }),
  /** null: not judged (no trusted roots given); true/false: the certificate chains to a given root */
  trusted: z.boolean().nullable(),
  /** why a check could not be made or failed */
  problems: z.array(z.string()),
});

export const DocumentRecord = z.object({
  schemaVersion: z.literal("1"),
  source: Source,
  issuer: Issuer.nullable(),
  nationalTitle: z.boolean(),
  number: DocumentNumber.nullable(),
  place: z.string().nullable(),
  date: DocumentDate.nullable(),
  type: DocumentType.nullable(),
  subject: z.string().nullable(),
  urgency: z.enum(["Khẩn", "Thượng khẩn", "Hỏa tốc"]).nullable(),
  confidentiality: z.enum(["Mật", "Tối mật", "Tuyệt mật"]).nullable(),
  recipients: z.array(z.string()),
  body: Body,
  signatures: z.array(Signature),
  distribution: z.array(z.string()),
  footnotes: z.array(Footnote),
  appendices: z.array(Appendix),
  dates: z.array(DateMention),
  agencies: z.array(Agency),
  people: z.array(Person),
  references: z.array(Reference),
  tasks: z.array(Task),
  events: z.array(Event),
  /** chữ ký số of a PDF, in signing order; [] for other formats */
  digitalSignatures: z.array(DigitalSignature),
  warnings: z.array(RecordWarning),
});

export type DocumentRecord = z.infer<typeof DocumentRecord>;
export type Issuer = z.infer<typeof Issuer>;
export type DocumentNumber = z.infer<typeof DocumentNumber>;
export type DocumentDate = z.infer<typeof DocumentDate>;
export type DocumentType = z.infer<typeof DocumentType>;
export type Body = z.infer<typeof Body>;
export type Signature = z.infer<typeof Signature>;
export type Footnote = z.infer<typeof Footnote>;
export type Appendix = z.infer<typeof Appendix>;
export type DateMention = z.infer<typeof DateMention>;
export type Agency = z.infer<typeof Agency>;
export type Person = z.infer<typeof Person>;
export type Reference = z.infer<typeof Reference>;
export type Task = z.infer<typeof Task>;
export type Event = z.infer<typeof Event>;
export type DigitalSignature = z.infer<typeof DigitalSignature>;
export type CertificateName = z.infer<typeof CertificateName>;
export type Source = z.infer<typeof Source>;
export type DatePrecision = z.infer<typeof DatePrecision>;
export type SourceFormat = z.infer<typeof SourceFormat>;
export type Encoding = z.infer<typeof Encoding>;

/** The record's JSON Schema (draft 2020-12), generated from the zod schema. */
export function recordJsonSchema(): object {
  return z.toJSONSchema(DocumentRecord, { target: "draft-2020-12" });
}
