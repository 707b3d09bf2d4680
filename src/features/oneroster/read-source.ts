import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { unzipSync } from "fflate";
import type { SetSource } from "../../domain/oneroster/parse-set.js";

/** A OneRoster set from a folder of CSV files, or from a .zip holding them (at its root or in one folder). */
export async function openSetPath(file: string): Promise<SetSource> {
  const info = await stat(file);
  if (info.isDirectory()) {
    return {
      open: async (name) => {
        const full = path.join(file, name);
        try {
          await stat(full);
        } catch {
          return null;
        }
        return createReadStream(full);
      },
    };
  }
  return openZip(await readFile(file));
}

export function openZip(bytes: Uint8Array): SetSource {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => f.name.toLowerCase().endsWith(".csv") });
  } catch (error) {
    throw new Error(`the file is not a readable zip archive (${(error as Error).message})`);
  }
  const byName = new Map(Object.entries(entries).map(([name, data]) => [path.posix.basename(name), data]));
  return { open: async (name) => (byName.has(name) ? Readable.from([Buffer.from(byName.get(name)!)]) : null) };
}
