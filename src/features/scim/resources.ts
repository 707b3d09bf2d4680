import { createHash } from "node:crypto";
import { ENTERPRISE_USER, GROUP_SCHEMA, USER_SCHEMA } from "./scim-schemas.js";
import { invalidValue } from "./scim-error.js";
import type { ScimGroupRow, ScimUserRow } from "./scim-repo.js";

/** A weak ETag of the resource's content: any change to what a client reads changes it. */
export function etagOf(resource: object): string {
  return `W/"${createHash("sha256").update(JSON.stringify(resource)).digest("base64url").slice(0, 22)}"`;
}

const clean = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;

export function userResource(row: ScimUserRow, baseUrl: string) {
  const body = clean({
    schemas: [USER_SCHEMA, ENTERPRISE_USER],
    id: row.id,
    externalId: row.externalId,
    userName: row.username,
    name: clean({ givenName: row.givenName, familyName: row.familyName, formatted: [row.givenName, row.familyName].filter(Boolean).join(" ") || null }),
    displayName: row.displayName,
    title: row.title,
    emails: row.email ? [{ value: row.email, type: "work", primary: true }] : [],
    active: !row.disabled,
    groups: row.groups.map((g) => ({ ...g, $ref: `${baseUrl}/Groups/${g.value}` })),
    [ENTERPRISE_USER]: clean({ employeeNumber: row.employeeNumber, department: row.department }),
  });
  const version = etagOf(body);
  return { ...body, meta: { resourceType: "User", created: row.createdAt.toISOString(), lastModified: (row.updatedAt ?? row.createdAt).toISOString(), location: `${baseUrl}/Users/${row.id}`, version } };
}

export function groupResource(row: ScimGroupRow, baseUrl: string, withMembers = true) {
  const body = clean({
    schemas: [GROUP_SCHEMA],
    id: row.id,
    externalId: row.externalId,
    displayName: row.displayName,
    members: withMembers ? row.members.map((m) => ({ ...m, $ref: `${baseUrl}/Users/${m.value}` })) : undefined,
  });
  // the version reads the members even when they are left out, so If-Match stays meaningful
  const version = etagOf({ ...body, members: row.members });
  return { ...body, meta: { resourceType: "Group", created: row.createdAt.toISOString(), lastModified: row.updatedAt.toISOString(), location: `${baseUrl}/Groups/${row.id}`, version } };
}

/** What Gatehouse keeps of a SCIM User. */
export type UserInput = {
  userName: string;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  active: boolean;
  externalId: string | null;
  employeeNumber: string | null;
  department: string | null;
  title: string | null;
};

const text = (v: unknown, field: string, max = 256): string | null => {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v !== "string") throw invalidValue(`${field} must be a string.`);
  if (v.length > max) throw invalidValue(`${field} is longer than ${max} characters.`);
  return v.trim() || null;
};

/** Entra sends booleans as the strings "True" and "False"; RFC 7643 says a JSON boolean. Both are read. */
export function readBoolean(v: unknown, field: string): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "string" && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  throw invalidValue(`${field} must be true or false.`);
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});

/** A User resource as a client sent it (POST, PUT, or after a PATCH) → what Gatehouse keeps. */
export function readUser(resource: unknown): UserInput {
  const r = obj(resource);
  const userName = text(r.userName, "userName", 64);
  if (!userName) throw invalidValue("userName is required.");
  const name = obj(r.name);
  const enterprise = obj(r[ENTERPRISE_USER]);
  const emails = Array.isArray(r.emails) ? (r.emails as unknown[]).map(obj) : [];
  const primary = emails.find((e) => e.primary === true || e.primary === "True" || e.primary === "true") ?? emails.find((e) => e.type === "work") ?? emails[0];
  return {
    userName,
    displayName: text(r.displayName, "displayName"),
    givenName: text(name.givenName, "name.givenName"),
    familyName: text(name.familyName, "name.familyName"),
    email: text(primary?.value, "emails.value"),
    active: r.active === undefined || r.active === null ? true : readBoolean(r.active, "active"),
    externalId: text(r.externalId, "externalId"),
    employeeNumber: text(enterprise.employeeNumber, "employeeNumber"),
    department: text(enterprise.department, "department"),
    title: text(r.title ?? enterprise.title, "title"),
  };
}

export function displayNameOf(u: UserInput): string {
  return u.displayName ?? ([u.givenName, u.familyName].filter(Boolean).join(" ") || u.userName);
}
