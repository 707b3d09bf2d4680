import { z } from "zod";
import { ZDay } from "../../domain/calendar-day.js";
import { zPage, zPageQuery } from "../../platform/http/paging.js";

export const ZActions = z.object({ canSave: z.boolean(), canCreate: z.boolean(), canDelete: z.boolean() });
export const ZCalendar = z.object({ id: z.uuid(), schoolName: z.string(), yearName: z.string(), name: z.string() });
const ZValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ZStudentSearch = z.object({
  students: z.array(z.object({ id: z.uuid(), localId: z.string(), firstName: z.string(), lastName: z.string(), birthDate: z.string(), gender: z.string() })),
  total: z.number().describe("students matching the search, on every page"),
  nextCursor: z.string().nullable().describe("pass as `cursor` for the next page; null on the last"),
  more: z.boolean().describe("another page follows"),
  unfilteredSearch: z.boolean(),
});

export const ZSummary = z.object({
  id: z.uuid(),
  localId: z.string(),
  name: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  gender: z.string(),
  enrollments: z.array(z.object({ id: z.uuid(), calendar: ZCalendar, grade: z.string(), startDate: z.string(), endDate: z.string().nullable() })),
  actions: ZActions,
});

export const ZEnrollments = z.object({
  personId: z.uuid(),
  name: z.string(),
  enrollments: z.array(
    z.object({
      id: z.uuid(),
      calendar: ZCalendar,
      grade: z.string(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      serviceType: z.string(),
      version: z.int32(),
      actions: ZActions,
      tabs: z.array(z.object({ id: z.string(), label: z.string() })),
    }),
  ),
});

export const ZSection = z.object({
  enrollmentId: z.uuid(),
  personId: z.uuid(),
  version: z.int32(),
  calendar: ZCalendar,
  section: z.object({ id: z.string(), label: z.string(), tool: z.string() }),
  fields: z.array(
    z.object({ id: z.string(), label: z.string(), type: z.string(), tool: z.string(), protected: z.boolean(), value: ZValue, editable: z.boolean() }),
  ),
  actions: ZActions,
});
export const ZSectionSave = z.object({ version: z.int32(), values: z.record(z.string(), ZValue) });

export const ZHistory = z.object({
  enrollmentId: z.uuid(),
  calendar: ZCalendar,
  tool: z.string(),
  entries: z.array(
    z.object({
      id: z.uuid(),
      changedAt: z.string(),
      field: z.string(),
      oldValue: z.string().nullable(),
      newValue: z.string().nullable(),
      changedBy: z.string(),
      withheld: z.boolean().describe("a field you may not read: that it changed is shown, its values are not"),
    }),
  ),
});

const personBase = { personId: z.uuid(), name: z.string(), actions: ZActions };

export const ZCondition = z.object({
  id: z.uuid(),
  condition: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  instructions: z.string().nullable(),
  version: z.int32(),
});
export const ZConditions = z.object({ ...personBase, conditions: z.array(ZCondition.extend({ personId: z.uuid(), districtId: z.uuid() })) });
export const ZConditionInput = z.object({
  condition: z.string().trim().min(1, "Name the condition.").max(200),
  startDate: ZDay,
  endDate: ZDay.nullable().default(null),
  instructions: z.string().max(2000).nullable().default(null),
});

export const ZEnglishLearners = z.object({
  ...personBase,
  records: z.array(
    z.object({ id: z.uuid(), status: z.string(), identifiedDate: z.string().nullable(), exitDate: z.string().nullable(), proficiencyLevel: z.number().nullable(), programType: z.string().nullable() }).passthrough(),
  ),
});

export const ZFram = z.object({
  ...personBase,
  records: z.array(z.object({ id: z.uuid(), year: z.string(), eligibility: z.string(), source: z.string(), startDate: z.string() })),
});

const calendarNames = { calendar: z.string(), school: z.string(), year: z.string() };
export const ZAttendance = z.object({
  ...personBase,
  records: z.array(z.object({ id: z.uuid(), date: z.string(), status: z.string(), excuse: z.string(), comments: z.string().nullable(), ...calendarNames })),
});
export const ZGrades = z.object({
  ...personBase,
  grades: z.array(z.object({ id: z.uuid(), course: z.string(), term: z.string(), score: z.number(), letter: z.string(), ...calendarNames })),
});
export const ZBehavior = z.object({
  ...personBase,
  /** Which rule chose the calendars shown (the seed's Behavior > All Calendars row). */
  scope: z.object({ allCalendars: z.boolean(), explanation: z.string() }),
  events: z.array(
    z.object({
      id: z.uuid(),
      calendarId: z.uuid(),
      eventDate: z.string(),
      eventType: z.string(),
      resolution: z.string().nullable(),
      details: z.string().nullable(),
      version: z.int32(),
      actions: ZActions,
      ...calendarNames,
    }),
  ),
  calendars: z.array(ZCalendar),
});
export const ZBehaviorInput = z.object({
  calendarId: z.uuid(),
  eventDate: ZDay,
  eventType: z.string().trim().min(1, "Say what happened.").max(120),
  resolution: z.string().max(200).nullable().default(null),
  details: z.string().max(2000).nullable().default(null),
});
export const ZBehaviorChange = ZBehaviorInput.omit({ calendarId: true }).extend({ version: z.int32() });

export const ZDemographics = z.object({
  id: z.uuid(),
  kind: z.string(),
  localId: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string(),
  birthDate: z.string(),
  gender: z.string(),
  raceEthnicity: z.string().nullable(),
  homeLanguage: z.string().nullable(),
  version: z.int32(),
  ssn: z.object({ value: z.string().nullable(), masked: z.boolean(), editable: z.boolean(), tool: z.string() }),
  actions: ZActions,
});
export const ZDemographicsSave = z.object({
  version: z.int32(),
  firstName: z.string().trim().min(1).max(80).optional(),
  middleName: z.string().trim().max(80).nullable().optional(),
  lastName: z.string().trim().min(1).max(80).optional(),
  birthDate: ZDay.optional(),
  gender: z.enum(["F", "M", "X"]).optional(),
  raceEthnicity: z.string().max(80).nullable().optional(),
  homeLanguage: z.string().max(80).nullable().optional(),
  ssn: z.string().max(11).nullable().optional(),
});

export const ZAccessLogEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string(),
  personId: z.uuid(),
  personName: z.string().nullable(),
  localId: z.string().nullable(),
  field: z.string(),
  tool: z.string(),
  route: z.string(),
  filterId: z.uuid().nullable(),
});
export const ZAccessLog = zPage(ZAccessLogEntry);

export const ACCESS_LOG_SORTS = ["at", "actor", "person", "field", "route"] as const;
export const ZAccessLogQuery = zPageQuery(ACCESS_LOG_SORTS, { sort: "at", order: "desc", limit: 100, max: 500 }).extend({
  personId: z.uuid().optional(),
  actor: z.string().max(64).optional(),
  field: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
export type AccessLogQuery = z.infer<typeof ZAccessLogQuery>;

export const ZSisTools = z.object({ tools: z.array(z.object({ tool: z.string(), level: z.string() })) });
