export type CsvColumn<Row> = {
  header: string;
  /** A key of the row, or a function for computed or formatted values. */
  value: keyof Row | ((row: Row) => unknown);
};

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join("; ") : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet (CSV injection): make it text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row and CRLF line ends, as spreadsheets expect. */
export function toCsv<Row>(rows: Row[], columns: CsvColumn<Row>[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(",")];
  for (const row of rows) {
    lines.push(columns.map((c) => cell(typeof c.value === "function" ? c.value(row) : row[c.value])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
