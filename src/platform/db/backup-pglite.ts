import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { LOCK_FILE, lockDataDir } from "./data-dir-lock.js";
import { holdsData } from "./holds-data.js";

export class DatabaseNotEmptyError extends Error {}

/**
 * Replaces the embedded database in `dir` with a `dumpDataDir` tarball, holding the folder's
 * lock throughout. A folder whose database holds data is replaced only with `force`.
 */
export async function restorePglite(dir: string, tarball: Blob, force: boolean): Promise<void> {
  const lock = await lockDataDir(dir, "gatehouse restore");
  try {
    const present = fs.readdirSync(dir).filter((name) => !name.startsWith(LOCK_FILE));
    if (present.length > 0) {
      if (!force && (await pgliteHoldsData(dir))) throw new DatabaseNotEmptyError(`the embedded database in ${dir} holds data; give --force to replace it with the backup`);
      for (const name of present) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    }
    const client = await PGlite.create({ dataDir: dir, loadDataDir: tarball });
    await client.query("select 1");
    await client.close();
    // The tarball holds the folder as it was, with the lock of the process that made the backup.
    for (const name of fs.readdirSync(dir)) if (name.startsWith("gatehouse.") && name !== LOCK_FILE) fs.rmSync(path.join(dir, name), { force: true });
    lock.update({});
  } finally {
    lock.release();
  }
}

async function pgliteHoldsData(dir: string): Promise<boolean> {
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) return false;
  const client = await PGlite.create(dir);
  try {
    return await holdsData(async (text) => (await client.query(text)).rows as never);
  } finally {
    await client.close();
  }
}
