import { createRequire } from "node:module";

/**
 * Whether a value is a record exactly as the published JSON Schema (`schema/record.schema.json`,
 * generated from the zod schema; a test keeps the two equal) writes it: every value of its type,
 * enum, pattern and bounds, and every object with the schema's keys and no other, in the schema's
 * order. Such a record is what zod's parse would give back, key for key: its JSON is the JSON of
 * zod's copy. `convert` asks this on its hot path and runs zod only for a record that fails it
 * (zod then says what is wrong, or strips and reorders as it always did), so its lines are the
 * same bytes as with zod alone, without zod's copy of every record (~50 µs and ~30 KB of garbage
 * a two-page record). The library's `parse` asks zod too, for its verdict without its copy
 * (record/validate.ts).
 */
export function isExactRecord(value: unknown): boolean {
  // an enumerable key on Object.prototype (a polluted realm) would be walked as every object's
  // own (objectCheck): zod decides every record then
  for (const _ in Object.prototype) return false;
  if (!exactRecord) {
    const schema = recordSchema();
    exactRecord = compile(schema, schema.$defs ?? {});
  }
  return exactRecord(value);
}

type Check = (value: unknown) => boolean;

/** The part of JSON Schema the record's schema uses. */
interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: Schema | false;
  prefixItems?: Schema[];
  minItems?: number;
  maxItems?: number;
  anyOf?: Schema[];
  $ref?: string;
  $defs?: Record<string, Schema>;
}

let exactRecord: Check | null = null;

function recordSchema(): Schema {
  return createRequire(import.meta.url)("vanban/schema.json") as Schema;
}

/** Schema keywords this compiler reads; any other makes it refuse the schema rather than pass what it does not check. */
const KNOWN = new Set(["$schema", "$defs", "description", "type", "enum", "const", "pattern", "minimum", "maximum", "properties", "required", "additionalProperties", "items", "prefixItems", "minItems", "maxItems", "anyOf", "$ref"]);

/**
 * A schema node as one function where it can be: a nullable value, an enum, a bounded integer or
 * an object is one test, not a list of tests asked in turn (that was slower than zod's own
 * compiled parse; fused, about half of it).
 */
function compile(schema: Schema, defs: Record<string, Schema>): Check {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`record/exact: the schema keyword ${key} is not checked`);
  if (schema.$ref !== undefined) {
    // `#/$defs/NAME`, compiled when first asked (the outline item refers to itself)
    const name = schema.$ref.replace(/^#\/\$defs\//, "");
    let target: Check | null = null;
    return (v) => (target ??= compile(defs[name], defs))(v);
  }
  if (schema.anyOf) {
    const alternatives = schema.anyOf.filter((s) => s.type !== "null").map((s) => compile(s, defs));
    return orNull(schema.anyOf.length > alternatives.length, alternatives.length === 1 ? alternatives[0] : (v) => alternatives.some((check) => check(v)));
  }
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const nullable = types.includes("null");
  const rest = types.filter((t) => t !== "null");
  if (rest.length > 1) throw new Error(`record/exact: a value of the types ${rest.join(", ")} is not checked`);
  return orNull(nullable, valueCheck(schema, rest[0], defs));
}

const orNull = (nullable: boolean, check: Check): Check => (nullable ? (v) => v === null || check(v) : check);

function valueCheck(schema: Schema, type: string | undefined, defs: Record<string, Schema>): Check {
  if (schema.const !== undefined) {
    const value = schema.const;
    return (v) => v === value;
  }
  if (schema.enum) {
    const allowed = new Set(schema.enum.filter((e) => type === undefined || typeof e === type));
    return (v) => allowed.has(v);
  }
  switch (type) {
    case "string": {
      if (schema.pattern === undefined) return (v) => typeof v === "string";
      const re = new RegExp(schema.pattern); // as zod writes it: no flags
      return (v) => typeof v === "string" && re.test(v);
    }
    case "boolean":
      return (v) => typeof v === "boolean";
    // what zod takes for a number: finite; for an integer: safe
    case "number":
    case "integer": {
      const min = schema.minimum ?? -Infinity;
      const max = schema.maximum ?? Infinity;
      return type === "integer" ? (v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max : (v) => typeof v === "number" && Number.isFinite(v) && v >= min && v <= max;
    }
    case "array":
      return arrayCheck(schema, defs);
    case "object":
      return objectCheck(schema, defs);
    default:
      throw new Error(`record/exact: the schema type ${type} is not checked`);
  }
}

/**
 * A plain object (one with a prototype of its own, a Date, has a JSON of its own) whose own keys
 * are the schema's, in its order (an optional one may be left out), each value fitting.
 */
function objectCheck(schema: Schema, defs: Record<string, Schema>): Check {
  if (schema.additionalProperties !== false) throw new Error("record/exact: an object open to other keys is not checked");
  const keys = Object.keys(schema.properties ?? {});
  const values = keys.map((k) => compile(schema.properties![k], defs));
  const required = keys.map((k) => schema.required?.includes(k) ?? false);
  return (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    const o = v as Record<string, unknown>;
    let at = 0;
    // `for…in` walks inherited enumerable keys too: the prototype is Object.prototype or none, and
    // isExactRecord answers no where Object.prototype has one, so every key walked is the
    // object's own (asking Object.hasOwn of each was 30% of the check: ~90 K instructions a two-page record)
    for (const key in o) {
      while (at < keys.length && keys[at] !== key) if (required[at++]) return false;
      if (at === keys.length || !values[at](o[key])) return false;
      at++;
    }
    while (at < keys.length) if (required[at++]) return false;
    return true;
  };
}

function arrayCheck(schema: Schema, defs: Record<string, Schema>): Check {
  const prefix = (schema.prefixItems ?? []).map((s) => compile(s, defs));
  const rest = schema.items === false || schema.items === undefined ? null : compile(schema.items, defs);
  const min = schema.minItems ?? 0;
  const max = schema.items === false ? Math.min(prefix.length, schema.maxItems ?? Infinity) : (schema.maxItems ?? Infinity);
  if (!prefix.length && rest) {
    return (v) => {
      if (!Array.isArray(v) || v.length < min || v.length > max) return false;
      for (let i = 0; i < v.length; i++) if (!rest(v[i])) return false;
      return true;
    };
  }
  return (v) => {
    if (!Array.isArray(v) || v.length < min || v.length > max) return false;
    for (let i = 0; i < v.length; i++) {
      const check = i < prefix.length ? prefix[i] : rest;
      if (check && !check(v[i])) return false;
    }
    return true;
  };
}
