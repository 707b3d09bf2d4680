/**
 * The one way the web app talks to the API: JSON over fetch with the session cookie, the
 * session's CSRF token on every write, and problem+json failures thrown as ApiError.
 */

export type FieldError = { path: string; message: string };

type ProblemBody = {
  status?: number;
  code?: string;
  detail?: string;
  title?: string;
  path?: string;
  errors?: FieldError[];
  requestId?: string;
  [extra: string]: unknown;
};

/** A failed API call, carrying the server's problem+json fields so screens can show them. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly path?: string;
  readonly errors: FieldError[];
  readonly requestId?: string;
  /** The whole problem body, for codes that carry more (e.g. the current state on "version-conflict"). */
  readonly body: ProblemBody;

  constructor(status: number, body: ProblemBody) {
    const detail = body.detail ?? body.title ?? `The request failed (HTTP ${status}).`;
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code ?? `http-${status}`;
    this.detail = detail;
    this.path = body.path;
    this.errors = body.errors ?? (body.path ? [{ path: body.path, message: detail }] : []);
    this.requestId = body.requestId;
    this.body = body;
  }

  /** The message for one input field, matched on the last part of its path ("body.newPassword" → "newPassword"). */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.path === field || e.path.split(".").pop() === field)?.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let csrfToken: string | null = null;

/** The auth context keeps this in step with GET /api/auth/me; a new session brings a new token. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

const SAFE = new Set(["GET", "HEAD"]);

async function loadCsrfToken(): Promise<string | null> {
  const response = await fetch("/api/auth/me", { credentials: "same-origin", headers: { accept: "application/json" } });
  csrfToken = response.ok ? ((await response.json()) as { csrfToken: string }).csrfToken : null;
  return csrfToken;
}

async function send(method: string, url: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (!SAFE.has(method)) {
    const token = csrfToken ?? (await loadCsrfToken());
    if (token) headers["x-csrf-token"] = token;
  }
  return fetch(url, { method, credentials: "same-origin", headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function readError(response: Response): Promise<ApiError> {
  const type = response.headers.get("content-type") ?? "";
  let body: ProblemBody = {};
  if (type.includes("json")) {
    body = (await response.json().catch(() => ({}))) as ProblemBody;
  } else if (response.status >= 500 || response.status === 0) {
    body = { detail: "Gatehouse is not answering right now. Check your connection and try again in a moment." };
  }
  return new ApiError(response.status, body);
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await send(method, url, body);
    // The session may have been rotated (MFA, sign-in elsewhere in this browser): fetch its token and retry once.
    if (response.status === 403 && !SAFE.has(method)) {
      const problem = (await response.clone().json().catch(() => ({}))) as ProblemBody;
      if (problem.code === "csrf-token-invalid") {
        csrfToken = null;
        response = await send(method, url, body);
      }
    }
  } catch {
    throw new ApiError(0, { code: "network-error", detail: "Gatehouse could not be reached. Check your connection and try again." });
  }
  if (!response.ok) throw await readError(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("content-type") ?? "";
  return (type.includes("json") ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(url: string) => request<T>("GET", url),
  post: <T>(url: string, body?: unknown) => request<T>("POST", url, body ?? {}),
  put: <T>(url: string, body?: unknown) => request<T>("PUT", url, body ?? {}),
  patch: <T>(url: string, body?: unknown) => request<T>("PATCH", url, body ?? {}),
  delete: <T>(url: string, body?: unknown) => request<T>("DELETE", url, body),
};
