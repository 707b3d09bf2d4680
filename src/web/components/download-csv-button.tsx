import { Button, type ButtonProps } from "@mantine/core";
import { toCsv, type CsvColumn } from "./csv.js";
import { downloadFile } from "./download-file.js";

type Props<Row> = Omit<ButtonProps, "onClick"> & {
  rows: Row[];
  columns: CsvColumn<Row>[];
  /** File name; ".csv" is added when missing. */
  filename: string;
  children?: string;
};

/** Downloads what the screen shows as a CSV file that opens cleanly in a spreadsheet. */
export function DownloadCsvButton<Row>({ rows, columns, filename, children = "Download CSV", ...buttonProps }: Props<Row>) {
  const name = filename.endsWith(".csv") ? filename : `${filename}.csv`;
  return (
    <Button variant="default" {...buttonProps} disabled={buttonProps.disabled || rows.length === 0} onClick={() => downloadFile(name, toCsv(rows, columns), "text/csv;charset=utf-8")}>
      {children}
    </Button>
  );
}
