/**
 * Meaning checks on a shape-valid policy file, turning it into a PolicyDocument. Every
 * problem is reported (never thrown) so the author sees all of them at once.
 */
import { findNode, suggestPath, type Catalog } from "../rights/catalog.js";
import { markProblem } from "../rights/protected-areas.js";
import { tryParseRights, type Rights } from "../rights/rights.js";
import { findTemplate, listTemplates } from "../rights/templates.js";
import { suggestClosest } from "../rights/tool-path.js";
import type { PolicyCalendarGrant, PolicyDocument, PolicyError, PolicyRight, PolicyRights } from "./policy-document.js";
import type { PolicyFile, RightsValueInput } from "./policy-schema.js";
import type { YamlPath } from "./yaml-locate.js";

export type Report = (
  path: YamlPath,
  code: PolicyError["code"],
  message: string,
  opts?: { key?: boolean; suggestion?: string | undefined },
) => void;

const RIGHTS_WORDS: Record<string, Rights> = { none: "", read: "R", "read-only": "R", readonly: "R", write: "RW", full: "RWAD", all: "RWAD" };

const didYouMean = (s: string | undefined): string => (s === undefined ? "" : `; did you mean "${s}"?`);

/** Rights string from a file: closed value, or a report with a suggestion. */
export function checkRightsString(raw: string, path: YamlPath, report: Report, what: string): Rights | null {
  const parsed = tryParseRights(raw);
  if (parsed.ok) return parsed.rights;
  const word = RIGHTS_WORDS[raw.trim().toLowerCase()];
  const suggestion = word === undefined ? undefined : word === "" ? '""' : word;
  report(path, "bad-rights", `${what}: ${parsed.error.message}${didYouMean(suggestion)}`, { suggestion });
  return null;
}

function checkBounds(b: { from?: Date; until?: Date }, path: YamlPath, report: Report): void {
  if (b.from && b.until && b.from.getTime() >= b.until.getTime()) {
    report(path, "bad-time-bounds", `"from" (${b.from.toISOString().slice(0, 10)}) must be before "until" (${b.until.toISOString().slice(0, 10)})`);
  }
}

function checkRightsMap(map: Record<string, unknown>, base: YamlPath, catalog: Catalog, report: Report): PolicyRights {
  const out: PolicyRights = {};
  const seen = new Map<string, string>();
  for (const [key, spec] of Object.entries(map)) {
    const keyPath = [...base, key];
    const node = findNode(catalog, key);
    if (!node) {
      const s = suggestPath(catalog, key);
      report(keyPath, "unknown-tool", `Unknown tool path "${key}"${didYouMean(s)}`, { key: true, suggestion: s });
      continue;
    }
    const prior = seen.get(node.path);
    if (prior !== undefined) {
      report(keyPath, "duplicate", `"${key}" is the same tool as "${prior}"; give each tool once (use a list for several time windows)`, { key: true });
      continue;
    }
    seen.set(node.path, key);
    const values = (Array.isArray(spec) ? spec : [spec]) as RightsValueInput[];
    const list: PolicyRight[] = [];
    values.forEach((v, i) => {
      const vPath = Array.isArray(spec) ? [...keyPath, i] : keyPath;
      const bounds = typeof v === "string" ? {} : { ...(v.from ? { from: v.from } : {}), ...(v.until ? { until: v.until } : {}) };
      checkBounds(bounds, vPath, report);
      if (typeof v === "string" && v.trim().toLowerCase() === "deny") return void list.push({ deny: true });
      if (typeof v !== "string" && "deny" in v) return void list.push({ deny: true, ...bounds });
      const raw = typeof v === "string" ? v : v.rights;
      const rights = checkRightsString(raw, typeof v === "string" ? vPath : [...vPath, "rights"], report, `Rights on "${node.path}"`);
      if (rights === null) return;
      if (node.allOrNothing && rights !== "" && rights !== "RWAD") {
        report(vPath, "all-or-nothing", `"${node.path}" is a Campus Instruction tool: rights are all or nothing, so use RWAD or ""; "${raw}" is refused`);
        return;
      }
      list.push({ rights, ...bounds });
    });
    if (list.length === values.length) out[node.path] = list;
  }
  return out;
}

function checkGrants(
  grants: PolicyFile["groups"][number]["calendars"],
  base: YamlPath,
  file: PolicyFile,
  report: Report,
): PolicyCalendarGrant[] {
  const known = {
    school: [...new Set(file.calendars.map((c) => c.school))],
    year: [...new Set(file.calendars.map((c) => c.year))],
    calendar: file.calendars.map((c) => c.calendar),
  };
  return grants.map((g, i) => {
    for (const field of ["school", "year", "calendar"] as const) {
      const v = g[field];
      if (v === "*" || known[field].includes(v)) continue;
      const s = suggestClosest(v, known[field]);
      report([...base, i, field], "unknown-calendar", `Unknown ${field} "${v}": not in the district's calendars (use "*" for all)${didYouMean(s)}`, { suggestion: s });
    }
    checkBounds(g, [...base, i], report);
    return { ...g };
  });
}

export function validatePolicyFile(
  file: PolicyFile,
  catalog: Catalog,
  report: Report,
  /** names of groups/users that exist but failed shape checks: no "unknown" errors for them */
  brokenNames: { groups: Set<string>; users: Set<string> } = { groups: new Set(), users: new Set() },
): PolicyDocument {
  const auto = file.preferences.automaticStaffAccounts;
  const groupNames = file.groups.map((g) => g.name);
  const groups = file.groups.map((g, gi) => {
    const base = ["groups", gi];
    if (groupNames.indexOf(g.name) !== gi) report([...base, "name"], "duplicate", `Group "${g.name}" is defined twice`);
    const template = g.template !== undefined ? findTemplate(g.template) : undefined;
    // the seed's "should have limited members" becomes the group's limit unless the file says otherwise
    const limit = g.limit !== undefined ? g.limit : template?.memberLimit;
    if (g.template !== undefined && !template) {
      const s = suggestClosest(g.template, listTemplates().map((t) => t.name));
      report([...base, "template"], "unknown-template", `Unknown template "${g.template}"${didYouMean(s)}`, { suggestion: s });
    }
    const rights = checkRightsMap(g.rights, [...base, "rights"], catalog, report);
    const calendars = checkGrants(g.calendars, [...base, "calendars"], file, report);
    const hasToolRights = Object.keys(g.rights).length > 0 || g.template !== undefined;
    if (auto && g.calendars.length > 0 && hasToolRights) {
      report(
        [...base, Object.keys(g.rights).length > 0 ? "rights" : "template"],
        "calendar-only-group",
        `Group "${g.name}" has calendar rights and "Automatic Creation of Staff Accounts" is on ` +
          `(preferences.automaticStaffAccounts): a calendar user group cannot also be given tool rights. ` +
          `Put the tool rights in a separate group and add the same users to both, or turn the preference off`,
        { key: true },
      );
    }
    return {
      name: g.name,
      ...(g.template !== undefined ? { template: template?.name ?? g.template } : {}),
      ...(limit !== undefined ? { limit } : {}),
      rights,
      calendars,
    };
  });

  const allGroups = [...groupNames, ...brokenNames.groups];
  const usernames = file.users.map((u) => u.username);
  const users = file.users.map((u, ui) => {
    const base = ["users", ui];
    if (usernames.indexOf(u.username) !== ui) report([...base, "username"], "duplicate", `User "${u.username}" is defined twice`);
    const memberships = u.groups.map((m, mi) => {
      const ms = typeof m === "string" ? { name: m } : m;
      if (!allGroups.includes(ms.name)) {
        const s = suggestClosest(ms.name, allGroups);
        report([...base, "groups", mi], "unknown-group", `Unknown group "${ms.name}" (define it under groups)${didYouMean(s)}`, { suggestion: s });
      }
      checkBounds(ms, [...base, "groups", mi], report);
      return { ...ms };
    });
    return {
      username: u.username,
      groups: memberships,
      productSecurityRole: u.productSecurityRole,
      rights: checkRightsMap(u.rights, [...base, "rights"], catalog, report),
      calendars: checkGrants(u.calendars, [...base, "calendars"], file, report),
    };
  });

  const allUsers = [...usernames, ...brokenNames.users];
  const calendarNames = file.calendars.map((c) => c.calendar);
  const assertions = file.assertions.flatMap((a, ai) => {
    const base = ["assertions", ai];
    let ok = true;
    if (!allUsers.includes(a.user)) {
      const s = suggestClosest(a.user, allUsers);
      report([...base, "user"], "unknown-user", `Unknown user "${a.user}"${didYouMean(s)}`, { suggestion: s });
      ok = false;
    }
    const node = findNode(catalog, a.tool);
    if (!node) {
      const s = suggestPath(catalog, a.tool);
      report([...base, "tool"], "unknown-tool", `Unknown tool path "${a.tool}"${didYouMean(s)}`, { suggestion: s });
      ok = false;
    }
    if (a.calendar !== undefined && !calendarNames.includes(a.calendar)) {
      const s = suggestClosest(a.calendar, calendarNames);
      report([...base, "calendar"], "unknown-calendar", `Unknown calendar "${a.calendar}" (declare it under calendars)${didYouMean(s)}`, { suggestion: s });
      ok = false;
    }
    const rights = checkRightsString(a.rights, [...base, "rights"], report, "Expected rights");
    if (!ok || rights === null || !node) return [];
    return [{ user: a.user, tool: node.path, ...(a.calendar !== undefined ? { calendar: a.calendar } : {}), ...(a.asOf ? { asOf: a.asOf } : {}), rights }];
  });

  return {
    district: file.district,
    preferences: { ...file.preferences },
    calendars: file.calendars.map((c) => ({ ...c })),
    groups,
    users,
    ...(file.support ? { support: { addOnProducts: file.support.addOnProducts, contacts: file.support.contacts.map((c) => ({ ...c })) } } : {}),
    assertions,
    ...(file.protected ? { protected: validateProtected(file.protected, catalog, report) } : {}),
  };
}

/** Each path a tool of the catalog, not already protected (by the seed's list or an earlier path); normalised. */
function validateProtected(paths: string[], catalog: Catalog, report: Report): string[] {
  const out: string[] = [];
  paths.forEach((path, i) => {
    const problem = markProblem(catalog, out, path);
    if (problem) report(["protected", i], problem.code, problem.message);
    else out.push(findNode(catalog, path)!.path);
  });
  return out;
}
