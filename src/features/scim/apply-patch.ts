import { scimPatch, type ScimPatchOperation, type ScimResource } from "scim-patch";
import { ENTERPRISE_USER, SCIM_PATCH_OP } from "./scim-schemas.js";
import { readBoolean } from "./resources.js";
import { ScimError, type ScimType } from "./scim-error.js";

type Json = Record<string, unknown>;
type Op = { op: string; path?: string; value?: unknown };

// The enterprise extension's URN holds colons and dots, which patch paths cannot carry: while a
// patch is applied, the extension lives under this plain key.
const EXT = "enterpriseExtension";
const CORE_PREFIX = /^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i;

function readOperations(body: unknown): Op[] {
  const b = (body ?? {}) as Json;
  if (!Array.isArray(b.schemas) || !b.schemas.includes(SCIM_PATCH_OP)) throw new ScimError(400, `A PATCH body names the schema ${SCIM_PATCH_OP}.`, "invalidSyntax");
  const ops = b.Operations ?? b.operations;
  if (!Array.isArray(ops) || ops.length === 0) throw new ScimError(400, "A PATCH body carries a non-empty Operations list.", "invalidSyntax");
  return ops.map((o) => {
    const op = (o ?? {}) as Json;
    if (typeof op.op !== "string" || !/^(add|remove|replace)$/i.test(op.op)) throw new ScimError(400, `"${String(op.op)}" is not a PATCH operation: use add, remove or replace.`, "invalidSyntax");
    if (op.path !== undefined && typeof op.path !== "string") throw new ScimError(400, "A PATCH path is a string.", "invalidPath");
    return { op: op.op.toLowerCase(), ...(op.path ? { path: op.path } : {}), ...("value" in op ? { value: op.value } : {}) };
  });
}

function plainPath(path: string): string {
  if (path.toLowerCase().startsWith(ENTERPRISE_USER.toLowerCase() + ":")) return `${EXT}.${path.slice(ENTERPRISE_USER.length + 1)}`;
  if (path.toLowerCase() === ENTERPRISE_USER.toLowerCase()) return EXT;
  return path.replace(CORE_PREFIX, "");
}

/**
 * The operations as scim-patch applies them, with what Entra ID and Okta really send made
 * regular: "Replace"/"Add" in any case, "True"/"False" strings for booleans, an operation with no
 * path whose value object names several attributes (dotted or URN-prefixed keys), members
 * removed by a value list, and the one work email addressed by filter.
 */
export function normaliseOperations(body: unknown, kind: "User" | "Group"): ScimPatchOperation[] {
  const out: Op[] = [];
  for (const o of readOperations(body)) {
    if (!o.path) {
      if (o.op === "remove") throw new ScimError(400, "A remove operation needs a path.", "noTarget");
      if (!o.value || typeof o.value !== "object" || Array.isArray(o.value)) throw new ScimError(400, "An operation with no path carries an object of attributes as its value.", "invalidValue");
      for (const [key, value] of Object.entries(o.value as Json)) {
        if (key === "id" || key === "schemas" || key === "meta") continue; // Okta repeats the id; it cannot change
        out.push(...expand({ op: o.op, path: key, value }));
      }
      continue;
    }
    out.push(...expand(o));
  }
  return out.map((o) => fixValue(o, kind)) as ScimPatchOperation[];
}

function expand(o: Op): Op[] {
  const path = plainPath(o.path!);
  // Entra: {"op":"Remove","path":"members","value":[{"value":"<id>"}]}
  if (o.op === "remove" && path === "members" && Array.isArray(o.value)) {
    return (o.value as Json[]).map((m) => ({ op: "remove", path: `members[value eq "${String(m?.value).replace(/"/g, "")}"]` }));
  }
  // emails[type eq "work"].value: Gatehouse keeps one email, so this sets it
  const email = /^emails\[type eq "(\w+)"\]\.value$/i.exec(path);
  if (email) return [o.op === "remove" ? { op: "remove", path: "emails" } : { op: "replace", path: "emails", value: [{ value: o.value, type: email[1], primary: true }] }];
  if (path === EXT && o.value && typeof o.value === "object") return Object.entries(o.value as Json).map(([k, v]) => ({ op: o.op, path: `${EXT}.${k}`, value: v }));
  return [{ ...o, path }];
}

function fixValue(o: Op, kind: "User" | "Group"): Op {
  if (kind === "User" && o.path === "active" && o.value !== undefined) return { ...o, value: readBoolean(o.value, "active") };
  if (o.path === "members" && o.value !== undefined && !Array.isArray(o.value)) return { ...o, value: [o.value] };
  return o;
}

/** Applies a PATCH to a resource as Gatehouse shows it; answers the resource as it would be. */
export function applyPatch(resource: Json, body: unknown, kind: "User" | "Group"): Json {
  const operations = normaliseOperations(body, kind);
  const { [ENTERPRISE_USER]: extension, ...rest } = resource;
  const working = { ...structuredClone(rest), [EXT]: structuredClone(extension ?? {}) } as unknown as ScimResource;
  let patched: Json;
  try {
    patched = scimPatch(working, operations, { mutateDocument: false, treatMissingAsAdd: true }) as unknown as Json;
  } catch (error) {
    throw patchError(error);
  }
  const { [EXT]: ext, ...core } = patched;
  return { ...core, [ENTERPRISE_USER]: ext };
}

/** scim-patch's errors carry a scimType; as Gatehouse's SCIM error. */
function patchError(error: unknown): ScimError {
  const e = error as { scimType?: string; message?: string };
  return new ScimError(400, e.message ?? "The PATCH could not be applied.", (e.scimType ?? "invalidValue") as ScimType);
}
