import { existsSync, mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { parse } from "../../src/index.js";
import type { DocumentRecord } from "../../src/record/schema.js";

// The built playground in a real Chromium (Debian's, no download): a PDF, a DOCX and a text file
// go in through the file picker; the card, the span highlight and the record are checked, and the
// record must equal the one Node makes from the same file.

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find(existsSync) ?? process.env.CHROMIUM_PATH;
const skipWhy = CHROMIUM ? null : "no Chromium installed (apt-get install chromium; .ci/run tries)";
if (skipWhy) console.warn(`tests/browser skipped: ${skipWhy}`);

const FIXTURES = ["fixtures/cong-van-ubnd.pdf", "fixtures/cong-van-ubnd.docx", "fixtures/cong-van-ubnd.txt"];
const shots = mkdtempSync(join(tmpdir(), "vanban-playground-"));

/** What may differ between the browser and Node: the path (a browser knows only the file's name). */
function comparable(r: DocumentRecord) {
  return { ...r, source: { ...r.source, path: null } };
}

describe.skipIf(!!skipWhy)("playground in headless Chromium", () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    const { buildPlayground } = await import("../../scripts/browser-build.mjs");
    const { serve } = await import("../../scripts/playground.mjs");
    const dir = await buildPlayground(mkdtempSync(join(tmpdir(), "vanban-pg-dist-")));
    server = await serve(dir, 0);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("pageerror", (err) => console.error("page error:", err.message));
    await page.goto(url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  for (const fixture of FIXTURES) {
    it(`reads ${fixture} as Node does, card and highlight included`, async () => {
      const node = await parse(fixture);
      await page.evaluate(() => delete document.body.dataset.state);
      await page.setInputFiles("#file", fixture);
      await page.waitForSelector("body[data-state]", { timeout: 30_000 });
      expect(await page.getAttribute("body", "data-state"), await page.textContent("#status") ?? "").toBe("done");

      const card = (await page.textContent("#card")) ?? "";
      expect(card).toContain(node.issuer!.name);
      expect(card).toContain(node.number!.raw);
      expect(card).toContain(node.date!.raw);
      expect(card).toContain(node.signatures[0].name!);

      await page.click('[data-field="number"]');
      const marked = (await page.textContent("#text mark")) ?? "";
      expect(marked).toMatch(/^Số:\s*/);
      expect(marked).toContain(node.number!.raw);

      await page.screenshot({ path: join(shots, fixture.replace(/\W+/g, "-") + ".png") });
      if (process.env.VANBAN_SCREENSHOT && fixture.endsWith(".pdf")) await page.screenshot({ path: process.env.VANBAN_SCREENSHOT });

      const inBrowser = (await page.evaluate(() => (window as unknown as { vanban: { record: unknown } }).vanban.record)) as DocumentRecord;
      expect(inBrowser.source.path).toBe(fixture.split("/").pop());
      expect(comparable(inBrowser)).toEqual(comparable(node));
    }, 40_000);
  }
});
