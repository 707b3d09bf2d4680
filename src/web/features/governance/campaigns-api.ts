import type { z } from "zod";
import type { ZCampaignDetail, ZCampaignSummary, ZReviewItem } from "../../../features/governance/campaigns/campaign-schema.js";
import { api } from "../../api.js";
import type { Wire } from "../security/security-api.js";

export type CampaignSummary = Wire<z.infer<typeof ZCampaignSummary>>;
export type CampaignDetail = Wire<z.infer<typeof ZCampaignDetail>>;
export type ReviewItem = Wire<z.infer<typeof ZReviewItem>>;
export type CampaignScope = CampaignSummary["scope"];
export type NewCampaign = { name: string; scope: CampaignScope; dueOn: string; reviewerId?: string; reviewerMode: "named" | "group-owners"; defaultDecision: "keep" | "remove"; repeatEveryDays?: number };

export const campaignKeys = { list: ["governance", "campaigns"] as const, one: (id: string) => ["governance", "campaigns", id] as const };

export const campaignsApi = {
  list: () => api.get<CampaignSummary[]>("/api/campaigns"),
  get: (id: string) => api.get<CampaignDetail>(`/api/campaigns/${id}`),
  start: (body: NewCampaign) => api.post<{ id: string; items: number }>("/api/campaigns", body),
  decide: (id: string, itemId: string, body: { decision: "keep" | "remove" | "end"; endOn?: string; note?: string }) => api.put<ReviewItem>(`/api/campaigns/${id}/items/${itemId}`, body),
  close: (id: string) => api.post<{ closed: boolean; applied: number }>(`/api/campaigns/${id}/close`),
  reportCsvUrl: (id: string) => `/api/campaigns/${id}/report.csv`,
};

export function describeScope(scope: CampaignScope, groupName?: (id: string) => string | undefined): string {
  switch (scope.kind) {
    case "protected":
      return "everyone who can see federally protected data";
    case "group":
      return `the members of ${groupName?.(scope.groupId) ?? "a group"}`;
    case "tool":
      return `the holders of ${scope.toolPath}`;
    case "individual":
      return "individual rights";
    case "everything":
      return "every membership, individual right and role";
  }
}
