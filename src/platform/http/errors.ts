/** One field that was wrong: where (a path into the input) and what to do about it. */
export type FieldError = { path: string; message: string };

/**
 * Every expected failure is an AppError; the error handler turns it into
 * application/problem+json with a stable `code` that clients may switch on.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { path?: string; errors?: FieldError[]; detail?: Record<string, unknown> } = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, "not-found", `${what} was not found.`);
export const badRequest = (code: string, message: string, path?: string) => new AppError(400, code, message, { path });
export const conflict = (code: string, message: string, detail?: Record<string, unknown>) =>
  new AppError(409, code, message, { detail });
export const unauthenticated = (message = "Sign in to continue.") => new AppError(401, "unauthenticated", message);
export const forbidden = (code: string, message: string, detail?: Record<string, unknown>) =>
  new AppError(403, code, message, { detail });
