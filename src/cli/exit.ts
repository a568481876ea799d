import { VanbanError } from "../errors.js";

/**
 * The exit statuses of the `vanban` commands, for shell scripts (README and docs/bulk.md carry
 * the same table; tests/cli/exit-codes.test.ts runs each).
 */
export const EXIT = {
  /** done; in `convert`, files that failed have error records (unless --fail-on-error) */
  ok: 0,
  /** `parse`/`text`/`check`: the document could not be read; `convert --fail-on-error`: a file failed */
  failed: 1,
  /** the command line is wrong: an unknown option, a bad option value, a missing argument */
  usage: 2,
  /** an input named on the command line does not exist (a file, a folder, a glob matching nothing) */
  noInput: 3,
  /** the output cannot be written (no permission, no such folder, disk full) */
  output: 4,
  /** stopped by Ctrl-C or SIGTERM (the output written so far is complete and resumable) */
  interrupted: 130,
} as const;

const USAGE_CODES = new Set(["bad-option", "bad-trust-roots"]);
const NO_INPUT_CODES = new Set(["no-such-input", "no-match", "no-input"]);
const OUTPUT_CODES = new Set(["output-failed", "bad-output"]);

/** The exit status for an error that stopped a command. */
export function exitCodeOf(err: unknown): number {
  if (!(err instanceof VanbanError)) return EXIT.failed;
  if (USAGE_CODES.has(err.code)) return EXIT.usage;
  if (NO_INPUT_CODES.has(err.code)) return EXIT.noInput;
  if (OUTPUT_CODES.has(err.code)) return EXIT.output;
  // `parse missing.pdf`: the one document named does not exist
  if (err.code === "unreadable-file" && (err.cause as NodeJS.ErrnoException | undefined)?.code === "ENOENT") return EXIT.noInput;
  return EXIT.failed;
}
