import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../../platform/http/errors.js";
import { handleError } from "../../platform/http/problem.js";
import { SCIM_CONTENT_TYPE, SCIM_ERROR } from "./scim-schemas.js";

/** RFC 7644 §3.12's scimType values Gatehouse answers with. */
export type ScimType = "invalidFilter" | "invalidSyntax" | "invalidValue" | "invalidPath" | "noTarget" | "mutability" | "uniqueness" | "tooMany" | "invalidVers";

/** An error in SCIM's own JSON: `schemas`, `status` (a string, as the RFC has it), `scimType`, `detail`. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(message);
  }
}

export const invalidValue = (message: string) => new ScimError(400, message, "invalidValue");

/** An error as SCIM's error JSON says it; null for an unexpected one, which the problem+json path logs. */
export function scimErrorOf(error: FastifyError | Error): { status: number; scimType?: string; detail: string } | null {
  if (error instanceof ScimError) return { status: error.status, detail: error.message, ...(error.scimType ? { scimType: error.scimType } : {}) };
  if (error instanceof AppError) {
    if (error.status === 400 || error.status === 422) return { status: 400, scimType: "invalidValue", detail: error.message };
    return { status: error.status, detail: error.message, ...(error.status === 409 && error.code === "username-taken" ? { scimType: "uniqueness" } : {}) };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return { status: 400, scimType: "invalidValue", detail: error.validation.map((v) => `${v.instancePath || "request"} ${v.message ?? "is not valid"}`).join("; ") };
  }
  const status = (error as FastifyError).statusCode;
  if (status && status < 500) return { status, detail: error.message, ...(status === 400 ? { scimType: "invalidSyntax" } : {}) };
  return null;
}

/** The body of a SCIM error response. */
export const scimErrorBody = (e: { status: number; scimType?: string; detail: string }) => ({ schemas: [SCIM_ERROR], status: String(e.status), ...(e.scimType ? { scimType: e.scimType } : {}), detail: e.detail });

/** Every error under /scim/v2, the access layer's 401/403 included, as SCIM clients read them. */
export function handleScimError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const e = scimErrorOf(error);
  // the problem+json path logs it and answers 503 while the database is away; keep its status
  if (!e) return handleError(error, request, reply);
  return reply.status(e.status).type(SCIM_CONTENT_TYPE).send(scimErrorBody(e));
}
