import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor, RightsView } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { actionsFor, bestLevel, calendarRef } from "./calendar-access.js";
import { isCalendarDate, requireEndOnOrAfterStart } from "./calendar-date.js";
import { fieldTools, findField, isLoggedField, isProtectedField, type FieldDef } from "./field-catalog.js";
import { checkVersion, requireRight } from "./person-access.js";
import { recordFieldReads } from "./record-access.js";
import { findEnrollment, readEnrollmentFields, updateEnrollment, type EnrollmentChange, type EnrollmentRow } from "./repo-enrollments.js";
import { findSection, type Section, type SectionField } from "./sections.js";

const LEVELS = ["", "R", "RW", "RWA", "RWAD"];

/** The user's level on a field in the enrollment's calendar (the best of the tools that give it). */
export function fieldLevel(rights: RightsView, field: FieldDef, enrollment: EnrollmentRow): string {
  const cal = calendarRef(enrollment.calendar);
  return fieldTools(field).map((t) => rights.level(t, cal)).reduce((a, b) => (LEVELS.indexOf(b) > LEVELS.indexOf(a) ? b : a), "");
}

type Readable = { spec: SectionField; field: FieldDef; level: string };

/** The section's fields this user can read in the enrollment's calendar; none → the tab is not there (404). */
async function openSection(db: Db, actor: DistrictActor, enrollmentId: string, sectionId: string) {
  const section = findSection(sectionId);
  const enrollment = await findEnrollment(db, actor, enrollmentId);
  if (!section || !enrollment) throw notFound("The enrollment");
  const readable: Readable[] = section.fields
    .map((spec) => ({ spec, field: findField(spec.id)!, level: "" }))
    .map((r) => ({ ...r, level: fieldLevel(actor.rights, r.field, enrollment) }))
    .filter((r) => r.level.includes("R"));
  if (readable.length === 0) throw notFound("The enrollment");
  return { section, enrollment, readable };
}

export async function getEnrollmentSection(db: Db, actor: DistrictActor, enrollmentId: string, sectionId: string) {
  const { section, enrollment, readable } = await openSection(db, actor, enrollmentId, sectionId);
  const values = await readEnrollmentFields(db, actor, enrollmentId, readable.map((r) => r.field));
  await recordFieldReads(
    db,
    actor,
    readable.filter((r) => isLoggedField(r.field, actor.rights)).map((r) => ({ personId: enrollment.personId, field: r.field.id, tool: r.field.tool })),
    "screen",
  );
  return present(section, enrollment, readable, values, actor);
}

function present(section: Section, enrollment: EnrollmentRow, readable: Readable[], values: unknown[], actor: DistrictActor) {
  const sectionLevel = bestLevel(actor.rights, section.tool, [enrollment.calendar]);
  const fields = readable.map((r, i) => ({
    id: r.field.id,
    label: r.field.label,
    type: r.field.type,
    tool: r.field.tool,
    protected: isProtectedField(r.field, actor.rights),
    value: values[i] as string | number | boolean | null,
    editable: Boolean(r.spec.column) && r.level.includes("W"),
  }));
  return {
    enrollmentId: enrollment.id,
    personId: enrollment.personId,
    version: enrollment.version,
    calendar: enrollment.calendar,
    section: { id: section.id, label: section.label, tool: section.tool },
    fields,
    actions: { ...actionsFor(sectionLevel), canSave: fields.some((f) => f.editable) },
  };
}

/** Saves the fields sent; each needs W on its own tool in the enrollment's calendar. */
export async function saveEnrollmentSection(
  db: Db,
  actor: DistrictActor,
  enrollmentId: string,
  sectionId: string,
  input: { version: number; values: Record<string, string | number | boolean | null> },
) {
  const { section, enrollment, readable } = await openSection(db, actor, enrollmentId, sectionId);
  const current = await readEnrollmentFields(db, actor, enrollmentId, readable.map((r) => r.field));
  const change: Record<string, unknown> = {};
  const history: { field: string; oldValue: string | null; newValue: string | null }[] = [];
  for (const [id, value] of Object.entries(input.values)) {
    const index = readable.findIndex((r) => r.field.id === id);
    const r = readable[index];
    if (!r || !r.spec.column) throw new AppError(400, "field-not-in-section", `"${id}" is not a field you can change on ${section.label}.`, { path: `body.values.${id}` });
    requireRight(r.level, "W", r.field.tool);
    const typed = coerce(r.field, value, `body.values.${id}`);
    change[r.spec.column] = typed;
    const before = current[index] === null ? null : String(current[index]);
    const after = typed === null ? null : String(typed);
    if (before !== after) history.push({ field: r.field.label, oldValue: before, newValue: after });
  }
  if (history.length === 0) return getEnrollmentSection(db, actor, enrollmentId, sectionId);
  if ("startDate" in change || "endDate" in change) {
    const start = "startDate" in change ? (change.startDate as string) : enrollment.startDate;
    const end = "endDate" in change ? (change.endDate as string | null) : enrollment.endDate;
    requireEndOnOrAfterStart(start, end, `body.values.${"endDate" in change ? "enrollment.endDate" : "enrollment.startDate"}`);
  }
  await db.transaction(async (tx) => {
    const saved = await updateEnrollment(tx, actor, enrollmentId, input.version, change as EnrollmentChange, history, actor.username);
    checkVersion(saved, { version: (await findEnrollment(tx, actor, enrollmentId))?.version });
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: { id: actor.userId, name: actor.username },
      action: "sis.enrollment-changed",
      target: { type: "enrollment", id: enrollment.id, name: `${enrollment.calendar.name} ${section.label}` },
      // protected values stay out of the general audit log: it is readable more widely than the fields
      before: { fields: history.map((h) => h.field) },
      after: { fields: history.map((h) => h.field), version: saved!.version },
    });
  });
  return getEnrollmentSection(db, actor, enrollmentId, sectionId);
}

function coerce(field: FieldDef, value: unknown, path: string): string | boolean | null {
  const bad = (what: string) => new AppError(400, "field-value-invalid", `${field.label} takes ${what}.`, { path });
  if (field.type === "boolean") {
    if (typeof value !== "boolean") throw bad("true or false");
    return value;
  }
  if (value === null || value === "") {
    if (field.id.endsWith("grade") || field.id.endsWith("startDate") || field.id.endsWith("serviceType")) throw bad("a value");
    return null;
  }
  if (field.type === "number") {
    const n = typeof value === "number" ? value : Number(value);
    if (!Number.isFinite(n) || n < 0) throw bad("a number of 0 or more");
    if (field.id.endsWith("Percent") && n > 100) throw bad("a percentage from 0 to 100");
    return String(n);
  }
  if (field.type === "date") {
    if (typeof value !== "string" || !isCalendarDate(value)) throw bad("a date that exists, written YYYY-MM-DD");
    return value;
  }
  if (field.id.endsWith("serviceType") && !["P", "S", "N"].includes(String(value))) throw bad("P (primary), S (secondary) or N (special ed services)");
  return String(value).trim().slice(0, 100);
}
