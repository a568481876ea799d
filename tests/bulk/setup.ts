// vitest globalSetup: build dist/ once before the tests that start worker threads or the CLI.
import { ensureBuilt } from "./build.js";

export default function setup(): void {
  ensureBuilt();
}
