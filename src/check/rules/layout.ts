import type { CheckContext } from "../context.js";
import type { RuleFn } from "./content.js";

/** The file holds layout: fonts and sizes (DOCX, a PDF's text layer), not plain text or OCR. */
export function hasLayout(ctx: CheckContext): boolean {
  const { loaded } = ctx.stages;
  return (loaded.format === "docx" || loaded.format === "pdf") && !loaded.ocr && loaded.lines.some((l) => l.size !== undefined);
}

export const LAYOUT_RULES: Record<string, RuleFn> = {};
