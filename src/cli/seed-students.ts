import { InvalidArgumentError } from "commander";
import type { Database } from "../platform/db/connect.js";
import { seedSisDistrict } from "../features/demo/seed-sis.js";
import { err, out } from "./io.js";

/** The demo district's size when --students is not given: enough to browse and to try Ad hoc. */
export const DEMO_STUDENTS = 500;

/** `--students N`: parsed strictly so a typo does not silently seed nothing. */
export function parseStudentCount(value: string): number {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 1 || n > 2_000_000) throw new InvalidArgumentError(`--students takes a whole number from 1 to 2,000,000, not "${value}"`);
  return n;
}

/** Fills the demo district with N synthetic students (once; a district that has students is left alone). */
export async function seedStudents(database: Database, districtId: string, students: number, seed?: number, quietIfPresent = false): Promise<void> {
  const started = Date.now();
  const result = await database.db.transaction((tx) =>
    seedSisDistrict(tx, districtId, {
      students,
      seed,
      onProgress: (done, total) => err(`\r  students ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}`),
    }),
  );
  if (!result.created) {
    if (!quietIfPresent) out("The demo district already has student data; nothing changed.\n");
    return;
  }
  err("\n");
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  out(
    `Student data created: ${result.students.toLocaleString("en-US")} students, ${result.staff.toLocaleString("en-US")} staff, ` +
      `${result.enrollments.toLocaleString("en-US")} enrollments, ${result.rows.toLocaleString("en-US")} rows in ${seconds}s.\n`,
  );
}
