import { createRightsCache, type RightsCache } from "../features/rights/rights-cache.js";
import { systemClock, type Clock } from "./clock.js";
import type { Database } from "./db/connect.js";

/**
 * The rights provider the server runs with: the engine's compiled rights per district, kept
 * current by the district's rights version (see features/rights/rights-cache.ts).
 */
export function createRightsProvider(database: Database, clock: Clock = systemClock): RightsCache {
  return createRightsCache(database, clock);
}
