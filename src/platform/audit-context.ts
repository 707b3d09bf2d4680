import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import type { FastifyInstance } from "fastify";

/** Where a change came from: the server's own request id and the client's address. */
export type AuditContext = { requestId: string; ip: string | null };

// One mechanism instead of threading requestId/ip through every operation that audits: each
// request runs inside its context, and recordAudit reads it. Outside a request (CLI, jobs) there
// is none and the row says so with nulls.
const storage = new AsyncLocalStorage<AuditContext>();

export function currentAuditContext(): AuditContext | undefined {
  return storage.getStore();
}

export function runWithAuditContext<T>(context: AuditContext, work: () => T): T {
  return storage.run(context, work);
}

const RESOURCE = Symbol("auditContextResource");
type WithResource = { [RESOURCE]?: AsyncResource };

/**
 * Opens the context for every request. Fastify reads the body from stream events that belong to
 * no request's async context, so the context is re-entered once the body is parsed.
 */
export function registerAuditContext(app: FastifyInstance) {
  app.addHook("onRequest", (request, _reply, done) => {
    runWithAuditContext({ requestId: String(request.id), ip: request.ip ?? null }, () => {
      (request as WithResource)[RESOURCE] = new AsyncResource("gatehouse-audit-context");
      done();
    });
  });
  app.addHook("preValidation", (request, _reply, done) => {
    const resource = (request as WithResource)[RESOURCE];
    if (resource) resource.runInAsyncScope(done);
    else done();
  });
}
