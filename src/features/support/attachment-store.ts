import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * Where a case file's bytes live. Without ATTACHMENTS_DIR in the database row (one store to
 * secure and back up); with it in `<dir>/<district id>/<sha256>` (content-addressed, so a file
 * sent twice is kept once), and the row keeps an empty `content` beside the real size.
 */
export async function storeAttachmentContent(dir: string | undefined, districtId: string, sha256: string, data: Buffer): Promise<Buffer> {
  if (!dir) return data;
  const folder = path.join(dir, districtId);
  await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  // Written under a temporary name and renamed, so a reader never sees half a file.
  const temporary = path.join(folder, `.${sha256}.${randomBytes(4).toString("hex")}`);
  await fs.writeFile(temporary, data, { mode: 0o600 });
  await fs.rename(temporary, path.join(folder, sha256));
  return Buffer.alloc(0);
}

/** The bytes of a stored file; those on disk are checked against their hash before leaving. */
export async function loadAttachmentContent(
  dir: string | undefined,
  row: { districtId: string; sha256: string; sizeBytes: number; content: Buffer },
): Promise<Buffer> {
  if (row.content.length === row.sizeBytes) return row.content;
  if (!dir) throw new Error("This attachment is kept in ATTACHMENTS_DIR, which is not set.");
  const data = await fs.readFile(path.join(dir, row.districtId, row.sha256));
  if (createHash("sha256").update(data).digest("hex") !== row.sha256) throw new Error(`Attachment file ${row.sha256} does not match its hash.`);
  return data;
}
