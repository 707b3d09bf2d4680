import { Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { firstName, fillPlaceholders } from "../../../domain/support/fill-placeholders.js";
import { api } from "../../api.js";
import { useMe } from "../../app/auth-context.js";
import type { CaseDetail } from "../support/types.js";

export type CannedReply = { id: string; title: string; body: string; updatedByName: string; updatedAt: string; version: number };
export const CANNED_REPLIES_KEY = ["vendor", "canned-replies"];

/** Chooses a canned reply and hands its text, placeholders filled for this case, to the reply box. */
export function CannedReplyPicker({ c, onInsert }: { c: CaseDetail; onInsert(text: string): void }) {
  const me = useMe();
  const replies = useQuery({ queryKey: CANNED_REPLIES_KEY, queryFn: () => api.get<CannedReply[]>("/api/vendor/canned-replies") });
  const insert = (id: string | null) => {
    const reply = replies.data?.find((r) => r.id === id);
    if (!reply) return;
    onInsert(
      fillPlaceholders(reply.body, {
        "contact.name": c.contactName,
        "contact.firstName": firstName(c.contactName),
        "case.number": c.number,
        "case.subject": c.subject,
        "district.name": c.districtName,
        "agent.name": me?.user.displayName,
      }),
    );
  };
  return (
    <Select
      label="Insert a canned reply"
      placeholder={replies.data?.length === 0 ? "The library is empty" : "Choose a reply to edit before sending"}
      value={null}
      onChange={insert}
      searchable
      data={(replies.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
      nothingFoundMessage="No canned reply matches"
      w={320}
    />
  );
}
