import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { notFound } from "../../platform/http/errors.js";
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

const audit = (actor: DistrictActor, action: string, id: string, personId: string) => ({
  districtId: actor.districtId,
  actor: { id: actor.userId, name: actor.username },
  action,
  // the condition itself is HIPAA data: the audit names the record, the access log holds the reads
  target: { type: "health-condition", id, name: `person ${personId}` },
});

export async function addHealthCondition(db: Db, actor: DistrictActor, personId: string, values: ConditionValues) {
  const { level } = await requirePersonAccess(db, actor, personId, TOOL, "student");
  requireRight(level, "A", TOOL);
  requireEndOnOrAfterStart(values.startDate, values.endDate, "body.endDate");
  return db.transaction(async (tx) => {
    const row = await insertHealthCondition(tx, actor, personId, values);
    await recordAudit(tx, audit(actor, "sis.health-condition-added", row.id, personId));
    return row;
  });
}

async function openCondition(db: Db, actor: DistrictActor, conditionId: string) {
  const row = await findHealthCondition(db, actor, conditionId);
  if (!row) throw notFound("The health condition");
  const access = await requirePersonAccess(db, actor, row.personId, TOOL, "student");
  return { row, level: access.level };
}

export async function changeHealthCondition(db: Db, actor: DistrictActor, conditionId: string, input: ConditionValues & { version: number }) {
  const { row, level } = await openCondition(db, actor, conditionId);
  requireRight(level, "W", TOOL);
  const { version, ...values } = input;
  requireEndOnOrAfterStart(values.startDate, values.endDate, "body.endDate");
  return db.transaction(async (tx) => {
    const saved = checkVersion(await updateHealthCondition(tx, actor, conditionId, version, values), await findHealthCondition(tx, actor, conditionId));
    await recordAudit(tx, audit(actor, "sis.health-condition-changed", row.id, row.personId));
    return saved;
  });
}

export async function removeHealthCondition(db: Db, actor: DistrictActor, conditionId: string) {
  const { row, level } = await openCondition(db, actor, conditionId);
  requireRight(level, "D", TOOL);
  await db.transaction(async (tx) => {
    await deleteHealthCondition(tx, actor, conditionId);
    await recordAudit(tx, audit(actor, "sis.health-condition-deleted", row.id, row.personId));
  });
}
