import type { DistrictActor } from "../../platform/http/actor.js";
import { invalidValue, scimErrorBody, scimErrorOf, ScimError } from "./scim-error.js";
import type { ResourceKind, ScimOperations, ScimOutcome } from "./scim-operations.js";

export const BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
export const BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
/** Advertised in ServiceProviderConfig (RFC 7644 §3.7.4). */
export const BULK_MAX_OPERATIONS = 1000;
export const BULK_MAX_PAYLOAD = 1_048_576;

type Operation = { method: string; bulkId?: string; version?: string; path: string; data?: unknown };
type Answer = { method: string; bulkId?: string; version?: string; location?: string; status: string; response?: unknown };
const METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const BULK_REF = /bulkId:([^/\s"]+)/g;

function readRequest(body: unknown): { operations: Operation[]; failOnErrors: number } {
  const b = (body ?? {}) as Record<string, unknown>;
  if (!Array.isArray(b.schemas) || !b.schemas.includes(BULK_REQUEST)) throw new ScimError(400, `A bulk request names the schema ${BULK_REQUEST}.`, "invalidSyntax");
  if (!Array.isArray(b.Operations)) throw new ScimError(400, "A bulk request carries its operations in Operations, a list.", "invalidSyntax");
  if (b.Operations.length > BULK_MAX_OPERATIONS) throw new ScimError(413, `A bulk request holds at most ${BULK_MAX_OPERATIONS} operations; this one has ${b.Operations.length}. Send them in several requests.`);
  if (b.failOnErrors !== undefined && (!Number.isInteger(b.failOnErrors) || (b.failOnErrors as number) < 1)) throw invalidValue("failOnErrors is a whole number of at least 1.");
  return { operations: b.Operations as Operation[], failOnErrors: (b.failOnErrors as number | undefined) ?? Number.POSITIVE_INFINITY };
}

/** Every "bulkId:x" in a value, as x. */
function referencesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === "string") for (const m of value.matchAll(BULK_REF)) found.add(m[1]!);
  else if (Array.isArray(value)) for (const v of value) referencesIn(v, found);
  else if (value && typeof value === "object") for (const v of Object.values(value)) referencesIn(v, found);
  return found;
}

/** The value with each "bulkId:x" replaced by the id the operation x created. */
function resolve(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === "string") return value.replace(BULK_REF, (ref, id: string) => ids.get(id) ?? ref);
  if (Array.isArray(value)) return value.map((v) => resolve(v, ids));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, ids)]));
  return value;
}

/** "/Users", "/Groups/abc": the resource kind and the id (none for POST). */
function target(op: Operation): { kind: ResourceKind; id: string | null } {
  const m = /^\/?(Users|Groups)(?:\/([^/]+))?$/.exec(typeof op.path === "string" ? op.path : "");
  if (!m) throw new ScimError(400, `The path "${String(op.path)}" names no resource: use /Users or /Groups, followed by /id except for POST.`, "invalidPath");
  const id = m[2] ?? null;
  if ((op.method === "POST") !== (id === null)) throw new ScimError(400, op.method === "POST" ? "A POST names the resource type only (/Users or /Groups)." : `A ${op.method} names the resource: /${m[1]}/id.`, "invalidPath");
  return { kind: m[1] as ResourceKind, id };
}

/**
 * POST /scim/v2/Bulk (RFC 7644 §3.7): each operation is made by the same function as its single
 * route (and audited as the token's service account), in its own transaction; "bulkId:x" in a
 * path or in data names what the POST with bulkId x created, whichever order they come in. After
 * failOnErrors errors the rest is not attempted. Only a failed operation's answer carries a body.
 */
export async function runBulk(ops: ScimOperations, actor: DistrictActor, body: unknown, onUnexpected: (error: unknown) => void) {
  const { operations, failOnErrors } = readRequest(body);
  const defined = new Map<string, number>();
  operations.forEach((op, i) => {
    if (op && typeof op.bulkId === "string" && op.bulkId && !defined.has(op.bulkId)) defined.set(op.bulkId, i);
  });
  const created = new Map<string, string>();
  const failed = new Set<string>();
  const answers: Answer[] = [];
  let errors = 0;
  let pending = operations.map((op, index) => ({ op: (op ?? {}) as Operation, index, refs: [...referencesIn([op?.path, op?.data])] }));

  const run = async ({ op, index, refs }: (typeof pending)[number]): Promise<Answer> => {
    const method = typeof op.method === "string" ? op.method.toUpperCase() : "";
    const head = { method: method || String(op.method), ...(typeof op.bulkId === "string" ? { bulkId: op.bulkId } : {}) };
    try {
      if (!METHODS.has(method)) throw new ScimError(400, `The method "${String(op.method)}" is not one of POST, PUT, PATCH, DELETE.`, "invalidValue");
      if (method === "POST" && (typeof op.bulkId !== "string" || !op.bulkId)) throw invalidValue("A POST in a bulk request carries a bulkId, by which later operations may name what it creates.");
      if (method === "POST" && defined.get(op.bulkId!) !== index) throw new ScimError(409, `Another operation of this request already uses bulkId "${op.bulkId}".`, "uniqueness");
      const missing = refs.find((ref) => !defined.has(ref) || failed.has(ref));
      if (missing) throw new ScimError(409, defined.has(missing) ? `The operation with bulkId "${missing}" failed, so this one, which names it, was not done.` : `No POST of this request has bulkId "${missing}".`, "invalidValue");
      const { kind, id } = target({ ...op, method, path: resolve(op.path, created) as string });
      const data = resolve(op.data, created);
      const version = typeof op.version === "string" ? op.version : undefined;
      const outcome: ScimOutcome =
        method === "POST" ? await ops.create(kind, actor, data) : method === "PUT" ? await ops.replace(kind, actor, id!, data, version) : method === "PATCH" ? await ops.patch(kind, actor, id!, data, version) : await ops.remove(kind, actor, id!, version);
      if (method === "POST") created.set(op.bulkId!, outcome.resource!.id);
      // a success answers with where the resource is and its version, not its body (RFC 7644 §3.7.3
      // lets a server omit it): a group's body lists every member, so echoing it for each of a
      // thousand member changes would make the response grow with the square of the request
      const r = outcome.resource;
      return { ...head, ...(r ? { location: r.meta.location, version: r.meta.version } : {}), status: String(outcome.status) };
    } catch (error) {
      // what names this operation's bulkId fails too (a second use of a bulkId is not the one named)
      if (typeof op.bulkId === "string" && defined.get(op.bulkId) === index) failed.add(op.bulkId);
      errors++;
      const e = scimErrorOf(error as Error);
      if (!e) onUnexpected(error);
      return { ...head, status: String(e?.status ?? 500), response: scimErrorBody(e ?? { status: 500, detail: "Something went wrong on our side; this operation was not done." }) };
    }
  };

  // in order, except that an operation waits until every POST it names has run; what can never run (a circle) fails
  const ready = (p: (typeof pending)[number]) => p.refs.every((ref) => !defined.has(ref) || created.has(ref) || failed.has(ref) || defined.get(ref) === p.index);
  while (pending.length > 0 && errors < failOnErrors) {
    const next = pending.find(ready);
    if (!next) {
      for (const p of pending) {
        if (errors >= failOnErrors) break;
        errors++;
        answers.push({ method: String(p.op.method), ...(typeof p.op.bulkId === "string" ? { bulkId: p.op.bulkId } : {}), status: "409", response: scimErrorBody({ status: 409, detail: "These operations name each other by bulkId in a circle, so none of them can be made first." }) });
      }
      break;
    }
    pending = pending.filter((p) => p !== next);
    answers.push(await run(next));
  }
  return { schemas: [BULK_RESPONSE], Operations: answers };
}
