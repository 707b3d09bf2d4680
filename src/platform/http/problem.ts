import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { redactFreeText } from "../../domain/redaction/redact.js";
import { asSentence, fieldPath, plainMessage, valueAt } from "../../domain/validation/plain-message.js";
import { AppError, type FieldError } from "./errors.js";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "./database-unavailable.js";
import { FRAMEWORK_PROBLEMS } from "./framework-errors.js";

export type ProblemInput = {
  status: number;
  code: string;
  detail: string;
  path?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
};

export type Problem = ProblemInput & {
  type: string;
  title: string;
  requestId: string;
};


const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Too large",
  414: "URI too long",
  415: "Unsupported media type",
  422: "Unprocessable",
  423: "Locked",
  429: "Too many requests",
  500: "Internal error",
  503: "Service unavailable",
};

/**
 * A field's path as clients see it: where in the body ("calendarGrants.1.year"), with no `body.`
 * in front; the other parts of a request keep theirs ("querystring.limit", "params.groupId").
 */
export const publicPath = (path: string) => path.replace(/^body(\.|$)/, "");

/** Sends an application/problem+json body: one shape for every error the API returns. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, p: ProblemInput) {
  const body: Problem = {
    ...p,
    ...(p.path !== undefined ? { path: publicPath(p.path) } : {}),
    // a message may echo what was sent (a name, a search): never an SSN, whoever reads the error or its log
    detail: redactFreeText(p.detail),
    ...(p.errors ? { errors: p.errors.map((e) => ({ ...e, path: publicPath(e.path), message: redactFreeText(e.message) })) } : {}),
    type: `about:blank#${p.code}`,
    title: TITLES[p.status] ?? "Error",
    requestId: String(request.id),
  };
  return reply.status(p.status).type("application/problem+json").send(body);
}

export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const retryAfter = error.extra.detail?.retryAfterSeconds;
    if (typeof retryAfter === "number") reply.header("retry-after", String(retryAfter));
    return sendProblem(reply, request, {
      status: error.status,
      code: error.code,
      detail: error.message,
      path: error.extra.path ?? error.extra.errors?.[0]?.path,
      errors: error.extra.errors,
      ...error.extra.detail,
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? "body";
    const input = { body: request.body, querystring: request.query, params: request.params, headers: request.headers }[where];
    // every path starts with its part of the request, so publicPath can strip `body.` alike (a field named `body` stays `body`)
    const prefix = [where];
    const errors = error.validation.map((v) => {
      const path = String(v.instancePath).split("/").filter(Boolean);
      const issue = { ...(v.params as Record<string, unknown>), code: v.keyword, path, message: v.message };
      return { path: fieldPath([...prefix, ...path]), message: plainMessage(issue, valueAt(input, path)) };
    });
    const unique = [...new Set(errors.map((e) => asSentence(e.message)))];
    return sendProblem(reply, request, {
      status: 400,
      code: "validation-failed",
      detail: unique.length === 1 ? unique[0]! : `${unique.length} things to correct: ${unique.join(" ")}`,
      path: errors[0]?.path,
      errors,
    });
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, "database unavailable");
    reply.header("retry-after", String(RETRY_AFTER_SECONDS));
    return sendProblem(reply, request, {
      status: 503,
      code: "database-unavailable",
      detail: `The database cannot be reached just now, so nothing was read or saved. Try again in ${RETRY_AFTER_SECONDS} seconds.`,
    });
  }
  const status = (error as FastifyError).statusCode ?? 500;
  if (status >= 500 || isResponseSerializationError(error)) {
    request.log.error({ err: error }, "request failed");
    return sendProblem(reply, request, {
      status: 500,
      code: "internal-error",
      detail: `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
    });
  }
  const known = FRAMEWORK_PROBLEMS[(error as FastifyError).code ?? ""];
  if (known) return sendProblem(reply, request, { status, ...known });
  const code = (error as FastifyError).code?.toLowerCase().replace(/^fst_err_/, "").replace(/_/g, "-") ?? "bad-request";
  return sendProblem(reply, request, { status, code, detail: error.message });
}
