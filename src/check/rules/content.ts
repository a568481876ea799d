import { ABBREVIATIONS } from "../../../grammars/agencies.js";
import { DOCUMENT_TYPES, LETTER_TYPE } from "../../../grammars/document-types.js";
import { DEPUTY_TITLE_START, LETTER_SUBJECT, MOTTO, PREAMBLE_LINE, RECIPIENTS, SIGNING_AUTHORITIES } from "../../../grammars/header.js";
import { SIGNER_TITLES } from "../../../grammars/people.js";
import { NAMED_TYPES } from "../../../grammars/references.js";
import {
  ACADEMIC_TITLES, ACTING_WORD, ARCHIVE_LINE, PARTY_NUMBER, ROMAN_NUMERALS,
} from "../../../grammars/standard/format.js";
import { matchKey } from "../../text/tone.js";
import { alt, esc } from "../../text/pattern.js";
import { CheckContext, type Finding } from "../context.js";

/**
 * Content rules: they read the record (and the normalized lines behind its spans), so they work
 * on every format. One function a clause of NĐ 30/2020 Phụ lục I or HD 36; the rule's message,
 * severity and examples are in `grammars/standard/rules.ts` under the same id.
 */
export type RuleFn = (ctx: CheckContext) => Finding[];

const letterSubjectRe = new RegExp(LETTER_SUBJECT, "u");
const recipientsRe = new RegExp(RECIPIENTS, "u");
const mottoRe = new RegExp(MOTTO, "u");
const preambleRe = new RegExp(PREAMBLE_LINE, "u");
const deputyRe = new RegExp(`^${DEPUTY_TITLE_START}`, "u");
const archiveRe = new RegExp(ARCHIVE_LINE, "u");
const partyNumberRe = new RegExp(PARTY_NUMBER, "u");
const academicRe = new RegExp(`^(?:${ACADEMIC_TITLES.map(esc).join("|")})\\.?\\s*(?:[-.,]\\s*(?:${ACADEMIC_TITLES.map(esc).join("|")})\\.?\\s*)*\\s(?=\\p{Lu})`, "u");
const positionTitles = SIGNER_TITLES.map(matchKey);
/** type codes, compared case-folded: `QĐ`, `TTr` */
const typeCodes = new Set(DOCUMENT_TYPES.map((t) => t.code.toLowerCase()));
/** laws and ordinances are cited by type and name alone; no date line in their header */
const namedTypes = new Set(NAMED_TYPES.map((t) => matchKey(t)));
const isLegalByName = (code: string | undefined) => code !== undefined && ["L", "BL", "PL", "HP"].includes(code);

const quote = (s: string) => `“${s.replace(/\s+/g, " ").trim()}”`;
/** Letters without marks, upper case: `Ủy ban` → `UY BAN`, `Đ` → `D`. */
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toUpperCase();
const startsWithTitle = (text: string) => {
  const key = matchKey(text).trim();
  return positionTitles.some((t) => key === t || key.startsWith(t + " "));
};

// ---------------------------------------------------------------- II.3 số, ký hiệu

/** II.3.c "với những số nhỏ hơn 10 phải ghi thêm số 0 phía trước". */
const numberLeadingZero: RuleFn = ({ stages: { record } }) => {
  const n = record.number;
  if (!n?.value || !/^\d+$/.test(n.value)) return [];
  return Number(n.value) > 0 && Number(n.value) < 10 && !n.value.startsWith("0") ? [{ span: n.span, detail: quote(n.raw) }] : [];
};

/** II.3.c "Giữa số và ký hiệu văn bản có dấu gạch chéo (/), giữa các nhóm chữ viết tắt … có dấu gạch nối (-), không cách chữ". */
const symbolForm: RuleFn = (ctx) => {
  const n = ctx.stages.record.number;
  if (!n?.value) return [];
  const line = n.span ? ctx.lineAt(n.span[0]) : undefined;
  const lineText = line?.text.trim() ?? "";
  const bad: string[] = [];
  if (/^số(?=\s|:|$)/iu.test(lineText) && !/^số\s*:/iu.test(lineText)) bad.push("thiếu dấu hai chấm sau “Số”");
  if (/\s/.test(n.raw.trim())) bad.push("có khoảng trắng");
  const group = "[\\p{Lu}\\d][\\p{L}\\d]*";
  if (!new RegExp(`^\\d+/(?:\\d{4}/)?${group}(?:-${group})*$`, "u").test(n.raw.replace(/\s+/g, ""))) bad.push("sai dấu phân cách");
  return bad.length ? [{ span: n.span, detail: `${quote(n.raw)}: ${bad.join(", ")}` }] : [];
};

/** The groups of a ký hiệu; a wrong separator (`QĐ/BTC`, `QĐ.BQL`) is symbol-form's finding, not a wrong group. */
const symbolGroups = (symbol: string | null) => (symbol ?? "").split(/[-–/.]/).map((g) => g.trim()).filter(Boolean);

/** II.3.b a named type's ký hiệu: the type's abbreviation, then the issuer's; a công văn's: the issuer's, then the drafting unit's. */
const symbolType: RuleFn = ({ stages: { record } }) => {
  const { number: n, type } = record;
  if (!n?.symbol || !type || isLegalByName(type.code)) return [];
  const groups = symbolGroups(n.symbol);
  if (!groups.length) return [];
  const first = groups[0].toLowerCase();
  if (type.code === LETTER_TYPE.code) {
    return typeCodes.has(first) ? [{ span: n.span, detail: `công văn, ký hiệu ${quote(n.symbol)} mở đầu bằng tên loại` }] : [];
  }
  if (DOCUMENT_TYPES.find((t) => t.code === type.code)?.kind === "legal" && !typeCodes.has(first)) return []; // `45/2019/QH14`
  return first === type.code.toLowerCase() ? [] : [{ span: n.span, detail: `${type.name.toUpperCase()}, ký hiệu ${quote(n.symbol)} (cần “${type.code}-…”)` }];
};

const abbreviationRes = Object.entries(ABBREVIATIONS).map(([k, v]) => [new RegExp(`(?<![\\p{L}])${esc(k)}(?![\\p{L}])`, "gu"), v] as const);

/** Does `abbr` (`SYT`, `UBND`) abbreviate `name` (`SỞ Y TẾ`)? Its letters in order, the first a word's first. */
export function abbreviates(abbr: string, name: string): boolean {
  const a = fold(abbr).replace(/[^A-Z]/g, "");
  if (!a) return true;
  let full = name;
  for (const [re, v] of abbreviationRes) if (re.test(full)) full = full.replace(re, v);
  const expanded = ABBREVIATIONS[abbr];
  if (expanded && fold(full).includes(fold(expanded))) return true;
  // from the initial of any word (`TTCS` for `CỤC THÔNG TIN CƠ SỞ` leaves out the head word)
  const words = fold(full).split(/[^A-Z]+/).filter(Boolean);
  for (let w = 0; w < words.length; w++) {
    if (words[w][0] !== a[0]) continue;
    let i = 0;
    for (const ch of words.slice(w).join("")) if (ch === a[i]) i++;
    if (i === a.length) return true;
  }
  return false;
}

/** II.3.b the issuer's abbreviation in the ký hiệu agrees with the issuer's name (or its parent's). */
const symbolIssuer: RuleFn = ({ stages: { record } }) => {
  const { number: n, type, issuer } = record;
  if (!n?.symbol || !issuer || !type || isLegalByName(type.code)) return [];
  const groups = symbolGroups(n.symbol);
  const abbr = type.code === LETTER_TYPE.code ? groups[0] : groups[0]?.toLowerCase() === type.code.toLowerCase() ? groups[1] : undefined;
  if (!abbr || /^\d+$/.test(abbr)) return [];
  const names = [issuer.name, issuer.parent, issuer.parent ? `${issuer.parent} ${issuer.name}` : null].filter((x): x is string => !!x);
  return names.some((name) => abbreviates(abbr, name)) ? [] : [{ span: n.span, detail: `“${abbr}” và ${quote(issuer.name)}` }];
};

// ---------------------------------------------------------------- II.4 địa danh, ngày

/** II.4.c the place and date line stands beside the number. */
const placeDateMissing: RuleFn = ({ stages: { tree, record } }) => {
  if (isLegalByName(record.type?.code)) return [];
  if (!tree.date) return [{ detail: "không có dòng “…, ngày … tháng … năm …”" }];
  // a date line without its place may be read as following the tiêu ngữ
  if (!tree.place || mottoRe.test(matchKey(tree.place.text.trim()))) return [{ span: tree.date.span, detail: "thiếu địa danh" }];
  return [];
};

/** II.4.b "những số thể hiện ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước". */
const dateLeadingZero: RuleFn = ({ stages: { tree } }) => {
  const d = tree.date;
  const m = d && /ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm/iu.exec(d.raw);
  if (!d || !m) return [];
  const bad = (/^[1-9]$/.test(m[1]) ? 1 : 0) + (/^[12]$/.test(m[2]) ? 1 : 0);
  return bad ? [{ span: d.span, detail: quote(d.raw) }] : [];
};

// ---------------------------------------------------------------- II.5 trích yếu

/** II.5.b a công văn's trích yếu after “V/v”; a named type's under its type name, without it. */
const letterSubject: RuleFn = (ctx) => {
  const { record } = ctx.stages;
  const vv = ctx.headerLines().find((l) => letterSubjectRe.test(matchKey(l.text.trim())));
  if (record.type && record.type.code !== LETTER_TYPE.code && vv) {
    return [{ span: CheckContext.spanOf(vv), detail: `${record.type.name.toUpperCase()} có trích yếu ${quote(vv.text)}` }];
  }
  // no type name and no V/v, but a công văn's ký hiệu (the issuer's abbreviation first)
  const groups = symbolGroups(record.number?.symbol ?? null);
  if (!record.type && !vv && groups.length >= 2 && !typeCodes.has(groups[0].toLowerCase()) && !ctx.party) {
    return [{ span: record.number?.span ?? null, detail: `công văn ${quote(record.number!.raw)} không có dòng “V/v …”` }];
  }
  return [];
};

// ---------------------------------------------------------------- II.6 nội dung

/** II.6.a "sau mỗi căn cứ phải xuống dòng, cuối dòng có dấu chấm phẩy (;), dòng cuối cùng kết thúc bằng dấu chấm (.)". */
const preamblePunctuation: RuleFn = ({ stages: { tree } }) => {
  const lines = tree.preamble.filter((p) => preambleRe.test(matchKey(p.text.trim())));
  // a line of another kind after the last căn cứ (`Quốc hội ban hành Luật …`) closes the preamble itself
  const closedAfter = lines.length > 0 && tree.preamble[tree.preamble.length - 1] !== lines[lines.length - 1];
  const out: Finding[] = [];
  lines.forEach((p, i) => {
    const t = p.text.trim();
    const last = i === lines.length - 1;
    // the last may end `:` where it opens what follows (`Xét đề nghị …, như sau:`)
    const ok = last ? (closedAfter ? /[.,;]$/ : /[.,:]$/).test(t) : /;$/.test(t);
    if (!ok) out.push({ span: p.span, detail: `${quote(t.length > 60 ? "…" + t.slice(-50) : t)} (cần “${last ? "." : ";"}”)` });
  });
  return out;
};

/** II.6.b "Khi viện dẫn lần đầu văn bản có liên quan, phải ghi đầy đủ tên loại, số, ký hiệu …, thời gian ban hành …, tên cơ quan …". */
const citationFull: RuleFn = (ctx) => {
  const { record, tree } = ctx.stages;
  const footnotes = tree.footnotes.map((f) => f.span);
  const inFootnote = (s: [number, number]) => footnotes.some((f) => s[0] >= f[0] && s[0] < f[1]);
  const seen = new Set<string>();
  const out: Finding[] = [];
  const ownGroups = symbolGroups(record.number?.symbol ?? null);
  const ownIssuer = record.type?.code === LETTER_TYPE.code ? (ownGroups[0] ?? null) : (ownGroups[1] ?? null);
  const refs = [...record.references].filter((r) => r.span && r.number).sort((a, b) => a.span![0] - b.span![0]);
  for (const r of refs) {
    const key = `${r.number}/${r.year ?? ""}/${(r.symbol ?? "").toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (r.span![0] < ctx.bodyStart || inFootnote(r.span!)) continue;
    if (r.type && namedTypes.has(matchKey(r.type))) continue;
    // a footnote mark on the citation: the note gives it in full
    if (/[¹²³⁴⁵⁶⁷⁸⁹⁰]/.test(ctx.text.slice(r.span![0], r.span![1] + 2))) continue;
    // the issuer may go unnamed where the ký hiệu names it beyond doubt: the document's own issuer, the Quốc hội (`QH15`)
    const issuerGroup = (r.symbol ?? "").split(/[-/]/).pop() ?? "";
    const implied = /^QH\d*$/.test(issuerGroup) || (ownIssuer !== null && issuerGroup === ownIssuer);
    const missing = [!r.type && "tên loại", !r.date && "thời gian ban hành", !r.issuer && !implied && "cơ quan ban hành"].filter(Boolean);
    if (missing.length) out.push({ span: r.span, detail: `${quote(r.text)}: thiếu ${missing.join(", ")}` });
  }
  return out;
};

/** A weekday beside a date must be that date's (the extract stage reports a disagreement). */
const weekday: RuleFn = ({ stages: { record } }) =>
  record.warnings.filter((w) => w.code === "weekday-mismatch").map((w) => ({ span: w.span ?? null, detail: w.message }));

// ---------------------------------------------------------------- II.7 thẩm quyền ký

const authorities = (s: { authority: string | null; chain: { authority: string }[] }) => new Set([s.authority, ...s.chain.map((c) => c.authority)].filter(Boolean));

/** II.7.b "Trường hợp ký thay người đứng đầu … phải ghi chữ viết tắt “KT.” vào trước chức vụ của người đứng đầu". */
const authorityKt: RuleFn = ({ stages: { record } }) => {
  const out: Finding[] = [];
  for (const s of record.signatures) {
    const title = s.title ? matchKey(s.title).trim() : "";
    const deputy = deputyRe.test(title + " ");
    const auth = authorities(s);
    if (s.authority === "KT." && title && !deputy) out.push({ span: s.span, detail: `“KT. ${s.onBehalfOf ?? ""}” với chức vụ ${quote(s.title!)}` });
    else if (deputy && auth.size === 0) out.push({ span: s.span, detail: `${quote(s.title!)} ký không có “KT.”` });
  }
  return out;
};

/** II.7.b "Trường hợp ký thay mặt tập thể thì phải ghi chữ viết tắt “TM.” vào trước tên tập thể lãnh đạo hoặc tên cơ quan". */
const authorityTm: RuleFn = ({ stages: { record } }) => {
  const out: Finding[] = [];
  for (const s of record.signatures) {
    const tm = [s.authority === "TM." ? s.onBehalfOf : null, ...s.chain.filter((c) => c.authority === "TM.").map((c) => c.onBehalfOf)];
    for (const body of new Set(tm)) if (body && startsWithTitle(body)) out.push({ span: s.span, detail: `“TM. ${body}”` });
  }
  return out;
};

/** II.7.b "Trường hợp được giao quyền cấp trưởng thì phải ghi chữ viết tắt “Q.” vào trước chức vụ của người đứng đầu". */
const authorityQ: RuleFn = ({ stages: { record } }) => {
  const out: Finding[] = [];
  for (const s of record.signatures) {
    const title = s.title ? matchKey(s.title).trim() : "";
    if (s.authority === "Q." && s.onBehalfOf && deputyRe.test(matchKey(s.onBehalfOf) + " ")) out.push({ span: s.span, detail: `“Q. ${s.onBehalfOf}”` });
    else if (title.startsWith(ACTING_WORD + " ") && startsWithTitle(title.slice(ACTING_WORD.length + 1)) && s.authority !== "Q.") out.push({ span: s.span, detail: `${quote(s.title!)} (cần “Q.”)` });
  }
  return out;
};

/** II.7.c "Trước họ tên của người ký, không ghi học hàm, học vị và các danh hiệu danh dự khác". */
const academicTitle: RuleFn = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.stages.record.signatures) {
    const lines = ctx.linesIn(s.span).map((l) => l.text.trim());
    const hit = [s.name ?? "", ...lines].find((t) => academicRe.test(t));
    if (hit) out.push({ span: s.span, detail: quote(hit) });
  }
  return out;
};

// ---------------------------------------------------------------- II.9 nơi nhận

/** II.9.d ô 9a: "sau từ “Kính gửi” có dấu hai chấm (:)"; one recipient on the same line; several one a line `- …;`, the last `.`. */
const recipientsForm: RuleFn = (ctx) => {
  const { tree } = ctx.stages;
  if (!tree.recipients.length) return [];
  const head = ctx.lines.find((l) => recipientsRe.test(matchKey(l.text.trim())) && l.start <= tree.recipients[0].span[0]);
  const out: Finding[] = [];
  if (head && !/^kính\s+gửi\s*:/iu.test(head.text.trim())) out.push({ span: CheckContext.spanOf(head), detail: `${quote(head.text)}: thiếu dấu hai chấm` });
  if (tree.recipients.length === 1) {
    const r = tree.recipients[0];
    if (head && ctx.lineAt(r.span[0]) !== head) out.push({ span: r.span, detail: `một nơi nhận ${quote(r.text)} phải cùng dòng với “Kính gửi:”` });
    return out;
  }
  tree.recipients.forEach((r, i) => {
    const line = ctx.lineAt(r.span[0]);
    if (!line || line === head) {
      out.push({ span: r.span, detail: `${quote(r.text)} phải xuống dòng, đầu dòng có gạch đầu dòng` });
      return;
    }
    const t = line.text.trim();
    const last = i === tree.recipients.length - 1;
    if (!/^[-–]\s/.test(t) || !(last ? /\.$/ : /;$/).test(t)) out.push({ span: CheckContext.spanOf(line), detail: `${quote(t)} (cần “- …${last ? "." : ";"}”)` });
  });
  return out;
};

/** II.9: every document lists where it goes (nơi nhận). */
const distributionMissing: RuleFn = ({ stages: { record } }) =>
  record.distribution.length || isLegalByName(record.type?.code) ? [] : [{ detail: "không có “Nơi nhận:”" }];

/** II.9.d ô 9b: lines `- …;`, the last "chữ “Lưu” sau có dấu hai chấm (:), tiếp theo là chữ viết tắt “VT”, dấu phẩy (,), … cuối cùng là dấu chấm (.)". */
const archiveCopy: RuleFn = (ctx) => {
  const { tree } = ctx.stages;
  if (!tree.distribution.length) return [];
  const out: Finding[] = [];
  const lines = tree.distribution.map((d) => ctx.lineAt(d.span[0])).filter((l, i, a) => l && a.indexOf(l) === i) as NonNullable<ReturnType<CheckContext["lineAt"]>>[];
  const unended: typeof lines = [];
  lines.forEach((line, i) => {
    const t = line.text.trim();
    const last = i === lines.length - 1;
    if (last) {
      // what a PDF glues after the closing `.` (the drafter's initials, the signer's name) is not the line's
      const body = /^(.*?)\.(?:\s*[^\s.]{1,30})?$/u.exec(t.replace(/^[-–+]\s*/, ""))?.[1];
      if (body === undefined || !archiveRe.test(matchKey(body))) out.push({ span: CheckContext.spanOf(line), detail: `dòng cuối ${quote(t)}` });
    } else if (!/[;:]$/.test(t)) unended.push(line);
  });
  // one message for the lines without `;`, naming the first
  if (unended.length) out.unshift({ span: CheckContext.spanOf(unended[0]), detail: `${unended.length} dòng không kết thúc bằng “;”, như ${quote(unended[0].text)}` });
  return out;
};

// ---------------------------------------------------------------- III.1 phụ lục

/** III.1.a "Văn bản có từ hai Phụ lục trở lên thì các Phụ lục phải được đánh số thứ tự bằng chữ số La Mã". */
const appendixNumbering: RuleFn = (ctx) => {
  // the heading lines `Phụ lục I` inside the appendices (one appendix of the tree may hold several)
  const heads = ctx.stages.tree.appendices.flatMap((a) => ctx.linesIn(a.span)).filter((l, i, all) => all.indexOf(l) === i && appendixHeadRe.test(l.text.trim()));
  if (heads.length < 2) return [];
  const out: Finding[] = [];
  heads.forEach((l, i) => {
    const label = appendixHeadRe.exec(l.text.trim())?.[1];
    if (label !== ROMAN_NUMERALS[i]) out.push({ span: CheckContext.spanOf(l), detail: `${quote(l.text)} (cần “Phụ lục ${ROMAN_NUMERALS[i] ?? i + 1}”)` });
  });
  return out;
};
/** "Phụ lục I", "PHỤ LỤC 2", "Phụ lục số 3:", as a heading line */
const appendixHeadRe = /^phụ\s+lục(?:\s+(?:số\s*)?([IVXLC]+|\d+))?\s*(?:[.:–-].{0,80})?$/iu;

// ---------------------------------------------------------------- HD 36

/** HD 36: "Số 36-HD/VPTW": the number, a hyphen, the type, a slash, the issuer. */
const partyNumber: RuleFn = ({ stages: { record } }) => {
  const n = record.number;
  if (!n?.value) return [];
  return partyNumberRe.test(n.raw.replace(/\s+/g, "")) ? [] : [{ span: n.span, detail: quote(n.raw) }];
};

/** HD 36: the Party's authorities are `T/M`, `K/T`, `T/L`, `T/UQ`, not the State's `TM.`, `KT.`, `TL.`, `TUQ.`. */
const partyForm = new Map<string, string>(SIGNING_AUTHORITIES.flatMap((a) => (a.party ? [[a.authority, a.party] as const] : [])));
const stateAuthorityRe = new RegExp(`^(${alt([...partyForm.keys()])})\\s`, "u");
const partyAuthority: RuleFn = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.stages.record.signatures) {
    for (const l of ctx.linesIn(s.span)) {
      const m = stateAuthorityRe.exec(l.text.trim());
      if (m) out.push({ span: CheckContext.spanOf(l), detail: `“${m[1]}” (cần “${partyForm.get(m[1])}”)` });
    }
  }
  return out;
};

export const CONTENT_RULES: Record<string, RuleFn> = {
  "nd30.pl1.II.3.number-leading-zero": numberLeadingZero,
  "nd30.pl1.II.3.symbol-form": symbolForm,
  "nd30.pl1.II.3.symbol-type": symbolType,
  "nd30.pl1.II.3.symbol-issuer": symbolIssuer,
  "nd30.pl1.II.4.place-date-missing": placeDateMissing,
  "nd30.pl1.II.4.date-leading-zero": dateLeadingZero,
  "nd30.pl1.II.5.letter-subject": letterSubject,
  "nd30.pl1.II.6.preamble-punctuation": preamblePunctuation,
  "nd30.pl1.II.6.citation-full": citationFull,
  "nd30.pl1.II.6.weekday": weekday,
  "nd30.pl1.II.7.authority-kt": authorityKt,
  "nd30.pl1.II.7.authority-tm": authorityTm,
  "nd30.pl1.II.7.authority-q": authorityQ,
  "nd30.pl1.II.7.academic-title": academicTitle,
  "nd30.pl1.II.9.recipients-form": recipientsForm,
  "nd30.pl1.II.9.distribution-missing": distributionMissing,
  "nd30.pl1.II.9.archive-copy": archiveCopy,
  "nd30.pl1.III.1.appendix-numbering": appendixNumbering,
  "hd36.number-form": partyNumber,
  "hd36.authority-form": partyAuthority,
};
