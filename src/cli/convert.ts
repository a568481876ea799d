import type { Command } from "commander";

// Placeholder until bulk conversion lands (issue 5).
export function registerConvert(_program: Command): void {}
