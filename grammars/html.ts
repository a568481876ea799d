/**
 * HTML pages saved from official portals: where the document's text lives, and what is page
 * furniture. Selectors are simple: `#id`, `.class`, or `tag`; the first that matches an element
 * holding enough text wins, the innermost when the same selector matches nested elements.
 */

/** Known containers of a document's full text, most specific first. */
export const CONTENT_SELECTORS: string[] = [
  // vbpl.vn: <div id="toanvancontent"> (Pages/vbpq-toanvan.aspx)
  "#toanvancontent",
  ".toanvancontent",
  // thuvienphapluat.vn: <div id="divContentDoc"> holding <div class="content1">
  "#divContentDoc",
  ".content1",
  // vbpl.vn, older layout
  ".fulltext",
  "#ctl00_Content_vanBanChiTiet",
  // congbao / chinhphu.vn and mirrors
  ".box-content-vb",
  ".toan-van-container",
  ".block-content-law",
  ".noidungvanban",
  // HTML saved by Word: everything is in <div class="WordSection1"> (Section1 in old Word)
  ".WordSection1",
  ".Section1",
];

/** Elements never part of the document's text. */
export const DROP_TAGS: string[] = [
  "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form", "iframe",
  "svg", "canvas", "button", "select", "input", "textarea", "object", "embed", "video", "audio", "map", "dialog",
];

/**
 * An element whose id or class contains one of these words is page furniture (menus, share bars,
 * related documents), unless it is a content container itself. Matched against the id and each
 * class, case-insensitively, as whole dash/underscore-separated parts: `main-menu`, `breadcrumb`.
 */
export const DROP_ID_CLASS_WORDS: string[] = [
  "menu", "navbar", "nav", "breadcrumb", "breadcrumbs", "sidebar", "share", "social", "comment", "comments",
  "related", "banner", "advert", "ads", "quangcao", "login", "search", "timkiem", "footer", "header", "topbar",
  "cookie", "popup", "modal", "tienich", "lienquan", "hotline", "copyright",
];

/**
 * A portal's metadata rows about the document (thuộc tính), label → the part of the document it
 * speaks of. They are the site's words, never the document's: they are kept out of its text and
 * only compared with what the document itself says. Labels match case-insensitively, with or
 * without their colon, as a cell of their own or before the value:
 * "Số hiệu: 2739/VPCP-ĐMDN", "Loại văn bản | Công văn", "Cơ quan ban hành: Văn phòng Chính phủ",
 * "Người ký: Mai Tiến Dũng", "Ngày ban hành: 05/04/2019". Rows that name no part of the document
 * ("Ngày có hiệu lực: 26/01/2026", "Tình trạng hiệu lực: Còn hiệu lực") are page furniture (null).
 */
export const PORTAL_METADATA_LABELS: Record<string, "number" | "type" | "issuer" | "signer" | "date" | null> = {
  "số hiệu": "number",
  "số ký hiệu": "number",
  "loại văn bản": "type",
  "cơ quan ban hành": "issuer",
  "nơi ban hành": "issuer",
  "người ký": "signer",
  "ngày ban hành": "date",
  "ngày có hiệu lực": null,
  "ngày hiệu lực": null,
  "ngày hết hiệu lực": null,
  "ngày cập nhật": null,
  "ngày đăng công báo": null,
  "số công báo": null,
  "tình trạng hiệu lực": null,
  "tình trạng": null,
  "lĩnh vực": null,
  "lĩnh vực, ngành": null,
};

/** A page holds a metadata block when at least this many different labels stand in it. */
export const PORTAL_METADATA_MIN_LABELS = 2;
