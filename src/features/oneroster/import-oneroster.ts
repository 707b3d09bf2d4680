import { createHash, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { STAFF_ROLES, type OneRosterFile, type Problem } from "../../domain/oneroster/csv-files.js";
import { checkReferences, parseSet, type ParsedSet, type Row, type SetSource } from "../../domain/oneroster/parse-set.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { OneRosterKind } from "../../platform/db/schema/oneroster.js";
import { sisCalendars, sisEnrollments, sisPeople, sisSchools, sisSchoolYears, sisStaffAssignments } from "../../platform/db/schema/sis.js";
import { users } from "../../platform/db/schema/users.js";
import { columnsOf, COLUMN_BATCH, insertColumns } from "../../platform/db/insert-columns.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { disableAccount } from "../governance/dormant-accounts.js";
import { applyStaffAssignments, type StaffAssignment } from "./apply-staff-assignments.js";
import { inBatches, readLinks, writeLinks, type Link } from "./repo-links.js";
import { lockDistrictImport } from "./import-lock.js";
import { replaceSourceAssignments } from "./school-assignments.js";

export type Tally = { created: number; changed: number; ended: number; unchanged: number };
export type ImportSummary = Record<"schools" | "schoolYears" | "calendars" | "staff" | "students" | "staffAssignments" | "enrollments" | "links", Tally>;
export type ImportResult = { ok: true; dryRun: boolean; summary: ImportSummary; automation: { ran: boolean; actions: number } } | { ok: false; problems: Problem[] };
export type ImportProgress = (stage: string, done: number, total: number) => void;
type By = { id: string; name: string } | null;

const FILE_KIND: Record<OneRosterFile, OneRosterKind> = {
  orgs: "org", academicSessions: "session", users: "user", roles: "role", courses: "course", classes: "class", enrollments: "enrollment", demographics: "demographic",
};
/** An enrollment keeps only what a later delta needs to place it (a million of them is most of the links). */
const ENROLLMENT_FIELDS = ["classSourcedId", "schoolSourcedId", "userSourcedId", "role", "beginDate", "endDate"];
const pick = (r: Record<string, string>, fields: string[]) => Object.fromEntries(fields.filter((f) => r[f]).map((f) => [f, r[f]!]));
const tally = (): Tally => ({ created: 0, changed: 0, ended: 0, unchanged: 0 });
const digestOf = (r: Row) => {
  const { __row, status, dateLastModified, ...fields } = r;
  void __row, void status, void dateLastModified;
  return createHash("sha1").update(JSON.stringify(fields)).digest("base64url");
};
/** "2026" → "2025-26", the seed's way of naming a school year. */
export const yearName = (schoolYear: string) => `${Number(schoolYear) - 1}-${schoolYear.slice(2)}`;
const calendarName = (year: string, school: string) => `${year.slice(2, 4)}-${year.slice(5)} ${school}`;
const PERSON_COLUMNS = { district_id: "uuid", kind: "text", local_id: "text", first_name: "text", middle_name: "text", last_name: "text", birth_date: "date", gender: "text" } as const;
const ACCOUNT_COLUMNS = { district_id: "uuid", username: "text", display_name: "text", email: "text" } as const;
const ENROLLMENT_COLUMNS = { id: "uuid", district_id: "uuid", person_id: "uuid", calendar_id: "uuid", grade: "text", start_date: "date", start_status: "text" } as const;
const levelOf = (name: string): "elementary" | "middle" | "high" => (/elementary|primary/i.test(name) ? "elementary" : /middle|junior/i.test(name) ? "middle" : "high");

/**
 * `gatehouse oneroster import` and the web upload: the whole set is read and checked first (every
 * row, and references across files and to what was imported before); only a valid set is
 * written, in one transaction, keyed by sourcedId so unchanged rows are left alone.
 */
export async function importOneRoster(db: Db, scope: DistrictScope, source: SetSource, options: { dryRun: boolean; by: By; now: Date; onProgress?: ImportProgress }): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => {});
  const set = await parseSet(source, (file, n) => progress(`reading ${file}`, n, 0));
  if (set.problems.length > 0) return { ok: false, problems: set.problems };
  try {
    // the district's lock first, then what was imported before: a second import reads this one's links
    return await db.transaction(async (tx) => {
      progress("checking what the files name", 0, 0);
      await lockDistrictImport(tx, scope);
      const existing = await readLinks(tx, scope);
      const known = (file: OneRosterFile, id: string) => {
        const l = existing.get(FILE_KIND[file])?.get(id);
        return Boolean(l && !l.endedAt);
      };
      const problems = checkReferences(set, known);
      if (problems.length > 0) return { ok: false as const, problems };
      const { summary, assignments } = await writeSet(tx, scope, set, existing, options, progress);
      if (options.dryRun) throw new DryRun(summary);
      const everySource = await replaceSourceAssignments(tx, scope, "oneroster", assignments);
      const run = await applyStaffAssignments(tx, scope, everySource, { source: "oneroster", by: options.by, now: options.now });
      await recordAudit(tx, { districtId: scope.districtId, actor: options.by, action: "oneroster.imported", target: { type: "district", id: scope.districtId }, after: { modes: set.modes, summary } });
      return { ok: true as const, dryRun: false, summary, automation: { ran: run.ran, actions: run.actions.length } };
    });
  } catch (error) {
    if (error instanceof DryRun) return { ok: true, dryRun: true, summary: error.summary, automation: { ran: false, actions: 0 } };
    throw error;
  }
}

/** Thrown to roll back a dry run's transaction once it has counted what it would change. */
class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super("dry run");
  }
}

/** Rows of a file as this import leaves them: the file's rows over what was imported before (a delta), or the file alone (bulk). */
function effective(set: ParsedSet, file: OneRosterFile, existing: Map<OneRosterKind, Map<string, Link>>): { sourcedId: string; data: Record<string, string>; active: boolean }[] {
  const links = existing.get(FILE_KIND[file]) ?? new Map<string, Link>();
  const out = new Map<string, { sourcedId: string; data: Record<string, string>; active: boolean }>();
  if (set.modes[file] !== "bulk") for (const l of links.values()) out.set(l.sourcedId, { sourcedId: l.sourcedId, data: l.data, active: !l.endedAt });
  for (const r of set.rows[file]) out.set(r.sourcedId!, { sourcedId: r.sourcedId!, data: r, active: r.status !== "tobedeleted" });
  return [...out.values()];
}

async function writeSet(tx: Db, scope: DistrictScope, set: ParsedSet, existing: Map<OneRosterKind, Map<string, Link>>, options: { by: By; now: Date }, progress: ImportProgress) {
  const summary = Object.fromEntries(["schools", "schoolYears", "calendars", "staff", "students", "staffAssignments", "enrollments", "links"].map((k) => [k, tally()])) as ImportSummary;
  const newLinks: Link[] = [];
  const touched = new Map<OneRosterKind, Set<string>>(); // sourcedIds created, changed or ended by this import
  // 1. Links for every row: digest decides created / changed / ended / unchanged.
  for (const file of Object.keys(FILE_KIND) as OneRosterFile[]) {
    if (set.modes[file] === "absent") continue;
    const kind = FILE_KIND[file];
    const links = existing.get(kind) ?? new Map<string, Link>();
    const t = new Set<string>();
    touched.set(kind, t);
    const inFile = new Set<string>();
    for (const r of set.rows[file]) {
      inFile.add(r.sourcedId!);
      const before = links.get(r.sourcedId!);
      const ended = r.status === "tobedeleted";
      const digest = digestOf(r);
      const { __row, ...row } = r;
      void __row;
      const data = kind === "enrollment" ? pick(row, ENROLLMENT_FIELDS) : row;
      if (ended ? before && !before.endedAt : !before || before.endedAt || before.digest !== digest) {
        t.add(r.sourcedId!);
        newLinks.push({ kind, sourcedId: r.sourcedId!, digest, targetId: before?.targetId ?? null, userId: before?.userId ?? null, data, endedAt: ended ? options.now : null });
        summary.links[ended ? "ended" : before && !before.endedAt ? "changed" : "created"]++;
      } else summary.links.unchanged++;
    }
    // bulk: the file is the whole set; what it no longer names has ended.
    if (set.modes[file] === "bulk") {
      for (const l of links.values()) {
        if (inFile.has(l.sourcedId) || l.endedAt) continue;
        t.add(l.sourcedId);
        newLinks.push({ ...l, endedAt: options.now });
        summary.links.ended++;
      }
    }
  }
  const linkOf = new Map(newLinks.map((l) => [`${l.kind}:${l.sourcedId}`, l]));
  const linkSet = new Set(newLinks);
  const current = (kind: OneRosterKind, id: string) => linkOf.get(`${kind}:${id}`) ?? existing.get(kind)?.get(id);

  // 2. Schools and school years.
  progress("schools and calendars", 0, 1);
  const orgs = effective(set, "orgs", existing).filter((o) => o.data.type === "school");
  for (const o of orgs) {
    const link = current("org", o.sourcedId)!;
    if (!touched.get("org")?.has(o.sourcedId) && link.targetId) continue;
    if (!o.active) {
      summary.schools.ended++;
      continue;
    }
    const name = o.data.name!;
    const [school] = link.targetId
      ? await tx.update(sisSchools).set({ name }).where(inDistrict(sisSchools, scope, eq(sisSchools.id, link.targetId))).returning({ id: sisSchools.id })
      : await tx.insert(sisSchools).values({ districtId: scope.districtId, name, level: levelOf(name) }).onConflictDoUpdate({ target: [sisSchools.districtId, sisSchools.name], set: { name } }).returning({ id: sisSchools.id });
    summary.schools[link.targetId ? "changed" : "created"]++;
    if (link.targetId) await tx.update(sisCalendars).set({ schoolName: name }).where(inDistrict(sisCalendars, scope, eq(sisCalendars.schoolId, link.targetId)));
    link.targetId = school!.id;
    linkOf.set(`org:${o.sourcedId}`, link);
    if (!linkSet.has(link)) (linkSet.add(link), newLinks.push(link));
  }
  const sessions = effective(set, "academicSessions", existing);
  for (const s of sessions.filter((x) => x.data.type === "schoolYear")) {
    const link = current("session", s.sourcedId)!;
    if (!touched.get("session")?.has(s.sourcedId) && link.targetId) continue;
    if (!s.active) {
      summary.schoolYears.ended++;
      continue;
    }
    const values = { name: yearName(s.data.schoolYear!), startDate: s.data.startDate!, endDate: s.data.endDate! };
    const [year] = await tx.insert(sisSchoolYears).values({ districtId: scope.districtId, ...values }).onConflictDoUpdate({ target: [sisSchoolYears.districtId, sisSchoolYears.name], set: { startDate: values.startDate, endDate: values.endDate } }).returning({ id: sisSchoolYears.id });
    summary.schoolYears[link.targetId ? "changed" : "created"]++;
    link.targetId = year!.id;
    linkOf.set(`session:${s.sourcedId}`, link);
    if (!linkSet.has(link)) (linkSet.add(link), newLinks.push(link));
  }
  // One calendar per school and school year.
  const activeSchools = orgs.filter((o) => o.active).map((o) => ({ sid: o.sourcedId, id: current("org", o.sourcedId)!.targetId!, name: o.data.name! }));
  const activeYears = sessions.filter((s) => s.active && s.data.type === "schoolYear").map((s) => ({ sid: s.sourcedId, id: current("session", s.sourcedId)!.targetId!, name: yearName(s.data.schoolYear!), schoolYear: s.data.schoolYear! }));
  const wanted = activeSchools.flatMap((sc) => activeYears.map((y) => ({ districtId: scope.districtId, schoolId: sc.id, yearId: y.id, schoolName: sc.name, yearName: y.name, name: calendarName(y.name, sc.name) })));
  if (wanted.length > 0) {
    const made = await tx.insert(sisCalendars).values(wanted).onConflictDoNothing().returning({ id: sisCalendars.id });
    summary.calendars.created += made.length;
    summary.calendars.unchanged += wanted.length - made.length;
  }
  const calendars = await tx.select({ id: sisCalendars.id, schoolId: sisCalendars.schoolId, yearId: sisCalendars.yearId, name: sisCalendars.name, schoolName: sisCalendars.schoolName }).from(sisCalendars).where(inDistrict(sisCalendars, scope));
  const calendarAt = new Map(calendars.map((c) => [`${c.schoolId}|${c.yearId}`, c]));
  const schoolIdOf = (orgSid: string) => current("org", orgSid)?.targetId ?? null;
  // from the schools, not their calendars: a set with no school year makes no calendar
  const schoolNameOf = new Map((await tx.select({ id: sisSchools.id, name: sisSchools.name }).from(sisSchools).where(inDistrict(sisSchools, scope))).map((sc) => [sc.id, sc.name]));
  const yearOfSchoolYear = new Map(activeYears.map((y) => [y.schoolYear, y]));

  // 3. People: who is staff and who is a student comes from roles.
  const roles = effective(set, "roles", existing).filter((r) => r.active);
  const staffRoles = new Map<string, { org: string; role: string }[]>();
  const studentIds = new Set<string>();
  for (const r of roles) {
    if (STAFF_ROLES.has(r.data.role!)) staffRoles.set(r.data.userSourcedId!, [...(staffRoles.get(r.data.userSourcedId!) ?? []), { org: r.data.orgSourcedId!, role: r.data.role! }]);
    if (r.data.role === "student") studentIds.add(r.data.userSourcedId!);
  }
  const touchedUsers = new Set([...(touched.get("user") ?? []), ...(touched.get("demographic") ?? [])]);
  for (const sid of touched.get("role") ?? []) touchedUsers.add(current("role", sid)!.data.userSourcedId!);
  const people = effective(set, "users", existing).filter((u) => touchedUsers.has(u.sourcedId) || !current("user", u.sourcedId)?.targetId);
  progress("people", 0, people.length);
  const assignments: StaffAssignment[] = [];
  let done = 0;
  await inBatches(people, async (batch) => {
    const rows = batch.filter((u) => u.active && (staffRoles.has(u.sourcedId) || studentIds.has(u.sourcedId))).map((u) => {
      const demo = current("demographic", u.sourcedId);
      const d = demo && !demo.endedAt ? demo.data : {};
      return {
        district_id: scope.districtId,
        kind: staffRoles.has(u.sourcedId) ? "staff" : "student",
        local_id: u.data.identifier || u.sourcedId,
        first_name: u.data.preferredGivenName || u.data.givenName!,
        middle_name: u.data.middleName || null,
        last_name: u.data.preferredFamilyName || u.data.familyName!,
        // OneRoster may leave demographics out; the SIS needs a value, so an unknown date is the epoch of the SIS, 1900-01-01.
        birth_date: d.birthDate || "1900-01-01",
        gender: d.sex === "female" ? "F" : d.sex === "male" ? "M" : "X",
      };
    });
    const ids = await insertColumns<{ id: string; local_id: string }>(
      tx,
      "sis_people",
      columnsOf(rows, PERSON_COLUMNS),
      sql`on conflict (district_id, local_id) do update set first_name = excluded.first_name, middle_name = excluded.middle_name, last_name = excluded.last_name, birth_date = excluded.birth_date, gender = excluded.gender, kind = excluded.kind, version = sis_people.version + 1 returning id, local_id`,
    );
    const personOf = new Map(ids.map((p) => [p.local_id, p.id]));
    // Staff accounts: the OneRoster username is the Gatehouse username.
    const staff = batch.filter((u) => staffRoles.has(u.sourcedId) || current("user", u.sourcedId)?.userId);
    const accounts = staff.filter((u) => u.active && staffRoles.has(u.sourcedId)).map((u) => ({ district_id: scope.districtId, username: u.data.username!, display_name: `${u.data.preferredGivenName || u.data.givenName} ${u.data.preferredFamilyName || u.data.familyName}`, email: u.data.email || null }));
    const accountIds = await insertColumns<{ id: string; username: string }>(tx, "users", columnsOf(accounts, ACCOUNT_COLUMNS), sql`on conflict (district_id, username) do update set display_name = excluded.display_name, email = excluded.email returning id, username`);
    const accountOf = new Map(accountIds.map((a) => [a.username, a]));
    for (const u of batch) {
      const link = current("user", u.sourcedId)!;
      const isStaff = staffRoles.has(u.sourcedId);
      const kindTally = isStaff || link.userId ? summary.staff : summary.students;
      const person = personOf.get(u.data.identifier || u.sourcedId);
      if (!u.active || (!isStaff && !studentIds.has(u.sourcedId))) {
        if (link.targetId) kindTally.ended++;
      } else kindTally[link.targetId ? "changed" : "created"]++;
      const account = isStaff && u.active ? accountOf.get(u.data.username!) : undefined;
      // tobedeleted (or enabledUser=false) ends the account itself; a staff member whose school roles all ended is the automation's to disable.
      if (link.userId && (!u.active || u.data.enabledUser === "false")) {
        await disableAccount(tx, { id: link.userId, username: u.data.username || link.data.username || "", districtId: scope.districtId }, options.by, u.active ? "OneRoster: enabledUser is false" : "OneRoster: the user is tobedeleted", options.now);
      }
      link.targetId = person ?? link.targetId;
      link.userId = account?.id ?? link.userId;
      if (!linkSet.has(link)) (linkSet.add(link), newLinks.push(link));
      linkOf.set(`user:${u.sourcedId}`, link);
      if (link.userId && link.targetId) {
        const schools = u.active && isStaff ? staffRoles.get(u.sourcedId)!.filter((r) => schoolIdOf(r.org)) : [];
        assignments.push({ userId: link.userId, username: u.data.username || link.data.username || "", personId: link.targetId, schools: schools.map((r) => ({ schoolId: schoolIdOf(r.org)!, schoolName: schoolNameOf.get(schoolIdOf(r.org)!) ?? "", title: r.role })) });
      }
    }
    done += batch.length;
    progress("people", done, people.length);
  }, COLUMN_BATCH);
  // 4. Staff assignments: one per school role and calendar of that school, compared with what the district holds.
  progress("staff assignments", 0, assignments.length);
  const held = assignments.length === 0 ? [] : await tx.select({ id: sisStaffAssignments.id, personId: sisStaffAssignments.personId, calendarId: sisStaffAssignments.calendarId, title: sisStaffAssignments.title }).from(sisStaffAssignments).where(inDistrict(sisStaffAssignments, scope));
  const heldBy = new Map<string, typeof held>();
  for (const h of held) heldBy.set(h.personId, [...(heldBy.get(h.personId) ?? []), h]);
  const calendarsOf = new Map<string, typeof calendars>();
  for (const c of calendars) calendarsOf.set(c.schoolId, [...(calendarsOf.get(c.schoolId) ?? []), c]);
  const key = (x: { calendarId: string; title: string }) => `${x.calendarId}|${x.title}`;
  const removedIds: string[] = [];
  const addedRows: { district_id: string; person_id: string; calendar_id: string; title: string }[] = [];
  for (const a of assignments) {
    const want = a.schools.flatMap((s) => (calendarsOf.get(s.schoolId!) ?? []).map((c) => ({ calendarId: c.id, title: s.title, schoolName: c.schoolName })));
    a.calendars = want;
    const have = heldBy.get(a.personId!) ?? [];
    const haveKeys = new Set(have.map(key));
    const wantKeys = new Set(want.map(key));
    const removed = have.filter((h) => !wantKeys.has(key(h)));
    const added = [...new Map(want.filter((w) => !haveKeys.has(key(w))).map((w) => [key(w), w])).values()];
    for (const r of removed) removedIds.push(r.id);
    for (const w of added) addedRows.push({ district_id: scope.districtId, person_id: a.personId!, calendar_id: w.calendarId, title: w.title });
    summary.staffAssignments.created += added.length;
    summary.staffAssignments.ended += removed.length;
  }
  await inBatches(removedIds, (ids) => tx.delete(sisStaffAssignments).where(inDistrict(sisStaffAssignments, scope, sql`${sisStaffAssignments.id} = any(${sql.param(ids)}::uuid[])`)), COLUMN_BATCH);
  await insertColumns(tx, "sis_staff_assignments", columnsOf(addedRows, { district_id: "uuid", person_id: "uuid", calendar_id: "uuid", title: "text" }));
  // 5. Enrollments: a student enrolled in a class of a school and year is enrolled in that calendar.
  await writeEnrollments(tx, scope, set, existing, { current, touched, calendarAt, yearOfSchoolYear, schoolIdOf, newLinks, linkOf, summary, now: options.now, progress });
  progress("saving links", 0, newLinks.length);
  await writeLinks(tx, scope, newLinks, existing.size === 0, (done) => progress("saving links", done, newLinks.length));
  return { summary, assignments };
}

type EnrollmentContext = {
  current: (kind: OneRosterKind, id: string) => Link | undefined;
  touched: Map<OneRosterKind, Set<string>>;
  calendarAt: Map<string, { id: string }>;
  yearOfSchoolYear: Map<string, { id: string }>;
  schoolIdOf: (org: string) => string | null;
  newLinks: Link[];
  linkOf: Map<string, Link>;
  summary: ImportSummary;
  now: Date;
  progress: ImportProgress;
};

async function writeEnrollments(tx: Db, scope: DistrictScope, set: ParsedSet, existing: Map<OneRosterKind, Map<string, Link>>, c: EnrollmentContext) {
  const students = new Set<string>();
  for (const sid of c.touched.get("enrollment") ?? []) students.add(c.current("enrollment", sid)!.data.userSourcedId!);
  for (const sid of c.touched.get("class") ?? []) void sid; // a class moving school re-derives its students below
  const touchedClasses = c.touched.get("class") ?? new Set<string>();
  const all = effective(set, "enrollments", existing);
  for (const e of all) if (touchedClasses.has(e.data.classSourcedId!)) students.add(e.data.userSourcedId!);
  if (students.size === 0) return;
  const calendarOfClass = (classSid: string): string | null => {
    const cls = c.current("class", classSid);
    if (!cls || cls.endedAt) return null;
    const school = c.schoolIdOf(cls.data.schoolSourcedId!);
    for (const term of (cls.data.termSourcedIds ?? "").split(",").map((s) => s.trim())) {
      let session = c.current("session", term);
      while (session && session.data.type !== "schoolYear" && session.data.parentSourcedId) session = c.current("session", session.data.parentSourcedId);
      const year = session ? c.yearOfSchoolYear.get(session.data.schoolYear!) : undefined;
      const cal = school && year ? c.calendarAt.get(`${school}|${year.id}`) : undefined;
      if (cal) return cal.id;
    }
    return null;
  };
  const want = new Map<string, { user: string; calendarId: string; begin: string; grade: string }>();
  for (const e of all) {
    if (!e.active || e.data.role !== "student" || !students.has(e.data.userSourcedId!)) continue;
    const calendarId = calendarOfClass(e.data.classSourcedId!);
    if (!calendarId) continue;
    const key = `${e.data.userSourcedId}|${calendarId}`;
    const user = c.current("user", e.data.userSourcedId!);
    const grade = (user?.data.grades ?? "").split(",")[0]?.trim() || (c.current("class", e.data.classSourcedId!)?.data.grades ?? "").split(",")[0]?.trim() || "NA";
    const prev = want.get(key);
    const begin = e.data.beginDate || "";
    if (!prev || (begin && (!prev.begin || begin < prev.begin))) want.set(key, { user: e.data.userSourcedId!, calendarId, begin, grade });
  }
  const calLinks = existing.get("calendar-enrollment") ?? new Map<string, Link>();
  const today = c.now.toISOString().slice(0, 10);
  const create = [...want.entries()].filter(([key]) => !calLinks.get(key) || calLinks.get(key)!.endedAt);
  let done = 0;
  c.progress("enrollments", 0, create.length);
  await inBatches(create, async (batch) => {
    // ids made here, so each link knows its enrollment without reading the rows back
    const rows = batch.map(([, w]) => ({ id: randomUUID(), district_id: scope.districtId, person_id: c.current("user", w.user)!.targetId!, calendar_id: w.calendarId, grade: w.grade, start_date: w.begin || today, start_status: "OneRoster" }));
    await insertColumns(tx, "sis_enrollments", columnsOf(rows, ENROLLMENT_COLUMNS));
    batch.forEach(([key], i) => c.newLinks.push({ kind: "calendar-enrollment", sourcedId: key, digest: "", targetId: rows[i]!.id, userId: null, data: {}, endedAt: null }));
    done += batch.length;
    c.progress("enrollments", done, create.length);
  }, COLUMN_BATCH);
  c.summary.enrollments.created += create.length;
  // Ends the calendar enrollments of these students that no class enrollment holds any more.
  const end: string[] = [];
  for (const l of calLinks.values()) {
    if (l.endedAt || want.has(l.sourcedId) || !students.has(l.sourcedId.split("|")[0]!)) continue;
    end.push(l.targetId!);
    c.newLinks.push({ ...l, endedAt: c.now });
  }
  await inBatches(end, (ids) => tx.update(sisEnrollments).set({ endDate: today, endStatus: "OneRoster: ended", version: sql`${sisEnrollments.version} + 1` }).where(inDistrict(sisEnrollments, scope, sql`${sisEnrollments.id} = any(${sql.param(ids)}::uuid[])`, sql`${sisEnrollments.endDate} is null`)), COLUMN_BATCH);
  c.summary.enrollments.ended += end.length;
}
