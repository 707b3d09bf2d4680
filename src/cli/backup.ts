import fs from "node:fs";
import type { Command } from "commander";
import { loadConfig } from "../platform/config.js";
import { DatabaseNotEmptyError, restorePglite } from "../platform/db/backup-pglite.js";
import { checkClientVersion, dumpPostgres, restorePostgres } from "../platform/db/backup-postgres.js";
import { connectDatabase, type Database } from "../platform/db/connect.js";
import { describeHolder } from "../platform/db/data-dir-lock.js";
import { holdsData } from "../platform/db/holds-data.js";
import { openDatabase, withDatabase } from "./context.js";
import { cli, fail, out, resolvePath } from "./io.js";
import { progressBar } from "./progress-bar.js";

const EXIT_BAD_FILE = 2;
const CHUNK = 1 << 20;

export function registerBackup(program: Command) {
  program
    .command("backup")
    .description("Write a backup of the whole database: PGlite's own dump of GATEHOUSE_DATA_DIR, or pg_dump of DATABASE_URL")
    .requiredOption("--out <file>", "the backup file to write (readable only by you: it holds student data)")
    .action(async (o: { out: string }) => {
      const file = resolvePath(o.out);
      await withDatabase(async (database, config) => {
        if (database.kind === "pglite") await writeTarball(database, file);
        else {
          await checkClientVersion("pg_dump", await serverVersion(database));
          const [tables] = await database.query<{ n: number }>("select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')");
          await dumpPostgres(config.databaseUrl!, file, tables!.n, progressBar("pg_dump", "tables"));
        }
        fs.chmodSync(file, 0o600);
        out(`Backed up the ${database.kind === "pglite" ? "embedded database (PGlite)" : "PostgreSQL database"} to ${o.out} (${megabytes(fs.statSync(file).size)}).\n`);
      });
    });
}

export function registerRestore(program: Command) {
  program
    .command("restore")
    .description("Replace the database with a backup made by `gatehouse backup` (then migrate it); stop the server first")
    .argument("<file>", "the backup file")
    .option("--force", "replace a database that already holds data")
    .action(async (name: string, o: { force?: boolean }) => {
      const holder = cli().server?.database.dataDirLock?.holder;
      if (cli().server) return fail(`restore replaces the whole database: stop ${holder ? describeHolder(holder) : "the server"} first`);
      const file = resolvePath(name);
      const kind = backupKind(file);
      if (!kind) return fail(`${name} is not a Gatehouse backup (neither a PGlite dump nor a pg_dump file)`, EXIT_BAD_FILE);
      const config = loadConfig(cli().env);
      const target = config.databaseUrl ? "postgres" : "pglite";
      if (kind !== target) return fail(`${name} is a backup of ${label(kind)}, but this installation uses ${label(target)}`, EXIT_BAD_FILE);
      try {
        if (kind === "pglite") await restorePglite(config.dataDir, await readWithProgress(file), Boolean(o.force));
        else await restoreIntoPostgres(config.databaseUrl!, file, Boolean(o.force));
      } catch (error) {
        if (error instanceof DatabaseNotEmptyError) return fail(error.message);
        throw error;
      }
      // A backup from an older Gatehouse is brought up to date, as a start would.
      await (await openDatabase(config)).close();
      out(`Restored ${name} into the ${label(kind)}${kind === "pglite" ? ` in ${config.dataDir}` : ""}.\n`);
    });
}

const label = (kind: "pglite" | "postgres") => (kind === "pglite" ? "embedded database (PGlite)" : "PostgreSQL database");
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** gzip (PGlite's dumpDataDir) or "PGDMP" (pg_dump's custom format), from the first bytes. */
function backupKind(file: string): "pglite" | "postgres" | null {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, "r");
    head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    fs.closeSync(fd);
  } catch {
    return null;
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  if (head.toString("latin1") === "PGDMP") return "postgres";
  return null;
}

async function writeTarball(database: Database, file: string) {
  const tarball = Buffer.from(await (await database.dumpDataDir!()).arrayBuffer());
  const bar = progressBar("backup", "MB");
  const fd = fs.openSync(file, "w", 0o600);
  try {
    bar.start(Math.ceil(tarball.length / CHUNK));
    for (let at = 0; at < tarball.length; at += CHUNK) {
      fs.writeSync(fd, tarball, at, Math.min(CHUNK, tarball.length - at));
      bar.increment();
    }
  } finally {
    bar.stop();
    fs.closeSync(fd);
  }
}

async function readWithProgress(file: string): Promise<Blob> {
  const size = fs.statSync(file).size;
  const bar = progressBar("restore", "MB");
  const chunks: Buffer[] = [];
  bar.start(Math.ceil(size / CHUNK));
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) {
      chunks.push(chunk as Buffer);
      bar.increment();
    }
  } finally {
    bar.stop();
  }
  return new Blob(chunks as unknown as BlobPart[]);
}

async function restoreIntoPostgres(url: string, file: string, force: boolean) {
  const database = await connectDatabase({ databaseUrl: url });
  try {
    if (!force && (await holdsData((text) => database.query(text)))) throw new DatabaseNotEmptyError("the PostgreSQL database at DATABASE_URL holds data; give --force to replace it with the backup");
    await checkClientVersion("pg_restore", await serverVersion(database));
  } finally {
    await database.close();
  }
  await restorePostgres(url, file, progressBar("pg_restore", "items"));
}

async function serverVersion(database: Database): Promise<number> {
  const [row] = await database.query<{ v: string }>("show server_version_num");
  return Number(row!.v);
}
