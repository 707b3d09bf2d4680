import { parse } from "csv-parse";
import type { Readable } from "node:stream";
import {
  CLASS_TYPES, ENROLLMENT_ROLES, FILE_NAMES, ONEROSTER_FILES, ORG_TYPES, ROLES, SESSION_TYPES,
  type Mode, type OneRosterFile, type Problem,
} from "./csv-files.js";

/** Where the files come from: a folder or a zip, opened by name (null when absent). */
export type SetSource = { open(name: string): Promise<Readable | null> };

export type Row = Record<string, string> & { __row: string };
export type ParsedSet = { modes: Record<OneRosterFile, Mode>; rows: Record<OneRosterFile, Row[]>; problems: Problem[] };
/** Whether a sourcedId of that file is already imported (a delta file may refer to it). */
export type Known = (file: OneRosterFile, sourcedId: string) => boolean;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Reads manifest.csv and every file it names, checking each row on its own (columns, enums, dates). */
export async function parseSet(source: SetSource, onRows?: (file: OneRosterFile, count: number) => void): Promise<ParsedSet> {
  const problems: Problem[] = [];
  const modes = Object.fromEntries(FILE_NAMES.map((f) => [f, "absent"])) as Record<OneRosterFile, Mode>;
  const rows = Object.fromEntries(FILE_NAMES.map((f) => [f, []])) as unknown as Record<OneRosterFile, Row[]>;
  const manifest = await source.open("manifest.csv");
  if (!manifest) return { modes, rows, problems: [{ file: "manifest", row: 0, column: "", reason: "manifest.csv is missing: a OneRoster set starts with its manifest" }] };
  const props = new Map<string, string>();
  await readCsv(manifest, "manifest", problems, ["propertyName", "value"], (r) => void props.set(r.propertyName!, r.value ?? ""));
  const version = props.get("oneroster.version");
  if (version !== "1.2") problems.push({ file: "manifest", row: 0, column: "oneroster.version", reason: `oneroster.version is "${version ?? ""}"; Gatehouse reads OneRoster 1.2 sets` });
  for (const file of FILE_NAMES) {
    const mode = (props.get(`file.${file}`) ?? "absent") as Mode;
    if (!["bulk", "delta", "absent"].includes(mode)) {
      problems.push({ file: "manifest", row: 0, column: `file.${file}`, reason: `"${mode}" is not bulk, delta or absent` });
      continue;
    }
    modes[file] = mode;
    const stream = await source.open(`${file}.csv`);
    if (mode === "absent") {
      stream?.destroy();
      continue;
    }
    if (!stream) {
      problems.push({ file: "manifest", row: 0, column: `file.${file}`, reason: `the manifest says ${mode} but ${file}.csv is not in the set` });
      continue;
    }
    const spec = ONEROSTER_FILES[file];
    const seen = new Set<string>();
    await readCsv(stream, file, problems, spec.required, (r, line) => {
      checkRow(file, mode, r, line, problems);
      if (r.sourcedId && seen.has(r.sourcedId)) problems.push({ file, row: line, column: "sourcedId", reason: `sourcedId "${r.sourcedId}" appears twice in ${file}.csv` });
      seen.add(r.sourcedId ?? "");
      (r as Row).__row = String(line);
      rows[file].push(r as Row);
      if (onRows && rows[file].length % 10_000 === 0) onRows(file, rows[file].length);
    });
    onRows?.(file, rows[file].length);
  }
  return { modes, rows, problems };
}

async function readCsv(stream: Readable, file: string, problems: Problem[], required: readonly string[], onRow: (r: Record<string, string>, line: number) => void) {
  let header: string[] | null = null;
  const parser = stream.pipe(parse({ bom: true, relax_column_count: false, skip_empty_lines: true }));
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (!header) {
        header = record.map((h) => h.trim());
        for (const c of required) if (!header.includes(c)) problems.push({ file, row: 1, column: c, reason: `the header has no "${c}" column` });
        if (required.some((c) => !header!.includes(c))) return;
        continue;
      }
      const r: Record<string, string> = {};
      header.forEach((h, i) => (r[h] = (record[i] ?? "").trim()));
      onRow(r, line);
    }
  } catch (error) {
    problems.push({ file, row: line + 1, column: "", reason: `not readable as CSV: ${(error as Error).message}` });
    stream.destroy();
  }
}

function checkRow(file: OneRosterFile, mode: Mode, r: Record<string, string>, row: number, problems: Problem[]) {
  const bad = (column: string, reason: string) => problems.push({ file, row, column, reason });
  for (const c of ONEROSTER_FILES[file].required) if (!r[c] && !(file === "users" && c === "username")) bad(c, `${c} is empty; it is required`);
  const status = r.status ?? "";
  if (!["", "active", "tobedeleted"].includes(status)) bad("status", `"${status}" is not active or tobedeleted`);
  if (mode === "delta" && status === "") bad("status", "a delta file names each row's status (active or tobedeleted)");
  if (r.dateLastModified && !DATETIME.test(r.dateLastModified)) bad("dateLastModified", `"${r.dateLastModified}" is not an ISO 8601 date and time`);
  const oneOf = (column: string, values: string[]) => r[column] && !values.includes(r[column]!) && bad(column, `"${r[column]}" is not one of ${values.join(", ")}`);
  const date = (column: string) => r[column] && !validDate(r[column]!) && bad(column, `"${r[column]}" is not a date (YYYY-MM-DD)`);
  switch (file) {
    case "orgs":
      oneOf("type", ORG_TYPES);
      break;
    case "academicSessions":
      oneOf("type", SESSION_TYPES);
      date("startDate");
      date("endDate");
      if (r.startDate && r.endDate && r.endDate < r.startDate) bad("endDate", `ends (${r.endDate}) before it starts (${r.startDate})`);
      if (r.schoolYear && !/^\d{4}$/.test(r.schoolYear)) bad("schoolYear", `"${r.schoolYear}" is not a year such as 2026`);
      break;
    case "users":
      oneOf("enabledUser", ["true", "false"]);
      break;
    case "roles":
      oneOf("roleType", ["primary", "secondary"]);
      oneOf("role", ROLES);
      date("beginDate");
      date("endDate");
      break;
    case "classes":
      oneOf("classType", CLASS_TYPES);
      break;
    case "enrollments":
      oneOf("role", ENROLLMENT_ROLES);
      oneOf("primary", ["true", "false"]);
      date("beginDate");
      date("endDate");
      break;
    case "demographics":
      oneOf("sex", ["male", "female", "other", "unspecified"]);
      date("birthDate");
      break;
  }
}

const REFERENCES: { file: OneRosterFile; column: string; to: OneRosterFile; list?: boolean }[] = [
  { file: "orgs", column: "parentSourcedId", to: "orgs" },
  { file: "academicSessions", column: "parentSourcedId", to: "academicSessions" },
  { file: "roles", column: "userSourcedId", to: "users" },
  { file: "roles", column: "orgSourcedId", to: "orgs" },
  { file: "courses", column: "orgSourcedId", to: "orgs" },
  { file: "courses", column: "schoolYearSourcedId", to: "academicSessions" },
  { file: "classes", column: "courseSourcedId", to: "courses" },
  { file: "classes", column: "schoolSourcedId", to: "orgs" },
  { file: "classes", column: "termSourcedIds", to: "academicSessions", list: true },
  { file: "enrollments", column: "classSourcedId", to: "classes" },
  { file: "enrollments", column: "userSourcedId", to: "users" },
  { file: "enrollments", column: "schoolSourcedId", to: "orgs" },
  { file: "demographics", column: "sourcedId", to: "users" },
];

/**
 * Checks what one row alone cannot: every reference names a row of this set or one imported
 * before (and not being deleted), and a staff user has a username.
 */
export function checkReferences(set: ParsedSet, known: Known): Problem[] {
  const problems: Problem[] = [];
  const ids = Object.fromEntries(FILE_NAMES.map((f) => [f, new Map(set.rows[f].map((r) => [r.sourcedId!, r.status ?? ""]))])) as Record<OneRosterFile, Map<string, string>>;
  const exists = (file: OneRosterFile, id: string) => {
    const status = ids[file].get(id);
    return status === undefined ? set.modes[file] !== "bulk" && known(file, id) : status !== "tobedeleted";
  };
  for (const ref of REFERENCES) {
    for (const r of set.rows[ref.file]) {
      if (r.status === "tobedeleted") continue;
      const values = ref.list ? (r[ref.column] ?? "").split(",").map((s) => s.trim()).filter(Boolean) : [r[ref.column] ?? ""].filter(Boolean);
      for (const v of values) {
        if (!exists(ref.to, v)) problems.push({ file: ref.file, row: Number(r.__row), column: ref.column, reason: `"${v}" is not a sourcedId in ${ref.to}.csv (nor one imported before)` });
      }
    }
  }
  const staffUsers = new Set(set.rows.roles.filter((r) => r.status !== "tobedeleted" && ["teacher", "administrator", "aide"].includes(r.role!)).map((r) => r.userSourcedId!));
  const usernames = new Map<string, string>();
  for (const u of set.rows.users) {
    if (!staffUsers.has(u.sourcedId!) || u.status === "tobedeleted") continue;
    if (!u.username) problems.push({ file: "users", row: Number(u.__row), column: "username", reason: "a staff user needs a username: it becomes their Gatehouse username" });
    else if (!/^[A-Za-z0-9._@-]{1,64}$/.test(u.username)) problems.push({ file: "users", row: Number(u.__row), column: "username", reason: `"${u.username}" has characters a Gatehouse username cannot hold (letters, digits, . _ @ -)` });
    else if (usernames.has(u.username.toLowerCase())) problems.push({ file: "users", row: Number(u.__row), column: "username", reason: `"${u.username}" is also the username of ${usernames.get(u.username.toLowerCase())}` });
    else usernames.set(u.username.toLowerCase(), u.sourcedId!);
  }
  return problems;
}
