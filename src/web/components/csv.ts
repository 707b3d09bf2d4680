import { writeCsv } from "../../platform/csv/write-csv.js";

export type CsvColumn<Row> = {
  header: string;
  /** A key of the row, or a function for computed or formatted values. */
  value: keyof Row | ((row: Row) => unknown);
};

const cell = (value: unknown) => (Array.isArray(value) ? value.join("; ") : value);

/** A header row and one record per row, by the server's CSV writer (RFC 4180, CRLF, no formulas). */
export function toCsv<Row>(rows: Row[], columns: CsvColumn<Row>[]): string {
  return writeCsv([
    columns.map((c) => c.header),
    ...rows.map((row) => columns.map((c) => cell(typeof c.value === "function" ? c.value(row) : row[c.value]))),
  ]);
}
