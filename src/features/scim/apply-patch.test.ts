import { PgDialect } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applyPatch, normaliseOperations } from "./apply-patch.js";
import { filterToSql } from "./filter-sql.js";
import { ScimError } from "./scim-error.js";

const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const EXT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const body = (...Operations: unknown[]) => ({ schemas: [PATCH], Operations });

describe("PATCH operations as Entra ID and Okta send them", () => {
  it("reads Entra's capitalised ops, \"False\" strings and a value object with dotted and URN keys", () => {
    expect(normaliseOperations(body({ op: "Replace", path: "active", value: "False" }), "User")).toEqual([{ op: "replace", path: "active", value: false }]);
    expect(normaliseOperations(body({ op: "Replace", value: { "name.givenName": "Ann", [`${EXT}:department`]: "Nursing", id: "ignored" } }), "User")).toEqual([
      { op: "replace", path: "name.givenName", value: "Ann" },
      { op: "replace", path: "enterpriseExtension.department", value: "Nursing" },
    ]);
  });

  it("turns Entra's member removal by value list into Okta's value-filter paths", () => {
    expect(normaliseOperations(body({ op: "Remove", path: "members", value: [{ value: "a" }, { value: "b" }] }), "Group")).toEqual([
      { op: "remove", path: 'members[value eq "a"]' },
      { op: "remove", path: 'members[value eq "b"]' },
    ]);
  });

  it("applies to a resource, keeping the enterprise extension under its URN", () => {
    const user = { schemas: [], userName: "ann", name: { givenName: "A" }, emails: [], active: true, [EXT]: { department: "Old" } };
    const out = applyPatch(user, body({ op: "Add", path: 'emails[type eq "work"].value', value: "ann@x.org" }, { op: "replace", path: `${EXT}:department`, value: "New" }, { op: "replace", path: "name.givenName", value: "Ann" }), "User");
    expect(out).toMatchObject({ emails: [{ value: "ann@x.org", type: "work", primary: true }], name: { givenName: "Ann" }, [EXT]: { department: "New" } });
    const group = applyPatch({ displayName: "G", members: [{ value: "a" }, { value: "b" }] }, body({ op: "remove", path: 'members[value eq "a"]' }), "Group");
    expect(group.members).toEqual([{ value: "b" }]);
  });

  it("refuses what is not a PATCH: wrong schema, no operations, an unknown op, a remove with no path", () => {
    expect(() => normaliseOperations({ Operations: [{ op: "add", path: "x", value: 1 }] }, "User")).toThrow(ScimError);
    expect(() => normaliseOperations(body(), "User")).toThrow(/non-empty Operations/);
    expect(() => normaliseOperations(body({ op: "merge", path: "x" }), "User")).toThrow(/not a PATCH operation/);
    expect(() => normaliseOperations(body({ op: "remove" }), "User")).toThrow(/needs a path/);
    expect(() => normaliseOperations(body({ op: "replace", path: "active", value: "maybe" }), "User")).toThrow(/true or false/);
  });
});

describe("SCIM filters as SQL", () => {
  const columns = { userName: { expr: sql`u.username`, caseExact: false }, externalId: { expr: sql`s.external_id`, caseExact: true } };
  const render = (f: string) => {
    const { sql: text, params } = new PgDialect().sqlToQuery(filterToSql(f, columns));
    return { sql: text, params };
  };
  it("compares userName case-insensitively and externalId exactly, values only as parameters", () => {
    expect(render('userName eq "Ann@X.org"')).toEqual({ sql: "lower(u.username) = $1", params: ["ann@x.org"] });
    expect(render('externalId eq "AbC"')).toEqual({ sql: "s.external_id = $1", params: ["AbC"] });
    const q = render('username sw "a%" and (externalId co "x" or userName eq "b")');
    expect(q.sql).toBe("(lower(u.username) like $1 and (s.external_id like $2 or lower(u.username) = $3))");
    expect(q.params).toEqual(["a\\%%", "%x%", "b"]);
  });
  it("refuses an attribute it does not know and a filter it cannot parse, as invalidFilter", () => {
    expect(() => render('title eq "x"')).toThrow(expect.objectContaining({ scimType: "invalidFilter" }));
    expect(() => render("userName eq")).toThrow(expect.objectContaining({ scimType: "invalidFilter" }));
  });
});
