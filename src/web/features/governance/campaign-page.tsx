import { Alert, Anchor, Badge, Button, Group, Loader, SegmentedControl, Switch, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { isApiError } from "../../api.js";
import { useMe } from "../../app/auth-context.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { PageHeader } from "../../components/page-header.js";
import { SecurityProblem } from "../security/role-notice.js";
import { campaignKeys, campaignsApi, describeScope, type CampaignDetail, type ReviewItem } from "./campaigns-api.js";
import { CHANGES, useCapabilities } from "../security/use-capabilities.js";

const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const through = (i: ReviewItem) => (i.source === "group" ? `group ${i.groupName}` : i.source === "individual" ? "individual rights" : "Student Information System role");

/** One item's decision controls: keep, remove or end on a day, with a note; saved at once. */
function DecisionCell({ campaign, item, editable }: { campaign: CampaignDetail; item: ReviewItem; editable: boolean }) {
  const queryClient = useQueryClient();
  const [endOn, setEndOn] = useState(item.endOn?.slice(0, 10) ?? "");
  const [note, setNote] = useState(item.note ?? "");
  const save = async (decision: "keep" | "remove" | "end") => {
    try {
      await campaignsApi.decide(campaign.id, item.id, { decision, ...(decision === "end" ? { endOn } : {}), ...(note ? { note } : {}) });
      void queryClient.invalidateQueries({ queryKey: campaignKeys.one(campaign.id) });
    } catch (e) {
      notifications.show({ color: "red", message: isApiError(e) ? e.detail : "The decision was not saved.", autoClose: false });
    }
  };
  if (!editable) return <Text size="sm">{item.decision ?? `none (default: ${campaign.defaultDecision})`}</Text>;
  return (
    <Group gap="xs" wrap="wrap">
      <SegmentedControl
        size="xs"
        aria-label={`Decision for ${item.displayName} (${through(item)})`}
        value={item.decision ?? ""}
        onChange={(v) => v && (v !== "end" || endOn) && void save(v as "keep" | "remove" | "end")}
        data={[
          { value: "keep", label: "Keep" },
          { value: "remove", label: "Remove" },
          { value: "end", label: "End on" },
        ]}
      />
      <TextInput size="xs" type="date" aria-label={`End day for ${item.displayName}`} value={endOn} onChange={(e) => setEndOn(e.currentTarget.value)} onBlur={() => endOn && item.decision === "end" && void save("end")} w={150} />
      <TextInput size="xs" aria-label={`Note for ${item.displayName}`} placeholder="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} onBlur={() => item.decision && note !== (item.note ?? "") && void save(item.decision)} w={200} />
    </Group>
  );
}

/** A campaign: each person's access in scope with last sign-in, the decisions, closing, and the report. */
export function CampaignPage() {
  const { campaignId = "" } = useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const capabilities = useCapabilities();
  const campaign = useQuery({ queryKey: campaignKeys.one(campaignId), queryFn: () => campaignsApi.get(campaignId) });
  const [onlyMine, setOnlyMine] = useState(false);
  const c = campaign.data;
  if (!c) return campaign.isPending ? <Loader aria-label="Loading the campaign" /> : <SecurityProblem error={campaign.error} />;
  const admin = capabilities.can(CHANGES.closeCampaign);
  const editable = c.status === "open" && (c.youReview || admin);
  const mayDecide = (i: ReviewItem) => c.status === "open" && (i.youDecide || admin);
  const mine = c.items.filter((i) => i.youDecide);
  const shown = onlyMine ? mine : c.items;
  const reviewers = c.reviewerMode === "group-owners" ? `Reviewers: each group's owner; ${c.reviewer?.displayName ?? "unknown"} for the rest` : `Reviewer: ${c.reviewer?.displayName ?? "unknown"}`;
  const decided = c.items.filter((i) => i.decision).length;
  const close = async () => {
    const r = await campaignsApi.close(c.id);
    notifications.show({ color: "green", message: `Closed "${c.name}": ${r.applied} items carried out.` });
    void queryClient.invalidateQueries({ queryKey: ["governance", "campaigns"] });
  };
  return (
    <div className="campaign-report">
      <Text size="sm" mb={4} className="no-print">
        <Anchor component={Link} to="/security/campaigns">
          Access review campaigns
        </Anchor>{" "}
        ›
      </Text>
      <PageHeader
        title={c.name}
        description={`Reviews ${describeScope(c.scope)}. ${reviewers}. Due ${day.format(new Date(c.dueOn))}. Undecided items are ${c.defaultDecision === "keep" ? "kept" : "removed"} at the close.${c.closedAt ? ` Closed ${day.format(new Date(c.closedAt))} by ${c.closedByName}.` : ""}`}
        actions={
          <Group className="no-print">
            <Button variant="default" onClick={() => window.print()}>
              Print the report
            </Button>
            <Button component="a" variant="default" href={campaignsApi.reportCsvUrl(c.id)} download>
              Download CSV
            </Button>
            {admin && c.status === "open" && (
              <ConfirmButton
                title={`Close "${c.name}"?`}
                message={`${decided} of ${c.items.length} items are decided; the other ${c.items.length - decided} follow the default (${c.defaultDecision}). Each removal or end date is carried out now, audited as done by the reviewer. Decisions cannot be changed afterwards.`}
                confirmLabel="Close and apply"
                onConfirm={close}
              >
                Close and apply decisions
              </ConfirmButton>
            )}
          </Group>
        }
      />
      <Group mb="md">
        <Badge>{c.status}</Badge>
        <Text size="sm">
          {decided} of {c.items.length} decided
        </Text>
        {mine.length > 0 && mine.length < c.items.length && (
          <Switch className="no-print" label={`Only the ${mine.length} items I decide`} checked={onlyMine} onChange={(e) => setOnlyMine(e.currentTarget.checked)} />
        )}
      </Group>
      {c.status === "open" && !editable && (
        <Alert variant="light" color="gray" mb="md">
          View only: the reviewer, or an administrator with the Student Information System role, decides these items.
        </Alert>
      )}
      <Table aria-label="Review items" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Through</Table.Th>
            <Table.Th>Rights in scope</Table.Th>
            <Table.Th w={130}>Last sign-in</Table.Th>
            <Table.Th>Reviewer</Table.Th>
            <Table.Th>Decision</Table.Th>
            {c.status === "closed" && <Table.Th>Outcome</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((i) => (
            <Table.Tr key={i.id} data-testid="review-item" data-user={i.username}>
              <Table.Td>
                <Anchor component={Link} to={`/security/users/${i.userId}`}>
                  {i.displayName}
                </Anchor>{" "}
                <Text span size="sm">
                  {i.username}
                </Text>
              </Table.Td>
              <Table.Td>{through(i)}</Table.Td>
              <Table.Td>
                {i.rights.map((r, n) => (
                  <div key={n}>
                    <Text size="sm">
                      {r.path}: {r.rights}
                    </Text>
                    {r.why && (
                      <Text size="xs" c="gray.7">
                        Why: {r.why}
                      </Text>
                    )}
                  </div>
                ))}
              </Table.Td>
              <Table.Td>{i.lastSignInAt ? day.format(new Date(i.lastSignInAt)) : "never"}</Table.Td>
              <Table.Td>{i.youDecide ? "you" : (i.reviewer?.displayName ?? "unknown")}</Table.Td>
              <Table.Td>
                <DecisionCell campaign={c} item={i} editable={mayDecide(i)} />
                {i.decidedByName && (
                  <Text size="xs">
                    by {i.decidedByName}
                    {i.note ? `: ${i.note}` : ""}
                  </Text>
                )}
              </Table.Td>
              {c.status === "closed" && <Table.Td>{i.outcome}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
