import { expect, type Locator, type Page } from "@playwright/test";
import { callApi } from "./support/api.js";

export type Student = { id: string; localId: string; firstName: string; lastName: string };
type Demographics = { ssn: { value: string | null } };

/**
 * A demo student for one spec to work on. The demo district's students are the same on every
 * run (seeded random), so each spec takes its own `index` and parallel specs never share one.
 * Call it on a page signed in as admin; `withSsn` skips students who have no SSN on file.
 */
export async function pickStudent(page: Page, index: number, options: { withSsn?: boolean } = {}): Promise<Student> {
  const { students } = await callApi<{ students: Student[] }>(page, "GET", "/api/sis/students?limit=200");
  for (const student of students.slice(index)) {
    if (!options.withSsn) return student;
    const person = await callApi<Demographics>(page, "GET", `/api/census/people/${student.id}/demographics`);
    if (person.ssn.value) return student;
  }
  throw new Error(`no demo student from index ${index} fits ${JSON.stringify(options)}`);
}

/** The student's tool in the student page's own menu (General > Summary, Health > Conditions…). */
export const studentTool = (page: Page, name: string): Locator => page.getByRole("navigation", { name: "Student tools" }).getByRole("link", { name, exact: true });

/** Save, New and Delete on the record screen that is open. */
export const recordButton = (page: Page, name: "Save" | "New" | "Delete"): Locator => page.getByRole("toolbar", { name: "Record actions" }).getByRole("button", { name, exact: true });

export async function expectRecordButtons(page: Page, state: Partial<Record<"Save" | "New" | "Delete", "enabled" | "disabled">>) {
  for (const [name, want] of Object.entries(state) as ["Save" | "New" | "Delete", "enabled" | "disabled"][]) {
    if (want === "enabled") await expect(recordButton(page, name)).toBeEnabled();
    else await expect(recordButton(page, name)).toBeDisabled();
  }
}

/** Today as the date inputs take it (the browser's local day). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
