import type { ApiTokenRow } from "../auth/api-token-store.js";
import type { SessionRow } from "../auth/session-store.js";
import type { Access } from "./access.js";
import type { Actor } from "./actor.js";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session?: SessionRow;
    actor?: Actor;
    /** The API token a bearer call came with. */
    apiToken?: ApiTokenRow;
  }
}
