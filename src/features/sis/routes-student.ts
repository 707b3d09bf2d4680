import type { FastifyInstance } from "fastify";
import { linkNext, zPageQuery } from "../../platform/http/paging.js";
import { STUDENT_SORTS } from "./repo-people.js";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { addBehaviorEvent, changeBehaviorEvent, getBehavior, removeBehaviorEvent } from "./behavior-events.js";
import { districtActor } from "./district-actor.js";
import { getEnrollmentSection, saveEnrollmentSection } from "./enrollment-sections.js";
import { TOOLS } from "./field-catalog.js";
import { addHealthCondition, changeHealthCondition, getHealthConditions, removeHealthCondition } from "./health-conditions.js";
import * as S from "./schema.js";
import { findStudents } from "./search-students.js";
import { getAttendance, getEnglishLearners, getEnrollmentHistory, getEnrollments, getFram, getGrades, getSummary } from "./student-records.js";

const tags = ["student information"];
const ZPerson = z.object({ personId: z.uuid() });
const ZEnrollmentSection = z.object({ enrollmentId: z.uuid(), section: z.enum(["general", "state-reporting", "special-ed"]) });

/** Route-level access says which tool; each operation then checks the record's calendar. */
export function registerStudentRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const read = (tool: string) => ({ access: access.tool(tool, "R") });

  r.get("/api/sis/students", {
    config: read(TOOLS.summary),
    schema: {
      tags,
      summary: "Search students, one page at a time (Link rel=next, nextCursor, total; a name is needed without Allow Unfiltered Search)",
      querystring: zPageQuery(STUDENT_SORTS, { sort: "name", limit: 50, max: 200 }).extend({ q: z.string().max(100).optional() }),
      response: { 200: S.ZStudentSearch },
    },
  }, async (request, reply) => linkNext(request, reply, await findStudents(db, districtActor(request.actor), request.query)));

  r.get("/api/sis/students/:personId/summary", {
    config: read(TOOLS.summary),
    schema: { tags, summary: "Student Information > General > Summary", params: ZPerson, response: { 200: S.ZSummary } },
  }, async (request) => getSummary(db, districtActor(request.actor), request.params.personId));

  r.get("/api/sis/students/:personId/enrollments", {
    config: read(TOOLS.enrollments),
    schema: { tags, summary: "Student Information > General > Enrollments", params: ZPerson, response: { 200: S.ZEnrollments } },
  }, async (request) => getEnrollments(db, districtActor(request.actor), request.params.personId, "student"));

  // A section's fields each carry their own tool; the route asks only for R on Enrollments.
  r.get("/api/sis/enrollments/:enrollmentId/:section", {
    config: read(TOOLS.enrollments),
    schema: { tags, summary: "One tab of an enrollment, with only the fields you may read", params: ZEnrollmentSection, response: { 200: S.ZSection } },
  }, async (request) => getEnrollmentSection(db, districtActor(request.actor), request.params.enrollmentId, request.params.section));

  r.put("/api/sis/enrollments/:enrollmentId/:section", {
    config: { access: access.tool(TOOLS.enrollments, "R") },
    schema: { tags, summary: "Save fields of an enrollment tab (W on each field's tool)", params: ZEnrollmentSection, body: S.ZSectionSave, response: { 200: S.ZSection } },
  }, async (request) => saveEnrollmentSection(db, districtActor(request.actor), request.params.enrollmentId, request.params.section, request.body));

  r.get("/api/sis/enrollments/:enrollmentId/history", {
    config: read(TOOLS.enrollmentHistory),
    schema: { tags, summary: "Student Information > General > Enrollments > Enrollment History", params: z.object({ enrollmentId: z.uuid() }), response: { 200: S.ZHistory } },
  }, async (request) => getEnrollmentHistory(db, districtActor(request.actor), request.params.enrollmentId, "student"));

  r.get("/api/sis/students/:personId/attendance", {
    config: read(TOOLS.attendance),
    schema: { tags, summary: "Student Information > General > Attendance", params: ZPerson, response: { 200: S.ZAttendance } },
  }, async (request) => getAttendance(db, districtActor(request.actor), request.params.personId));

  r.get("/api/sis/students/:personId/grades", {
    config: read(TOOLS.grades),
    schema: { tags, summary: "Student Information > General > Grades", params: ZPerson, response: { 200: S.ZGrades } },
  }, async (request) => getGrades(db, districtActor(request.actor), request.params.personId));

  r.get("/api/sis/students/:personId/behavior", {
    config: read(TOOLS.behavior),
    schema: { tags, summary: "Student Information > General > Behavior", params: ZPerson, response: { 200: S.ZBehavior } },
  }, async (request) => getBehavior(db, districtActor(request.actor), request.params.personId));

  r.post("/api/sis/students/:personId/behavior", {
    config: { access: access.tool(TOOLS.behavior, "A") },
    schema: { tags, summary: "File a behavior event (A in the calendar)", params: ZPerson, body: S.ZBehaviorInput, response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send({ id: (await addBehaviorEvent(db, districtActor(request.actor), request.params.personId, request.body)).id }));

  r.put("/api/sis/behavior/:eventId", {
    config: { access: access.tool(TOOLS.behavior, "W") },
    schema: { tags, summary: "Change a behavior event (W in its calendar)", params: z.object({ eventId: z.uuid() }), body: S.ZBehaviorChange, response: { 200: z.object({ id: z.uuid(), version: z.int32() }) } },
  }, async (request) => changeBehaviorEvent(db, districtActor(request.actor), request.params.eventId, request.body));

  r.delete("/api/sis/behavior/:eventId", {
    config: { access: access.tool(TOOLS.behavior, "D") },
    schema: { tags, summary: "Delete a behavior event (D in its calendar)", params: z.object({ eventId: z.uuid() }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeBehaviorEvent(db, districtActor(request.actor), request.params.eventId);
    return reply.status(204).send(null);
  });

  r.get("/api/sis/students/:personId/health-conditions", {
    config: read(TOOLS.healthConditions),
    schema: { tags, summary: "Student Information > Health > Conditions (federally protected)", params: ZPerson, response: { 200: S.ZConditions } },
  }, async (request) => getHealthConditions(db, districtActor(request.actor), request.params.personId));

  r.post("/api/sis/students/:personId/health-conditions", {
    config: { access: access.tool(TOOLS.healthConditions, "A") },
    schema: { tags, summary: "Add a health condition", params: ZPerson, body: S.ZConditionInput, response: { 201: S.ZCondition } },
  }, async (request, reply) => reply.status(201).send(await addHealthCondition(db, districtActor(request.actor), request.params.personId, request.body)));

  r.put("/api/sis/health-conditions/:conditionId", {
    config: { access: access.tool(TOOLS.healthConditions, "W") },
    schema: { tags, summary: "Change a health condition", params: z.object({ conditionId: z.uuid() }), body: S.ZConditionInput.extend({ version: z.int32() }), response: { 200: S.ZCondition } },
  }, async (request) => changeHealthCondition(db, districtActor(request.actor), request.params.conditionId, request.body));

  r.delete("/api/sis/health-conditions/:conditionId", {
    config: { access: access.tool(TOOLS.healthConditions, "D") },
    schema: { tags, summary: "Delete a health condition", params: z.object({ conditionId: z.uuid() }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeHealthCondition(db, districtActor(request.actor), request.params.conditionId);
    return reply.status(204).send(null);
  });

  r.get("/api/sis/students/:personId/english-learners", {
    config: read(TOOLS.englishLearners),
    schema: { tags, summary: "Program Participation > English Learners (EL) (federally protected)", params: ZPerson, response: { 200: S.ZEnglishLearners } },
  }, async (request) => getEnglishLearners(db, districtActor(request.actor), request.params.personId));

  r.get("/api/sis/students/:personId/fram", {
    config: read(TOOLS.framEligibility),
    schema: { tags, summary: "FRAM > Eligibility > Eligibility (federally protected)", params: ZPerson, response: { 200: S.ZFram } },
  }, async (request) => getFram(db, districtActor(request.actor), request.params.personId));
}
