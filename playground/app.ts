import { parseWithText, type DocumentRecord } from "../src/browser/index.js";

/** The playground: a file in, its normalized text and record side by side; spans clickable. */

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const textEl = $("text"), card = $("card"), jsonEl = $("json"), statusEl = $("status"), warningsEl = $("warnings");
const download = $<HTMLButtonElement>("download");
let current: { record: DocumentRecord; text: string; name: string } | null = null;

type Span = [number, number] | null | undefined;

function el(tag: string, props: Record<string, string> = {}, ...kids: (Node | string | null | undefined)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
  for (const k of kids) if (k != null) e.append(k);
  return e;
}

/** A value that highlights its span in the text when clicked. */
function field(value: unknown, span: Span, name: string): HTMLElement {
  const e = el("span", { class: "field", "data-field": name }, value == null || value === "" ? "—" : String(value));
  if (span) e.dataset.span = `${span[0]},${span[1]}`;
  return e;
}

function highlight(start: number, end: number) {
  const t = current!.text;
  textEl.replaceChildren(t.slice(0, start), el("mark", {}, t.slice(start, end)), t.slice(end));
  textEl.querySelector("mark")!.scrollIntoView({ block: "center" });
}

card.addEventListener("click", (ev) => {
  const f = (ev.target as HTMLElement).closest<HTMLElement>(".field[data-span]");
  if (!f || !current) return;
  card.querySelectorAll(".active").forEach((a) => a.classList.remove("active"));
  f.classList.add("active");
  const [s, e] = f.dataset.span!.split(",").map(Number);
  highlight(s, e);
});

function table(title: string, head: string[], rows: (HTMLElement | string)[][]): HTMLElement | null {
  if (!rows.length) return null;
  return el("div", {}, el("h3", {}, `${title} (${rows.length})`),
    el("table", {}, el("tr", {}, ...head.map((h) => el("th", {}, h))), ...rows.map((r) => el("tr", {}, ...r.map((c) => el("td", {}, c))))));
}

const list = (xs: unknown[] | null | undefined) => (xs ?? []).map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join("; ");

function render(r: DocumentRecord) {
  const any = r as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const sig = (r.signatures ?? []).map((s: any, i: number) =>
    field([s.authority, s.onBehalfOf, s.title, s.name].filter(Boolean).join(" "), s.span, `signer-${i}`));
  const dl = el("dl", {},
    el("dt", {}, "Issuer"), el("dd", {}, field(r.issuer?.name, r.issuer?.span, "issuer"), r.issuer?.parent ? ` (${r.issuer.parent})` : ""),
    el("dt", {}, "Number"), el("dd", {}, field(r.number?.raw, r.number?.span, "number")),
    el("dt", {}, "Date"), el("dd", {}, field(r.date ? `${r.date.value ?? ""} (${r.date.raw})` : null, r.date?.span, "date"), r.place ? ` — ${r.place}` : ""),
    el("dt", {}, "Type"), el("dd", {}, field(r.type?.name, null, "type")),
    el("dt", {}, "Subject"), el("dd", {}, field(r.subject, any.subjectSpan, "subject")),
    el("dt", {}, "Recipients"), el("dd", {}, field(list(r.recipients), null, "recipients")),
    el("dt", {}, "Signers"), el("dd", {}, ...(sig.length ? sig : ["—"])),
    el("dt", {}, "Distribution"), el("dd", {}, field(list(r.distribution), null, "distribution")),
    el("dt", {}, "Source"), el("dd", {}, `${r.source.format}${r.source.pages ? `, ${r.source.pages} pages` : ""}, ${r.source.encoding}${r.source.ocr ? ", OCR" : ""}`),
  );
  const timeline = (r.dates ?? []).length
    ? el("div", {}, el("h3", {}, `Dates (${r.dates.length})`), el("div", { class: "timeline" },
      ...[...r.dates].sort((a: any, b: any) => String(a.start ?? "").localeCompare(String(b.start ?? ""))).map((d: any, i: number) => field(`${d.value ?? d.text} · ${d.kind}`, d.span, `date-${i}`))))
    : null;
  card.replaceChildren(dl,
    table("Tasks", ["Assignee", "Action", "Deadline"], (r.tasks ?? []).map((t: any, i: number) => [list(t.assignee), field(t.action, t.span, `task-${i}`), t.deadline ?? ""])),
    timeline,
    table("References", ["Type", "Number", "Date", "Issuer"], (r.references ?? []).map((x: any, i: number) => [x.type ?? "", field([x.number, x.symbol].filter(Boolean).join("/") || x.text, x.span, `ref-${i}`), x.date ?? "", x.issuer ?? ""])),
    table("Meetings", ["What", "When", "Where", "Chair", "Agenda"], (r.events ?? []).map((m, i) => [
      field(m.kind, m.span, `event-${i}`), [m.start, m.end].filter(Boolean).join(" – "), m.place ?? "", m.chair ?? "", m.agenda ?? ""])),
  );
  warningsEl.replaceChildren(...(r.warnings ?? []).map((w: any) => el("div", { class: "warning" }, `${w.code}: ${w.message}`)));
  jsonEl.textContent = JSON.stringify(r, null, 2);
}

async function open(file: File) {
  statusEl.className = "";
  statusEl.textContent = `Reading ${file.name}…`;
  const t0 = performance.now();
  try {
    const { record, text } = await parseWithText(file);
    current = { record, text, name: file.name };
    textEl.textContent = text;
    render(record);
    download.disabled = false;
    statusEl.textContent = `${file.name}: read in ${Math.round(performance.now() - t0)} ms`;
    document.body.dataset.state = "done";
    (window as unknown as { vanban: unknown }).vanban = current; // for scripts and tests
  } catch (err) {
    current = null;
    statusEl.className = "error";
    statusEl.textContent = `${file.name}: ${(err as Error).message}`;
    document.body.dataset.state = "error";
  }
}

$<HTMLInputElement>("file").addEventListener("change", (ev) => {
  const f = (ev.target as HTMLInputElement).files?.[0];
  if (f) void open(f);
});
const drop = $("drop");
drop.addEventListener("dragover", (ev) => { ev.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (ev) => {
  ev.preventDefault();
  drop.classList.remove("over");
  const f = ev.dataTransfer?.files?.[0];
  if (f) void open(f);
});
download.addEventListener("click", () => {
  if (!current) return;
  const url = URL.createObjectURL(new Blob([JSON.stringify(current.record, null, 2)], { type: "application/json" }));
  const a = el("a", { href: url, download: current.name.replace(/\.[^.]+$/, "") + ".json" });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
