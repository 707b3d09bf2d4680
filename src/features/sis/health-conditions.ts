import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";
import { protect } from "../../domain/redaction/redact.js";
import { calendarRef, type CalendarRow } from "./calendar-access.js";
import { requireEndOnOrAfterStart } from "./calendar-date.js";
import { TOOLS } from "./field-catalog.js";
import { checkVersion, requirePersonAccess, requireRight } from "./person-access.js";
import { recordFieldReads } from "./record-access.js";
import {
  deleteHealthCondition,
  findHealthCondition,
  insertHealthCondition,
  listHealthConditions,
  updateHealthCondition,
  type ConditionValues,
} from "./repo-records.js";

const TOOL = TOOLS.healthConditions;

export async function getHealthConditions(db: Db, actor: DistrictActor, personId: string) {
  const { person, actions } = await requirePersonAccess(db, actor, personId, TOOL, "student");
  const rows = await listHealthConditions(db, actor, personId);
  await recordFieldReads(db, actor, [{ personId, field: "health.conditions", tool: TOOL }], "screen");
  return { personId: person.id, name: `${person.lastName}, ${person.firstName}`, conditions: rows, actions };
}

type Change = { before?: ConditionValues; after?: ConditionValues };

/**
 * The condition is HIPAA data: the audit row keeps its values whole, guarded by the Health
 * Conditions right in the student's calendars, so the audit log shows them only to readers with
 * that right (the redaction step); the target names the record, not the condition.
 */
const audit = (actor: DistrictActor, action: string, id: string, personId: string, calendars: CalendarRow[], change: Change) => {
  const guard = { tools: [TOOL], calendars: calendars.map(calendarRef) };
  const values = (v: ConditionValues) => protect(guard, { condition: v.condition, startDate: v.startDate, endDate: v.endDate, instructions: v.instructions });
  return {
    districtId: actor.districtId,
    actor: { id: actor.userId, name: actor.username },
    action,
    target: { type: "health-condition", id, name: `person ${personId}` },
    ...(change.before ? { before: values(change.before) } : {}),
    ...(change.after ? { after: values(change.after) } : {}),
  };
};

export async function addHealthCondition(db: Db, actor: DistrictActor, personId: string, values: ConditionValues) {
  const { level, calendars } = await requirePersonAccess(db, actor, personId, TOOL, "student");
  requireRight(level, "A", TOOL);
  requireEndOnOrAfterStart(values.startDate, values.endDate, "body.endDate");
  return db.transaction(async (tx) => {
    const row = await insertHealthCondition(tx, actor, personId, values);
    await recordAudit(tx, audit(actor, "sis.health-condition-added", row.id, personId, calendars, { after: row }));
    return row;
  });
}

async function openCondition(db: Db, actor: DistrictActor, conditionId: string) {
  const row = await findHealthCondition(db, actor, conditionId);
  if (!row) throw notFound("The health condition");
  const access = await requirePersonAccess(db, actor, row.personId, TOOL, "student");
  return { row, level: access.level, calendars: access.calendars };
}

export async function changeHealthCondition(db: Db, actor: DistrictActor, conditionId: string, input: ConditionValues & { version: number }) {
  const { row, level, calendars } = await openCondition(db, actor, conditionId);
  requireRight(level, "W", TOOL);
  const { version, ...values } = input;
  requireEndOnOrAfterStart(values.startDate, values.endDate, "body.endDate");
  return db.transaction(async (tx) => {
    const saved = checkVersion(await updateHealthCondition(tx, actor, conditionId, version, values), await findHealthCondition(tx, actor, conditionId));
    await recordAudit(tx, audit(actor, "sis.health-condition-changed", row.id, row.personId, calendars, { before: row, after: saved }));
    return saved;
  });
}

export async function removeHealthCondition(db: Db, actor: DistrictActor, conditionId: string) {
  const { row, level, calendars } = await openCondition(db, actor, conditionId);
  requireRight(level, "D", TOOL);
  await db.transaction(async (tx) => {
    await deleteHealthCondition(tx, actor, conditionId);
    await recordAudit(tx, audit(actor, "sis.health-condition-deleted", row.id, row.personId, calendars, { before: row }));
  });
}
