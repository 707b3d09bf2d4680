import { sql } from "drizzle-orm";
import { authenticator } from "otplib";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "./db/schema/audit.js";
import { users } from "./db/schema/users.js";
import { createApiToken } from "../features/tokens/create-api-token.js";
import { buildDistrict, buildUser, lockOutUser, TEST_PASSWORD } from "../../test/support/factories.js";
import { buildRightsGroup, joinAllCampusUsers } from "../../test/support/rights-factories.js";
import { buildSisDistrict } from "../../test/support/sis-fixtures.js";
import { buildContact, multipartFile, signInVendor, signInWithMfa } from "../../test/support/support-factories.js";
import { clientFor, createTestApp, sessionCookie, signIn, type Client, type TestApp } from "../../test/support/test-app.js";

/**
 * "Every change is audited" (DESIGN.md, issue 10): walks every state-changing route with a
 * request that succeeds and fails on one that writes no audit row. A new POST/PUT/PATCH/DELETE
 * route must be walked here, or listed below with the reason it is not.
 */

/**
 * Changes whose audit rows their own feature tests assert, with the fixtures they need
 * (governance: src/features/governance/*.test.ts and campaigns/campaigns.test.ts; sessions and
 * MFA: src/features/account/mfa-proof.test.ts and auth/sign-in.test.ts; links and vendor unlock:
 * src/features/users/password-links.test.ts and auth/smart-lockout.test.ts; the installation's
 * public URL: src/features/installation/installation.test.ts; single sign-on: its settings, links
 * and the SAML ACS in src/features/sso/*.test.ts; the OneRoster import and the automation
 * mappings: src/features/oneroster/routes.test.ts).
 */
const AUDITED_IN_THEIR_OWN_TESTS = new Set([
  "PUT /api/vendor/installation",
  "PUT /api/sso/settings",
  "POST /api/sso/links",
  "DELETE /api/sso/links/:linkId",
  "POST /sso/:slug/saml/acs",
  "POST /api/auth/sign-out",
  "DELETE /api/account/sessions/:sessionId",
  "POST /api/account/sign-out-everywhere",
  "POST /api/account/mfa/setup",
  "POST /api/vendor/staff-accounts/:userId/unlock",
  "POST /api/users/:userId/password-link",
  "POST /api/vendor/staff-accounts/:userId/password-link",
  "POST /api/public/set-password/:token",
  "POST /api/groups/:groupId/rights-history/:number/restore",
  "POST /api/preview",
  "POST /api/preview/end",
  "PUT /api/dormant-accounts/policy",
  "POST /api/dormant-accounts/disable",
  "POST /api/oneroster/imports",
  "PUT /api/staff-automation/mappings",
  "POST /api/campaigns",
  "PUT /api/campaigns/:campaignId/items/:itemId",
  "POST /api/campaigns/:campaignId/close",
]);

/** Writes in HTTP terms that change nothing: previews and exports compute an answer. */
const CHANGES_NOTHING = new Set([
  "POST /api/adhoc/preview",
  "POST /api/adhoc/export",
  "POST /api/adhoc/filters/:filterId/preview",
  "POST /api/groups/:groupId/rights/preview",
]);

/**
 * A person's own read marks on their notifications: no district data changes, and an audit row
 * per opened notice would bury the changes the log is for (src/features/notifications tests).
 */
const PERSONAL_READ_MARKS = new Set(["POST /api/notifications/:notificationId/read", "POST /api/notifications/read-all"]);


let t: TestApp;
let admin: Client;
let fx: Awaited<ReturnType<typeof buildSisDistrict>>;
let staffId: string;
let passwordOwner: Client;
let slug: string;
let contact: Awaited<ReturnType<typeof buildContact>>;
let kim: Client;
let tess: Client;
let vera: Client;
let mfaOwner: Client;
let colleague: Awaited<ReturnType<typeof buildContact>>;
let away: Awaited<ReturnType<typeof buildContact>>;
let districtId: string;
const state: Record<string, string | number> = {};
let scimToken: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db);
  fx = await buildSisDistrict(db, district.id);
  const a = await buildUser(db, { districtId: district.id, role: "student-information-system" });
  const staff = await buildUser(db, { districtId: district.id });
  const owner = await buildUser(db, { districtId: district.id });
  staffId = staff.id;
  state.readers = await buildRightsGroup(db, district.id, { name: "Report readers" });
  admin = await signIn(t.app, { district: district.slug, username: a.username });
  passwordOwner = await signIn(t.app, { district: district.slug, username: owner.username });
  slug = district.slug;
  contact = await buildContact(db, { districtId: district.id });
  kim = await signInWithMfa(t.app, { district: slug, username: contact.user.username, secret: contact.secret });
  colleague = await buildContact(db, { districtId: district.id });
  away = await buildContact(db, { districtId: district.id, status: "deactivated" });
  const tech = await buildContact(db, { districtId: district.id, type: "technical" });
  tess = await signInWithMfa(t.app, { district: slug, username: tech.user.username, secret: tech.secret });
  vera = (await signInVendor(t.app, db)).client;
  const mfaUser = await buildUser(db, { districtId: district.id });
  await joinAllCampusUsers(db, district.id, [owner.id, mfaUser.id]);
  mfaOwner = await signIn(t.app, { district: district.slug, username: mfaUser.username });
  districtId = district.id;
  scimToken = (await createApiToken(db, { districtId: district.id }, { serviceAccount: "walked-scim-bot", scopes: ["scim"] }, null, new Date())).token;
}, 300_000);
afterAll(() => t?.close());

const json = (res: LightMyRequestResponse) => res.json() as Record<string, unknown> & { id: string; version: number };
const definition = { fields: ["student.localId", "student.lastName"], conditions: [], sort: [] };

/** Route → one successful request, in an order where each step can use what earlier ones made. */
const WALK: [string, () => Promise<LightMyRequestResponse>][] = [
  ["POST /api/groups", async () => {
    const res = await admin.post("/api/groups", { name: "Walked group" });
    state.group = json(res).id;
    return res;
  }],
  ["POST /api/groups/from-templates", () => admin.post("/api/groups/from-templates", { templates: ["Health Staff"] })],
  ["PATCH /api/groups/:groupId", async () => admin.patch(`/api/groups/${state.group}`, { description: "walked", version: await groupVersion() })],
  ["PUT /api/groups/:groupId/rights", async () => admin.put(`/api/groups/${state.group}/rights`, { version: await groupVersion(), entries: [{ toolPath: "Attendance", rights: "R" }] })],
  ["PUT /api/groups/:groupId/calendar-rights", async () => admin.put(`/api/groups/${state.group}/calendar-rights`, { version: await groupVersion(), calendarGrants: [{ school: "*", year: "*", calendar: "*", modify: false }] })],
  ["POST /api/groups/:groupId/members", () => admin.post(`/api/groups/${state.group}/members`, { userId: staffId })],
  ["DELETE /api/groups/:groupId/members/:userId", () => admin.delete(`/api/groups/${state.group}/members/${staffId}`)],
  ["POST /api/groups/:groupId/members/bulk-add", () => admin.post(`/api/groups/${state.group}/members/bulk-add`, { userIds: [staffId] })],
  ["POST /api/groups/:groupId/members/bulk-remove", () => admin.post(`/api/groups/${state.group}/members/bulk-remove`, { userIds: [staffId] })],
  ["POST /api/memberships/import", async () => {
    const staff = json(await admin.get(`/api/users/${staffId}`));
    return admin.post("/api/memberships/import", { csv: `username,group\n${String(staff.username)},Walked group\n` });
  }],
  ["DELETE /api/groups/:groupId", async () => admin.delete(`/api/groups/${state.group}?version=${await groupVersion()}`)],
  ["PUT /api/users/:userId/role", async () => admin.put(`/api/users/${staffId}/role`, { role: "sis-group-assignment", version: await userVersion() })],
  ["PUT /api/users/:userId/rights", async () => admin.put(`/api/users/${staffId}/rights`, { version: await userVersion(), entries: [{ toolPath: "Attendance", rights: "R" }] })],
  ["PUT /api/users/:userId/calendar-rights", async () => admin.put(`/api/users/${staffId}/calendar-rights`, { version: await userVersion(), calendarGrants: [] })],
  ["PUT /api/users/:userId/school-assignments", async () => admin.put(`/api/users/${staffId}/school-assignments`, { version: await userVersion(), assignments: [] })],
  ["POST /api/users/:userId/unlock", async () => {
    await lockOutUser(t.database.db, (await t.database.db.select().from(users).where(sql`${users.id} = ${staffId}`))[0]!);
    return admin.post(`/api/users/${staffId}/unlock`);
  }],
  ["POST /api/api-tokens", async () => {
    const res = await admin.post("/api/api-tokens", { serviceAccount: "walked-bot", scopes: ["api:read"], expiresInDays: 5 });
    state.token = (res.json() as { summary: { id: string; serviceAccountId: string } }).summary.id;
    state.serviceAccount = (res.json() as { summary: { serviceAccountId: string } }).summary.serviceAccountId;
    return res;
  }],
  ["DELETE /api/api-tokens/:tokenId", () => admin.delete(`/api/api-tokens/${state.token}`)],
  ["POST /api/service-accounts/:userId/disable", () => admin.post(`/api/service-accounts/${state.serviceAccount}/disable`)],
  ["POST /scim/v2/Users", async () => {
    const res = await scim("POST", "/Users", { schemas: [SCIM_USER], userName: "walked.scim", active: true });
    state.scimUser = json(res).id;
    return res;
  }],
  ["PUT /scim/v2/Users/:id", () => scim("PUT", `/Users/${state.scimUser}`, { schemas: [SCIM_USER], userName: "walked.scim", displayName: "Walked Scim", active: true })],
  ["PATCH /scim/v2/Users/:id", () => scim("PATCH", `/Users/${state.scimUser}`, { schemas: [SCIM_PATCH], Operations: [{ op: "Replace", path: "active", value: "False" }] })],
  ["POST /scim/v2/Groups", async () => {
    const res = await scim("POST", "/Groups", { schemas: [SCIM_GROUP], displayName: "Walked SCIM group", members: [{ value: state.scimUser }] });
    state.scimGroup = json(res).id;
    return res;
  }],
  ["PATCH /scim/v2/Groups/:id", () => scim("PATCH", `/Groups/${state.scimGroup}`, { schemas: [SCIM_PATCH], Operations: [{ op: "remove", path: `members[value eq "${state.scimUser}"]` }] })],
  ["PUT /scim/v2/Groups/:id", () => scim("PUT", `/Groups/${state.scimGroup}`, { schemas: [SCIM_GROUP], displayName: "Walked SCIM group", members: [{ value: state.scimUser }] })],
  ["DELETE /scim/v2/Groups/:id", () => scim("DELETE", `/Groups/${state.scimGroup}`)],
  ["DELETE /scim/v2/Users/:id", () => scim("DELETE", `/Users/${state.scimUser}`)],
  ["POST /scim/v2/Bulk", () => scim("POST", "/Bulk", { schemas: ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], Operations: [{ method: "POST", path: "/Users", bulkId: "walked", data: { schemas: [SCIM_USER], userName: "walked.bulk", active: true } }] })],
  ["POST /api/users", () => admin.post("/api/users", { username: "walked.account", displayName: "Walked Account" })],
  ["POST /api/users/:userId/disable", () => admin.post(`/api/users/${staffId}/disable`, { reason: "walked" })],
  ["POST /api/users/:userId/enable", () => admin.post(`/api/users/${staffId}/enable`, {})],
  ["POST /api/protected-areas", () => admin.post("/api/protected-areas", { toolPath: "Student Information > General > Grades" })],
  ["DELETE /api/protected-areas", () => admin.delete(`/api/protected-areas?toolPath=${encodeURIComponent("Student Information > General > Grades")}`)],
  ["PUT /api/district/help-contacts", () => admin.put("/api/district/help-contacts", { contacts: [{ name: "Help Desk", role: "Technology", email: "help@example.org" }] })],
  ["PUT /api/preferences", async () => admin.put("/api/preferences", { automaticStaffAccounts: true, version: json(await admin.get("/api/preferences")).version })],
  ["POST /api/webhooks", async () => {
    const res = await admin.post("/api/webhooks", { url: "https://93.184.216.34/hook", categories: ["rights", "cases"] });
    state.webhook = (res.json() as { endpoint: { id: string } }).endpoint.id;
    return res;
  }],
  ["PATCH /api/webhooks/:endpointId", () => admin.patch(`/api/webhooks/${state.webhook}`, { description: "walked" })],
  ["POST /api/webhooks/:endpointId/rotate-secret", () => admin.post(`/api/webhooks/${state.webhook}/rotate-secret`)],
  ["POST /api/webhooks/:endpointId/test", () => admin.post(`/api/webhooks/${state.webhook}/test`)],
  ["POST /api/webhooks/:endpointId/deliveries/:deliveryId/retry", async () => {
    const [failed] = await t.database.query<{ id: string }>("update webhook_deliveries set status = 'failed' where endpoint_id = $1 returning id", [state.webhook]);
    return admin.post(`/api/webhooks/${state.webhook}/deliveries/${failed!.id}/retry`);
  }],
  ["DELETE /api/webhooks/:endpointId", () => admin.delete(`/api/webhooks/${state.webhook}`)],
  ["POST /api/adhoc/filters", async () => {
    const res = await admin.post("/api/adhoc/filters", { name: "Walked filter", definition });
    state.filter = json(res).id;
    return res;
  }],
  ["PUT /api/adhoc/filters/:filterId", () => admin.put(`/api/adhoc/filters/${state.filter}`, { name: "Walked filter 2", definition, version: 1 })],
  ["PUT /api/adhoc/filters/:filterId/shares", () => admin.put(`/api/adhoc/filters/${state.filter}/shares`, { groupIds: [state.readers] })],
  ["DELETE /api/adhoc/filters/:filterId", () => admin.delete(`/api/adhoc/filters/${state.filter}`)],
  ["POST /api/sis/students/:personId/behavior", async () => {
    const res = await admin.post(`/api/sis/students/${fx.ava.id}/behavior`, { calendarId: fx.ballard.id, eventDate: "2025-10-01", eventType: "Disruption" });
    state.event = json(res).id;
    return res;
  }],
  ["PUT /api/sis/behavior/:eventId", async () => {
    const events = (await admin.get(`/api/sis/students/${fx.ava.id}/behavior`)).json().events as { id: string; version: number }[];
    const event = events.find((e) => e.id === state.event)!;
    return admin.put(`/api/sis/behavior/${state.event}`, { version: event.version, eventDate: "2025-10-02", eventType: "Tardiness" });
  }],
  ["DELETE /api/sis/behavior/:eventId", () => admin.delete(`/api/sis/behavior/${state.event}`)],
  ["POST /api/sis/students/:personId/health-conditions", async () => {
    const res = await admin.post(`/api/sis/students/${fx.ava.id}/health-conditions`, { condition: "Migraine", startDate: "2025-10-01" });
    state.condition = json(res).id;
    return res;
  }],
  ["PUT /api/sis/health-conditions/:conditionId", async () => {
    const list = (await admin.get(`/api/sis/students/${fx.ava.id}/health-conditions`)).json().conditions as { id: string; version: number }[];
    const c = list.find((x) => x.id === state.condition)!;
    return admin.put(`/api/sis/health-conditions/${state.condition}`, { condition: "Migraine", startDate: "2025-10-01", endDate: null, instructions: "Rest", version: c.version });
  }],
  ["DELETE /api/sis/health-conditions/:conditionId", () => admin.delete(`/api/sis/health-conditions/${state.condition}`)],
  ["PUT /api/census/people/:personId/demographics", async () => {
    const person = json(await admin.get(`/api/census/people/${fx.ava.id}/demographics`));
    return admin.put(`/api/census/people/${fx.ava.id}/demographics`, { version: person.version, birthDate: "2009-04-30" });
  }],
  ["PUT /api/sis/enrollments/:enrollmentId/:section", async () => {
    const general = json(await admin.get(`/api/sis/enrollments/${fx.avaEnrollment.id}/general`));
    return admin.put(`/api/sis/enrollments/${fx.avaEnrollment.id}/general`, { version: general.version, values: { "enrollment.grade": "11" } });
  }],
  ["PUT /api/census/enrollments/:enrollmentId/:section", async () => {
    const section = json(await admin.get(`/api/census/enrollments/${fx.avaEnrollment.id}/census-state-reporting`));
    return admin.put(`/api/census/enrollments/${fx.avaEnrollment.id}/census-state-reporting`, { version: section.version, values: { "census.migrant": false } });
  }],
  ["POST /api/auth/sign-in", () => t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: slug, username: contact.user.username, password: TEST_PASSWORD } })],
  ["POST /api/auth/mfa", async () => {
    const first = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: slug, username: contact.user.username, password: TEST_PASSWORD } });
    const pending = await clientFor(t.app, sessionCookie(first));
    const done = await pending.post("/api/auth/mfa", { code: authenticator.generate(contact.secret) });
    // each code works once: kim's own sign-in used this step's, so take the next one (a phone a little ahead)
    return done.statusCode === 401 ? pending.post("/api/auth/mfa", { code: authenticator.clone({ epoch: Date.now() + 30_000 }).generate(contact.secret) }) : done;
  }],
  ["POST /api/support/cases", async () => {
    const res = await kim.post("/api/support/cases", { subject: "Walked case", description: "Walked", productArea: "Other" });
    state.case = json(res).id;
    return res;
  }],
  ["POST /api/support/cases/:caseId/comments", () => kim.post(`/api/support/cases/${state.case}/comments`, { body: "A comment" })],
  ["POST /api/vendor/cases/:caseId/comments", () => vera.post(`/api/vendor/cases/${state.case}/comments`, { body: "A reply" })],
  ["PATCH /api/vendor/cases/:caseId", async () => vera.patch(`/api/vendor/cases/${state.case}`, { priority: "urgent", version: json(await vera.get(`/api/vendor/cases/${state.case}`)).version })],
  ["POST /api/vendor/queue-views", async () => {
    const res = await vera.post("/api/vendor/queue-views", { name: "My urgent", params: { assignee: "me", priority: "urgent" } });
    state.view = json(res).id;
    return res;
  }],
  ["DELETE /api/vendor/queue-views/:viewId", () => vera.delete(`/api/vendor/queue-views/${state.view}`)],
  ["PUT /api/vendor/notification-preferences", () => vera.put("/api/vendor/notification-preferences", { newCaseEmails: "emergency" })],
  ["POST /api/vendor/canned-replies", async () => {
    const res = await vera.post("/api/vendor/canned-replies", { title: "Walked reply", body: "Hello {{contact.name}}" });
    state.reply = json(res).id;
    return res;
  }],
  ["PUT /api/vendor/canned-replies/:replyId", () => vera.put(`/api/vendor/canned-replies/${state.reply}`, { title: "Walked reply", body: "Hi {{contact.name}}", version: 1 })],
  ["DELETE /api/vendor/canned-replies/:replyId", () => vera.delete(`/api/vendor/canned-replies/${state.reply}`)],
  ["POST /api/support/cases/:caseId/close", () => kim.post(`/api/support/cases/${state.case}/close`)],
  ["POST /api/support/cases/:caseId/reopen", () => kim.post(`/api/support/cases/${state.case}/reopen`)],
  ["POST /api/account/password", () => passwordOwner.post("/api/account/password", { currentPassword: TEST_PASSWORD, newPassword: "a-new-walked-passphrase-9" })],
  ["POST /api/account/mfa/confirm", async () => {
    state.mfaSecret = (await mfaOwner.post("/api/account/mfa/setup")).json().secret as string;
    return mfaOwner.post("/api/account/mfa/confirm", { code: authenticator.generate(String(state.mfaSecret)) });
  }],
  ["POST /api/account/mfa/disable", () => mfaOwner.post("/api/account/mfa/disable", { password: TEST_PASSWORD, code: authenticator.clone({ epoch: Date.now() + 30_000 }).generate(String(state.mfaSecret)) })],
  ["PUT /api/support/cases/:caseId/watchers/:contactId", () => kim.put(`/api/support/cases/${state.case}/watchers/${colleague.contact.id}`)],
  ["DELETE /api/support/cases/:caseId/watchers/:contactId", () => kim.delete(`/api/support/cases/${state.case}/watchers/${colleague.contact.id}`)],
  ["POST /api/support/cases/:caseId/attachments", () => kim.request({ method: "POST", url: `/api/support/cases/${state.case}/attachments`, ...multipartFile("notes.txt", Buffer.from("walked notes")) })],
  ["POST /api/vendor/cases/:caseId/attachments", () => vera.request({ method: "POST", url: `/api/vendor/cases/${state.case}/attachments`, ...multipartFile("reply.txt", Buffer.from("walked reply")) })],
  ["POST /api/support/modify-contact", async () => {
    const res = await kim.post("/api/support/modify-contact", { action: "reactivate", contactId: away.contact.id, reason: "Back from leave" });
    state.modifyCase = json(res).id;
    return res;
  }],
  ["POST /api/vendor/cases/:caseId/modify-contact-decision", () => vera.post(`/api/vendor/cases/${state.modifyCase}/modify-contact-decision`, { decision: "approve", note: "Welcome back", approveOverAllowance: true })],
  ["POST /api/vendor/cases", () => vera.post("/api/vendor/cases", { districtId, contactId: contact.contact.id, subject: "Walked emergency", description: "Nobody can sign in", productArea: "Other", priority: "urgent", reason: "Called the hotline" })],
  ["POST /api/support/update-requests", async () => {
    const res = await tess.post("/api/support/update-requests", { kind: "sandbox-refresh" });
    state.updateRequest = json(res).id;
    state.updateRequestVersion = json(res).version;
    return res;
  }],
  ["POST /api/vendor/update-requests/:requestId/decision", () => vera.post(`/api/vendor/update-requests/${state.updateRequest}/decision`, { action: "decline", note: "Not this week", version: state.updateRequestVersion })],
  ["POST /api/vendor/releases", () => vera.post("/api/vendor/releases", { version: "99.1", name: "Walked release", releasedOn: "2026-06-15" })],
  ["PUT /api/vendor/districts/:districtId", async () => {
    const listed = (await vera.get("/api/vendor/districts")).json() as { id: string; version: number }[];
    return vera.put(`/api/vendor/districts/${districtId}`, { cloudChoice: true, products: ["Campus Learning"], version: listed.find((d) => d.id === districtId)!.version });
  }],
  ["POST /api/vendor/districts/:districtId/contacts", async () => vera.post(`/api/vendor/districts/${districtId}/contacts`, { userId: staffId, type: "support", approveOverAllowance: true })],
  ["POST /api/vendor/lifecycle/sweep", () => vera.post("/api/vendor/lifecycle/sweep")],
  ["POST /api/vendor/outbox/:messageId/retry", async () => {
    const [failed] = await t.database.query<{ id: string }>("update outbox set status = 'failed' where id = (select id from outbox order by id limit 1) returning id");
    return vera.post(`/api/vendor/outbox/${failed!.id}/retry`);
  }],
];

const SCIM_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const SCIM_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const SCIM_PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const scim = (method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown) =>
  t.app.inject({ method, url: `/scim/v2${url}`, headers: { authorization: `Bearer ${scimToken}`, ...(body === undefined ? {} : { "content-type": "application/scim+json" }) }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
const groupVersion = async () => json(await admin.get(`/api/groups/${state.group}`)).version;
const userVersion = async () => json(await admin.get(`/api/users/${staffId}`)).version;
const lastAuditId = async () => (await t.database.db.select({ n: sql<number>`coalesce(max(${auditLog.id}), 0)`.mapWith(Number) }).from(auditLog))[0]!.n;
const rowsAfter = (id: number) => t.database.query<{ action: string; request_id: string | null; ip: string | null }>("select action, request_id, ip from audit_log where id > $1 order by id", [id]);

describe("every change is audited", () => {
  it("walks or lists every state-changing route", () => {
    const changing = t.routeAccess.filter((r) => !["GET", "HEAD", "OPTIONS"].includes(r.method)).map((r) => `${r.method} ${r.url}`);
    const accounted = new Set([...WALK.map(([k]) => k), ...AUDITED_IN_THEIR_OWN_TESTS, ...CHANGES_NOTHING, ...PERSONAL_READ_MARKS]);
    expect(changing.filter((k) => !accounted.has(k)), "add each to WALK in src/platform/audit-walk.test.ts with a request that succeeds (or to CHANGES_NOTHING if it changes nothing)").toEqual([]);
    expect([...accounted].filter((k) => !changing.includes(k)), "no such state-changing route any more: remove it here").toEqual([]);
  });

  it("writes at least one audit row for each successful change, with the request id and client address", async () => {
    const silent: string[] = [];
    const untraced: string[] = [];
    for (const [route, run] of WALK) {
      const before = await lastAuditId();
      const res = await run();
      expect(res.statusCode, `${route}: ${res.body}`).toBeLessThan(300);
      const rows = await rowsAfter(before);
      if (rows.length === 0) silent.push(route);
      // a step may make a request or two before the walked one; the walked one's rows carry its id
      for (const row of rows.filter((r) => !r.request_id || !r.ip)) untraced.push(`${route}: ${row.action} request_id=${row.request_id} ip=${row.ip}`);
      if (rows.length > 0 && !rows.some((r) => r.request_id === res.headers["x-request-id"])) untraced.push(`${route}: no row with the server's request id`);
    }
    expect(silent).toEqual([]);
    expect(untraced).toEqual([]);
  }, 300_000);
});
