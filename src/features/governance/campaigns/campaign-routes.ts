import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../../platform/deps.js";
import { access } from "../../../platform/http/access.js";
import { districtActor } from "../../rights/guards.js";
import { TOOLS } from "../../rights/tools.js";
import { campaignReportCsv } from "./campaign-report-csv.js";
import { ZCampaignDetail, ZCampaignSummary, ZDecide, ZReviewItem, ZStartCampaign } from "./campaign-schema.js";
import { listCampaigns } from "./campaigns-repo.js";
import { closeCampaign } from "./close-campaign.js";
import { decideReviewItem } from "./decide-review-item.js";
import { getCampaign } from "./get-campaign.js";
import { startCampaign } from "./start-campaign.js";

const tags = ["governance"];
const ZId = z.object({ campaignId: z.uuid() });

/** Access review campaigns: start, decide, close (applying the decisions), and the report. */
export function campaignRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  return async (app) => {
    app.get(
      "/api/campaigns",
      { config: { access: access.tool(TOOLS.reviews, "R") }, schema: { tags, summary: "Access review campaigns, newest first, with how many items are decided", response: { 200: z.array(ZCampaignSummary) } } },
      async (request) => listCampaigns(db, districtActor(request.actor)),
    );
    app.post(
      "/api/campaigns",
      { config: { access: access.tool(TOOLS.reviews, "A", { administers: "membership", role: "student-information-system" }) }, schema: { tags, summary: "Start a campaign: scope, due date, reviewer, default for undecided items, optional repeat", body: ZStartCampaign, response: { 201: z.object({ id: z.string(), items: z.number() }) } } },
      async (request, reply) => reply.status(201).send(await startCampaign(db, districtActor(request.actor), request.body, deps.clock.now())),
    );
    app.get(
      "/api/campaigns/:campaignId",
      { config: { access: access.tool(TOOLS.reviews, "R") }, schema: { tags, summary: "A campaign with every item and decision", params: ZId, response: { 200: ZCampaignDetail } } },
      async (request) => getCampaign(db, districtActor(request.actor), request.params.campaignId),
    );
    app.get(
      "/api/campaigns/:campaignId/report.csv",
      { config: { access: access.tool(TOOLS.reviews, "R") }, schema: { tags, summary: "The campaign's evidence (CSV): who decided what, when, and what changed", params: ZId, response: { 200: z.string().describe("text/csv") } } },
      async (request, reply) => {
        const c = await getCampaign(db, districtActor(request.actor), request.params.campaignId);
        return reply.header("content-type", "text/csv; charset=utf-8").header("content-disposition", `attachment; filename="access-review-${c.startsOn.toISOString().slice(0, 10)}.csv"`).send(campaignReportCsv(c));
      },
    );
    app.put(
      "/api/campaigns/:campaignId/items/:itemId",
      { config: { access: access.tool(TOOLS.reviews, "R") }, schema: { tags, summary: "Decide one item: keep, remove, or end on a date, with a note (the reviewer only)", params: ZId.extend({ itemId: z.uuid() }), body: ZDecide, response: { 200: ZReviewItem } } },
      async (request) => decideReviewItem(db, districtActor(request.actor), request.params.campaignId, request.params.itemId, request.body, deps.clock.now()),
    );
    app.post(
      "/api/campaigns/:campaignId/close",
      { config: { access: access.tool(TOOLS.reviews, "W", { administers: "membership", role: "student-information-system" }) }, schema: { tags, summary: "Close the campaign and carry out every decision (undecided items follow its default)", params: ZId, response: { 200: z.object({ closed: z.boolean(), applied: z.number(), outcomes: z.record(z.string(), z.number()) }) } } },
      async (request) => closeCampaign(deps, districtActor(request.actor), request.params.campaignId),
    );
  };
}
