import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { authenticator } from "otplib";
import type { Db } from "../../src/platform/db/connect.js";
import { authorizedContacts, type ContactStatus, type ContactType } from "../../src/platform/db/schema/contacts.js";
import { users } from "../../src/platform/db/schema/users.js";
import { buildUser, TEST_PASSWORD } from "./factories.js";
import { clientFor, sessionCookie, type Client } from "./test-app.js";

/** A user with an authenticator already set up; `secret` generates their codes. */
export async function buildMfaUser(db: Db, input: { districtId: string | null; username?: string; displayName?: string; email?: string }) {
  const user = await buildUser(db, input);
  const secret = authenticator.generateSecret(20);
  await db.update(users).set({ mfaSecret: secret, mfaEnabledAt: new Date() }).where(eq(users.id, user.id));
  return { ...user, secret };
}

/** A district user designated as an authorized contact (with MFA, as contacts must have). */
export async function buildContact(
  db: Db,
  input: { districtId: string; type?: ContactType; status?: ContactStatus; lastActivityAt?: Date; displayName?: string; mfa?: boolean },
) {
  const username = `contact-${randomBytes(3).toString("hex")}`;
  const user = input.mfa === false
    ? { ...(await buildUser(db, { districtId: input.districtId, username, displayName: input.displayName })), secret: "" }
    : await buildMfaUser(db, { districtId: input.districtId, username, displayName: input.displayName });
  const [contact] = await db
    .insert(authorizedContacts)
    .values({
      districtId: input.districtId,
      userId: user.id,
      type: input.type ?? "support",
      status: input.status ?? "active",
      lastActivityAt: input.lastActivityAt ?? new Date(),
      deactivatedAt: input.status === "deactivated" ? new Date() : null,
    })
    .returning();
  return { user, contact: contact!, secret: user.secret };
}

/** Signs in with password and the current authenticator code (district user, or vendor staff without district). */
export async function signInWithMfa(app: FastifyInstance, login: { district?: string; username: string; secret: string }): Promise<Client> {
  const first = await app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: login.district, username: login.username, password: TEST_PASSWORD } });
  if (first.statusCode !== 200 || first.json().stage !== "mfa") throw new Error(`sign-in failed for ${login.username}: ${first.statusCode} ${first.body}`);
  const pending = await clientFor(app, sessionCookie(first));
  let done = await pending.post("/api/auth/mfa", { code: authenticator.generate(login.secret) });
  // Each code works once: a second sign-in within the same 30 s uses the next step's code, which
  // the server accepts as a phone running slightly ahead.
  if (done.statusCode === 401) done = await pending.post("/api/auth/mfa", { code: authenticator.clone({ epoch: Date.now() + 30_000 }).generate(login.secret) });
  if (done.statusCode !== 200) throw new Error(`MFA failed for ${login.username}: ${done.body}`);
  return clientFor(app, sessionCookie(done));
}

/** Vendor support staff, signed in with MFA. */
export async function signInVendor(app: FastifyInstance, db: Db, displayName = "Vera Vendor") {
  const vendor = await buildMfaUser(db, { districtId: null, displayName });
  return { vendor, client: await signInWithMfa(app, { username: vendor.username, secret: vendor.secret }) };
}

/** A multipart/form-data body with one file in the field "file", for app.inject. */
export function multipartFile(fileName: string, content: Buffer, contentType = "application/octet-stream") {
  const boundary = `----gatehouse${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
