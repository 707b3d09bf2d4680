import fastifyMultipart from "@fastify/multipart";
import type { FastifyPluginAsync } from "fastify";
import type { AppDeps } from "../../platform/deps.js";
import { MAX_ATTACHMENT_BYTES } from "./file-type.js";
import { registerPortalRoutes } from "./portal-routes.js";
import { registerVendorDeskRoutes } from "./vendor-desk-routes.js";
import { registerVendorCaseRoutes } from "./vendor-routes.js";

/** The Support Case Portal (district contacts) and the vendor's side of it, with uploads. */
export function supportRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    // Registered here only: no other feature accepts multipart bodies.
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, parts: 6 } });
    await registerPortalRoutes(app, deps);
    await registerVendorCaseRoutes(app, deps);
    await registerVendorDeskRoutes(app, deps);
  };
}
