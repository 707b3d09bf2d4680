import type { FastifyRequest } from "fastify";
import { fieldLabel } from "../../domain/validation/plain-message.js";
import { AppError } from "./errors.js";

// C0 controls but tab, line feed and carriage return; DEL; C1 controls. PostgreSQL refuses NUL
// in text outright (a 500 before this check), and the others only ever arrive by mistake or
// from someone probing.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const codePoint = (text: string) => `U+${text.match(CONTROL)![0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/** The path of the first text (value or key) holding a control character, or null. */
export function findControlCharacter(value: unknown, path: string): { path: string; char: string } | null {
  if (typeof value === "string") return CONTROL.test(value) ? { path, char: codePoint(value) } : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControlCharacter(value[i], `${path}.${i}`);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (CONTROL.test(key)) return { path: `${path}.${key.replace(CONTROL, "?")}`, char: codePoint(key) };
      const hit = findControlCharacter(inner, `${path}.${key}`);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * One check for every route, before its schema: text in the body, the query string and the
 * path parameters may hold tabs and line breaks but no other control character.
 */
export async function refuseControlCharacters(request: FastifyRequest): Promise<void> {
  const parts: [string, unknown][] = [["params", request.params], ["querystring", request.query], ["body", request.body]];
  for (const [where, value] of parts) {
    const hit = findControlCharacter(value, where);
    if (hit) {
      const [, ...field] = hit.path.split(".");
      const what = field.length ? `the ${fieldLabel(field)}` : "it";
      const part = where === "params" ? " in the address" : where === "querystring" ? " in the query" : "";
      throw new AppError(422, "control-character", `Remove the invisible character ${hit.char} from ${what}${part}: text may hold tabs and line breaks, nothing else that is invisible.`, { path: hit.path });
    }
  }
}
