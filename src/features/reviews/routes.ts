import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { getReview, getReviewCsv } from "./get-review.js";
import { listGroupCautions } from "./list-group-cautions.js";
import { ZSeedCautionRow } from "./schema.js";
import { TOOLS } from "../rights/tools.js";
import { REVIEWS, type ReviewName } from "./reviews.js";

export const REVIEWS_TOOL = "System Administration > User Security > Reviews";

/** GET /api/reviews/<name> (JSON) and /api/reviews/<name>.csv (download) for every review. */
export function reviewRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/groups/:groupId/seed-cautions",
      {
        // the rights editor's own right: whoever may read the group's rights reads the cautions about it
        config: { access: access.tool(TOOLS.toolRights, "R") },
        schema: {
          tags: ["reviews"],
          summary: "The seed's cautions about this group and its members in force, as the rights editor shows them",
          params: z.object({ groupId: z.uuid() }),
          response: { 200: z.object({ rows: z.array(ZSeedCautionRow) }) },
        },
      },
      async (request) => ({ rows: await listGroupCautions(deps.database.db, request.actor as DistrictActor, request.params.groupId, deps.clock.now()) }),
    );
    for (const name of Object.keys(REVIEWS) as ReviewName[]) {
      const review = REVIEWS[name];
      app.get(
        `/api/reviews/${name}`,
        {
          config: { access: access.tool(REVIEWS_TOOL, "R") },
          schema: { tags: ["reviews"], summary: review.summary, response: { 200: review.schema } },
        },
        async (request) => getReview(deps.database.db, request.actor as DistrictActor, name, deps.clock.now()),
      );
      app.get(
        `/api/reviews/${name}.csv`,
        {
          config: { access: access.tool(REVIEWS_TOOL, "R") },
          schema: { tags: ["reviews"], summary: `${review.summary} (CSV)`, response: { 200: z.string().describe("text/csv") } },
        },
        async (request, reply) => {
          const csv = await getReviewCsv(deps.database.db, request.actor as DistrictActor, name, deps.clock.now());
          const day = deps.clock.now().toISOString().slice(0, 10);
          return reply
            .header("content-type", "text/csv; charset=utf-8")
            .header("content-disposition", `attachment; filename="${name}-${day}.csv"`)
            .header("cache-control", "no-store")
            .send(csv);
        },
      );
    }
  };
}
