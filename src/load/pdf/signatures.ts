import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { CertificateName, DigitalSignature, Warning } from "../../record/schema.js";
import { appearanceText } from "./appearance.js";
import { binaryString, headerBefore, holdsAscii, objectHeaders, PdfRef, RawPdf, type ObjectHeader, type PdfValue } from "./raw.js";

/**
 * Chữ ký số of a PDF: each signature dictionary (/ByteRange, /Contents, /M, /Reason, …) read from
 * the file's bytes, its CMS SignedData parsed with pkijs, the signed byte ranges digested and the
 * signature verified with Web Crypto (Node's or a browser's). Trust in the issuing CA is judged
 * only against roots the caller gives. Nothing here needs the network.
 *
 * Signature dictionaries are found in the raw bytes rather than through pdf.js: pdf.js does not
 * expose a field's /V, and the dictionary cannot live in a compressed object stream anyway (its
 * /Contents must stand at the byte offsets the /ByteRange names).
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- pdf.js objects are typed loosely here */

export interface SignatureOptions {
  /** trusted root certificates (PEM text or DER bytes); without them `trusted` stays null */
  trustRoots?: (string | Uint8Array)[];
}

/** What pdf.js knows of a signature widget. */
interface Widget {
  page: number;
  field: string | null;
}

const OID = {
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  timestampToken: "1.2.840.113549.1.9.16.2.14",
  rsaEncryption: "1.2.840.113549.1.1.1",
  subjectKeyIdentifier: "2.5.29.14",
};

const DIGESTS: Record<string, string> = {
  "1.3.14.3.2.26": "SHA-1",
  "2.16.840.1.101.3.4.2.1": "SHA-256",
  "2.16.840.1.101.3.4.2.2": "SHA-384",
  "2.16.840.1.101.3.4.2.3": "SHA-512",
};

/** Attribute types of a distinguished name, as RFC 4514 and OpenSSL print them. */
const DN_NAMES: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.4": "SN",
  "2.5.4.5": "serialNumber",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "STREET",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.12": "title",
  "2.5.4.42": "GN",
  "1.2.840.113549.1.9.1": "E",
  "0.9.2342.19200300.100.1.1": "UID",
};

// ——— PDF syntax, just enough for a signature dictionary ———


/** A literal string `( … )` starting at `s[i] === "("`, escapes resolved, as bytes. */
function literalString(s: string, i: number): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const ch = s[j];
    if (ch === "\\") {
      const n = s[++j];
      const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
      if (n in esc) out.push(esc[n]);
      else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(s[j + 1])) oct += s[++j];
        out.push(parseInt(oct, 8) & 0xff);
      } else if (n === "\r") {
        if (s[j + 1] === "\n") j++;
      } else if (n !== "\n") out.push(n.charCodeAt(0));
      continue;
    }
    if (ch === "(" && depth++ === 0) continue;
    if (ch === ")" && --depth === 0) break;
    out.push(ch.charCodeAt(0) & 0xff);
  }
  return out;
}

function hexBytes(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, "");
  const out = new Uint8Array(Math.floor((clean.length + 1) / 2));
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2).padEnd(2, "0"), 16);
  return out;
}

/** A PDF text string: UTF-16BE or UTF-8 with their marks, else UTF-8 where it is valid (Vietnamese signing software writes it bare), else PDFDocEncoding. */
function textString(bytes: ArrayLike<number>): string {
  const b = Uint8Array.from(bytes as ArrayLike<number>);
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder("utf-8").decode(b.subarray(3));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    return binaryString(b);
  }
}

/** The first string value (literal or hex) of `/key` in a dictionary's text; names and dictionaries under the same key are passed over. */
function stringValue(dict: string, key: string): string | null {
  const value = rawStringValue(dict, key)?.trim();
  return value ? value : null;
}

function rawStringValue(dict: string, key: string): string | null {
  const re = new RegExp(`/${key}(?![A-Za-z0-9_.#-])\\s*`, "g");
  for (let m = re.exec(dict); m; m = re.exec(dict)) {
    const at = m.index + m[0].length;
    if (dict[at] === "(") return textString(literalString(dict, at));
    if (dict[at] === "<" && dict[at + 1] !== "<") return textString(hexBytes(dict.slice(at + 1, dict.indexOf(">", at))));
  }
  return null;
}

function nameValue(dict: string, key: string): string | null {
  const m = new RegExp(`/${key}\\s*/([^\\s/<>\\[\\]()]+)`).exec(dict);
  return m ? m[1] : null;
}

/** `D:20251007202316+07'00'` → `2025-10-07T20:23:16+07:00` (parts left out default as the PDF reference says). */
export function pdfDate(raw: string | null): string | null {
  const m = raw && /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Z+-])(\d{2})?'?(\d{2})?'?)?/.exec(raw.trim());
  if (!m) return null;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", sign, oh = "00", om = "00"] = m;
  const zone = !sign ? "" : sign === "Z" ? "Z" : `${sign}${oh}:${om}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
}

interface SigDict {
  obj: number | null;
  gen: number;
  byteRange: [number, number, number, number];
  contents: Uint8Array;
  dict: string;
}

/** Signature dictionaries: every well-formed /ByteRange whose gap holds the /Contents hex string. */
function findSignatureDicts(bytes: Uint8Array, text: string, headers: ObjectHeader[]): SigDict[] {
  const found: SigDict[] = [];
  const seen = new Set<string>();
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const br = m.slice(1, 5).map(Number) as SigDict["byteRange"];
    const [a, b, c, d] = br;
    const key = br.join(" ");
    if (seen.has(key)) continue;
    // a placeholder (`/ByteRange [0 /********** …]`) or a range that is not this file's is not a signature
    if (a !== 0 || b >= c || c + d > bytes.length || text[b] !== "<" || text[c - 1] !== ">") continue;
    seen.add(key);
    const from = Math.min(m.index, b);
    const near = headerBefore(headers, from);
    const hdr = near && from - near.offset < 65536 ? near : undefined;
    const start = hdr ? hdr.end : Math.max(0, from - 2048);
    let end = text.indexOf("endobj", Math.max(m.index, c));
    if (end < 0) end = Math.min(text.length, Math.max(m.index, c) + 4096);
    // the dictionary's text without the (long) /Contents hex string
    const dict = text.slice(start, b) + text.slice(c, end);
    found.push({ obj: hdr ? hdr.num : null, gen: hdr ? hdr.gen : 0, byteRange: br, contents: hexBytes(text.slice(b + 1, c - 1)), dict });
  }
  return found;
}

/** The uncompressed object that refers to `obj gen R` under `/key`: the field whose value is a signature. */
function referrer(text: string, headers: ObjectHeader[], key: string, obj: number, gen: number): PdfRef | null {
  const re = new RegExp(`/${key}\\s*${obj}\\s+${gen}\\s+R\\b`, "g");
  let last: PdfRef | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const hdr = headerBefore(headers, m.index);
    // a later revision of the same object wins
    if (hdr) last = new PdfRef(hdr.num, hdr.gen);
  }
  return last;
}

// ——— pdf.js: the page each signature widget stands on ———

/**
 * Signature widgets by pdf.js annotation id (`621R`): their page and full field name, from the
 * form's fields (pdf.js finds each widget's page by its /P, or by the pages' /Annots lists, without
 * building the pages' annotations: on a 35-page signed Công báo print, 231 ms → ~5 ms).
 */
async function formWidgets(doc: any): Promise<Map<string, Widget>> {
  const widgets = new Map<string, Widget>();
  const fields = (await doc.getFieldObjects()) as Record<string, { id?: string; type?: string; page?: number }[]> | null;
  for (const [field, objects] of Object.entries(fields ?? {})) {
    for (const o of objects) {
      if (o.type === "signature" && typeof o.id === "string" && typeof o.page === "number" && o.page >= 0) widgets.set(o.id, { page: o.page + 1, field });
    }
  }
  return widgets;
}

/** As {@link formWidgets}, from every page's annotations: for a widget the form does not list. */
async function pageWidgets(doc: any): Promise<Map<string, Widget>> {
  const widgets = new Map<string, Widget>();
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    for (const a of (await page.getAnnotations({ intent: "any" })) as any[]) {
      if (a.fieldType === "Sig") widgets.set(a.id, { page: p, field: a.fieldName ?? null });
    }
  }
  return widgets;
}

// ——— CMS and X.509 ———

function asnString(v: any): string {
  const s = v?.valueBlock?.value;
  if (typeof s === "string") return s;
  const hex = v?.valueBlock?.valueHexView as Uint8Array | undefined;
  return hex ? textString(hex) : "";
}

function certName(name: pkijs.RelativeDistinguishedNames): CertificateName {
  const parts = name.typesAndValues.map((tv) => ({ key: DN_NAMES[tv.type] ?? tv.type, value: asnString(tv.value) }));
  const get = (k: string) => parts.filter((p) => p.key === k).map((p) => p.value).join(", ") || null;
  return {
    commonName: get("CN"),
    organization: get("O"),
    organizationalUnit: get("OU"),
    email: get("E"),
    // RFC 4514 writes the most specific part first
    dn: [...parts].reverse().map((p) => `${p.key}=${p.value}`).join(", "),
  };
}

const hex = (b: ArrayBuffer | Uint8Array) => Array.from(b instanceof Uint8Array ? b : new Uint8Array(b), (x) => x.toString(16).padStart(2, "0")).join("").toUpperCase();
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

function signerCertificate(sd: pkijs.SignedData, si: pkijs.SignerInfo): pkijs.Certificate | null {
  const certs = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = si.sid as any;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const hit = certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
    if (hit) return hit;
  } else if (sid?.valueBlock?.valueHexView) {
    const want = new Uint8Array(sid.valueBlock.valueHexView);
    const hit = certs.find((c) => {
      const ext = c.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier);
      const ski = (ext?.parsedValue as any)?.valueBlock?.valueHexView;
      return ski && sameBytes(new Uint8Array(ski), want);
    });
    if (hit) return hit;
  }
  return certs.length === 1 ? certs[0] : null;
}

function attribute(attrs: pkijs.SignedAndUnsignedAttributes | undefined, type: string): any {
  return attrs?.attributes.find((a) => a.type === type)?.values[0];
}

/** The genTime of an RFC 3161 timestamp token carried as an unsigned attribute. */
function timestampTime(token: any): string | null {
  try {
    const sd = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: token }).content });
    const e = sd.encapContentInfo.eContent;
    if (!e) return null;
    const der = e.getValue();
    const tst = new pkijs.TSTInfo({ schema: asn1js.fromBER(der).result });
    return tst.genTime.toISOString();
  } catch {
    return null;
  }
}

/** Roots given as PEM text (one or more blocks) or DER bytes. */
export function parseCertificates(inputs: (string | Uint8Array)[]): pkijs.Certificate[] {
  const ders: Uint8Array[] = [];
  for (const input of inputs) {
    if (typeof input !== "string") {
      ders.push(input);
      continue;
    }
    for (const m of input.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) {
      const bin = atob(m[1].replace(/\s+/g, ""));
      ders.push(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    }
  }
  return ders.map((der) => pkijs.Certificate.fromBER(der));
}

function concatRanges(bytes: Uint8Array, [a, b, c, d]: SigDict["byteRange"]): Uint8Array {
  const out = new Uint8Array(b + d);
  out.set(bytes.subarray(a, a + b), 0);
  out.set(bytes.subarray(c, c + d), b);
  return out;
}

/** `claimed`: the dictionary's /M, the signing time to judge the certificate at when the CMS gives none. */
async function verify(bytes: Uint8Array, sig: SigDict, roots: pkijs.Certificate[] | null, claimed: Date | null) {
  const problems: string[] = [];
  const out = {
    signer: null as CertificateName | null,
    certificate: null as DigitalSignature["certificate"],
    cms: null as string | null,
    timestamp: null as string | null,
    digestAlgorithm: null as string | null,
    digestMatches: null as boolean | null,
    signatureValid: null as boolean | null,
    certificateValidAtSigning: null as boolean | null,
    trusted: null as boolean | null,
    problems,
  };
  let sd: pkijs.SignedData;
  try {
    const asn = asn1js.fromBER(sig.contents);
    if (asn.offset === -1) throw new Error(asn.result.error || "not DER");
    const ci = new pkijs.ContentInfo({ schema: asn.result });
    if (ci.contentType !== OID.signedData) throw new Error(`content type ${ci.contentType}, not signed data`);
    sd = new pkijs.SignedData({ schema: ci.content });
  } catch (err) {
    problems.push(`the signature's CMS cannot be read: ${(err as Error).message}`);
    return out;
  }
  const si = sd.signerInfos[0];
  if (!si) {
    problems.push("the CMS has no signer");
    return out;
  }
  const cert = signerCertificate(sd, si);
  if (cert) {
    out.signer = certName(cert.subject);
    out.certificate = {
      issuer: certName(cert.issuer),
      serialNumber: hex(cert.serialNumber.valueBlock.valueHexView),
      notBefore: cert.notBefore.value.toISOString(),
      notAfter: cert.notAfter.value.toISOString(),
    };
  } else problems.push("the signer's certificate is not in the signature");

  const signingTime = attribute(si.signedAttrs, OID.signingTime);
  const signedAt: Date | null = signingTime?.toDate?.() ?? null;
  out.cms = signedAt ? signedAt.toISOString() : null;
  const token = attribute(si.unsignedAttrs, OID.timestampToken);
  out.timestamp = token ? timestampTime(token) : null;

  const digestName = DIGESTS[si.digestAlgorithm.algorithmId] ?? null;
  out.digestAlgorithm = digestName;
  if (!digestName) {
    problems.push(`unsupported digest algorithm ${si.digestAlgorithm.algorithmId}`);
    return out;
  }
  const signed = concatRanges(bytes, sig.byteRange);
  // adbe.pkcs7.sha1: the CMS signs, as its content, the SHA-1 digest of the byte ranges
  const e = sd.encapContentInfo.eContent;
  let content: Uint8Array = signed;
  let contentMatches: boolean | null = null;
  if (e) {
    content = new Uint8Array(e.getValue());
    contentMatches = sameBytes(new Uint8Array(await globalThis.crypto.subtle.digest("SHA-1", signed)), content);
  }
  let data: Uint8Array | ArrayBuffer = content;
  if (si.signedAttrs) {
    const md = attribute(si.signedAttrs, OID.messageDigest);
    if (md?.valueBlock?.valueHexView) {
      const digest = new Uint8Array(await globalThis.crypto.subtle.digest(digestName, content));
      out.digestMatches = (contentMatches ?? true) && sameBytes(digest, new Uint8Array(md.valueBlock.valueHexView));
    } else problems.push("the signed attributes carry no message digest");
    // what was signed is the attributes' DER as a SET (pkijs keeps it so, tag 0x31)
    data = si.signedAttrs.encodedValue;
  } else if (contentMatches !== null) out.digestMatches = contentMatches;
  if (cert) {
    try {
      const engine = pkijs.getCrypto(true);
      out.signatureValid = si.signatureAlgorithm.algorithmId === OID.rsaEncryption
        ? await engine.verifyWithPublicKey(data, si.signature, cert.subjectPublicKeyInfo, si.signatureAlgorithm, digestName)
        : await engine.verifyWithPublicKey(data, si.signature, cert.subjectPublicKeyInfo, si.signatureAlgorithm);
    } catch (err) {
      problems.push(`the signature cannot be verified: ${(err as Error).message}`);
    }
    // without signed attributes the signature is over the ranges' digest itself: verifying it is the digest check
    if (!si.signedAttrs && contentMatches === null) out.digestMatches = out.signatureValid;
    const at = signedAt ?? (out.timestamp ? new Date(out.timestamp) : claimed);
    if (at) out.certificateValidAtSigning = at >= cert.notBefore.value && at <= cert.notAfter.value;
    if (roots) {
      try {
        const others = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate && c !== cert);
        const chain = new pkijs.CertificateChainValidationEngine({ trustedCerts: roots, certs: [...others, cert], checkDate: at ?? new Date() });
        const r = await chain.verify();
        out.trusted = r.result;
        if (!r.result) problems.push(`the certificate does not chain to a trusted root: ${r.resultMessage}`);
      } catch (err) {
        out.trusted = false;
        problems.push(`the certificate does not chain to a trusted root: ${(err as Error).message ?? String(err)}`);
      }
    }
  }
  return out;
}

// ——— the whole ———

export interface PdfSignatures {
  signatures: DigitalSignature[];
  warnings: Warning[];
}

/**
 * The signatures of a PDF, in signing order (by how much of the file each covers). `doc` is the
 * pdf.js document of the same bytes (or null): it gives each field's page. Without signature
 * dictionaries this costs one scan of the bytes.
 */
export async function readPdfSignatures(file: Uint8Array, doc: any, options: SignatureOptions = {}): Promise<PdfSignatures> {
  if (!holdsAscii(file, "/ByteRange")) return { signatures: [], warnings: [] };
  let text = binaryString(file);
  // bytes before %PDF (prepended by a download or a mail system) are no part of the PDF: offsets count from %PDF, as readers count them
  const junk = Math.max(0, text.slice(0, 1024).indexOf("%PDF-"));
  const bytes = junk ? file.subarray(junk) : file;
  if (junk) text = text.slice(junk);
  const headers = objectHeaders(text);
  const dicts = findSignatureDicts(bytes, text, headers).sort((x, y) => x.byteRange[2] + x.byteRange[3] - (y.byteRange[2] + y.byteRange[3]));
  if (!dicts.length) return { signatures: [], warnings: [] };
  const roots = options.trustRoots?.length ? parseCertificates(options.trustRoots) : null;

  let widgets = new Map<string, Widget>();
  try {
    if (doc) widgets = await formWidgets(doc);
  } catch {
    // pages are an extra: the signatures stand without them
  }
  const raw = new RawPdf(bytes, text, headers);
  // pdf.js's widgets, tied to their signature dictionaries by /V (the widget's own, or its field's)
  const link = () => {
    const bySig = new Map<number, { ref: PdfRef; widget: Widget }>();
    let missing = 0;
    for (const [id, widget] of widgets) {
      const m = /^(\d+)R(\d*)$/.exec(id);
      if (!m) continue;
      const ref = new PdfRef(Number(m[1]), Number(m[2] || 0));
      const dict = raw.dict(ref);
      if (!dict) missing++;
      let v = dict?.get("V");
      if (!(v instanceof PdfRef)) v = raw.dict(dict?.get("Parent"))?.get("V");
      if (v instanceof PdfRef) bySig.set(v.num, { ref, widget });
    }
    return { bySig, missing };
  };
  let { bySig, missing } = link();
  // widgets kept in object streams (PDF 1.5 files): inflate those only when needed
  if (missing) {
    await raw.unpack().catch(() => undefined);
    ({ bySig, missing } = link());
  }
  // a signature whose widget the form's fields did not give: every page's annotations
  if (doc && dicts.some((d) => d.obj === null || !bySig.has(d.obj))) {
    try {
      widgets = await pageWidgets(doc);
    } catch {
      // as above
    }
    ({ bySig } = link());
  }

  const ends = dicts.map((d) => d.byteRange[2] + d.byteRange[3]);
  const signatures: DigitalSignature[] = [];
  for (const [i, sig] of dicts.entries()) {
    const pdfTime = pdfDate(stringValue(sig.dict, "M"));
    const v = await verify(bytes, sig, roots, pdfTime && !Number.isNaN(Date.parse(pdfTime)) ? new Date(pdfTime) : null);
    if (junk) v.problems.push(`the file starts with ${junk} bytes before %PDF, outside every signature (offsets counted from %PDF)`);
    const end = ends[i];
    const linked = sig.obj !== null ? bySig.get(sig.obj) : undefined;
    let widget = linked?.widget;
    const candidates: PdfValue[] = linked ? [linked.ref] : [];
    // without pdf.js (or for a widget it did not list): the uncompressed object whose /V is this dictionary
    const ref = !linked && sig.obj !== null ? referrer(text, headers, "V", sig.obj, sig.gen) : null;
    if (ref) {
      const kids = raw.resolve(raw.dict(ref)?.get("Kids"));
      candidates.push(ref, ...(Array.isArray(kids) ? kids : []));
    }
    let stampText: string | null = null;
    let title: string | null = null;
    for (const ref of candidates) {
      if (!(ref instanceof PdfRef)) continue;
      widget ??= widgets.get(`${ref.num}R${ref.gen ? ref.gen : ""}`);
      const dict = raw.dict(ref);
      const t = dict?.get("T");
      if (t instanceof Uint8Array) title ??= textString(t);
      if (dict?.has("AP")) stampText ??= await appearanceText(raw, dict).catch(() => null);
    }
    signatures.push({
      field: widget?.field ?? title,
      page: widget?.page ?? null,
      stampText,
      signer: v.signer,
      certificate: v.certificate,
      signingTime: { cms: v.cms, pdf: pdfTime, timestamp: v.timestamp },
      reason: stringValue(sig.dict, "Reason"),
      location: stringValue(sig.dict, "Location"),
      contactInfo: stringValue(sig.dict, "ContactInfo"),
      name: stringValue(sig.dict, "Name"),
      subFilter: nameValue(sig.dict, "SubFilter"),
      digestAlgorithm: v.digestAlgorithm,
      byteRange: sig.byteRange,
      integrity: {
        digestMatches: v.digestMatches,
        signatureValid: v.signatureValid,
        certificateValidAtSigning: v.certificateValidAtSigning,
        // white space or NUL padding after the last %%EOF changes nothing a reader sees
        coversWholeFile: !/[^\s\0]/.test(text.slice(end)),
        bytesAfter: bytes.length - end,
        laterSignatures: ends.filter((e) => e > end).length,
      },
      trusted: v.trusted,
      problems: v.problems,
    });
  }

  const warnings: Warning[] = [];
  const label = (s: DigitalSignature) => `${s.field ?? "signature"}${s.signer?.commonName ? ` (${s.signer.commonName})` : ""}`;
  for (const s of signatures) {
    if (s.integrity.digestMatches === false) warnings.push({ code: "signature-broken", message: `${label(s)}: the signed bytes were changed after signing (their digest is not the signed one)` });
    else if (s.integrity.signatureValid === false) warnings.push({ code: "signature-broken", message: `${label(s)}: the signature does not verify with its certificate's key` });
    else if (s.integrity.signatureValid === null) warnings.push({ code: "signature-unverified", message: `${label(s)}: not verified: ${s.problems.join("; ") || "unknown reason"}` });
  }
  const last = signatures[signatures.length - 1];
  if (last && !last.integrity.coversWholeFile) {
    warnings.push({ code: "changed-after-signing", message: `${last.integrity.bytesAfter} bytes were added after the last signature (${label(last)}): a later revision no signature covers` });
  }
  return { signatures, warnings };
}
