// Hostile input (issue 16) in the extract stage: each input is made here, at a size where the
// quadratic code it replaced took minutes; linear, these take a second or two. The test's own
// time limit is what fails them should that come back.
import { describe, expect, it } from "vitest";
import { extractAgencies } from "../../src/extract/agencies.js";
import { extractTasks } from "../../src/extract/tasks.js";
import type { OutlineNode } from "../../src/segment/tree.js";
import { ctxOf } from "./tree.js";

/** `n` outline items, one a line, each holding `own`; the body's outline as the segmenter builds it. */
function items(n: number, label: string, own: string) {
  let text = "Giao Sở Y tế chủ trì triển khai các nội dung sau:\n";
  const nodes: OutlineNode[] = [{ kind: "paragraph", label: null, text: text.trim(), span: [0, text.length - 1], children: [] }];
  for (let i = 0; i < n; i++) {
    const start = text.length;
    text += `${label} ${own}\n`;
    nodes.push({ kind: "numbered", label, text: own, span: [start, text.length - 1], children: [] });
  }
  const ctx = ctxOf(text);
  ctx.tree.body.nodes = nodes;
  return ctx;
}

describe("tasks on hostile outlines", () => {
  it("100,000 list items with no trigger after them: each clause's searches stay inside it", () => {
    // the inline trigger search ran from each clause on to the document's end, and a heading's
    // colon was looked for from each item on to the end
    const ctx = items(100_000, "a)", "x");
    const tasks = extractTasks(ctx, [], extractAgencies(ctx));
    expect(tasks).toHaveLength(1);
    expect(tasks[0].assignee).toEqual(["Sở Y tế"]);
  }, 60_000);

  it("50,000 items naming a body without a colon: the heading rule reads each item alone", () => {
    const ctx = items(50_000, "1.", "Sở Tài chính");
    const tasks = extractTasks(ctx, [], extractAgencies(ctx));
    expect(tasks).toHaveLength(1);
  }, 60_000);

  it("an item naming a body, then a fill-in line of 50,000 dots before a word: its end is found from the end (/[…]*$/ took 20 s)", () => {
    const ctx = items(1, "1.", `Sở Tài chính ${".".repeat(50_000)} x`);
    const tasks = extractTasks(ctx, [], extractAgencies(ctx));
    expect(tasks[0].assignee).toEqual(["Sở Y tế"]);
  }, 60_000);
});
