import { isApiError } from "../../api.js";

/** The server's message for one input, matched on its full problem+json path ("body.values.enrollment.grade"). */
export function fieldError(error: unknown, path: string): string | undefined {
  if (!isApiError(error)) return undefined;
  return error.errors.find((e) => e.path === path)?.message;
}

/** The last parts of the paths that a form shows at its inputs, for ProblemAlert's hideFields. */
export function shownAtFields(error: unknown, paths: string[]): string[] {
  if (!isApiError(error)) return [];
  return error.errors.filter((e) => paths.includes(e.path)).map((e) => e.path.split(".").pop() ?? e.path);
}

export const isVersionConflict = (error: unknown) => isApiError(error) && error.code === "version-conflict";
