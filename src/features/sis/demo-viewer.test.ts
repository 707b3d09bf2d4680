import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import { DEMO_DISTRICT, DEMO_LOGINS } from "../demo/demo-logins.js";
import { seedDemo } from "../demo/seed-demo.js";
import { seedSisDistrict } from "../demo/seed-sis.js";

// The demo's read-only sign-in is what the browser tests and a first-time visitor use to see the
// seed's Image 8; its rights come from the real rights engine, not a test double.
let t: TestApp;
let viewer: Client;
let admin: Client;
let studentId: string;

const login = (username: (typeof DEMO_LOGINS)[number]["username"]) =>
  signIn(t.app, { district: DEMO_DISTRICT.slug, username, password: DEMO_LOGINS.find((l) => l.username === username)!.password });

beforeAll(async () => {
  t = await createTestApp();
  const { districtId } = await seedDemo(t.database.db);
  await seedSisDistrict(t.database.db, districtId, { students: 40, seed: 5 });
  viewer = await login("viewer");
  admin = await login("admin");
  const { students } = (await admin.get("/api/sis/students?limit=40")).json() as { students: { id: string }[] };
  for (const s of students) {
    if ((await admin.get(`/api/census/people/${s.id}/demographics`)).json().ssn.value) {
      studentId = s.id;
      break;
    }
  }
});
afterAll(() => t.close());

describe("the demo viewer (Read only on Student Information)", () => {
  it("reads every student screen with no action allowed, and has no FRAM or access log", async () => {
    for (const what of ["summary", "attendance", "grades", "behavior", "health-conditions", "english-learners"]) {
      const res = await viewer.get(`/api/sis/students/${studentId}/${what}`);
      expect(res.statusCode, what).toBe(200);
      expect(res.json().actions, what).toEqual({ canSave: false, canCreate: false, canDelete: false });
    }
    const [enrollment] = (await viewer.get(`/api/sis/students/${studentId}/enrollments`)).json().enrollments;
    const general = (await viewer.get(`/api/sis/enrollments/${enrollment.id}/general`)).json();
    expect(general.fields.some((f: { editable: boolean }) => f.editable)).toBe(false);
    expect((await viewer.get(`/api/sis/students/${studentId}/fram`)).statusCode).toBe(404);
    expect((await viewer.get("/api/access-log")).statusCode).toBe(404);
  });

  it("sees the SSN masked, where the administrator sees it", async () => {
    const masked = (await viewer.get(`/api/census/people/${studentId}/demographics`)).json();
    expect(masked.actions.canSave).toBe(false);
    expect(masked.ssn).toMatchObject({ masked: true, editable: false });
    const shown = (await admin.get(`/api/census/people/${studentId}/demographics`)).json();
    expect(shown.ssn.masked).toBe(false);
    expect(masked.ssn.value).toBe(`***-**-${shown.ssn.value.slice(-4)}`);
  });

  it("keeps the other demo sign-ins as they were", async () => {
    const teacher = await login("teacher");
    const tools = (await teacher.get("/api/sis/tools")).json().tools.map((x: { tool: string }) => x.tool);
    expect(tools).toEqual(["Student Information > General > Summary", "Student Information > General > Attendance", "Student Information > General > Grades"]);
  });
});
