/**
 * A small, strict-enough XML reader for Office Open XML parts: elements, attributes, text,
 * CDATA and the five predefined entities plus numeric references. No DTDs (OOXML forbids them).
 * Names keep their prefix (`w:p`); {@link local} drops it, so documents that bind WordprocessingML
 * to another prefix read alike.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

/** Elements nested deeper than {@link MAX_XML_DEPTH}: refused (Word nests a few dozen levels; the readers recurse). */
export class XmlDepthError extends XmlError {}

export const MAX_XML_DEPTH = 512;

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Parses an XML document into its root element; throws {@link XmlError} on broken markup. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      pushText(stack[stack.length - 1], xml.slice(i));
      break;
    }
    if (lt > i) pushText(stack[stack.length - 1], xml.slice(i, lt));
    if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt);
      if (end < 0) throw new XmlError("unterminated processing instruction");
      i = end + 2;
    } else if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt);
      if (end < 0) throw new XmlError("unterminated comment");
      i = end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      if (end < 0) throw new XmlError("unterminated CDATA section");
      stack[stack.length - 1].children.push(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith("<!", lt)) {
      const end = xml.indexOf(">", lt);
      if (end < 0) throw new XmlError("unterminated declaration");
      i = end + 1;
    } else if (xml[lt + 1] === "/") {
      const end = xml.indexOf(">", lt);
      if (end < 0) throw new XmlError("unterminated end tag");
      const name = xml.slice(lt + 2, end).trim();
      const top = stack.pop();
      if (!top || top === root || top.name !== name) throw new XmlError(`mismatched end tag </${name}>`);
      i = end + 1;
    } else {
      const end = findTagEnd(xml, lt);
      if (end < 0) throw new XmlError("unterminated start tag");
      let body = xml.slice(lt + 1, end);
      const selfClosing = body.endsWith("/");
      if (selfClosing) body = body.slice(0, -1);
      const sp = body.search(/\s/);
      const name = sp < 0 ? body : body.slice(0, sp);
      if (!name) throw new XmlError("empty tag name");
      const attrs: Record<string, string> = {};
      if (sp >= 0) {
        ATTR.lastIndex = 0;
        const rest = body.slice(sp);
        let m: RegExpExecArray | null;
        while ((m = ATTR.exec(rest))) attrs[m[1]] = decodeEntities(m[3] ?? m[4] ?? "");
      }
      const el: XmlElement = { name, attrs, children: [] };
      stack[stack.length - 1].children.push(el);
      if (!selfClosing) {
        if (stack.length > MAX_XML_DEPTH) throw new XmlDepthError(`elements nested more than ${MAX_XML_DEPTH} levels deep (the limit)`);
        stack.push(el);
      }
      i = end + 1;
    }
  }
  if (stack.length !== 1) throw new XmlError(`unclosed element <${stack[stack.length - 1].name}> (truncated?)`);
  const top = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!top) throw new XmlError("no root element");
  return top;
}

function findTagEnd(xml: string, from: number): number {
  let quote = "";
  for (let j = from + 1; j < xml.length; j++) {
    const c = xml[j];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return j;
  }
  return -1;
}

function pushText(parent: XmlElement, raw: string): void {
  if (parent.name === "#document") return;
  parent.children.push(decodeEntities(raw));
}

/** The name without its namespace prefix: `w:p` → `p`. */
export function local(name: string): string {
  const c = name.indexOf(":");
  return c < 0 ? name : name.slice(c + 1);
}

/** An attribute by local name: `attr(el, "val")` reads `w:val`. */
export function attr(el: XmlElement | undefined, name: string): string | undefined {
  if (!el) return undefined;
  if (el.attrs[name] !== undefined) return el.attrs[name];
  for (const k in el.attrs) if (local(k) === name) return el.attrs[k];
  return undefined;
}

export function elements(el: XmlElement | undefined): XmlElement[] {
  return el ? (el.children.filter((c) => typeof c !== "string") as XmlElement[]) : [];
}

/** First child element with this local name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== "string" && local(c.name) === name) return c;
  return undefined;
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return elements(el).filter((c) => local(c.name) === name);
}

/** All descendants with this local name, in document order. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (local(c.name) === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** Text content of an element (all descendant text). */
export function textOf(el: XmlElement): string {
  let s = "";
  for (const c of el.children) s += typeof c === "string" ? c : textOf(c);
  return s;
}

/** An OOXML on/off property: `<w:b/>`, `<w:b w:val="true"/>` are on, `w:val="0"|"false"|"off"` off. */
export function onOff(el: XmlElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = attr(el, "val");
  return !(v === "0" || v === "false" || v === "off" || v === "none");
}
