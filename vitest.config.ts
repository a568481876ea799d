import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
    // the bulk tests start worker threads and the CLI, which run the compiled dist/
    globalSetup: ["tests/bulk/setup.ts"],
  },
});
