/**
 * The word lists the extractors dispatch on by first word (text/openers), gathered in one table:
 * a document is walked once for all of them, not once an extractor. Each list is a group (a bit)
 * of {@link documentOpeners}; an extractor tries its pattern only at the openings of its own bit.
 *
 * The lists are made here from `grammars/` and read from here by the extractors, so a list and
 * the openings that dispatch it cannot disagree.
 */
import { AGENCY_HEADS } from "../../grammars/agencies.js";
import { DOCUMENT_TYPES } from "../../grammars/document-types.js";
import { HONORIFICS, POSITION_TITLES, ROLE_TITLES, SURNAMES } from "../../grammars/people.js";
import { EXTRA_REFERENCE_TYPES } from "../../grammars/references.js";
import { ACTION_VERBS, COOPERATION, NOT_TASK, TRIGGERS } from "../../grammars/tasks.js";
import { lazily } from "../text/lazy.js";
import { Openers, type Openings } from "../text/openers.js";
import { foldedText, type ExtractContext } from "./context.js";

/** Every written form and abbreviation of an agency head (`Sở`, `Ủy ban nhân dân`, `UBND`). */
const AGENCY_HEAD_FORMS: readonly string[] = AGENCY_HEADS.flatMap((h) => [...h.forms, ...(h.abbr ?? [])]);
/** The word a collective opens with (`các sở, ngành`). */
export const COLLECTIVE_OPENS = "các";
/** Document types a citation names (`Quyết định`, `Công văn`, `Bộ luật`). */
export const REFERENCE_TYPE_NAMES: readonly string[] = [...DOCUMENT_TYPES.map((t) => t.name), ...EXTRA_REFERENCE_TYPES];

/** A person's position or role before a name (`Phó Chủ tịch`, `Giám đốc`, `Chủ trì`). */
export const PERSON_TITLES: readonly string[] = [...POSITION_TITLES, ...ROLE_TITLES];

/** The groups of {@link documentOpeners}, a bit each, in the order of {@link GROUPS}. */
export const OPENS = {
  /** an agency head */
  agencyHead: 1 << 0,
  /** a collective of agencies */
  collective: 1 << 1,
  /** a document type in a citation */
  referenceType: 1 << 2,
  /** a person's title */
  personTitle: 1 << 3,
  /** an honorific (`đồng chí`, `ông`) */
  honorific: 1 << 4,
  /** a family name */
  surname: 1 << 5,
  /** a task's action verb */
  actionVerb: 1 << 6,
  /** a phrase that is no task (`đề nghị … xem xét`) */
  notTask: 1 << 7,
  /** a trigger that hands out a task (`giao`) */
  trigger: 1 << 8,
  /** a cooperation phrase (`phối hợp với`) */
  cooperation: 1 << 9,
} as const;

const GROUPS: readonly (readonly string[])[] = [
  AGENCY_HEAD_FORMS, [COLLECTIVE_OPENS], REFERENCE_TYPE_NAMES, PERSON_TITLES, HONORIFICS, SURNAMES, ACTION_VERBS, NOT_TASK, TRIGGERS, COOPERATION,
];

/** The one first-word table of every list above. */
export const documentOpeners = lazily(() => new Openers(GROUPS));

/**
 * Every opening of every list in the document's tone-folded text, walked once a document. The
 * walk is made on the folded text, the agency rules' text: the citations' text is its lower case
 * (`textKey`), where a word starts wherever it starts in the folded text and a first word begins
 * where it begins there, so these openings hold all of the citations' (and a few more — a capital
 * after a small letter — where their pattern, which wants no letter before it, fails).
 */
export function documentOpenings(ctx: Pick<ExtractContext, "tree" | "shared">): Openings {
  return (ctx.shared.openings ??= documentOpeners().in(foldedText(ctx)));
}
