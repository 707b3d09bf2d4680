/**
 * The student screens' view of the API: wire types from the server's zod schemas, the calls and
 * the query keys. Every response carries `actions` (may this user Save, add New, Delete here).
 */
import type { z } from "zod";
import type * as S from "../../../features/sis/schema.js";
import { api } from "../../api.js";

export type Actions = z.infer<typeof S.ZActions>;
export type Calendar = z.infer<typeof S.ZCalendar>;
export type StudentSearch = z.infer<typeof S.ZStudentSearch>;
export type StudentHit = StudentSearch["students"][number];
export type Summary = z.infer<typeof S.ZSummary>;
export type Enrollments = z.infer<typeof S.ZEnrollments>;
export type Enrollment = Enrollments["enrollments"][number];
export type Section = z.infer<typeof S.ZSection>;
export type SectionField = Section["fields"][number];
export type FieldValue = SectionField["value"];
export type History = z.infer<typeof S.ZHistory>;
export type Conditions = z.infer<typeof S.ZConditions>;
export type Condition = Conditions["conditions"][number];
export type ConditionInput = z.input<typeof S.ZConditionInput>;
export type EnglishLearners = z.infer<typeof S.ZEnglishLearners>;
export type Fram = z.infer<typeof S.ZFram>;
export type Attendance = z.infer<typeof S.ZAttendance>;
export type Grades = z.infer<typeof S.ZGrades>;
export type Behavior = z.infer<typeof S.ZBehavior>;
export type BehaviorEvent = Behavior["events"][number];
export type BehaviorInput = z.input<typeof S.ZBehaviorInput>;
export type Demographics = z.infer<typeof S.ZDemographics>;
export type DemographicsSave = z.input<typeof S.ZDemographicsSave>;
export type SisTools = z.infer<typeof S.ZSisTools>;

/** Student Information tabs read under "/api/sis"; the Census twins of the enrollment tabs under "/api/census". */
export type Via = "student" | "census";
const enrollmentBase = (via: Via) => (via === "student" ? "/api/sis/enrollments" : "/api/census/enrollments");

export const sisKeys = {
  all: ["sis"] as const,
  tools: ["sis", "tools"] as const,
  search: (q: string) => ["sis", "search", q] as const,
  student: (personId: string) => ["sis", "student", personId] as const,
  tab: (personId: string, tab: string) => ["sis", "student", personId, tab] as const,
  section: (enrollmentId: string, section: string) => ["sis", "enrollment", enrollmentId, section] as const,
};

const person = (personId: string, what: string) => `/api/sis/students/${personId}/${what}`;

export const sisApi = {
  tools: () => api.get<SisTools>("/api/sis/tools"),
  search: (q: string, limit = 50, page: { sort?: string; order?: string; cursor?: string } = {}) =>
    api.get<StudentSearch>(`/api/sis/students?${new URLSearchParams({ ...(q ? { q } : {}), limit: String(limit), ...Object.fromEntries(Object.entries(page).filter(([, v]) => v)) })}`),
  summary: (personId: string) => api.get<Summary>(person(personId, "summary")),
  enrollments: (personId: string, via: Via) =>
    api.get<Enrollments>(via === "student" ? person(personId, "enrollments") : `/api/census/people/${personId}/enrollments`),
  section: (via: Via, enrollmentId: string, section: string) => api.get<Section>(`${enrollmentBase(via)}/${enrollmentId}/${section}`),
  saveSection: (via: Via, enrollmentId: string, section: string, version: number, values: Record<string, FieldValue>) =>
    api.put<Section>(`${enrollmentBase(via)}/${enrollmentId}/${section}`, { version, values }),
  history: (via: Via, enrollmentId: string) => api.get<History>(`${enrollmentBase(via)}/${enrollmentId}/history`),
  attendance: (personId: string) => api.get<Attendance>(person(personId, "attendance")),
  grades: (personId: string) => api.get<Grades>(person(personId, "grades")),
  behavior: (personId: string) => api.get<Behavior>(person(personId, "behavior")),
  addBehavior: (personId: string, body: BehaviorInput) => api.post<{ id: string }>(person(personId, "behavior"), body),
  changeBehavior: (eventId: string, body: Omit<BehaviorInput, "calendarId"> & { version: number }) => api.put<{ id: string; version: number }>(`/api/sis/behavior/${eventId}`, body),
  deleteBehavior: (eventId: string) => api.delete<void>(`/api/sis/behavior/${eventId}`),
  conditions: (personId: string) => api.get<Conditions>(person(personId, "health-conditions")),
  addCondition: (personId: string, body: ConditionInput) => api.post<Condition>(person(personId, "health-conditions"), body),
  changeCondition: (conditionId: string, body: ConditionInput & { version: number }) => api.put<Condition>(`/api/sis/health-conditions/${conditionId}`, body),
  deleteCondition: (conditionId: string) => api.delete<void>(`/api/sis/health-conditions/${conditionId}`),
  englishLearners: (personId: string) => api.get<EnglishLearners>(person(personId, "english-learners")),
  fram: (personId: string) => api.get<Fram>(person(personId, "fram")),
  demographics: (personId: string) => api.get<Demographics>(`/api/census/people/${personId}/demographics`),
  saveDemographics: (personId: string, body: DemographicsSave) => api.put<Demographics>(`/api/census/people/${personId}/demographics`, body),
};
