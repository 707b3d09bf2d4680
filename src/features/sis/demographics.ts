import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { mayRead, protect, reveal } from "../../domain/redaction/redact.js";
import { bestLevel, calendarRef, type CalendarRow } from "./calendar-access.js";
import { TOOLS } from "./field-catalog.js";
import { checkVersion, requirePersonAccess, requireRight } from "./person-access.js";
import { recordFieldReads, recordScreenRead } from "./record-access.js";
import { findPerson, updatePerson, type DemographicsChange, type PersonRow } from "./repo-people.js";

const LEVELS = ["", "R", "RW", "RWA", "RWAD"];

const ssnTools = (person: PersonRow) => [person.kind === "student" ? TOOLS.ssnStudents : TOOLS.ssnStaff, TOOLS.ssnAll];

/** SSN rights are their own tools, and also need calendar rights to the person (the seed's SSN section). */
export function ssnLevel(actor: DistrictActor, person: PersonRow, calendars: CalendarRow[]): { level: string; tool: string } {
  const tools = ssnTools(person);
  let best = { level: "", tool: tools[0]! };
  for (const tool of tools) {
    const level = bestLevel(actor.rights, tool, calendars);
    if (LEVELS.indexOf(level) > LEVELS.indexOf(best.level)) best = { level, tool };
  }
  return best;
}

export const formatSsn = (ssn: string) => `${ssn.slice(0, 3)}-${ssn.slice(3, 5)}-${ssn.slice(5, 9)}`;
export const maskSsn = (ssn: string) => `***-**-${ssn.slice(5, 9)}`;

/**
 * A person's SSN as the redaction step carries it: readable with an SSN right in one of the
 * person's calendars. `masked` is for the Demographics screen, whose reader may see the last four.
 */
function protectedSsn(person: PersonRow, calendars: CalendarRow[], ssn: string | null, masked: boolean) {
  if (ssn === null) return null;
  return protect({ tools: ssnTools(person), calendars: calendars.map(calendarRef) }, formatSsn(ssn), masked ? maskSsn(ssn) : undefined);
}

export async function getDemographics(db: Db, actor: DistrictActor, personId: string) {
  const { person, calendars, level, actions } = await requirePersonAccess(db, actor, personId, TOOLS.demographics);
  const ssn = ssnLevel(actor, person, calendars);
  const shown = protectedSsn(person, calendars, person.ssn, true);
  const showSsn = shown !== null && mayRead(actor.rights, shown.$protected);
  if (showSsn) await recordFieldReads(db, actor, [{ personId, field: "demographics.ssn", tool: ssn.tool }], "screen");
  await recordScreenRead(db, actor, personId, TOOLS.demographics);
  return {
    id: person.id,
    kind: person.kind,
    localId: person.localId,
    firstName: person.firstName,
    middleName: person.middleName,
    lastName: person.lastName,
    birthDate: person.birthDate,
    gender: person.gender,
    raceEthnicity: person.raceEthnicity,
    homeLanguage: person.homeLanguage,
    version: person.version,
    ssn: {
      value: shown === null ? null : (reveal(actor.rights, shown) as string),
      masked: person.ssn !== null && !showSsn,
      editable: level.includes("W") && ssn.level.includes("W"),
      tool: ssn.tool,
    },
    actions,
  };
}

export async function saveDemographics(
  db: Db,
  actor: DistrictActor,
  personId: string,
  input: DemographicsChange & { version: number; ssn?: string | null },
) {
  const { person, calendars, level } = await requirePersonAccess(db, actor, personId, TOOLS.demographics);
  requireRight(level, "W", TOOLS.demographics);
  const { version, ssn, ...change } = input;
  const update: DemographicsChange & { ssn?: string | null } = { ...change };
  if (ssn !== undefined) {
    const right = ssnLevel(actor, person, calendars);
    requireRight(right.level, "W", right.tool);
    const digits = ssn === null || ssn === "" ? null : ssn.replace(/-/g, "");
    if (digits !== null && !/^\d{9}$/.test(digits)) {
      throw new AppError(400, "ssn-invalid", "An SSN has nine digits, written ###-##-#### or all nine together.", { path: "body.ssn" });
    }
    update.ssn = digits;
  }
  return db.transaction(async (tx) => {
    checkVersion(await updatePerson(tx, actor, personId, version, update), { version: (await findPerson(tx, actor, personId))?.version });
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: { id: actor.userId, name: actor.username },
      action: "sis.demographics-changed",
      target: { type: "person", id: personId, name: `${person.lastName}, ${person.firstName}` },
      // the full SSN is kept; the audit log shows it only to readers with an SSN right to the person
      before: { ...pick(person, Object.keys(change)), ...(ssn !== undefined ? { ssn: protectedSsn(person, calendars, person.ssn, false) } : {}) },
      after: { ...change, ...(ssn !== undefined ? { ssn: protectedSsn(person, calendars, update.ssn ?? null, false) } : {}) },
    });
    return getDemographics(tx, actor, personId);
  });
}

function pick(row: PersonRow, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, (row as Record<string, unknown>)[k]]));
}
