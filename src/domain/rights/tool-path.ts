/**
 * Normalisation of tool paths as written in the seed, in policy files and by people.
 * The template loader, the policy validator and the catalog lookup all go through here,
 * so a path that loads from the seed also resolves everywhere else.
 */

export const PATH_SEPARATOR = " > ";

/**
 * Seed rows with path = null name a module heading. Decision per label, as a table so it
 * can be reviewed: a label that is a module name is that module's root; the one exception
 * is "Allow Unfiltered Search", which is a Student Information tool, not a module.
 */
export const NULL_PATH_LABELS: Readonly<Record<string, string>> = {
  "Account Setting": "Account Setting", // per-user account tool, its own root
  "Log Off": "Log Off", // per-user, its own root
  "My Data": "My Data", // per-user, its own root
  "Ad Hoc Reporting": "Ad Hoc Reporting", // module root (Filter Designer lives under it)
  "Allow Unfiltered Search": "Student Information > Allow Unfiltered Search", // DESIGN.md: not a module
  Attendance: "Attendance", // module root (Attendance Wizards, Daily Attendance…)
  Behavior: "Behavior", // module root (Behavior Referral…)
  Census: "Census", // module root
  Health: "Health", // Health module root; distinct from Student Information > Health
  Medicaid: "Medicaid", // module root
  Scheduling: "Scheduling", // module root
  "State Reporting": "State Reporting", // module root
  "Student Information": "Student Information", // module root
  Surveys: "Surveys", // module root
  "User Communication": "User Communication", // module root
};

/** Whole-segment spelling fixes for typos in the seed. */
const SEGMENT_FIXES: Readonly<Record<string, string>> = {
  "batch sevice log entry": "Batch Service Log Entry",
};

/** Bare tool names that are not module roots. */
const BARE_TOOL_PATHS: Readonly<Record<string, string>> = {
  "allow unfiltered search": "Student Information > Allow Unfiltered Search",
};

/**
 * Normalises spacing, stray parentheses (the seed's "((System Administration > …") and the
 * seed's typos. Case is preserved; catalog lookup is case-insensitive.
 */
export function normalizeToolPath(raw: string): string {
  let s = raw.trim();
  while (s.startsWith("(")) s = s.slice(1).trim();
  // A trailing ")" with no "(" inside is a stray closer, not part of a tool name.
  while (s.endsWith(")") && !s.includes("(")) s = s.slice(0, -1).trim();
  const segments = s
    .split(">")
    .map((seg) => seg.replace(/\s+/g, " ").trim())
    .filter((seg) => seg.length > 0)
    .map((seg) => SEGMENT_FIXES[seg.toLowerCase()] ?? seg.replace(/\bSNN\b/g, "SSN"));
  const joined = segments.join(PATH_SEPARATOR);
  return BARE_TOOL_PATHS[joined.toLowerCase()] ?? joined;
}

/** Tool path of one seed table row: its path, or for a module heading the mapped root. */
export function seedRowToolPath(row: { label: string; path: string | null }): string {
  if (row.path !== null) return normalizeToolPath(row.path);
  const label = row.label.replace(/\*+$/, "").trim();
  const mapped = NULL_PATH_LABELS[label];
  if (mapped === undefined) {
    throw new Error(`Seed row "${row.label}" has no path and is not in NULL_PATH_LABELS; add a decision for it`);
  }
  return normalizeToolPath(mapped);
}

export function splitToolPath(path: string): string[] {
  return path.split(PATH_SEPARATOR);
}

export function pathKey(path: string): string {
  return normalizeToolPath(path).toLowerCase();
}

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Closest candidate by edit distance, if close enough to be a plausible typo. */
export function suggestClosest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(needle, c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.ceil(needle.length * 0.34));
  return bestDist <= limit ? best : undefined;
}
