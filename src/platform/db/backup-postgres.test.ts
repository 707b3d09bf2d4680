import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clientConnection, dumpPostgres, restorePostgres } from "./backup-postgres.js";

const quiet = { start() {}, increment() {}, stop() {} };

/** A stand-in for a client tool on PATH that records the arguments and PGPASSWORD it was given. */
function fakeTool(dir: string, name: string, record: string) {
  const script = `#!/bin/sh\nprintf '%s\\n' "$@" > ${record}.args\nprintf '%s' "$PGPASSWORD" > ${record}.password\n`;
  fs.writeFileSync(path.join(dir, name), script, { mode: 0o755 });
}

describe("the PostgreSQL client tools' connection", () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  it("keeps the password out of the URL and puts it in PGPASSWORD", () => {
    expect(clientConnection("postgres://gate:s%40cret@db.example:5433/gatehouse?sslmode=require")).toEqual({
      dbname: "postgres://gate@db.example:5433/gatehouse?sslmode=require",
      env: { PGPASSWORD: "s@cret" },
    });
    expect(clientConnection("postgres://gate@db/gatehouse?password=from-query&application_name=x")).toEqual({
      dbname: "postgres://gate@db/gatehouse?application_name=x",
      env: { PGPASSWORD: "from-query" },
    });
    expect(clientConnection("postgres://postgres@127.0.0.1:5432/test")).toEqual({ dbname: "postgres://postgres@127.0.0.1:5432/test", env: {} });
  });

  it("gives pg_dump and pg_restore no password on their command line (visible in ps)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gh-pgtools-"));
    fakeTool(dir, "pg_dump", path.join(dir, "dump"));
    fakeTool(dir, "pg_restore", path.join(dir, "restore"));
    process.env.PATH = `${dir}:${savedPath}`;
    const url = "postgres://gate:hunter2-secret@127.0.0.1:5432/gatehouse";

    await dumpPostgres(url, path.join(dir, "out.dump"), 1, quiet);
    await restorePostgres(url, path.join(dir, "out.dump"), quiet);

    for (const tool of ["dump", "restore"]) {
      const args = fs.readFileSync(path.join(dir, `${tool}.args`), "utf8");
      expect(args).toContain("--dbname=postgres://gate@127.0.0.1:5432/gatehouse");
      expect(args).not.toContain("hunter2-secret");
      expect(fs.readFileSync(path.join(dir, `${tool}.password`), "utf8")).toBe("hunter2-secret");
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
