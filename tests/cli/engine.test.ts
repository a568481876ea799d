import { describe, expect, it } from "vitest";
import { INLINE_BUDGET_BYTES, inlineBudgetFlag } from "../../src/cli/engine.js";

describe("the CLI's compiler budget", () => {
  const flag = `--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET_BYTES}`;

  it("is set on the V8 versions it was measured on (Node 20's 11.3) and those after it up to 13", () => {
    expect(inlineBudgetFlag([], "11.3.244.8-node.33")).toBe(flag);
    expect(inlineBudgetFlag([], "12.4.254.21-node.21")).toBe(flag);
    expect(inlineBudgetFlag([], "13.6.233.10-node.14")).toBe(flag);
  });

  it("is left to V8 on a version it was not tried on: an unknown flag would print an error at every run", () => {
    expect(inlineBudgetFlag([], "14.1.1")).toBeNull();
    expect(inlineBudgetFlag([], "10.2.154")).toBeNull();
    expect(inlineBudgetFlag([], "")).toBeNull();
  });

  it("is the user's where they chose one on node's command line, in either spelling", () => {
    expect(inlineBudgetFlag(["--max-inlined-bytecode-size-cumulative=920"], "11.3.244.8")).toBeNull();
    expect(inlineBudgetFlag(["--max-old-space-size=4096", "--max_inlined_bytecode_size_cumulative=500"], "11.3.244.8")).toBeNull();
    // another flag of the same family is not this one
    expect(inlineBudgetFlag(["--max-inlined-bytecode-size=100", "--max-old-space-size=4096"], "11.3.244.8")).toBe(flag);
  });
});
