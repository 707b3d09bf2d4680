import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../platform/deps.js";
import { accountRoutes } from "./account/routes.js";
import { auditRoutes } from "./audit/routes.js";
import { authRoutes } from "./auth/routes.js";
import { districtPublicRoutes } from "./districts/routes.js";
import { healthRoutes } from "./health/routes.js";
import { userRoutes } from "./users/routes.js";
import { setPasswordRoutes } from "./users/set-password-routes.js";
import { contactRoutes } from "./contacts/routes.js";
import { supportRoutes } from "./support/routes.js";
import { sisRoutes } from "./sis/routes.js";
import { adhocRoutes } from "./adhoc/routes.js";
import { reviewRoutes } from "./reviews/routes.js";
import { lifecycleRoutes } from "./lifecycle/routes.js";
import { outboxRoutes } from "./outbox/routes.js";
import { rightsRoutes } from "./rights/routes.js";
import { governanceRoutes } from "./governance/routes.js";
import { installationRoutes } from "./installation/routes.js";
import { onerosterRoutes } from "./oneroster/routes.js";

/** Each feature is one Fastify plugin; adding a feature is one line here. */
export async function registerFeatures(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(accountRoutes(deps));
  await app.register(districtPublicRoutes(deps));
  await app.register(userRoutes(deps));
  await app.register(setPasswordRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(contactRoutes(deps));
  await app.register(supportRoutes(deps));
  await app.register(sisRoutes(deps));
  await app.register(adhocRoutes(deps));
  await app.register(reviewRoutes(deps));
  await app.register(lifecycleRoutes(deps));
  await app.register(outboxRoutes(deps));
  await app.register(rightsRoutes(deps));
  await app.register(governanceRoutes(deps));
  await app.register(installationRoutes(deps));
  await app.register(onerosterRoutes(deps));
}
