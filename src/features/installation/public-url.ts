import { recordAudit } from "../../platform/audit.js";
import type { Config } from "../../platform/config.js";
import type { Db } from "../../platform/db/connect.js";
import { findInstallation, savePublicUrl } from "./repo.js";

export type Changer = { id: string; name: string } | null;

/** Without a trailing slash, so links join as `${url}/login/…`. */
export const normalizeUrl = (url: string) => url.replace(/\/+$/, "");

/** What a server would be reached at if nobody said: its own port on this machine. */
export const defaultPublicUrl = (config: Pick<Config, "port">) => `http://localhost:${config.port === 0 ? 3000 : config.port}`;

/** Stores the installation's public URL (audited); returns it. Nothing happens if it is unchanged. */
export async function changePublicUrl(db: Db, url: string, changer: Changer, at = new Date()): Promise<string> {
  const publicUrl = normalizeUrl(url);
  return db.transaction(async (tx) => {
    const before = await findInstallation(tx);
    if (before?.publicUrl === publicUrl) return publicUrl;
    await savePublicUrl(tx, publicUrl, at);
    await recordAudit(tx, {
      districtId: null,
      actor: changer,
      action: "installation.public-url-changed",
      target: { type: "installation", id: "installation", name: "Public URL" },
      before: before ? { publicUrl: before.publicUrl } : null,
      after: { publicUrl },
    });
    return publicUrl;
  });
}

/**
 * At a server's start: GATEHOUSE_PUBLIC_URL, when set, becomes the installation's URL; otherwise
 * the stored one stays, and the first start stores http://localhost:PORT.
 */
export async function settlePublicUrl(db: Db, config: Pick<Config, "publicUrl" | "port">): Promise<string> {
  if (config.publicUrl) return changePublicUrl(db, config.publicUrl, null);
  const stored = await findInstallation(db);
  return stored?.publicUrl ?? changePublicUrl(db, defaultPublicUrl(config), null);
}

/** For a process that is not the server (the CLI): the stored URL, so its links match the server's. */
export async function installationPublicUrl(db: Db, config: Pick<Config, "publicUrl" | "port">): Promise<string> {
  return (await findInstallation(db))?.publicUrl ?? normalizeUrl(config.publicUrl ?? defaultPublicUrl(config));
}
