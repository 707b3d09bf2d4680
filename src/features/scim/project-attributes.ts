import { USER_SCHEMA, GROUP_SCHEMA } from "./scim-schemas.js";
import { invalidValue } from "./scim-error.js";

/** What a client asked to see (RFC 7644 §3.9): a comma-separated list of attribute paths. */
export type AttributeQuery = { attributes?: string | undefined; excludedAttributes?: string | undefined };

type Json = Record<string, unknown>;
type AttributePath = { top: string; sub?: string };

/** Returned whatever the client asks (RFC 7643 §7 "always"). */
const ALWAYS = new Set(["schemas", "id"]);
const CORE_PREFIXES = [USER_SCHEMA, GROUP_SCHEMA].map((u) => `${u.toLowerCase()}:`);

/**
 * The resource as the client asked for it: with `attributes`, only those (and id, schemas); with
 * `excludedAttributes`, all but those. Paths are case-insensitive and may be "name.givenName",
 * "emails.value", or carry their schema URN ("urn:…:enterprise:2.0:User:department"). A
 * multi-valued attribute's sub-attribute is kept or dropped in each of its values.
 */
export function projectAttributes(resource: Json, query: AttributeQuery): Json {
  if (query.attributes && query.excludedAttributes) throw invalidValue("Give attributes or excludedAttributes, not both.");
  if (query.attributes) return pick(resource, parsePaths(resource, query.attributes));
  if (query.excludedAttributes) return omit(resource, parsePaths(resource, query.excludedAttributes));
  return resource;
}

/** Whether the client will see this top-level attribute (so its rows need to be read at all). */
export function wantsAttribute(query: AttributeQuery, name: string): boolean {
  const listed = (list: string | undefined) => (list ?? "").split(",").some((p) => p.trim().toLowerCase().split(".")[0] === name.toLowerCase());
  if (query.attributes) return listed(query.attributes);
  return !(query.excludedAttributes ?? "").split(",").some((p) => p.trim().toLowerCase() === name.toLowerCase());
}

function parsePaths(resource: Json, list: string): AttributePath[] {
  const keys = Object.keys(resource);
  return list
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((raw): AttributePath[] => {
      let path = raw.toLowerCase();
      const core = CORE_PREFIXES.find((prefix) => path.startsWith(prefix));
      if (core) path = path.slice(core.length);
      const whole = keys.find((k) => k.toLowerCase() === path);
      if (whole) return [{ top: whole }];
      // an extension's attribute: its schema URN, a colon, then the attribute
      const extension = keys.find((k) => k.startsWith("urn:") && path.startsWith(`${k.toLowerCase()}:`));
      if (extension) return [{ top: extension, sub: keyOf(resource[extension], path.slice(extension.length + 1)) }];
      const [top, sub] = path.split(".");
      const found = keys.find((k) => k.toLowerCase() === top);
      return found ? [{ top: found, ...(sub ? { sub: keyOf(resource[found], sub) } : {}) }] : [];
    });
}

/** The sub-attribute's name as the resource spells it (the client's may differ in case). */
function keyOf(value: unknown, lower: string): string {
  const sample = (Array.isArray(value) ? value[0] : value) as Json | undefined;
  return Object.keys(sample && typeof sample === "object" ? sample : {}).find((k) => k.toLowerCase() === lower) ?? lower;
}

function pick(resource: Json, paths: AttributePath[]): Json {
  const out: Json = Object.fromEntries(Object.entries(resource).filter(([k]) => ALWAYS.has(k)));
  for (const { top, sub } of paths) {
    const value = resource[top];
    if (value === undefined) continue;
    if (!sub) {
      out[top] = value;
    } else if (Array.isArray(value)) {
      const kept = (out[top] as Json[] | undefined) ?? value.map(() => ({}));
      out[top] = kept.map((item, i) => ({ ...item, ...subOf(value[i], sub) }));
    } else if (value && typeof value === "object") {
      out[top] = { ...(out[top] as Json | undefined), ...subOf(value, sub) };
    }
  }
  return out;
}

function omit(resource: Json, paths: AttributePath[]): Json {
  const out: Json = { ...resource };
  for (const { top, sub } of paths) {
    if (ALWAYS.has(top) || out[top] === undefined) continue;
    if (!sub) delete out[top];
    else if (Array.isArray(out[top])) out[top] = (out[top] as Json[]).map((item) => without(item, sub));
    else if (out[top] && typeof out[top] === "object") out[top] = without(out[top] as Json, sub);
  }
  return out;
}

const subOf = (value: unknown, sub: string): Json => (value && typeof value === "object" && sub in (value as Json) ? { [sub]: (value as Json)[sub] } : {});
const without = (value: Json, sub: string): Json => Object.fromEntries(Object.entries(value).filter(([k]) => k !== sub));
