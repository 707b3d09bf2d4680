/**
 * The OneRoster 1.2 CSV binding, as far as Gatehouse reads it: each file's columns (the header
 * must name at least the required ones), and the manifest's `file.<name>` values.
 */
export const ONEROSTER_FILES = {
  orgs: { required: ["sourcedId", "name", "type"], optional: ["status", "dateLastModified", "identifier", "parentSourcedId"] },
  academicSessions: { required: ["sourcedId", "title", "type", "startDate", "endDate", "schoolYear"], optional: ["status", "dateLastModified", "parentSourcedId"] },
  users: {
    required: ["sourcedId", "enabledUser", "username", "givenName", "familyName"],
    optional: ["status", "dateLastModified", "userIds", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName", "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns"],
  },
  roles: { required: ["sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"], optional: ["status", "dateLastModified", "beginDate", "endDate", "userProfileSourcedId"] },
  courses: { required: ["sourcedId", "title", "orgSourcedId"], optional: ["status", "dateLastModified", "schoolYearSourcedId", "courseCode", "grades", "subjects", "subjectCodes"] },
  classes: {
    required: ["sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId", "termSourcedIds"],
    optional: ["status", "dateLastModified", "grades", "classCode", "location", "subjects", "subjectCodes", "periods"],
  },
  enrollments: { required: ["sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"], optional: ["status", "dateLastModified", "primary", "beginDate", "endDate"] },
  demographics: {
    required: ["sourcedId"],
    optional: [
      "status", "dateLastModified", "birthDate", "sex", "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white",
      "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity", "countryOfBirthCode", "stateOfBirthAbbreviation", "cityOfBirth", "publicSchoolResidenceStatus",
    ],
  },
} as const;

export type OneRosterFile = keyof typeof ONEROSTER_FILES;
export const FILE_NAMES = Object.keys(ONEROSTER_FILES) as OneRosterFile[];
export type Mode = "bulk" | "delta" | "absent";

export const ORG_TYPES = ["department", "school", "district", "local", "state", "national"];
export const SESSION_TYPES = ["gradingPeriod", "semester", "schoolYear", "term"];
export const ROLES = [
  "administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher",
  "counselor", "districtAdministrator", "principal", "siteAdministrator", "systemAdministrator",
];
/** The roles that make a staff account (DESIGN.md: teacher, administrator, aide). */
export const STAFF_ROLES = new Set(["teacher", "administrator", "aide"]);
export const ENROLLMENT_ROLES = ["administrator", "proctor", "student", "teacher", "aide", "guardian", "parent", "relative"];
export const CLASS_TYPES = ["homeroom", "scheduled"];

export type Problem = { file: string; row: number; column: string; reason: string };
export const formatProblem = (p: Problem) => `${p.file}.csv:${p.row}:${p.column}: ${p.reason}`;
