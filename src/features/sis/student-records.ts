import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor, RightsView } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";
import { mayRead, WITHHELD } from "../../domain/redaction/redact.js";
import { actionsFor, bestLevel, calendarIdsWith, calendarRef } from "./calendar-access.js";
import { findField, findFieldByLabel, TOOLS } from "./field-catalog.js";
import { requirePersonAccess } from "./person-access.js";
import { recordFieldReads, recordScreenRead } from "./record-access.js";
import { fieldGuard } from "./redact-for.js";
import { findEnrollment, listHistory, type EnrollmentRow } from "./repo-enrollments.js";
import { listAttendance, listEnglishLearner, listFram, listGrades } from "./repo-records.js";
import { ENROLLMENT_SECTIONS, HISTORY_TOOLS } from "./sections.js";

const name = (p: { firstName: string; lastName: string }) => `${p.lastName}, ${p.firstName}`;

export async function getSummary(db: Db, actor: DistrictActor, personId: string) {
  const access = await requirePersonAccess(db, actor, personId, TOOLS.summary, "student");
  const { person, actions } = access;
  const allowed = new Set(calendarIdsWith(actor.rights, [TOOLS.summary], access.calendars));
  const enrollments = access.enrollments.filter((e) => allowed.has(e.calendar.id));
  await recordScreenRead(db, actor, person.id, TOOLS.summary);
  return {
    id: person.id,
    localId: person.localId,
    name: name(person),
    firstName: person.firstName,
    lastName: person.lastName,
    birthDate: person.birthDate,
    gender: person.gender,
    enrollments: enrollments.map((e) => ({ id: e.id, calendar: e.calendar, grade: e.grade, startDate: e.startDate, endDate: e.endDate })),
    actions,
  };
}

/** The Enrollments tool: each enrollment the user sees, its actions and the tabs they may open. */
export async function getEnrollments(db: Db, actor: DistrictActor, personId: string, via: "student" | "census") {
  const tool = via === "student" ? TOOLS.enrollments : TOOLS.censusEnrollments;
  const access = await requirePersonAccess(db, actor, personId, tool, via === "student" ? "student" : undefined);
  const { person } = access;
  const allowed = new Set(calendarIdsWith(actor.rights, [tool], access.calendars));
  const sections = ENROLLMENT_SECTIONS.filter((s) => (via === "census") === s.id.startsWith("census-"));
  const historyTool = HISTORY_TOOLS[via];
  const enrollments = access.enrollments.filter((e) => allowed.has(e.calendar.id));
  await recordScreenRead(db, actor, person.id, TOOLS.summary);
  return {
    personId: person.id,
    name: name(person),
    enrollments: enrollments.map((e) => ({
      id: e.id,
      calendar: e.calendar,
      grade: e.grade,
      startDate: e.startDate,
      endDate: e.endDate,
      serviceType: e.serviceType,
      version: e.version,
      actions: actionsFor(bestLevel(actor.rights, via === "student" ? TOOLS.generalEnrollment : tool, [e.calendar])),
      tabs: [
        ...sections
          .filter((s) => s.fields.some((f) => calendarIdsWith(actor.rights, [fieldToolOf(f.id)], [e.calendar]).length > 0))
          .map((s) => ({ id: s.id, label: s.label })),
        ...(calendarIdsWith(actor.rights, [historyTool], [e.calendar]).length ? [{ id: "history", label: "Enrollment History" }] : []),
      ],
    })),
  };
}

const fieldToolOf = (id: string) => findField(id)!.tool;

export async function getEnrollmentHistory(db: Db, actor: DistrictActor, enrollmentId: string, via: "student" | "census") {
  const enrollment = await findEnrollment(db, actor, enrollmentId);
  const tool = HISTORY_TOOLS[via];
  if (!enrollment || !bestLevel(actor.rights, tool, [enrollment.calendar]).includes("R")) throw notFound("The enrollment");
  const rows = await listHistory(db, actor, enrollmentId);
  await recordFieldReads(db, actor, [{ personId: enrollment.personId, field: via === "student" ? "enrollment.lastHistory" : "census.lastHistory", tool }], "screen");
  return {
    enrollmentId,
    calendar: enrollment.calendar,
    tool,
    entries: rows.map((r) => historyEntry(actor.rights, enrollment, r)),
  };
}

/** A change to a field the reader may not read shows that it changed, never its values. */
function historyEntry(rights: RightsView, enrollment: EnrollmentRow, row: Awaited<ReturnType<typeof listHistory>>[number]) {
  const field = findFieldByLabel(row.field);
  const withheld = field !== undefined && !mayRead(rights, fieldGuard(field, [calendarRef(enrollment.calendar)]));
  return { ...row, changedAt: row.changedAt.toISOString(), withheld, ...(withheld ? { oldValue: WITHHELD, newValue: WITHHELD } : {}) };
}

export async function getAttendance(db: Db, actor: DistrictActor, personId: string) {
  const { person, calendars, actions } = await requirePersonAccess(db, actor, personId, TOOLS.attendance, "student");
  const allowed = calendarIdsWith(actor.rights, [TOOLS.attendance], calendars);
  await recordScreenRead(db, actor, person.id, TOOLS.attendance);
  return { personId: person.id, name: name(person), records: await listAttendance(db, actor, personId, allowed), actions };
}

export async function getGrades(db: Db, actor: DistrictActor, personId: string) {
  const { person, calendars, actions } = await requirePersonAccess(db, actor, personId, TOOLS.grades, "student");
  const allowed = calendarIdsWith(actor.rights, [TOOLS.grades], calendars);
  await recordScreenRead(db, actor, person.id, TOOLS.grades);
  return { personId: person.id, name: name(person), grades: await listGrades(db, actor, personId, allowed), actions };
}

export async function getEnglishLearners(db: Db, actor: DistrictActor, personId: string) {
  const { person, actions } = await requirePersonAccess(db, actor, personId, TOOLS.englishLearners, "student");
  const records = await listEnglishLearner(db, actor, personId);
  await recordFieldReads(db, actor, [{ personId, field: "el.status", tool: TOOLS.englishLearners }], "screen");
  return { personId: person.id, name: name(person), records, actions };
}

export async function getFram(db: Db, actor: DistrictActor, personId: string) {
  const { person, actions } = await requirePersonAccess(db, actor, personId, TOOLS.framEligibility, "student");
  const records = await listFram(db, actor, personId);
  await recordFieldReads(db, actor, [{ personId, field: "fram.eligibility", tool: TOOLS.framEligibility }], "screen");
  return { personId: person.id, name: name(person), records, actions };
}
