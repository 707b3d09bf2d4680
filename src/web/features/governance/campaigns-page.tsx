import { Anchor, Badge, Button, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useMe } from "../../app/auth-context.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { SecurityProblem } from "../security/role-notice.js";
import { campaignKeys, campaignsApi, describeScope } from "./campaigns-api.js";
import { StartCampaignDialog } from "./start-campaign-dialog.js";
import { CHANGES, useCapabilities } from "../security/use-capabilities.js";

const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const STATUS_COLOR = { scheduled: "gray", open: "blue", closed: "green" } as const;

/** Access review campaigns: each term's review of who can see what, with sign-off and evidence. */
export function CampaignsPage() {
  const me = useMe();
  const [starting, setStarting] = useState(false);
  const list = useQuery({ queryKey: campaignKeys.list, queryFn: campaignsApi.list });
  const canStart = useCapabilities().can(CHANGES.startCampaign);
  return (
    <>
      <PageHeader
        title="Access review campaigns"
        description="Ask a reviewer to confirm, person by person, the access in a scope; closing the campaign carries out each decision and keeps the evidence."
        actions={canStart && <Button onClick={() => setStarting(true)}>Start an access review</Button>}
      />
      <SecurityProblem error={list.error} />
      {list.data && list.data.length === 0 && <EmptyState title="No access reviews yet" message="Start one each term, for example of everyone who can see health conditions." />}
      {list.data && list.data.length > 0 && (
        <Table aria-label="Access review campaigns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Campaign</Table.Th>
              <Table.Th>Reviews</Table.Th>
              <Table.Th w={110}>Status</Table.Th>
              <Table.Th w={140}>Due</Table.Th>
              <Table.Th w={120}>Decided</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((c) => (
              <Table.Tr key={c.id} data-testid="campaign-row">
                <Table.Td>
                  <Anchor component={Link} to={`/security/campaigns/${c.id}`} fw={600}>
                    {c.name}
                  </Anchor>
                  {c.repeatEveryDays && <Badge ml={6} size="xs" variant="light">every {c.repeatEveryDays} days</Badge>}
                </Table.Td>
                <Table.Td>{describeScope(c.scope)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[c.status]}>{c.status}</Badge>
                </Table.Td>
                <Table.Td>{day.format(new Date(c.dueOn))}</Table.Td>
                <Table.Td>
                  {c.decided} of {c.items}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <StartCampaignDialog opened={starting} onClose={() => setStarting(false)} />
    </>
  );
}
