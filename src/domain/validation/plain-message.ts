import { dayProblem } from "../calendar-day.js";

/**
 * The one mapping from a validation issue (zod's, as Fastify reports it) to a sentence a person
 * acts on: "Choose a product area", "February has no 30th", "The subject is at most 200
 * characters; this one has 5,000". A message the schema wrote itself is kept; zod's own messages
 * ("Invalid option: expected one of …", "expected string, received undefined") never reach a
 * person, and no message names `body.` or a type. Used by the server's problem+json and by the
 * web app's own checks, so both say the same thing.
 */
export type ValidationIssue = {
  code: string;
  path: readonly PropertyKey[];
  message?: string;
  [param: string]: unknown;
};

// zod's English defaults all start like this; a schema's own message (the sentence to keep) does not.
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized key|Expected|Required)\b/;

const LABELS: Record<string, string> = {
  toolPath: "tool",
  ssn: "SSN",
  mfaCode: "authenticator code",
  code: "code",
  q: "search",
  url: "web address",
  expectedFrom: "membership's start as you last saw it",
  expectedUntil: "membership's end as you last saw it",
};

/** "calendarGrants.1.year": where in the input, as the web app matches it to a field (no `body.`). */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

function words(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const spaced = key
    .replace(/Ids?$/, (m) => (m.length > 2 ? "s" : ""))
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .trim();
  return spaced.replace(/\b(ssn|mfa|sis|csv|url|id)\b/g, (m) => m.toUpperCase()) || key;
}

const singular = (s: string) => s.replace(/ies$/, "y").replace(/(?<!s)s$/, "");

/** What to call the field in a sentence: "product area", "year of calendar grant 2". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  let i = parts.length - 1;
  while (i >= 0 && /^\d+$/.test(parts[i]!)) i--;
  if (i < 0) return parts.length ? `entry ${Number(parts[parts.length - 1]) + 1}` : "request";
  const label = words(parts[i]!);
  const index = parts[i - 1];
  if (index !== undefined && /^\d+$/.test(index) && i >= 2) return `${label} of ${singular(words(parts[i - 2]!))} ${Number(index) + 1}`;
  return label;
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) && !/^(one|user|uni)/i.test(noun) ? `an ${noun}` : `a ${noun}`);
const count = (n: number) => n.toLocaleString("en-US");
const show = (v: unknown) => (v === "" ? "none" : typeof v === "string" ? v : JSON.stringify(v));

/** The sentence for a field that is too long: "A group name is at most 100 characters; this one has 5,000". */
export function tooLongMessage(label: string, max: number, length: number): string {
  const named = /^[A-Z]/.test(label) ? label : article(label).replace(/^a/, "A");
  return `${named} is at most ${count(max)} characters; this one has ${count(length)}`;
}

function missing(expected: string, label: string): string {
  if (expected === "boolean") return `Choose yes or no for the ${label}`;
  if (expected === "number" || expected === "int" || expected === "bigint") return `Enter a number for the ${label}`;
  if (expected === "array") return `Choose at least one ${singular(label)}`;
  if (expected === "date") return `Fill in the ${label} (a day written YYYY-MM-DD)`;
  return `Fill in the ${label}`;
}

function wrongType(expected: string, label: string): string {
  const want: Record<string, string> = {
    string: "text",
    number: "a number",
    int: "a whole number",
    bigint: "a whole number",
    boolean: "yes or no (true or false)",
    array: "a list",
    object: "a set of fields",
    date: "a day written YYYY-MM-DD",
    null: "empty",
  };
  return `The ${label} must be ${want[expected] ?? "something else"}`;
}

function sizeMessage(issue: ValidationIssue, label: string, value: unknown): string {
  const big = issue.code === "too_big";
  const limit = Number(big ? issue.maximum : issue.minimum);
  const inclusive = issue.inclusive !== false;
  const length = typeof value === "string" || Array.isArray(value) ? value.length : undefined;
  switch (issue.origin) {
    case "string":
      if (!big && limit <= 1) return `Fill in the ${label}`;
      if (big) return length === undefined ? `The ${label} is at most ${count(limit)} characters` : tooLongMessage(label, limit, length);
      return `The ${label} needs at least ${count(limit)} characters${length === undefined ? "" : `; this one has ${count(length)}`}`;
    case "array":
    case "set":
      if (!big && limit <= 1) return `Choose at least one ${singular(label)}`;
      return `Give ${big ? "at most" : "at least"} ${count(limit)} ${label}${length === undefined ? "" : `; this has ${count(length)}`}`;
    case "date":
      return `The ${label} must be ${big ? "on or before" : "on or after"} ${new Date(limit).toISOString().slice(0, 10)}`;
    default: {
      const bound = big ? (inclusive ? "at most" : "less than") : inclusive ? "at least" : "more than";
      return `The ${label} must be ${bound} ${count(limit)}`;
    }
  }
}

function formatMessage(issue: ValidationIssue, label: string, value: unknown): string {
  switch (issue.format) {
    case "date":
      return (typeof value === "string" && dayProblem(value)?.replace(/\.$/, "")) || `Write the ${label} as YYYY-MM-DD, for example 2026-08-15`;
    case "datetime":
      return `Write the ${label} as a date and time, for example 2026-08-15T09:30:00Z`;
    case "email":
      return `Enter the ${label} as an email address, like name@example.org`;
    case "url":
      return `Enter the ${label} as a web address starting with https://`;
    case "uuid":
    case "guid":
      return `The ${label} is not one Gatehouse knows: pick it from the list again`;
    case "starts_with":
      return `The ${label} must start with "${String(issue.prefix)}"`;
    case "ends_with":
      return `The ${label} must end with "${String(issue.suffix)}"`;
    default:
      return `The ${label} is not written the way it should be: check it for typing mistakes`;
  }
}

/**
 * The sentence for one issue. `value` is what was sent at the issue's path (zod leaves it out of
 * the issue), so "missing" and "wrong kind of value" can be told apart and lengths counted.
 */
export function plainMessage(issue: ValidationIssue, value?: unknown): string {
  if (issue.message && !ZOD_DEFAULT.test(issue.message)) return issue.message;
  const label = fieldLabel(issue.path);
  switch (issue.code) {
    case "invalid_type": {
      const expected = String(issue.expected ?? "");
      return value === undefined || (value === null && expected !== "null") ? missing(expected, label) : wrongType(expected, label);
    }
    case "invalid_value": {
      const values = Array.isArray(issue.values) ? issue.values : [];
      if (values.length === 1) return `The ${label} must be ${show(values[0])}`;
      return values.length <= 6 ? `Choose ${article(label)}: ${values.map(show).join(", ")}` : `Choose ${article(label)} from the list`;
    }
    case "too_big":
    case "too_small":
      return sizeMessage(issue, label, value);
    case "invalid_format":
      return formatMessage(issue, label, value);
    case "not_multiple_of":
      return `The ${label} must be a multiple of ${String(issue.divisor)}`;
    case "unrecognized_keys": {
      const keys = Array.isArray(issue.keys) ? issue.keys.map(String) : [];
      return `Leave out ${keys.join(", ")}: ${issue.path.length ? `the ${label}` : "this request"} does not take ${keys.length > 1 ? "them" : "it"}`;
    }
    case "invalid_union":
      return `The ${label} is not in a form this accepts: check it for typing mistakes`;
    case "invalid_key":
    case "invalid_element":
      return `One entry of the ${label} is not valid: check each one`;
    default:
      return `Check the ${label}`;
  }
}

/** Reads the value at an issue's path in what was sent, for plainMessage. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<PropertyKey, unknown>)[key as string];
  }
  return at;
}

/** A sentence ends with a full stop in a problem's detail. */
export const asSentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
