import type { z } from "zod";
import type { ZContact, ZContactHistory, ZDistrictDetail, ZDistrictSummary, ZDistrictUser } from "../../../features/contacts/schema.js";
import type { ZCaseDetail, ZCaseSummary, ZRelease, ZUpdateRequest, ZUpdateRequestPage } from "../../../features/support/schema.js";

/** What a type looks like after JSON: dates arrive as ISO strings. */
export type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

export type CaseSummary = Json<z.infer<typeof ZCaseSummary>>;
export type CaseDetail = Json<z.infer<typeof ZCaseDetail>>;
export type CaseEvent = CaseDetail["events"][number];
export type UpdateRequest = Json<z.infer<typeof ZUpdateRequest>>;
export type UpdateRequestPage = Json<z.infer<typeof ZUpdateRequestPage>>;
export type Release = Json<z.infer<typeof ZRelease>>;
export type Contact = Json<z.infer<typeof ZContact>>;
export type ContactHistory = Json<z.infer<typeof ZContactHistory>>;
export type DistrictSummary = Json<z.infer<typeof ZDistrictSummary>>;
export type DistrictDetail = Json<z.infer<typeof ZDistrictDetail>>;
export type DistrictUser = Json<z.infer<typeof ZDistrictUser>>;

export type ContactCard = { name: string; type: "support" | "technical"; email: string | null };
export type PortalContact = { id: string; name: string; email: string | null; type: "support" | "technical"; status: "active" | "pending-deactivation" | "deactivated" };
export type PortalHome = {
  contact: PortalContact & { lastActivityAt: string };
  district: { id: string; name: string; cloudChoice: boolean };
  contacts: PortalContact[];
  openCases: number;
};
