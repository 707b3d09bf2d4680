import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { checkReferences, parseSet, type SetSource } from "./parse-set.js";

const source = (files: Record<string, string>): SetSource => ({ open: async (name) => (name in files ? Readable.from([files[name]!]) : null) });
const manifest = (modes: Record<string, string>) => ["propertyName,value", "manifest.version,1.0", "oneroster.version,1.2", ...Object.entries(modes).map(([f, m]) => `file.${f},${m}`)].join("\n");
const ORGS = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n";

describe("OneRoster 1.2 CSV parsing", () => {
  it("needs manifest.csv and OneRoster 1.2", async () => {
    expect((await parseSet(source({}))).problems[0]).toMatchObject({ file: "manifest", reason: expect.stringContaining("missing") });
    const old = await parseSet(source({ "manifest.csv": "propertyName,value\noneroster.version,1.1\n" }));
    expect(old.problems).toEqual([expect.objectContaining({ column: "oneroster.version", reason: expect.stringContaining("1.2") })]);
  });

  it("reports a file the manifest names but the set lacks, a missing column, and a bad processing mode", async () => {
    const set = await parseSet(source({ "manifest.csv": manifest({ orgs: "bulk", users: "sometimes" }) }));
    expect(set.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ column: "file.orgs", reason: expect.stringContaining("orgs.csv is not in the set") }),
        expect.objectContaining({ column: "file.users", reason: expect.stringContaining("not bulk, delta or absent") }),
      ]),
    );
    const noType = await parseSet(source({ "manifest.csv": manifest({ orgs: "bulk" }), "orgs.csv": "sourcedId,name\ns1,Ballard\n" }));
    expect(noType.problems).toEqual([{ file: "orgs", row: 1, column: "type", reason: 'the header has no "type" column' }]);
  });

  it("checks each row: enums, dates, duplicates, and a delta row's status", async () => {
    const set = await parseSet(
      source({
        "manifest.csv": manifest({ orgs: "delta" }),
        "orgs.csv": `${ORGS}s1,active,2025-09-01T00:00:00Z,Ballard,school,,\ns1,active,2025-09-01,Ballard again,school,,\ns2,,,Adams,campus,,\ns3,deleted,yesterday,Lincoln,school,,\n`,
      }),
    );
    expect(set.modes.orgs).toBe("delta");
    expect(set.problems).toEqual([
      { file: "orgs", row: 3, column: "sourcedId", reason: 'sourcedId "s1" appears twice in orgs.csv' },
      { file: "orgs", row: 4, column: "status", reason: "a delta file names each row's status (active or tobedeleted)" },
      { file: "orgs", row: 4, column: "type", reason: '"campus" is not one of department, school, district, local, state, national' },
      { file: "orgs", row: 5, column: "status", reason: '"deleted" is not active or tobedeleted' },
      { file: "orgs", row: 5, column: "dateLastModified", reason: '"yesterday" is not an ISO 8601 date and time' },
    ]);
  });

  it("checks references across files, and to what was imported before only in delta mode", async () => {
    const files = {
      "manifest.csv": manifest({ orgs: "delta", users: "bulk", roles: "bulk" }),
      "orgs.csv": `${ORGS}s1,active,2025-09-01,Ballard,school,,\n`,
      "users.csv": "sourcedId,enabledUser,username,givenName,familyName\nu1,true,jdoe,Jane,Doe\nu2,true,JDOE,J,D\n",
      "roles.csv": "sourcedId,userSourcedId,roleType,role,orgSourcedId\nr1,u1,primary,teacher,s1\nr2,u2,primary,teacher,s9\nr3,u3,primary,student,s1\n",
    };
    const set = await parseSet(source(files));
    expect(set.problems).toEqual([]);
    const problems = checkReferences(set, (file, id) => file === "users" && id === "u3");
    expect(problems).toEqual([
      // users.csv is bulk: a user imported before but not in the file no longer exists
      { file: "roles", row: 4, column: "userSourcedId", reason: '"u3" is not a sourcedId in users.csv (nor one imported before)' },
      { file: "roles", row: 3, column: "orgSourcedId", reason: '"s9" is not a sourcedId in orgs.csv (nor one imported before)' },
      { file: "users", row: 3, column: "username", reason: '"JDOE" is also the username of u1' },
    ]);
    const s9Known = checkReferences(set, (file, id) => file === "orgs" && id === "s9");
    expect(s9Known.map((p) => p.column)).toEqual(["userSourcedId", "username"]);
  });
});
