import { attr, child, childrenNamed, onOff, type XmlElement } from "./xml.js";

/** Run formatting that matters to vanban: font (for legacy encodings), bold, italic, size, hidden. */
export interface RunProps {
  font?: string;
  bold?: boolean;
  italic?: boolean;
  /** points */
  size?: number;
  hidden?: boolean;
  superscript?: boolean;
}

export interface ParaProps {
  align?: "left" | "center" | "right" | "justify";
  numId?: string;
  ilvl?: string;
  /** first-line indent in points (negative: hanging) */
  firstLine?: number;
}

interface Style {
  id: string;
  type: string;
  basedOn?: string;
  rPr?: XmlElement;
  pPr?: XmlElement;
}

/** Theme fonts: `minorHAnsi` → the theme's minor Latin typeface. */
export function readThemeFonts(theme: XmlElement | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!theme) return out;
  const find = (el: XmlElement | undefined, name: string): XmlElement | undefined => {
    if (!el) return undefined;
    for (const c of el.children) {
      if (typeof c === "string") continue;
      if (c.name.endsWith(":" + name) || c.name === name) return c;
      const f = find(c, name);
      if (f) return f;
    }
    return undefined;
  };
  const major = attr(child(find(theme, "majorFont"), "latin"), "typeface");
  const minor = attr(child(find(theme, "minorFont"), "latin"), "typeface");
  for (const k of ["majorHAnsi", "majorAscii", "majorBidi", "majorEastAsia"]) if (major) out[k] = major;
  for (const k of ["minorHAnsi", "minorAscii", "minorBidi", "minorEastAsia"]) if (minor) out[k] = minor;
  return out;
}

/** Resolves paragraph and run properties through docDefaults, style chains and direct formatting. */
export class Styles {
  private styles = new Map<string, Style>();
  private defaultRPr?: XmlElement;
  private defaultPPr?: XmlElement;
  private defaultParaStyle?: string;
  private cache = new Map<string, RunProps>();

  constructor(root: XmlElement | undefined, private themeFonts: Record<string, string> = {}) {
    if (!root) return;
    const defaults = child(root, "docDefaults");
    this.defaultRPr = child(child(defaults, "rPrDefault"), "rPr");
    this.defaultPPr = child(child(defaults, "pPrDefault"), "pPr");
    for (const s of childrenNamed(root, "style")) {
      const id = attr(s, "styleId");
      if (!id) continue;
      const type = attr(s, "type") ?? "paragraph";
      this.styles.set(id, { id, type, basedOn: attr(child(s, "basedOn"), "val"), rPr: child(s, "rPr"), pPr: child(s, "pPr") });
      const isDefault = attr(s, "default");
      if (type === "paragraph" && isDefault && isDefault !== "0" && isDefault !== "false") this.defaultParaStyle = id;
    }
  }

  /** Style chain from the most basic to the given style. */
  private chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    const seen = new Set<string>();
    let cur = id ? this.styles.get(id) : undefined;
    while (cur && !seen.has(cur.id) && out.length < 20) {
      seen.add(cur.id);
      out.unshift(cur);
      cur = cur.basedOn ? this.styles.get(cur.basedOn) : undefined;
    }
    return out;
  }

  paragraphStyle(pPr: XmlElement | undefined): string | undefined {
    return attr(child(pPr, "pStyle"), "val") ?? this.defaultParaStyle;
  }

  paraProps(pPr: XmlElement | undefined): ParaProps {
    const props: ParaProps = {};
    const layers = [this.defaultPPr, ...this.chain(this.paragraphStyle(pPr)).map((s) => s.pPr), pPr];
    for (const p of layers) {
      if (!p) continue;
      const jc = attr(child(p, "jc"), "val");
      if (jc) props.align = jc === "center" ? "center" : jc === "right" || jc === "end" ? "right" : jc === "both" || jc === "distribute" ? "justify" : "left";
      const ind = child(p, "ind");
      const first = attr(ind, "firstLine") ?? attr(ind, "firstLineChars");
      const hanging = attr(ind, "hanging");
      if (first !== undefined && /^-?\d+$/.test(first) && attr(ind, "firstLine") !== undefined) props.firstLine = parseInt(first, 10) / 20;
      else if (hanging !== undefined && /^\d+$/.test(hanging)) props.firstLine = -parseInt(hanging, 10) / 20;
      const numPr = child(p, "numPr");
      if (numPr) {
        const numId = attr(child(numPr, "numId"), "val");
        const ilvl = attr(child(numPr, "ilvl"), "val");
        if (numId !== undefined) props.numId = numId;
        if (ilvl !== undefined) props.ilvl = ilvl;
      }
    }
    return props;
  }

  /** Effective run properties for a run with `rPr` in a paragraph of style `paraStyle`. */
  runProps(paraStyle: string | undefined, rPr: XmlElement | undefined): RunProps {
    const runStyle = attr(child(rPr, "rStyle"), "val");
    const key = `${paraStyle ?? ""}\u0000${runStyle ?? ""}`;
    let base = this.cache.get(key);
    if (!base) {
      base = {};
      const layers = [this.defaultRPr, ...this.chain(paraStyle).map((s) => s.rPr), ...this.chain(runStyle).map((s) => s.rPr)];
      for (const l of layers) if (l) this.apply(base, l);
      this.cache.set(key, base);
    }
    if (!rPr) return base;
    const props = { ...base };
    this.apply(props, rPr);
    return props;
  }

  private apply(props: RunProps, rPr: XmlElement): void {
    const fonts = child(rPr, "rFonts");
    if (fonts) {
      const theme = attr(fonts, "hAnsiTheme") ?? attr(fonts, "asciiTheme");
      const font = attr(fonts, "hAnsi") ?? attr(fonts, "ascii") ?? attr(fonts, "cs");
      if (theme) props.font = this.themeFonts[theme] ?? props.font;
      else if (font) props.font = font;
    }
    const b = onOff(child(rPr, "b"));
    if (b !== undefined) props.bold = b;
    const i = onOff(child(rPr, "i"));
    if (i !== undefined) props.italic = i;
    const sz = attr(child(rPr, "sz"), "val");
    if (sz && /^\d+$/.test(sz)) props.size = parseInt(sz, 10) / 2;
    const vanish = onOff(child(rPr, "vanish"));
    if (vanish !== undefined) props.hidden = vanish;
    const va = attr(child(rPr, "vertAlign"), "val");
    if (va) props.superscript = va === "superscript";
  }
}
