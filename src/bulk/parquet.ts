import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileWriter, ParquetWriter } from "hyparquet-writer";
import { duckdbScript, tableRows, tableSchemas, type ColumnType } from "./csv.js";

/**
 * `--format parquet`: the same tables as `--format csv` (same names, columns and rows), one
 * Parquet file each, every column with its type (DATE, BIGINT, BOOLEAN, DOUBLE, UTF-8 strings),
 * all nullable, snappy-compressed, written a row group at a time so memory stays flat.
 * Written with hyparquet-writer (pure JavaScript, no native code, no network).
 */

/** Rows buffered per table before a row group is written. */
const ROW_GROUP = 20_000;

type Element = { name: string; type: string; converted_type?: string; repetition_type: "OPTIONAL" };

function element(name: string, type: ColumnType): Element {
  switch (type) {
    case "DATE":
      return { name, type: "INT32", converted_type: "DATE", repetition_type: "OPTIONAL" };
    case "BIGINT":
      return { name, type: "INT64", repetition_type: "OPTIONAL" };
    case "DOUBLE":
      return { name, type: "DOUBLE", repetition_type: "OPTIONAL" };
    case "BOOLEAN":
      return { name, type: "BOOLEAN", repetition_type: "OPTIONAL" };
    default:
      return { name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" };
  }
}

/** A cell as the column's type wants it; null for a missing or unreadable value. */
function cell(value: unknown, type: ColumnType): unknown {
  // an empty cell is null, as a CSV reader takes it (an empty list joins to "")
  if (value === null || value === undefined || value === "") return null;
  switch (type) {
    case "DATE": {
      const d = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
      return d && !Number.isNaN(d.getTime()) ? d : null;
    }
    case "BIGINT":
      return typeof value === "number" && Number.isInteger(value) ? BigInt(value) : null;
    case "DOUBLE":
      return typeof value === "number" ? value : null;
    case "BOOLEAN":
      return typeof value === "boolean" ? value : null;
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

/** Builds the Parquet tables from a journal. Returns the rows written per table. */
export function writeParquetTables(journal: string, outDir: string): Record<string, number> {
  mkdirSync(outDir, { recursive: true });
  const tables = tableSchemas().map((t) => {
    const path = join(outDir, `${t.name}.parquet`);
    const tmp = `${path}.tmp-${process.pid}`;
    const schema = [{ name: "root", num_children: t.header.length }, ...t.header.map((h, i) => element(h, t.types[i]))];
    const writer = new ParquetWriter({ writer: fileWriter(tmp), schema: schema as never, createdBy: "vanban" });
    return { ...t, path, tmp, writer, columns: t.header.map((): unknown[] => []), rows: 0 };
  });
  type T = (typeof tables)[number];
  const flush = (t: T) => {
    if (!t.columns[0].length) return;
    t.writer.write({ columnData: t.header.map((name, i) => ({ name, data: t.columns[i] })), rowGroupSize: ROW_GROUP });
    t.columns = t.header.map(() => []);
  };
  for (const [i, row] of tableRows(journal)) {
    const t = tables[i];
    for (let c = 0; c < t.header.length; c++) t.columns[c].push(cell(row[c], t.types[c]));
    if (++t.rows % ROW_GROUP === 0) flush(t);
  }
  for (const t of tables) {
    flush(t);
    t.writer.finish();
    renameSync(t.tmp, t.path);
  }
  writeFileSync(join(outDir, "duckdb.sql"), duckdbScript("parquet"));
  return Object.fromEntries(tables.map((t) => [t.name, t.rows]));
}
