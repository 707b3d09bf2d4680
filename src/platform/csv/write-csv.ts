import { stringify } from "csv-stringify/sync";

/**
 * The one CSV writer (server exports and the web app's downloads): RFC 4180 with CRLF records,
 * as spreadsheets expect; a text cell starting with = + - @ or a tab is made text with a leading
 * ' so a spreadsheet does not run it as a formula (CSV injection); dates as ISO 8601.
 */
export function writeCsv(records: unknown[][]): string {
  return stringify(records, {
    record_delimiter: "\r\n",
    escape_formulas: true,
    // a bare LF or CR in a cell must be quoted too, not only the CRLF record delimiter
    quoted_match: /[\r\n]/,
    cast: { boolean: (value) => String(value), date: (value) => value.toISOString() },
  });
}
