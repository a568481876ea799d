import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBytes } from "../../src/pipeline.js";
import { fixture } from "../helpers.js";

const page = readFileSync(fixture("load/portal-metadata.html"), "utf8");
const parsePage = (html: string) => parseBytes(new Uint8Array(Buffer.from(html, "utf8")), { path: "page.html" });

describe("a portal's metadata rows against the document's own parts", () => {
  it("never takes them for the document's parts, and warns where they disagree", async () => {
    const r = await parsePage(page);
    expect(r.issuer?.name).toBe("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI");
    expect(r.number?.raw).toBe("1534/UBND-KT");
    expect(r.date?.value).toBe("2023-08-14");
    const w = r.warnings.filter((x) => x.code.startsWith("portal-metadata"));
    // number, type, issuer and signer agree; the portal's date is a day off
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: "portal-metadata-disagrees" });
    expect(w[0].message).toContain("15/08/2023");
    expect(r.body.text).not.toContain("Số hiệu");
  });

  it("does not fill a part the document lacks: the part stays empty and a warning gives the portal's value", async () => {
    const r = await parsePage(page.replace(/<p align="right"><i>Quảng Ngãi, ngày 14 tháng 8 năm 2023<\/i><\/p>/, ""));
    expect(r.date).toBeNull();
    const only = r.warnings.filter((x) => x.code === "portal-metadata-only");
    expect(only.map((x) => x.message).join("\n")).toContain("15/08/2023");
  });
});
