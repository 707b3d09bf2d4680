import type { Role } from "./security-api.js";

export const ROLE_LABELS: Record<Role, string> = {
  none: "None",
  "student-information-system": "Student Information System",
  "sis-group-assignment": "SIS Group Assignment",
};

export const ROLE_HELP: Record<Role, string> = {
  none: "Cannot change tool rights, calendar rights or group membership.",
  "student-information-system": "Manages tool rights, calendar rights and group membership; has all rights in every tool and calendar.",
  "sis-group-assignment": "May add people to user groups and remove them, nothing else.",
};
