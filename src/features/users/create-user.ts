import { hashPassword, passwordProblem } from "../../platform/auth/passwords.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { users, type ProductSecurityRole } from "../../platform/db/schema/users.js";
import { AppError } from "../../platform/http/errors.js";
import { findLoginUser } from "../auth/repo.js";

export type NewUser = {
  districtId: string | null;
  username: string;
  displayName: string;
  email?: string;
  password?: string;
  productSecurityRole?: ProductSecurityRole;
};

/** Creates a district user (or vendor staff when districtId is null); usernames are unique per district. */
export async function createUser(db: Db, input: NewUser, actor: { id: string; name: string } | null) {
  const username = input.username.trim();
  if (!/^[A-Za-z0-9._@-]{2,64}$/.test(username)) {
    throw new AppError(400, "username-invalid", "Use 2 to 64 letters, digits, dots, dashes, underscores or @ in a username.", { path: "username" });
  }
  if (await findLoginUser(db, input.districtId, username)) {
    throw new AppError(409, "username-taken", `There is already a user "${username}" here.`, { path: "username" });
  }
  if (input.password) {
    const problem = await passwordProblem(input.password, username);
    if (problem) throw new AppError(400, "password-too-weak", problem, { path: "password" });
  }
  const [created] = await db
    .insert(users)
    .values({
      districtId: input.districtId,
      kind: input.districtId ? "district" : "vendor",
      username,
      displayName: input.displayName.trim() || username,
      email: input.email?.trim() || null,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      productSecurityRole: input.productSecurityRole ?? "none",
    })
    .returning();
  await recordAudit(db, {
    districtId: input.districtId,
    actor,
    action: "user.created",
    target: { type: "user", id: created!.id, name: username },
    after: { username, displayName: created!.displayName, email: created!.email, productSecurityRole: created!.productSecurityRole },
  });
  return created!;
}
