import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../platform/deps.js";
import { catalogRoutes } from "./routes-catalog.js";
import { groupRoutes } from "./routes-groups.js";
import { memberRoutes } from "./routes-members.js";
import { protectedAreaRoutes } from "./routes-protected.js";
import { rightsUserRoutes } from "./routes-users.js";

/** Tool rights administration: one plugin made of one route file per resource. */
export function rightsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(catalogRoutes(deps));
    await app.register(groupRoutes(deps));
    await app.register(memberRoutes(deps));
    await app.register(rightsUserRoutes(deps));
    await app.register(protectedAreaRoutes(deps));
  };
}
