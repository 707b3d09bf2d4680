import { useCallback, useEffect, useRef } from "react";
import { isApiError } from "../api.js";

// The server names a body field by its path inside the body ("calendarGrants.1.year"); older
// answers may still say "body.calendarGrants.1.year". Either matches.
const bare = (path: string) => path.replace(/^body\./, "");
const lastPart = (path: string) => path.split(".").pop() ?? path;

/** Whether a field path of the server is the input at `path`: its full path ("calendarGrants.1.year"), or a bare name ("email"). */
export function isAtField(errorPath: string, path: string): boolean {
  const wanted = bare(path);
  return bare(errorPath) === wanted || (!wanted.includes(".") && lastPart(errorPath) === wanted);
}

/** The server's sentence for one input, by its path or bare name. */
export function problemAt(error: unknown, path: string): string | undefined {
  if (!isApiError(error)) return undefined;
  return (error.errors.find((e) => bare(e.path) === bare(path)) ?? error.errors.find((e) => isAtField(e.path, path)))?.message;
}

/** True when every field of a failure is shown at one of these inputs, so no alert needs to repeat it. */
export function allShownAtFields(error: unknown, paths: readonly string[]): boolean {
  return isApiError(error) && error.errors.length > 0 && error.errors.every((e) => paths.some((p) => isAtField(e.path, p)));
}

/**
 * The one way a form shows a failed submit at its inputs. `at(path)` is the sentence to give an
 * input as its `error` (Mantine then sets aria-invalid and points aria-describedby at it);
 * `formRef` goes on the form, which moves focus to its first invalid input when a new failure
 * arrives, as a person expects after pressing Save; `alert` says whether the failure still needs
 * a ProblemAlert because part of it belongs to no input. A form that refuses a submit itself
 * (two passwords that differ) calls `focusFirstInvalid` after setting its own message.
 */
export function useFieldProblems(error: unknown, paths: readonly string[]) {
  const form = useRef<HTMLElement | null>(null);
  const formRef = useCallback((el: HTMLElement | null) => {
    form.current = el;
  }, []);
  useEffect(() => {
    if (!isApiError(error) || error.errors.length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);
  // after the render that marks the input
  const focusFirstInvalid = useCallback(() => requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()), []);
  return {
    formRef,
    focusFirstInvalid,
    at: (path: string) => problemAt(error, path),
    alert: Boolean(error) && !allShownAtFields(error, paths),
  };
}
