import type JSZip from "jszip";
import { attr, childrenNamed, parseXml, type XmlElement } from "./docx/xml.js";

/** Parts and relationships of an Office Open XML package (DOCX, XLSX, PPTX). */

export async function readPart(zip: JSZip, path: string): Promise<XmlElement | undefined> {
  const entry = zip.file(path);
  if (!entry) return undefined;
  return parseXml(await entry.async("string"));
}

/** Relationships of a part, with targets resolved against the part's folder. */
export async function relationships(zip: JSZip, partPath: string): Promise<{ id: string; type: string; target: string }[]> {
  const dir = partPath.includes("/") ? partPath.slice(0, partPath.lastIndexOf("/") + 1) : "";
  const relsPath = `${dir}_rels/${partPath.slice(dir.length)}.rels`;
  const root = await readPart(zip, relsPath);
  if (!root) return [];
  return childrenNamed(root, "Relationship")
    .filter((r) => attr(r, "TargetMode") !== "External")
    .map((r) => ({ id: attr(r, "Id") ?? "", type: attr(r, "Type") ?? "", target: resolvePath(dir, attr(r, "Target") ?? "") }));
}

export function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p && p !== ".") out.push(p);
  }
  return out.join("/");
}

/** The relationship id of an element (`r:id`), not its own `id` attribute. */
export function relId(el: XmlElement): string | undefined {
  for (const k in el.attrs) if (k.includes(":") && k.slice(k.indexOf(":") + 1) === "id") return el.attrs[k];
  return undefined;
}
