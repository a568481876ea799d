import { beforeAll, describe, expect, it } from "vitest";
import { binaryString, PdfRef, RawPdf } from "../../src/load/pdf/raw.js";
import { pdfDate, parseCertificates } from "../../src/load/pdf/signatures.js";
import { parseBytes } from "../../src/pipeline.js";
import type { DocumentRecord } from "../../src/record/schema.js";
import { appendUpdate, basePdf, latin1, makeIdentity, pageContent, PAGE_LINES, signPdf, stream, withByte, type Identity } from "./signed-pdf.js";

/**
 * Fixtures made here: a root CA issues two signers' certificates; a one-page PDF is signed by the
 * first (and then the second), tampered with, or updated after signing.
 */
let root: Identity, clerk: Identity, director: Identity, stranger: Identity;
let signed: Uint8Array;
const T1 = new Date("2026-03-26T03:44:43Z");
const T2 = new Date("2026-03-26T04:10:00Z");

const parse = (bytes: Uint8Array, trustRoots?: string[]) => parseBytes(bytes, { path: "signed.pdf", ocr: false, trustRoots });
const MINE = new Set(["signature-broken", "signature-unverified", "changed-after-signing", "signatures-unreadable"]);
const codes = (r: DocumentRecord) => r.warnings.map((w) => w.code).filter((c) => MINE.has(c));

beforeAll(async () => {
  root = await makeIdentity({ cn: "Root CA thu nghiem", o: "Ban Co yeu thu nghiem" });
  stranger = await makeIdentity({ cn: "Other Root", o: "Elsewhere" });
  director = await makeIdentity({ cn: "Nguyễn Văn An", o: "UBND TỈNH MẪU", email: "an@example.vn" }, root);
  clerk = await makeIdentity({ cn: "VĂN PHÒNG UBND TỈNH MẪU", o: "UBND TỈNH MẪU" }, root);
  signed = await signPdf(basePdf(), director, {
    field: "Signature1",
    reason: "Ký duyệt văn bản",
    location: "Ha Noi",
    time: T1,
    stamp: ["Ky boi: Nguyen Van An", "Thoi gian: 26.03.2026 10:44"],
    chain: [root.cert],
  });
});

describe("digital signatures of a PDF", () => {
  it("a widget the form's /Fields does not list: its page and name from the pages' annotations", async () => {
    // the form's field list blanked in place (same length, so every offset holds; the signed bytes change)
    const text = binaryString(signed);
    const at = text.lastIndexOf("/Fields [");
    const end = text.indexOf("]", at) + 1;
    const unlisted = new Uint8Array(Buffer.from(text.slice(0, at) + "/Fields [" + " ".repeat(end - at - 10) + "]" + text.slice(end), "latin1"));
    const r = await parse(unlisted);
    expect(r.digitalSignatures).toHaveLength(1);
    expect(r.digitalSignatures[0]).toMatchObject({ field: "Signature1", page: 1 });
  });

  it("a signed file: who signed, when, and that it is intact", async () => {
    const r = await parse(signed);
    expect(r.digitalSignatures).toHaveLength(1);
    const [s] = r.digitalSignatures;
    expect(s.field).toBe("Signature1");
    expect(s.page).toBe(1);
    expect(s.stampText).toBe("Ky boi: Nguyen Van An\nThoi gian: 26.03.2026 10:44");
    expect(s.signer).toEqual({ commonName: "Nguyễn Văn An", organization: "UBND TỈNH MẪU", organizationalUnit: null, email: "an@example.vn", dn: "E=an@example.vn, CN=Nguyễn Văn An, O=UBND TỈNH MẪU, C=VN" });
    expect(s.certificate?.issuer.commonName).toBe("Root CA thu nghiem");
    expect(s.certificate?.serialNumber).toBe(director.cert.serialNumber.valueBlock.valueHexView.reduce((h, b) => h + b.toString(16).padStart(2, "0"), "").toUpperCase());
    expect(s.certificate?.notBefore).toBe("2024-01-01T00:00:00.000Z");
    expect(s.signingTime).toEqual({ cms: "2026-03-26T03:44:43.000Z", pdf: "2026-03-26T03:44:43Z", timestamp: null });
    expect(s.reason).toBe("Ký duyệt văn bản"); // UTF-16BE in the file
    expect(s.location).toBe("Ha Noi");
    expect(s.subFilter).toBe("adbe.pkcs7.detached");
    expect(s.digestAlgorithm).toBe("SHA-256");
    expect(s.integrity).toEqual({ digestMatches: true, signatureValid: true, certificateValidAtSigning: true, coversWholeFile: true, bytesAfter: 0, laterSignatures: 0 });
    expect(s.trusted).toBeNull();
    expect(s.problems).toEqual([]);
    expect(codes(r)).toEqual([]);
    // the document itself is read as before
    expect(r.body.text).toContain("Dieu 1. Giao cac co quan");
  });

  it("one byte changed inside the signed range: the digest no longer matches", async () => {
    const at = latin1(signed).indexOf("So: 12/QD-UBND") + 5;
    const tampered = withByte(signed, at, "3");
    const r = await parse(tampered);
    const [s] = r.digitalSignatures;
    expect(s.integrity.digestMatches).toBe(false);
    // the signed attributes are untouched: the signature over them still verifies
    expect(s.integrity.signatureValid).toBe(true);
    expect(s.integrity.coversWholeFile).toBe(true);
    expect(codes(r)).toEqual(["signature-broken"]);
    expect(r.warnings.find((w) => w.code === "signature-broken")?.message).toMatch(/Signature1 \(Nguyễn Văn An\): the signed bytes were changed/);
  });

  it("a byte changed inside the signature itself: the signature no longer verifies", async () => {
    // the last bytes of the CMS are the RSA signature value; flip one hex digit there
    const text = latin1(signed);
    const lt = text.indexOf("/Contents <", text.lastIndexOf("/ByteRange")) + 11;
    const end = text.indexOf("00000000", lt) - 2;
    const tampered = withByte(signed, end, text[end] === "A" ? "B" : "A");
    const [s] = (await parse(tampered)).digitalSignatures;
    expect(s.integrity.digestMatches).toBe(true);
    expect(s.integrity.signatureValid).toBe(false);
  });

  it("an incremental update after signing: intact, but the file goes on after the signed range", async () => {
    const changed = appendUpdate(signed, new Map([[4, stream("", pageContent(PAGE_LINES.map((l) => l.replace("12/QD", "99/QD"))))]]));
    const r = await parse(changed);
    const [s] = r.digitalSignatures;
    expect(s.integrity).toMatchObject({ digestMatches: true, signatureValid: true, coversWholeFile: false, laterSignatures: 0 });
    expect(s.integrity.bytesAfter).toBe(changed.length - signed.length);
    expect(codes(r)).toEqual(["changed-after-signing"]);
    // what a reader now sees is the update's text, which no signature covers
    const all = JSON.stringify({ ...r, digitalSignatures: [] });
    expect(all).toContain("99/QD-UBND");
    expect(all).not.toContain("12/QD-UBND");
  });

  it("two signatures: the first is followed by a later one, the last covers the whole file", async () => {
    const twice = await signPdf(signed, clerk, { field: "Signature2", time: T2, stamp: ["So: 12/QD-UBND"], chain: [root.cert] });
    const r = await parse(twice);
    expect(r.digitalSignatures.map((s) => [s.field, s.signer?.commonName, s.signingTime.cms])).toEqual([
      ["Signature1", "Nguyễn Văn An", T1.toISOString()],
      ["Signature2", "VĂN PHÒNG UBND TỈNH MẪU", T2.toISOString()],
    ]);
    const [first, second] = r.digitalSignatures;
    expect(first.integrity).toEqual({ digestMatches: true, signatureValid: true, certificateValidAtSigning: true, coversWholeFile: false, bytesAfter: twice.length - signed.length, laterSignatures: 1 });
    expect(second.integrity).toEqual({ digestMatches: true, signatureValid: true, certificateValidAtSigning: true, coversWholeFile: true, bytesAfter: 0, laterSignatures: 0 });
    expect(second.stampText).toBe("So: 12/QD-UBND");
    expect(second.reason).toBeNull();
    expect(codes(r)).toEqual([]);
  });

  it("trust is judged only against the roots the caller gives", async () => {
    expect((await parse(signed, [root.pem])).digitalSignatures[0].trusted).toBe(true);
    const untrusted = (await parse(signed, [stranger.pem])).digitalSignatures[0];
    expect(untrusted.trusted).toBe(false);
    expect(untrusted.problems.join()).toMatch(/does not chain to a trusted root/);
    // integrity does not depend on trust
    expect(untrusted.integrity.signatureValid).toBe(true);
  });

  it("a certificate expired before the signing time is reported", async () => {
    const old = await makeIdentity({ cn: "Expired", o: "UBND" }, root, [new Date("2020-01-01T00:00:00Z"), new Date("2021-01-01T00:00:00Z")]);
    const bytes = await signPdf(basePdf(), old, { field: "Signature1", time: T1 });
    const [s] = (await parse(bytes)).digitalSignatures;
    expect(s.integrity.certificateValidAtSigning).toBe(false);
    expect(s.integrity.signatureValid).toBe(true);
  });

  it("an unsigned PDF, and a /ByteRange that is only a placeholder, have no signatures", async () => {
    expect((await parse(basePdf())).digitalSignatures).toEqual([]);
    const placeholder = appendUpdate(basePdf(), new Map([[6, "<< /Type /Sig /ByteRange [0 /********** /********** /**********] /Contents <0000> >>"]]));
    expect((await parse(placeholder)).digitalSignatures).toEqual([]);
  });

  it("a signature whose CMS is not readable is reported, not thrown", async () => {
    const text = latin1(signed);
    const lt = text.indexOf("/Contents <", text.lastIndexOf("/ByteRange")) + 11;
    const garbled = new Uint8Array(signed);
    garbled.set(new TextEncoder().encode("FFFFFFFF"), lt);
    const r = await parse(garbled);
    expect(r.digitalSignatures[0].integrity.signatureValid).toBeNull();
    expect(r.digitalSignatures[0].problems[0]).toMatch(/CMS cannot be read/);
    expect(codes(r)).toEqual(["signature-unverified"]);
  });
});

describe("digital signatures: what real signing tools write", () => {
  it("a stamp drawn in a composite font, piece by piece, is read through its /ToUnicode map", async () => {
    const stamp = ["Ký bởi: Nguyễn Văn An", "Thời gian ký: 26.03.2026 10:44:43 +07:00"];
    const bytes = await signPdf(basePdf(), director, { field: "Signature1", time: T1, stamp, compositeStamp: true });
    const [s] = (await parse(bytes)).digitalSignatures;
    expect(s.stampText).toBe(stamp.join("\n"));
    expect(s.integrity.digestMatches).toBe(true);
  });

  it("a signature without signed attributes signs the ranges' digest itself", async () => {
    const bytes = await signPdf(basePdf(), director, { field: "Signature1", time: T1, noSignedAttributes: true });
    const [s] = (await parse(bytes)).digitalSignatures;
    expect(s.signingTime.cms).toBeNull();
    expect(s.signingTime.pdf).toBe("2026-03-26T03:44:43Z");
    expect(s.integrity).toMatchObject({ digestMatches: true, signatureValid: true, certificateValidAtSigning: true });
    const at = latin1(bytes).indexOf("So: 12/QD-UBND") + 5;
    const [t] = (await parse(withByte(bytes, at, "3"))).digitalSignatures;
    expect(t.integrity).toMatchObject({ digestMatches: false, signatureValid: false });
  });

  it("bytes before %PDF: offsets count from %PDF, and the note says so", async () => {
    const junk = new TextEncoder().encode("u\u00abZ junk\n");
    const bytes = new Uint8Array([...junk, ...signed]);
    const r = await parse(bytes);
    const [s] = r.digitalSignatures;
    expect(s.integrity).toMatchObject({ digestMatches: true, signatureValid: true, coversWholeFile: true });
    expect(s.problems).toEqual([`the file starts with ${junk.length} bytes before %PDF, outside every signature (offsets counted from %PDF)`]);
  });
});

describe("raw PDF objects", () => {
  it("finds objects inside an object stream, the later copy winning", async () => {
    const { deflateSync } = await import("node:zlib");
    const objs = "<< /T (packed) /V 9 0 R >> << /T (eight) >>";
    const packed = `7 0 8 ${objs.lastIndexOf("<<")} ${objs}`;
    const first = packed.indexOf("<<");
    const data = deflateSync(Buffer.from(packed, "latin1"));
    const head = `%PDF-1.7\n7 0 obj\n<< /T (old) >>\nendobj\n5 0 obj\n<< /Type /ObjStm /N 2 /First ${first} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`;
    const bytes = new Uint8Array([...Buffer.from(head, "latin1"), ...data, ...Buffer.from("\nendstream\nendobj\n", "latin1")]);
    const raw = new RawPdf(bytes, binaryString(bytes));
    expect(raw.dict(new PdfRef(7, 0))?.get("T")).toEqual(new Uint8Array(Buffer.from("old")));
    await raw.unpack();
    const seven = raw.dict(new PdfRef(7, 0));
    expect(seven?.get("T")).toEqual(new Uint8Array(Buffer.from("packed")));
    expect(seven?.get("V")).toEqual(new PdfRef(9, 0));
    expect(raw.dict(new PdfRef(8, 0))?.get("T")).toEqual(new Uint8Array(Buffer.from("eight")));
  });
});

describe("signature helpers", () => {
  it.each([
    ["D:20251007202316+07'00'", "2025-10-07T20:23:16+07:00"],
    ["D:20230726135436Z", "2023-07-26T13:54:36Z"],
    ["D:2023072613", "2023-07-26T13:00:00"],
    ["garbage", null],
  ])("reads the PDF date %s", (raw, iso) => expect(pdfDate(raw)).toBe(iso));

  it("reads trusted roots from PEM text", () => {
    expect(parseCertificates([root.pem + stranger.pem])).toHaveLength(2);
  });
});
