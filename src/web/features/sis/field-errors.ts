import { isApiError } from "../../api.js";

// The server names a body field by its path inside the body ("values.enrollment.grade"); forms
// here may still name it "body.values.enrollment.grade". Either matches.
const bare = (path: string) => path.replace(/^body\./, "");

/** The server's message for one input, matched on its full path inside the body ("values.enrollment.grade"). */
export function fieldError(error: unknown, path: string): string | undefined {
  if (!isApiError(error)) return undefined;
  return error.errors.find((e) => bare(e.path) === bare(path))?.message;
}

/** The last parts of the paths that a form shows at its inputs, for ProblemAlert's hideFields. */
export function shownAtFields(error: unknown, paths: string[]): string[] {
  if (!isApiError(error)) return [];
  const wanted = paths.map(bare);
  return error.errors.filter((e) => wanted.includes(bare(e.path))).map((e) => e.path.split(".").pop() ?? e.path);
}

export const isVersionConflict = (error: unknown) => isApiError(error) && error.code === "version-conflict";
