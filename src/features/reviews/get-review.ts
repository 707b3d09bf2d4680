import { getCatalog } from "../../domain/rights/catalog.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { loadDistrictSnapshot } from "./repo.js";
import { REVIEWS, type ReviewName } from "./reviews.js";

/** One review of the actor's district, as of now: its JSON, and the same rows as CSV on request. */
export async function getReview<N extends ReviewName>(db: Db, actor: DistrictActor, name: N, now: Date) {
  const snapshot = await loadDistrictSnapshot(db, actor);
  const review = REVIEWS[name];
  return review.build({ catalog: getCatalog(), ...snapshot, asOf: now }) as ReturnType<(typeof REVIEWS)[N]["build"]>;
}

export async function getReviewCsv(db: Db, actor: DistrictActor, name: ReviewName, now: Date): Promise<string> {
  const review = REVIEWS[name] as { csv(r: unknown): string };
  return review.csv(await getReview(db, actor, name, now));
}
