import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import type { SsoProvider } from "../../platform/db/schema/sso.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { auditActor } from "../rights/guards.js";
import { deleteLink, findDistrictUserById, findLinkedUser, insertLink } from "./repo.js";

/** An administrator links a district user to the subject (OIDC claim or SAML NameID) their IdP sends. */
export async function linkIdentity(db: Db, actor: DistrictActor, input: { userId: string; provider: SsoProvider; subject: string }) {
  return db.transaction(async (tx) => {
    const user = await findDistrictUserById(tx, actor, input.userId);
    if (!user) throw notFound("That user");
    const existing = await findLinkedUser(tx, actor, input.provider, input.subject);
    if (existing) {
      throw new AppError(409, "subject-linked", existing.id === user.id ? `${user.username} is already linked to this identity.` : `This identity is already linked to ${existing.username}. Remove that link first.`, { path: "body.subject" });
    }
    const link = (await insertLink(tx, actor, input))!;
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "sso.linked",
      target: { type: "user", id: user.id, name: user.username },
      after: { provider: input.provider, subject: input.subject, by: "administrator" },
    });
    return { ...link, username: user.username };
  });
}

export async function unlinkIdentity(db: Db, actor: DistrictActor, linkId: string) {
  await db.transaction(async (tx) => {
    const link = await deleteLink(tx, actor, linkId);
    if (!link) throw notFound("That link");
    const user = await findDistrictUserById(tx, actor, link.userId);
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "sso.unlinked",
      target: { type: "user", id: link.userId, name: user?.username },
      before: { provider: link.provider, subject: link.subject },
    });
  });
}
