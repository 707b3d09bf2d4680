import { Alert, Button, Card, Group, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { ContactLifecycleTable } from "./contact-lifecycle-table.js";
import { LifecycleTimeline } from "./lifecycle-timeline.js";
import type { ContactLifecycleList, DistrictLifecycleCounts, SweepReport } from "./types.js";

const FILTERS = [
  { value: "all", label: "All" },
  { value: "pending", label: "Pending deactivation" },
  { value: "due-soon", label: "Notice within 30 days" },
  { value: "active", label: "Active" },
  { value: "deactivated", label: "Deactivated" },
];

function SweepButton() {
  const client = useQueryClient();
  const sweep = useMutation({
    mutationFn: () => api.post<SweepReport>("/api/vendor/lifecycle/sweep"),
    onSuccess: () => client.invalidateQueries({ queryKey: ["lifecycle"] }),
  });
  return (
    <Stack gap={4} align="flex-end">
      <Button variant="light" loading={sweep.isPending} onClick={() => sweep.mutate()}>
        Run today's sweep now
      </Button>
      {sweep.data && (
        <Text size="xs" c="dimmed" role="status">
          Sweep for {sweep.data.asOf}: {sweep.data.actions.length === 0 ? "nothing was due." : sweep.data.stages.filter((s) => s.count > 0).map((s) => `${s.count} ${s.stage}`).join(", ")}
        </Text>
      )}
      <ProblemAlert error={sweep.error} />
    </Stack>
  );
}

function DistrictTable({ districts, selected, onSelect }: { districts: DistrictLifecycleCounts[]; selected: string | null; onSelect(id: string): void }) {
  return (
    <Table highlightOnHover aria-label="Contacts per district">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>District</Table.Th>
          <Table.Th ta="right">Active</Table.Th>
          <Table.Th ta="right">Notice within 30 days</Table.Th>
          <Table.Th ta="right">Pending deactivation</Table.Th>
          <Table.Th ta="right">Deactivated</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {districts.map((d) => (
          <Table.Tr key={d.districtId} bg={d.districtId === selected ? "var(--mantine-color-blue-light)" : undefined} style={{ cursor: "pointer" }} onClick={() => onSelect(d.districtId)}>
            <Table.Td>
              <Button variant="subtle" size="compact-sm" onClick={() => onSelect(d.districtId)} aria-pressed={d.districtId === selected}>
                {d.district}
              </Button>
            </Table.Td>
            <Table.Td ta="right">{d.active}</Table.Td>
            <Table.Td ta="right">{d.dueSoon}</Table.Td>
            <Table.Td ta="right" fw={d.pending ? 700 : undefined} c={d.pending ? "orange.8" : undefined}>
              {d.pending}
            </Table.Td>
            <Table.Td ta="right">{d.deactivated}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Vendor staff: authorized contacts by inactivity stage, per district, with a timeline. */
export function LifecyclePage() {
  const districts = useQuery({ queryKey: ["lifecycle", "districts"], queryFn: () => api.get<DistrictLifecycleCounts[]>("/api/vendor/lifecycle/districts") });
  const [picked, setPicked] = useState<string | null>(null);
  const [filter, setFilter] = useState("all");
  const selected = picked ?? districts.data?.find((d) => d.pending > 0)?.districtId ?? districts.data?.[0]?.districtId ?? null;
  const district = districts.data?.find((d) => d.districtId === selected);
  const contacts = useQuery({
    enabled: selected !== null,
    queryKey: ["lifecycle", "contacts", selected, filter],
    queryFn: () => api.get<ContactLifecycleList>(`/api/vendor/lifecycle/contacts?districtId=${selected}&filter=${filter}`),
  });
  const timeline = useQuery({
    enabled: selected !== null,
    queryKey: ["lifecycle", "contacts", selected, "all"],
    queryFn: () => api.get<ContactLifecycleList>(`/api/vendor/lifecycle/contacts?districtId=${selected}&filter=all`),
  });

  return (
    <Stack gap="lg">
      <PageHeader
        title="Contact inactivity"
        description="An authorized contact with no activity for 180 days gets a notice of pending deactivation, a reminder 15 days later and a final notice the day before deactivation, 30 days after the notice. Signing in or any case activity clears it. Days are counted in UTC."
        actions={<SweepButton />}
      />
      <ProblemAlert error={districts.error ?? contacts.error} />
      {districts.data && districts.data.length === 0 && <EmptyState title="No authorized contacts yet" message="Designate contacts on a district's page; their inactivity shows here." />}
      {districts.data && districts.data.length > 0 && (
        <Card withBorder radius="md" padding="md">
          <DistrictTable districts={districts.data} selected={selected} onSelect={setPicked} />
        </Card>
      )}
      {district && timeline.data && (
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="timeline-heading">
          <Title order={3} size="h4" id="timeline-heading" mb="sm">
            {district.district}: timeline
          </Title>
          <LifecycleTimeline contacts={timeline.data.contacts} asOf={timeline.data.asOf} district={district.district} />
        </Card>
      )}
      {district && (
        <Card withBorder radius="md" padding="md" component="section" aria-labelledby="contacts-heading">
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h4" id="contacts-heading">
              {district.district}: contacts
            </Title>
            <SegmentedControl size="xs" value={filter} onChange={setFilter} data={FILTERS} aria-label="Which contacts" />
          </Group>
          {contacts.data && contacts.data.contacts.length === 0 && <Text c="dimmed">No contacts in this stage.</Text>}
          {contacts.data && contacts.data.contacts.length > 0 && <ContactLifecycleTable contacts={contacts.data.contacts} />}
          {contacts.data?.truncated && (
            <Alert color="gray" mt="sm">
              Showing the {contacts.data.contacts.length} most urgent contacts; narrow the list with a stage.
            </Alert>
          )}
        </Card>
      )}
    </Stack>
  );
}
