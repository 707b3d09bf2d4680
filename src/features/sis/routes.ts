import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { linkNext } from "../../platform/http/paging.js";
import { districtActor } from "./district-actor.js";
import { getDemographics, saveDemographics } from "./demographics.js";
import { getEnrollmentSection, saveEnrollmentSection } from "./enrollment-sections.js";
import { TOOLS } from "./field-catalog.js";
import { listAccessLog } from "./list-access-log.js";
import { registerStudentRoutes } from "./routes-student.js";
import * as S from "./schema.js";
import { getEnrollmentHistory, getEnrollments } from "./student-records.js";
import { listSisTools } from "./list-sis-tools.js";

const tags = ["census"];
const ZPerson = z.object({ personId: z.uuid() });
const ZCensusSection = z.object({ enrollmentId: z.uuid(), section: z.enum(["census-state-reporting", "census-special-ed"]) });

export function sisRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    registerStudentRoutes(app, deps);

    app.get("/api/sis/tools", {
      config: { access: access.authenticated() },
      schema: { tags: ["student information"], summary: "The student-data tools you can read (for the menu)", response: { 200: S.ZSisTools } },
    }, async (request) => ({ tools: listSisTools(request.actor!) }));

    app.get("/api/census/people/:personId/demographics", {
      config: { access: access.tool(TOOLS.demographics, "R") },
      schema: { tags, summary: "Census > People > Demographics, with the SSN shown only with an SSN right", params: ZPerson, response: { 200: S.ZDemographics } },
    }, async (request) => getDemographics(db, districtActor(request.actor), request.params.personId));

    app.put("/api/census/people/:personId/demographics", {
      config: { access: access.tool(TOOLS.demographics, "W") },
      schema: { tags, summary: "Save demographics (the SSN also needs W on an SSN tool)", params: ZPerson, body: S.ZDemographicsSave, response: { 200: S.ZDemographics } },
    }, async (request) => saveDemographics(db, districtActor(request.actor), request.params.personId, request.body));

    app.get("/api/census/people/:personId/enrollments", {
      config: { access: access.tool(TOOLS.censusEnrollments, "R") },
      schema: { tags, summary: "Census > People > Demographics > Enrollments", params: ZPerson, response: { 200: S.ZEnrollments } },
    }, async (request) => getEnrollments(db, districtActor(request.actor), request.params.personId, "census"));

    app.get("/api/census/enrollments/:enrollmentId/:section", {
      config: { access: access.tool(TOOLS.censusEnrollments, "R") },
      schema: { tags, summary: "One Census enrollment tab, with only the fields you may read", params: ZCensusSection, response: { 200: S.ZSection } },
    }, async (request) => getEnrollmentSection(db, districtActor(request.actor), request.params.enrollmentId, request.params.section));

    app.put("/api/census/enrollments/:enrollmentId/:section", {
      config: { access: access.tool(TOOLS.censusEnrollments, "R") },
      schema: { tags, summary: "Save fields of a Census enrollment tab (W on each field's tool)", params: ZCensusSection, body: S.ZSectionSave, response: { 200: S.ZSection } },
    }, async (request) => saveEnrollmentSection(db, districtActor(request.actor), request.params.enrollmentId, request.params.section, request.body));

    app.get("/api/census/enrollments/:enrollmentId/history", {
      config: { access: access.tool(TOOLS.censusEnrollmentHistory, "R") },
      schema: { tags, summary: "Census > People > Demographics > Enrollments > Enrollment History", params: z.object({ enrollmentId: z.uuid() }), response: { 200: S.ZHistory } },
    }, async (request) => getEnrollmentHistory(db, districtActor(request.actor), request.params.enrollmentId, "census"));

    app.get("/api/access-log", {
      config: { access: access.tool(TOOLS.accessLog, "R") },
      schema: {
        tags: ["audit"],
        summary: "FERPA access log: who read which protected field of whose record, and when, a page at a time",
        querystring: S.ZAccessLogQuery,
        response: { 200: S.ZAccessLog },
      },
    }, async (request, reply) => linkNext(request, reply, await listAccessLog(db, districtActor(request.actor), request.query)));
  };
}
