import { toCsv } from "../../reviews/review-csv.js";
import type { getCampaign } from "./get-campaign.js";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
const SOURCE = { group: "group membership", individual: "individual rights", role: "Student Information System role" } as const;

/** The campaign's evidence as one row per item: who had what, who decided what and when, what changed. */
export function campaignReportCsv(c: Awaited<ReturnType<typeof getCampaign>>): string {
  return toCsv(
    ["Campaign", "Person", "Username", "Access through", "Rights in scope", "Last sign-in", "Reviewer", "Decision", "Ends on", "Note", "Decided by", "Decided at", "Outcome"],
    c.items.map((i) => [
      c.name,
      i.displayName,
      i.username,
      i.source === "group" ? `${SOURCE.group}: ${i.groupName}` : SOURCE[i.source],
      i.rights.map((r) => `${r.path}: ${r.rights}${r.why ? ` (${r.why})` : ""}`).join("; "),
      day(i.lastSignInAt),
      i.reviewer?.displayName ?? "",
      i.decision ?? `none (default: ${c.defaultDecision})`,
      day(i.endOn),
      i.note ?? "",
      i.decidedByName ?? "",
      i.decidedAt?.toISOString() ?? "",
      i.outcome ?? (c.status === "closed" ? "" : "not yet applied"),
    ]),
  );
}
