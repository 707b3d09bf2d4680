import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.js";

type Row = { name: string; rights: string; until: Date | null; groups: string[] };

const columns = [
  { header: "Name", value: "name" as const },
  { header: "Rights", value: "rights" as const },
  { header: "Until", value: (r: Row) => r.until },
  { header: "Groups", value: "groups" as const },
];

describe("toCsv", () => {
  it("writes a header row and CRLF-terminated rows", () => {
    const csv = toCsv<Row>([{ name: "Kim", rights: "RW", until: null, groups: ["Clerks", "Nurses"] }], columns);
    expect(csv).toBe("Name,Rights,Until,Groups\r\nKim,RW,,Clerks; Nurses\r\n");
  });

  it("quotes commas, quotes and line breaks", () => {
    const csv = toCsv<Row>([{ name: 'Lee, "Pat"', rights: "line1\nline2", until: new Date("2026-08-15T00:00:00Z"), groups: [] }], columns);
    expect(csv.split("\r\n")[1]).toBe('"Lee, ""Pat""","line1\nline2",2026-08-15T00:00:00.000Z,');
  });

  it("keeps spreadsheet formulas from running", () => {
    const csv = toCsv<Row>([{ name: "=HYPERLINK(1)", rights: "-1", until: null, groups: ["@x"] }], columns);
    expect(csv.split("\r\n")[1]).toBe("'=HYPERLINK(1),'-1,,'@x");
  });
});
