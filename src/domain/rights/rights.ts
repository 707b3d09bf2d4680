/**
 * Rights values. Letters R, W, A, D are closed upwards (W⇒R; A⇒R,W; D⇒R,W,A), so every
 * effective value is one of five, stored as a level 0..4 in compiled arrays.
 */

export type Rights = "" | "R" | "RW" | "RWA" | "RWAD";
export type RightLetter = "R" | "W" | "A" | "D";
/** 0 = none, 1 = R, 2 = RW, 3 = RWA, 4 = RWAD */
export type RightsLevel = 0 | 1 | 2 | 3 | 4;

export const RIGHTS_BY_LEVEL: readonly Rights[] = ["", "R", "RW", "RWA", "RWAD"];
export const ALL_RIGHTS: readonly Rights[] = RIGHTS_BY_LEVEL;
export const RIGHT_LETTERS: readonly RightLetter[] = ["R", "W", "A", "D"];

const LEVEL_OF_LETTER: Record<RightLetter, RightsLevel> = { R: 1, W: 2, A: 3, D: 4 };

export class InvalidRightsError extends Error {
  override readonly name = "InvalidRightsError";
  constructor(
    readonly input: string,
    readonly badCharacters: string[],
  ) {
    super(
      `"${input}" is not a set of rights: ${badCharacters.map((c) => `"${c}"`).join(", ")} ` +
        `${badCharacters.length === 1 ? "is not a right" : "are not rights"}; ` +
        `use the letters R (read), W (write), A (add), D (delete), or none at all for no rights`,
    );
  }
}

/**
 * Parses any combination of R/W/A/D (case-insensitive, any order, repeats allowed, spaces
 * ignored) and closes it upwards: "D" → "RWAD", "wa" → "RWA", "" → "".
 */
export function parseRights(input: string): Rights {
  return rightsFromLevel(parseRightsLevel(input));
}

export function parseRightsLevel(input: string): RightsLevel {
  let level: RightsLevel = 0;
  const bad: string[] = [];
  for (const ch of input) {
    if (ch === " " || ch === "\t") continue;
    const letter = ch.toUpperCase() as RightLetter;
    const l = LEVEL_OF_LETTER[letter];
    if (l === undefined) {
      if (!bad.includes(ch)) bad.push(ch);
      continue;
    }
    if (l > level) level = l;
  }
  if (bad.length > 0) throw new InvalidRightsError(input, bad);
  return level;
}

/** Non-throwing variant for validators. */
export function tryParseRights(input: string): { ok: true; rights: Rights } | { ok: false; error: InvalidRightsError } {
  try {
    return { ok: true, rights: parseRights(input) };
  } catch (e) {
    if (e instanceof InvalidRightsError) return { ok: false, error: e };
    throw e;
  }
}

export function isRights(value: unknown): value is Rights {
  return typeof value === "string" && (RIGHTS_BY_LEVEL as readonly string[]).includes(value);
}

export function levelOfRights(rights: Rights): RightsLevel {
  const l = RIGHTS_BY_LEVEL.indexOf(rights);
  if (l < 0) throw new InvalidRightsError(rights, [rights]);
  return l as RightsLevel;
}

export function rightsFromLevel(level: number): Rights {
  const r = RIGHTS_BY_LEVEL[level];
  if (r === undefined) throw new RangeError(`Rights level must be 0..4, got ${level}`);
  return r;
}

export function levelOfLetter(letter: RightLetter): RightsLevel {
  return LEVEL_OF_LETTER[letter];
}

export function maxRights(a: Rights, b: Rights): Rights {
  return rightsFromLevel(Math.max(levelOfRights(a), levelOfRights(b)));
}

export function minRights(a: Rights, b: Rights): Rights {
  return rightsFromLevel(Math.min(levelOfRights(a), levelOfRights(b)));
}

/** True when `rights` include `letter` (closure makes this a level comparison). */
export function hasRight(rights: Rights, letter: RightLetter): boolean {
  return levelOfRights(rights) >= LEVEL_OF_LETTER[letter];
}
