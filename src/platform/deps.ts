import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Database } from "./db/connect.js";
import type { RightsView } from "./http/actor.js";
import type { UserRow } from "./auth/session-store.js";

/** Gives the rights a signed-in user has right now; the rights feature supplies the engine-backed one. */
export type RightsProvider = {
  /** `rightsVersion`: the district's version read in the same statement as the session, when known. */
  viewFor(user: Pick<UserRow, "id" | "districtId" | "kind" | "productSecurityRole">, rightsVersion?: number): Promise<RightsView>;
};

/** Everything the app needs from outside, passed once to createApp. No globals. */
export type AppDeps = {
  config: Config;
  database: Database;
  clock: Clock;
  rights: RightsProvider;
};
