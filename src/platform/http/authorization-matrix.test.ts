import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalog } from "../../domain/rights/catalog.js";
import { registerFeatures } from "../../features/index.js";
import { buildDistrict, buildUser, TEST_PASSWORD } from "../../../test/support/factories.js";
import { buildRightsGroup } from "../../../test/support/rights-factories.js";
import { buildMfaUser, signInVendor } from "../../../test/support/support-factories.js";
import { clientFor, createTestApp, sessionCookie, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import type { Access } from "./access.js";
import { createServer, type RouteAccessRecord } from "./server.js";

/**
 * The authorization matrix (issue 10): every registered route × every kind of caller, asserting
 * exactly which callers the access layer lets through. The expectations are written out below
 * from DESIGN.md, independently of the code that enforces them; the declarations only say which
 * rule a route falls under. A route the table does not know fails the test.
 *
 * "Let through" is observed, not assumed: a second app on the same database carries one extra
 * onRequest hook after the access hook that answers 299 at once, so a request reaches it exactly
 * when the access layer passed it, and no handler runs (nothing changes, any order works).
 */

type Persona =
  | "anonymous"
  | "mfa-pending"
  | "other-district"
  | "no-right"
  | "read-only"
  | "right-without-role"
  | "right-with-membership-role"
  | "right-with-role"
  | "vendor"
  | "owner";

/** What each caller is, in the words of DESIGN.md. */
const PERSONAS: Record<Persona, string> = {
  anonymous: "nobody signed in",
  "mfa-pending": "password given, authenticator code not yet",
  "other-district": "Student Information System role holder of another district",
  "no-right": "district staff with no tool rights and no role",
  "read-only": "R on every tool, no role",
  "right-without-role": "RWAD on every tool, no role",
  "right-with-membership-role": "RWAD on every tool and the SIS Group Assignment role",
  "right-with-role": "the Student Information System role",
  vendor: "vendor support staff",
  owner: "the user the request is about (its own id in the path), with no tool rights",
};

/** DESIGN.md's answer: may this caller pass the access layer of a route declared `a`? */
function expected(a: Access, p: Persona): boolean {
  if (a.kind === "public") return true;
  if (p === "anonymous") return false;
  if (a.kind === "session") return true;
  if (p === "mfa-pending") return false;
  if (a.kind === "authenticated") return true;
  if (a.kind === "vendor") return p === "vendor";
  if (a.kind === "scim") return false; // only an API token with the scim scope (src/features/scim tests)
  if (a.kind === "own") {
    // the person's own Account Setting: everyone holding it, vendor staff and role holders
    if (p === "no-right" || p === "owner") return false;
    return p !== "read-only" || a.right === "R";
  }
  switch (p) {
    case "vendor":
    case "no-right":
    case "owner":
      return false;
    case "other-district": // passes here; its own district's data is all it reaches (isolation tests)
    case "right-with-role":
      return true;
    case "read-only":
      return a.right === "R" && !a.role;
    case "right-without-role":
      return !a.role;
    case "right-with-membership-role":
      return !a.role || a.role === "sis-group-assignment";
  }
}

/**
 * Every route, with what a request to it needs beyond its path (ids come from PARAMS; `userId`
 * is the owner's, so the owner asks about itself). A new route goes here.
 */
/** `guardedElsewhere`: the route is public to the access layer and guards itself (tested where it says). */
type Sample = { params?: Record<string, string>; query?: string; body?: unknown; guardedElsewhere?: string };
const SAMPLES: Record<string, Sample> = {
  "GET /healthz": {},
  "GET /readyz": {},
  "GET /metrics": { guardedElsewhere: "its own route hook admits METRICS_TOKEN or a direct loopback request (src/platform/metrics/metrics.test.ts)" },
  "GET /api/vendor/installation": {},
  "PUT /api/vendor/installation": { body: {} },
  "POST /api/auth/sign-in": { body: { username: "x", password: "y" } },
  "POST /api/auth/mfa": { body: { code: "000000" } },
  "GET /api/auth/me": {},
  "POST /api/auth/sign-out": {},
  "POST /api/account/password": { body: {} },
  "GET /api/account/sessions": {},
  "DELETE /api/account/sessions/:sessionId": {},
  "POST /api/account/sign-out-everywhere": {},
  "POST /api/account/mfa/setup": {},
  "POST /api/account/mfa/confirm": { body: {} },
  "POST /api/account/mfa/disable": { body: {} },
  "GET /api/public/districts": {},
  "GET /api/district/help-contacts": {},
  "GET /api/protected-areas": {},
  "POST /api/protected-areas": { body: { toolPath: "Student Information > General > Grades" } },
  "DELETE /api/protected-areas": { query: "toolPath=Student%20Information%20%3E%20General%20%3E%20Grades" },
  "PUT /api/district/help-contacts": { body: { contacts: [] } },
  "GET /api/public/districts/:slug": { params: { slug: "nowhere" } },
  "GET /api/public/districts/:slug/sign-in-options": { params: { slug: "nowhere" } },
  "GET /sso/:slug/oidc/start": { params: { slug: "nowhere" } },
  "GET /sso/:slug/oidc/callback": { params: { slug: "nowhere" } },
  "GET /sso/:slug/saml/start": { params: { slug: "nowhere" } },
  "POST /sso/:slug/saml/acs": { params: { slug: "nowhere" }, body: { SAMLResponse: "x" } },
  "GET /sso/:slug/saml/metadata": { params: { slug: "nowhere" } },
  "GET /api/sso/settings": {},
  "PUT /api/sso/settings": { body: {} },
  "GET /api/sso/links": {},
  "POST /api/sso/links": { body: {} },
  "DELETE /api/sso/links/:linkId": {},
  "GET /api/account/sso-links": {},
  "GET /api/me/capabilities": {},
  "POST /api/users/:userId/unlock": {},
  "POST /api/users": { body: {} },
  "POST /api/users/:userId/disable": { body: {} },
  "POST /api/users/:userId/enable": { body: {} },
  "GET /api/audit": {},
  "GET /api/vendor/districts": {},
  "GET /api/vendor/districts/:districtId": {},
  "PUT /api/vendor/districts/:districtId": { body: {} },
  "GET /api/vendor/districts/:districtId/users": {},
  "POST /api/vendor/districts/:districtId/contacts": { body: {} },
  "GET /api/vendor/contacts/:contactId": {},
  "GET /api/support/portal": {},
  "GET /api/support/cases": {},
  "POST /api/support/cases": { body: {} },
  "GET /api/support/cases/:caseId": {},
  "POST /api/support/cases/:caseId/comments": { body: {} },
  "POST /api/support/cases/:caseId/close": {},
  "POST /api/support/cases/:caseId/reopen": {},
  "PUT /api/support/cases/:caseId/watchers/:contactId": {},
  "DELETE /api/support/cases/:caseId/watchers/:contactId": {},
  "POST /api/support/cases/:caseId/attachments": {},
  "GET /api/support/attachments/:attachmentId": {},
  "GET /api/support/users": {},
  "POST /api/support/modify-contact": { body: {} },
  "GET /api/support/update-requests": {},
  "POST /api/support/update-requests": { body: {} },
  "GET /api/vendor/cases": {},
  "POST /api/vendor/cases": { body: {} },
  "GET /api/vendor/cases/:caseId": {},
  "PATCH /api/vendor/cases/:caseId": { body: {} },
  "POST /api/vendor/cases/:caseId/comments": { body: {} },
  "POST /api/vendor/cases/:caseId/attachments": {},
  "GET /api/vendor/attachments/:attachmentId": {},
  "POST /api/vendor/cases/:caseId/modify-contact-decision": { body: {} },
  "GET /api/vendor/staff": {},
  "GET /api/vendor/update-requests": {},
  "POST /api/vendor/update-requests/:requestId/decision": { body: {} },
  "GET /api/vendor/releases": {},
  "POST /api/vendor/releases": { body: {} },
  "GET /api/vendor/queue-views": {},
  "POST /api/vendor/queue-views": { body: {} },
  "DELETE /api/vendor/queue-views/:viewId": {},
  "GET /api/vendor/notification-preferences": {},
  "PUT /api/vendor/notification-preferences": { body: { newCaseEmails: "all" } },
  "GET /api/vendor/canned-replies": {},
  "GET /api/notifications": {},
  "POST /api/notifications/:notificationId/read": {},
  "POST /api/notifications/read-all": {},
  "POST /api/vendor/canned-replies": { body: {} },
  "PUT /api/vendor/canned-replies/:replyId": { body: {} },
  "DELETE /api/vendor/canned-replies/:replyId": {},
  "GET /api/sis/students": {},
  "GET /api/sis/students/:personId/summary": {},
  "GET /api/sis/students/:personId/enrollments": {},
  "GET /api/sis/enrollments/:enrollmentId/:section": { params: { section: "general" } },
  "PUT /api/sis/enrollments/:enrollmentId/:section": { params: { section: "general" }, body: {} },
  "GET /api/sis/enrollments/:enrollmentId/history": {},
  "GET /api/sis/students/:personId/attendance": {},
  "GET /api/sis/students/:personId/grades": {},
  "GET /api/sis/students/:personId/behavior": {},
  "POST /api/sis/students/:personId/behavior": { body: {} },
  "PUT /api/sis/behavior/:eventId": { body: {} },
  "DELETE /api/sis/behavior/:eventId": {},
  "GET /api/sis/students/:personId/health-conditions": {},
  "POST /api/sis/students/:personId/health-conditions": { body: {} },
  "PUT /api/sis/health-conditions/:conditionId": { body: {} },
  "DELETE /api/sis/health-conditions/:conditionId": {},
  "GET /api/sis/students/:personId/english-learners": {},
  "GET /api/sis/students/:personId/fram": {},
  "GET /api/sis/tools": {},
  "GET /api/census/people/:personId/demographics": {},
  "PUT /api/census/people/:personId/demographics": { body: {} },
  "GET /api/census/people/:personId/enrollments": {},
  "GET /api/census/enrollments/:enrollmentId/:section": { params: { section: "census-state-reporting" } },
  "PUT /api/census/enrollments/:enrollmentId/:section": { params: { section: "census-state-reporting" }, body: {} },
  "GET /api/census/enrollments/:enrollmentId/history": {},
  "GET /api/access-log": {},
  "GET /api/adhoc/fields": {},
  "POST /api/adhoc/preview": { body: {} },
  "POST /api/adhoc/export": { body: {} },
  "GET /api/adhoc/filters": {},
  "POST /api/adhoc/filters": { body: {} },
  "GET /api/adhoc/filters/:filterId": {},
  "PUT /api/adhoc/filters/:filterId": { body: {} },
  "DELETE /api/adhoc/filters/:filterId": {},
  "PUT /api/adhoc/filters/:filterId/shares": { body: {} },
  "GET /api/adhoc/share-groups": {},
  "POST /api/adhoc/filters/:filterId/preview": { body: {} },
  "GET /api/adhoc/filters/:filterId/export.csv": {},
  "GET /api/reviews/protected-data": {},
  "GET /api/reviews/protected-data.csv": {},
  "GET /api/reviews/individual-rights": {},
  "GET /api/reviews/individual-rights.csv": {},
  "GET /api/reviews/groups-over-limit": {},
  "GET /api/reviews/groups-over-limit.csv": {},
  "GET /api/reviews/expiring-grants": {},
  "GET /api/reviews/expiring-grants.csv": {},
  "GET /api/reviews/delete-rights": {},
  "GET /api/reviews/delete-rights.csv": {},
  "GET /api/reviews/seed-cautions": {},
  "GET /api/reviews/seed-cautions.csv": {},
  "GET /api/reviews/heat-map": {},
  "GET /api/reviews/heat-map.csv": {},
  "GET /api/contacts/me/lifecycle": {},
  "GET /api/vendor/lifecycle/districts": {},
  "GET /api/vendor/lifecycle/contacts": {},
  "POST /api/vendor/lifecycle/sweep": { body: {} },
  "GET /api/vendor/outbox": {},
  "GET /api/vendor/outbox/:messageId": {},
  "POST /api/vendor/outbox/:messageId/retry": {},
  "GET /api/catalog": {},
  "GET /api/templates": {},
  "GET /api/calendars": {},
  "GET /api/who-has-access": { query: "tool=Attendance" },
  "GET /api/preferences": {},
  "GET /api/webhooks/categories": {},
  "GET /api/webhooks": {},
  "POST /api/webhooks": { body: { url: "https://93.184.216.34/hook", categories: ["rights"] } },
  "PATCH /api/webhooks/:endpointId": { body: {} },
  "DELETE /api/webhooks/:endpointId": {},
  "POST /api/webhooks/:endpointId/rotate-secret": {},
  "POST /api/webhooks/:endpointId/test": {},
  "GET /api/webhooks/:endpointId/deliveries": {},
  "POST /api/webhooks/:endpointId/deliveries/:deliveryId/retry": {},
  "PUT /api/preferences": { body: { version: 1 } },
  "GET /api/me/tools": {},
  "GET /api/groups": {},
  "POST /api/groups": { body: { name: "x" } },
  "POST /api/groups/from-templates": { body: {} },
  "GET /api/vendor/staff-accounts": {},
  "POST /api/vendor/staff-accounts/:userId/unlock": {},
  "POST /api/users/:userId/password-link": {},
  "POST /api/vendor/staff-accounts/:userId/password-link": {},
  "GET /api/public/set-password/:token": { params: { token: "x" } },
  "POST /api/public/set-password/:token": { params: { token: "x" }, body: {} },
  "GET /api/compare/groups": { query: "a=00000000-0000-4000-8000-000000000000&b=00000000-0000-4000-8000-000000000000" },
  "GET /api/compare/groups.csv": { query: "a=00000000-0000-4000-8000-000000000000&b=00000000-0000-4000-8000-000000000000" },
  "GET /api/compare/users": { query: "a=00000000-0000-4000-8000-000000000000&b=00000000-0000-4000-8000-000000000000" },
  "GET /api/compare/users.csv": { query: "a=00000000-0000-4000-8000-000000000000&b=00000000-0000-4000-8000-000000000000" },
  "GET /api/groups/:groupId/rights-history": {},
  "GET /api/groups/:groupId/rights-history/diff": { query: "from=1&to=2" },
  "POST /api/groups/:groupId/rights-history/:number/restore": { params: { number: "1" }, body: { version: 1 } },
  "POST /api/preview": { body: {} },
  "POST /api/preview/end": {},
  "POST /api/oneroster/imports": { body: {} },
  "GET /api/oneroster/imports/:importId": {},
  "GET /api/staff-automation/mappings": {},
  "PUT /api/staff-automation/mappings": { body: {} },
  "GET /api/staff-automation/runs": {},
  "GET /api/dormant-accounts": {},
  "GET /api/dormant-accounts/policy": {},
  "PUT /api/dormant-accounts/policy": { body: { disableAfterDays: null } },
  "POST /api/dormant-accounts/disable": { body: {} },
  "GET /api/campaigns": {},
  "POST /api/campaigns": { body: {} },
  "GET /api/campaigns/:campaignId": {},
  "GET /api/campaigns/:campaignId/report.csv": {},
  "PUT /api/campaigns/:campaignId/items/:itemId": { body: {} },
  "POST /api/campaigns/:campaignId/close": {},
  "GET /api/groups/:groupId": {},
  "PATCH /api/groups/:groupId": { body: {} },
  "GET /api/groups/:groupId/deletion-preview": {},
  "DELETE /api/groups/:groupId": { query: "version=1" },
  "PUT /api/groups/:groupId/rights": { body: { version: 1, entries: [] } },
  "POST /api/groups/:groupId/rights/preview": { body: { entries: [] } },
  "PUT /api/groups/:groupId/calendar-rights": { body: { version: 1, calendarGrants: [] } },
  "GET /api/groups/:groupId/members": {},
  "POST /api/groups/:groupId/members": { body: {} },
  "DELETE /api/groups/:groupId/members/:userId": {},
  "POST /api/groups/:groupId/members/bulk-add": { body: {} },
  "POST /api/groups/:groupId/members/bulk-remove": { body: {} },
  "POST /api/memberships/import": { body: {} },
  "GET /api/users": {},
  "GET /api/users/:userId": {},
  "PUT /api/users/:userId/role": { body: { role: "none", version: 1 } },
  "PUT /api/users/:userId/rights": { body: { version: 1, entries: [] } },
  "PUT /api/users/:userId/calendar-rights": { body: { version: 1, calendarGrants: [] } },
  "GET /api/users/:userId/effective-rights": {},
  "GET /api/users/:userId/school-assignments": {},
  "PUT /api/users/:userId/school-assignments": { body: { version: 1, assignments: [] } },
  "GET /api/groups/:groupId/seed-cautions": {},
  "GET /api/me/data": {},
  "GET /api/sis/reports": {},
  "GET /api/sis/reports/enrollment-summary": {},
  "GET /api/sis/reports/enrollment-summary.csv": {},
  "GET /api/sis/reports/enrollment-status": {},
  "GET /api/sis/reports/enrollment-status.csv": {},
  "GET /api/sis/reports/duplicate-ids": {},
  "GET /api/sis/reports/duplicate-ids.csv": {},
  "GET /api/sis/reports/counselor": {},
  "GET /api/sis/reports/counselor.csv": {},
  "GET /api/sis/reports/caseload-summary": {},
  "GET /api/sis/reports/caseload-summary.csv": {},
  "GET /api/sis/reports/attendance": {},
  "GET /api/sis/reports/attendance.csv": {},
  "GET /api/sis/reports/behavior": {},
  "GET /api/sis/reports/behavior.csv": {},
  "GET /api/users/:userId/explain": { query: "tool=Attendance" },
  "GET /api/api-tokens": {},
  "POST /api/api-tokens": { body: {} },
  "DELETE /api/api-tokens/:tokenId": {},
  "GET /api/service-accounts": {},
  "POST /api/service-accounts/:userId/disable": {},
  "GET /scim/v2/ServiceProviderConfig": {},
  "GET /scim/v2/ResourceTypes": {},
  "GET /scim/v2/ResourceTypes/:id": {},
  "GET /scim/v2/Schemas": {},
  "GET /scim/v2/Schemas/:id": {},
  "POST /scim/v2/Bulk": { body: {} },
  "GET /scim/v2/Users": {},
  "POST /scim/v2/Users": { body: {} },
  "GET /scim/v2/Users/:id": {},
  "PUT /scim/v2/Users/:id": { body: {} },
  "PATCH /scim/v2/Users/:id": { body: {} },
  "DELETE /scim/v2/Users/:id": {},
  "GET /scim/v2/Groups": {},
  "POST /scim/v2/Groups": { body: {} },
  "GET /scim/v2/Groups/:id": {},
  "PUT /scim/v2/Groups/:id": { body: {} },
  "PATCH /scim/v2/Groups/:id": { body: {} },
  "DELETE /scim/v2/Groups/:id": {},
  "GET /api/users/:userId/effective-rights.csv": {},
  "GET /api/groups/:groupId/rights.csv": {},
};

const keyOf = (r: RouteAccessRecord) => `${r.method} ${r.url}`;
const ACCESS_PASSED = 299;

let t: TestApp;
let probe: FastifyInstance;
let callers: Record<Persona, Client | null>;
let PARAMS: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const { app } = await createServer(t.deps);
  app.addHook("onRequest", async (request, reply) => {
    if (request.routeOptions.config.access) return reply.code(ACCESS_PASSED).send({ passed: true });
  });
  await registerFeatures(app, t.deps);
  await app.ready();
  probe = app;

  const db = t.database.db;
  const home = await buildDistrict(db);
  const other = await buildDistrict(db);
  const roots = Object.fromEntries(getCatalog().nodes.filter((n) => n.parentIndex === null).map((n) => [n.path, "RWAD" as const]));
  const readRoots = Object.fromEntries(Object.keys(roots).map((p) => [p, "R" as const]));
  const person = async (role?: "student-information-system" | "sis-group-assignment", districtId = home.id) => buildUser(db, { districtId, ...(role ? { role } : {}) });
  const noRight = await person();
  const owner = await person();
  const readOnly = await person();
  const full = await person();
  const membership = await person("sis-group-assignment");
  const admin = await person("student-information-system");
  const foreign = await person("student-information-system", other.id);
  await buildRightsGroup(db, home.id, { rights: roots, members: [full.id, membership.id] });
  await buildRightsGroup(db, home.id, { rights: readRoots, members: [readOnly.id] });
  const pending = await buildMfaUser(db, { districtId: home.id });
  const half = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: home.slug, username: pending.username, password: TEST_PASSWORD } });

  const on = (u: { username: string }, slug = home.slug) => signIn(t.app, { district: slug, username: u.username });
  callers = {
    anonymous: null,
    "mfa-pending": await clientFor(t.app, sessionCookie(half)),
    "other-district": await on(foreign, other.slug),
    "no-right": await on(noRight),
    "read-only": await on(readOnly),
    "right-without-role": await on(full),
    "right-with-membership-role": await on(membership),
    "right-with-role": await on(admin),
    vendor: (await signInVendor(t.app, db)).client,
    owner: await on(owner),
  };
  const someId = "00000000-0000-4000-8000-000000000000";
  PARAMS = new Proxy({ userId: owner.id, districtId: home.id } as Record<string, string>, { get: (o, k: string) => o[k] ?? someId });
}, 300_000); // ten password sign-ins: slow on a loaded machine
afterAll(async () => {
  await probe?.close();
  await t?.close();
});

function requestFor(route: RouteAccessRecord, sample: Sample, caller: Client | null): InjectOptions {
  const params = { ...sample.params };
  const url = route.url.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? PARAMS[name]!)) + (sample.query ? `?${sample.query}` : "");
  const headers: Record<string, string> = caller ? { cookie: caller.cookie, "x-csrf-token": caller.csrfToken } : {};
  return { method: route.method as InjectOptions["method"], url, headers, ...(sample.body === undefined ? {} : { payload: sample.body as InjectOptions["payload"] }) };
}

describe("authorization matrix", () => {
  it("has a sample request for every registered route, and none for a route that is gone", () => {
    const registered = t.routeAccess.filter((r) => r.method !== "HEAD").map(keyOf);
    const missing = registered.filter((k) => !(k in SAMPLES));
    expect(missing, `Add each of these to SAMPLES in src/platform/http/authorization-matrix.test.ts ("METHOD /url": {} plus the params/body a request needs), and check its access declaration says who may use it`).toEqual([]);
    expect(Object.keys(SAMPLES).filter((k) => !registered.includes(k)), "remove these from SAMPLES: no such route is registered").toEqual([]);
  });

  it("lets exactly the callers DESIGN.md allows through the access layer, on every route", async () => {
    const wrong: string[] = [];
    for (const route of t.routeAccess.filter((r) => r.method !== "HEAD" && keyOf(r) in SAMPLES && !SAMPLES[keyOf(r)]!.guardedElsewhere)) {
      for (const persona of Object.keys(PERSONAS) as Persona[]) {
        const res = await probe.inject(requestFor(route, SAMPLES[keyOf(route)]!, callers[persona]));
        const passed = res.statusCode === ACCESS_PASSED;
        if (!passed && ![401, 403, 404].includes(res.statusCode)) wrong.push(`${keyOf(route)} as ${persona}: ${res.statusCode} ${res.body}`);
        else if (passed !== expected(route.access, persona)) wrong.push(`${keyOf(route)} as ${persona} (${PERSONAS[persona]}): ${passed ? "let through" : `refused ${res.statusCode} ${res.json().code}`}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it("refuses a role-guarded route to a tool-right holder with 403 and the role it needs", async () => {
    // HEAD answers carry no body to read the code from
    const guarded = t.routeAccess.filter((r) => r.method !== "HEAD" && r.access.kind === "tool" && r.access.role === "student-information-system");
    expect(guarded.length).toBeGreaterThan(5);
    for (const route of guarded) {
      const res = await probe.inject(requestFor(route, SAMPLES[keyOf(route)] ?? {}, callers["right-without-role"]));
      expect(res.statusCode, keyOf(route)).toBe(403);
      expect(res.json(), keyOf(route)).toMatchObject({ code: "product-security-role-required", requiredRole: "student-information-system", yourRole: "none" });
    }
  });

  it("reports in /api/me/capabilities the same verdict the server enforces, for every caller", async () => {
    const disagree: string[] = [];
    for (const persona of Object.keys(PERSONAS) as Persona[]) {
      const caller = callers[persona];
      if (!caller || persona === "mfa-pending") continue;
      const caps = (await caller.get("/api/me/capabilities")).json() as { routes: Record<string, { allowed: boolean }> };
      for (const route of t.routeAccess.filter((r) => r.access.kind === "tool" || r.access.kind === "vendor" || r.access.kind === "own")) {
        const res = await probe.inject(requestFor(route, SAMPLES[keyOf(route)] ?? {}, caller));
        if (caps.routes[keyOf(route)]?.allowed !== (res.statusCode === ACCESS_PASSED)) disagree.push(`${keyOf(route)} as ${persona}`);
      }
    }
    expect(disagree).toEqual([]);
  }, 300_000);
});
