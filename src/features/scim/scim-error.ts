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

/** Every error under /scim/v2, the access layer's 401/403 included, as SCIM clients read them. */
export function handleScimError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  let status = 500;
  let detail = "Something went wrong on our side.";
  let scimType: string | undefined;
  if (error instanceof ScimError) {
    status = error.status;
    detail = error.message;
    scimType = error.scimType;
  } else if (error instanceof AppError) {
    status = error.status;
    detail = error.message;
    if (error.status === 409) scimType = error.code === "username-taken" ? "uniqueness" : undefined;
    if (error.status === 400 || error.status === 422) {
      status = 400;
      scimType = "invalidValue";
    }
  } else if (hasZodFastifySchemaValidationErrors(error)) {
    status = 400;
    scimType = "invalidValue";
    detail = error.validation.map((v) => `${v.instancePath || "request"} ${v.message ?? "is not valid"}`).join("; ");
  } else if ((error as FastifyError).statusCode && (error as FastifyError).statusCode! < 500) {
    status = (error as FastifyError).statusCode!;
    detail = error.message;
    if (status === 400) scimType = "invalidSyntax";
  } else {
    // the problem+json path logs it and answers 503 while the database is away; keep its status
    return handleError(error, request, reply);
  }
  return reply
    .status(status)
    .type(SCIM_CONTENT_TYPE)
    .send({ schemas: [SCIM_ERROR], status: String(status), ...(scimType ? { scimType } : {}), detail });
}
