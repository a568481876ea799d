import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

/**
 * Signed PDFs made in the test: a hand-written one-page PDF, certificates generated with pkijs
 * (a root CA and signers it issues), and signatures appended as incremental updates the way
 * signing software writes them (a /Sig dictionary with a /ByteRange and a detached CMS in
 * /Contents, a widget with a text appearance, the catalog's /AcroForm and the page's /Annots).
 */

const enc = new TextEncoder();
const latin1 = (b: Uint8Array) => new TextDecoder("latin1").decode(b);
const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

/** A PDF text string in UTF-16BE with its byte-order mark, as a hex string. */
export const utf16Hex = (s: string) => `<FEFF${Array.from(s, (c) => c.charCodeAt(0).toString(16).padStart(4, "0")).join("")}>`;

const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, "").slice(0, 14)}Z`;

export interface Identity {
  cert: pkijs.Certificate;
  key: CryptoKey;
  /** the certificate as PEM */
  pem: string;
}

const RSA = { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" };

function name(target: pkijs.RelativeDistinguishedNames, parts: [string, string][]) {
  for (const [type, value] of parts) {
    const v = type === "2.5.4.6" ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value });
    target.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type, value: v }));
  }
}

let serial = 0x1001;

/** A certificate for `subject`, issued by `issuer` (self-signed when none). */
export async function makeIdentity(subject: { cn: string; o: string; email?: string }, issuer?: Identity, validity?: [Date, Date]): Promise<Identity> {
  const keys = (await crypto.subtle.generateKey(RSA, true, ["sign", "verify"])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: serial++ });
  const parts: [string, string][] = [["2.5.4.6", "VN"], ["2.5.4.10", subject.o], ["2.5.4.3", subject.cn]];
  if (subject.email) parts.push(["1.2.840.113549.1.9.1", subject.email]);
  name(cert.subject, parts);
  if (issuer) cert.issuer = issuer.cert.subject;
  else name(cert.issuer, parts);
  const [from, to] = validity ?? [new Date("2024-01-01T00:00:00Z"), new Date("2034-01-01T00:00:00Z")];
  cert.notBefore.value = from;
  cert.notAfter.value = to;
  cert.extensions = [
    new pkijs.Extension({
      extnID: "2.5.29.19",
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: !issuer }).toSchema().toBER(false),
      parsedValue: new pkijs.BasicConstraints({ cA: !issuer }),
    }),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(issuer?.key ?? keys.privateKey, "SHA-256");
  const der = new Uint8Array(cert.toSchema(true).toBER(false));
  const b64 = Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n");
  return { cert, key: keys.privateKey, pem: `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n` };
}

/** Objects (number → body) written as a file or as an incremental update after `prev`. */
function writeRevision(prev: Uint8Array | null, objects: Map<number, string>, trailer: string): Uint8Array {
  const head = prev ? "\n" : "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  let text = head;
  const base = prev?.length ?? 0;
  const offsets = new Map<number, number>();
  for (const [num, body] of [...objects].sort((a, b) => a[0] - b[0])) {
    offsets.set(num, base + text.length);
    text += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = base + text.length;
  text += "xref\n";
  if (!prev) text += "0 1\n0000000000 65535 f \n";
  for (const [num, off] of offsets) text += `${num} 1\n${String(off).padStart(10, "0")} 00000 n \n`;
  text += `trailer\n${trailer}\nstartxref\n${xrefAt}\n%%EOF\n`;
  return prev ? concat(prev, bytesOf(text)) : bytesOf(text);
}

const stream = (dict: string, data: string) => `<< ${dict} /Length ${bytesOf(data).length} >>\nstream\n${data}\nendstream`;

/** Enough text for the PDF loader to take the page as a text page, not a scan. */
export const PAGE_LINES = [
  "UY BAN NHAN DAN TINH MAU",
  "So: 12/QD-UBND",
  "QUYET DINH ve viec thu nghiem chu ky so tren van ban dien tu",
  "Dieu 1. Giao cac co quan thuc hien ky so van ban theo quy dinh.",
];

export function pageContent(lines: string[]): string {
  return `BT /F1 12 Tf 14 TL 72 760 Td ${lines.map((l) => `(${l}) Tj T*`).join(" ")} ET`;
}

/** A one-page, unsigned PDF. */
export function basePdf(lines = PAGE_LINES): Uint8Array {
  const objects = new Map<number, string>([
    [1, "<< /Type /Catalog /Pages 2 0 R >>"],
    [2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"],
    [3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"],
    [4, stream("", pageContent(lines))],
    [5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"],
  ]);
  return writeRevision(null, objects, "<< /Size 6 /Root 1 0 R >>");
}

/** The latest revision of an object's body. */
function objectBody(text: string, num: number): string {
  const all = [...text.matchAll(new RegExp(`(?<![0-9])${num} 0 obj\\n([\\s\\S]*?)\\nendobj`, "g"))];
  if (!all.length) throw new Error(`object ${num} not found`);
  return all[all.length - 1][1];
}

function trailerOf(text: string) {
  const size = Number([...text.matchAll(/\/Size (\d+)/g)].pop()![1]);
  const prev = Number([...text.matchAll(/startxref\n(\d+)/g)].pop()![1]);
  return { size, prev };
}

/** An incremental update that replaces objects (e.g. the page's content stream) after signing. */
export function appendUpdate(pdf: Uint8Array, replace: Map<number, string>): Uint8Array {
  const { size, prev } = trailerOf(latin1(pdf));
  return writeRevision(pdf, replace, `<< /Size ${size} /Root 1 0 R /Prev ${prev} >>`);
}

export { stream };

export interface SignOptions {
  field: string;
  reason?: string;
  location?: string;
  time: Date;
  /** the stamp's lines (ASCII, drawn in Helvetica) */
  stamp?: string[];
  /** certificates sent along with the signer's (its CA) */
  chain?: pkijs.Certificate[];
  /**
   * draw the stamp in a composite (Type0) font whose codes only its /ToUnicode CMap explains, each
   * line in two text objects on one baseline (as Vietnamese signing tools draw it), nested in a
   * second form XObject; the default is Helvetica, one text object
   */
  compositeStamp?: boolean;
  /** sign the byte ranges' digest directly, without signed attributes */
  noSignedAttributes?: boolean;
}

const CONTENTS_BYTES = 8192;

/** `pdf` with one more signature, appended as an incremental update. */
export async function signPdf(pdf: Uint8Array, signer: Identity, o: SignOptions): Promise<Uint8Array> {
  const text = latin1(pdf);
  const { size, prev } = trailerOf(text);
  const [sig, widget, ap, inner, font, cmap] = [size, size + 1, size + 2, size + 3, size + 4, size + 5];
  const catalog = objectBody(text, 1);
  const fields = [...(catalog.match(/\/Fields \[([^\]]*)\]/)?.[1].matchAll(/(\d+) 0 R/g) ?? [])].map((m) => Number(m[1]));
  const page = objectBody(text, 3);
  const annots = [...(page.match(/\/Annots \[([^\]]*)\]/)?.[1].matchAll(/(\d+) 0 R/g) ?? [])].map((m) => Number(m[1]));
  const refs = (ns: number[]) => ns.map((n) => `${n} 0 R`).join(" ");
  const placeholderRange = "/ByteRange [0 0000000000 0000000000 0000000000]";
  const stampLines = o.stamp ?? [];
  const apText = `BT /F1 9 Tf 11 TL 4 ${12 + 11 * stampLines.length} Td ${stampLines.map((l) => `(${l}) Tj T*`).join(" ")} ET`;
  // composite: code n + 1 for the n-th distinct character; the first ten by a bfrange, the rest by bfchar
  const chars = [...new Set(stampLines.join(""))];
  const code = (c: string) => (chars.indexOf(c) + 1).toString(16).padStart(4, "0");
  const u16 = (c: string) => c.charCodeAt(0).toString(16).padStart(4, "0");
  const compositeText = stampLines.map((l, i) => {
    const half = Math.ceil(l.length / 2);
    const y = 40 - 12 * i;
    return `BT /F2 9 Tf 4 ${y} Td <${[...l.slice(0, half)].map(code).join("")}> Tj ET BT ${4 + half * 5} ${y} Td /F2 9 Tf <${[...l.slice(half)].map(code).join("")}> Tj ET`;
  }).join("\n");
  const ranged = chars.slice(0, 10);
  const cmapText = [
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test-UCS def",
    "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ranged.length ? `1 beginbfrange <0001> <${code(ranged[ranged.length - 1])}> [${ranged.map((c) => `<${u16(c)}>`).join(" ")}] endbfrange` : "",
    chars.length > 10 ? `${chars.length - 10} beginbfchar ${chars.slice(10).map((c) => `<${code(c)}> <${u16(c)}>`).join(" ")} endbfchar` : "",
    "endcmap CMapName currentdict /CMap defineresource pop end end",
  ].join("\n");
  const objects = new Map<number, string>([
    [1, catalog.replace(/ \/AcroForm << [^>]* >>/, "").replace(/>>\s*$/, `/AcroForm << /Fields [${refs([...fields, widget])}] /SigFlags 3 >> >>`)],
    [3, page.replace(/ \/Annots \[[^\]]*\]/, "").replace(/>>\s*$/, `/Annots [${refs([...annots, widget])}] >>`)],
    [sig, [
      "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached",
      placeholderRange,
      `/Contents <${"0".repeat(CONTENTS_BYTES * 2)}>`,
      o.reason !== undefined ? `/Reason ${utf16Hex(o.reason)}` : "",
      o.location !== undefined ? `/Location (${o.location})` : "",
      `/M (${pdfDate(o.time)}) /Name (vanban test signer)`,
      "/Prop_Build << /Filter << /Name /Adobe.PPKLite >> >> >>",
    ].filter(Boolean).join("\n")],
    [widget, `<< /Type /Annot /Subtype /Widget /FT /Sig /T (${o.field}) /V ${sig} 0 R /F 132 /Rect [330 ${80 + 60 * fields.length} 530 ${130 + 60 * fields.length}] /P 3 0 R /AP << /N ${ap} 0 R >> >>`],
    [ap, o.compositeStamp
      ? stream(`/Type /XObject /Subtype /Form /BBox [0 0 200 50] /Resources << /XObject << /n2 ${inner} 0 R >> >>`, "q 1 0 0 1 0 0 cm /n2 Do Q")
      : stream("/Type /XObject /Subtype /Form /BBox [0 0 200 50] /Resources << /Font << /F1 5 0 R >> >>", apText)],
  ]);
  if (o.compositeStamp) {
    objects.set(inner, stream(`/Type /XObject /Subtype /Form /BBox [0 0 200 50] /Resources << /Font << /F2 ${font} 0 R >> >>`, compositeText));
    objects.set(font, `<< /Type /Font /Subtype /Type0 /BaseFont /StampFont /Encoding /Identity-H /ToUnicode ${cmap} 0 R /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /StampFont /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor << /Type /FontDescriptor /FontName /StampFont /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >> /DW 500 >>] >>`);
    objects.set(cmap, stream("", cmapText));
  }
  const unsigned = writeRevision(pdf, objects, `<< /Size ${size + (o.compositeStamp ? 6 : 3)} /Root 1 0 R /Prev ${prev} >>`);

  // the gap is /Contents' hex string, angle brackets included
  const utext = latin1(unsigned);
  const lt = utext.indexOf("/Contents <", pdf.length) + "/Contents ".length;
  const gt = utext.indexOf(">", lt) + 1;
  const range = [0, lt, gt, unsigned.length - gt];
  const open = "/ByteRange [";
  const rangeText = open + range.join(" ").padEnd(placeholderRange.length - open.length - 1, " ") + "]";
  unsigned.set(bytesOf(rangeText), utext.indexOf(placeholderRange, pdf.length));
  const signedBytes = concat(unsigned.subarray(0, lt), unsigned.subarray(gt));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", signedBytes));

  const cms = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: "1.2.840.113549.1.7.1" }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.cert.issuer, serialNumber: signer.cert.serialNumber }),
        ...(o.noSignedAttributes ? {} : { signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: "1.2.840.113549.1.9.3", values: [new asn1js.ObjectIdentifier({ value: "1.2.840.113549.1.7.1" })] }),
            new pkijs.Attribute({ type: "1.2.840.113549.1.9.5", values: [new asn1js.UTCTime({ valueDate: o.time })] }),
            new pkijs.Attribute({ type: "1.2.840.113549.1.9.4", values: [new asn1js.OctetString({ valueHex: digest })] }),
          ],
        }) }),
      }),
    ],
    certificates: [signer.cert, ...(o.chain ?? [])],
  });
  await cms.sign(signer.key, 0, "SHA-256", o.noSignedAttributes ? signedBytes : undefined);
  const der = new Uint8Array(new pkijs.ContentInfo({ contentType: "1.2.840.113549.1.7.2", content: cms.toSchema(true) }).toSchema().toBER(false));
  if (der.length > CONTENTS_BYTES) throw new Error("the CMS does not fit the placeholder");
  unsigned.set(enc.encode(toHex(der).toUpperCase()), lt + 1);
  return unsigned;
}

/** The same file with one byte replaced. */
export function withByte(pdf: Uint8Array, at: number, value: string): Uint8Array {
  const out = new Uint8Array(pdf);
  out[at] = value.charCodeAt(0);
  return out;
}

export { latin1 };
