import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, isApiError } from "../../api.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { formatDate, formatDay, UPDATE_KIND_LABELS, UPDATE_STATUS_COLORS } from "./labels.js";
import { PortalGate } from "./portal-gate.js";
import type { UpdateRequest, UpdateRequestPage } from "./types.js";

export function UpdateRequestTable({ requests, actions }: { requests: UpdateRequest[]; actions?: (r: UpdateRequest) => React.ReactNode }) {
  return (
    <Table striped withTableBorder aria-label="Update requests">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>Request</Table.Th>
          {actions && <Table.Th>District</Table.Th>}
          <Table.Th>Requested by</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Scheduled for</Table.Th>
          {actions && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {requests.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{r.number}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={500}>
                {UPDATE_KIND_LABELS[r.kind]}
                {r.releaseVersion ? ` to ${r.releaseVersion}` : ""}
              </Text>
              <Text size="xs" c="dimmed">
                {r.preferredDate ? `Preferred ${formatDay(r.preferredDate)}. ` : ""}
                {r.notes}
              </Text>
              {r.vendorNote && (
                <Text size="xs">
                  Support: {r.vendorNote}
                </Text>
              )}
            </Table.Td>
            {actions && <Table.Td>{r.districtName}</Table.Td>}
            <Table.Td>
              <Text size="sm">{r.requestedByName}</Text>
              <Text size="xs" c="dimmed">
                {formatDate(r.createdAt)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={UPDATE_STATUS_COLORS[r.status]}>
                {r.status}
              </Badge>
            </Table.Td>
            <Table.Td>{formatDate(r.scheduledFor)}</Table.Td>
            {actions && <Table.Td>{actions(r)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RequestForm({ page }: { page: UpdateRequestPage }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string | null>(page.kinds[0] ?? null);
  const [releaseId, setReleaseId] = useState<string | null>(null);
  const [preferredDate, setPreferredDate] = useState("");
  const [notes, setNotes] = useState("");
  const file = useMutation({
    mutationFn: () => api.post<UpdateRequest>("/api/support/update-requests", { kind, releaseId: kind === "version-update" ? releaseId ?? undefined : undefined, preferredDate: preferredDate || undefined, notes }),
    onSuccess: (r) => {
      notifications.show({ color: "green", title: `Request #${r.number} filed`, message: "Support will schedule it and email you." });
      setNotes("");
      void queryClient.invalidateQueries({ queryKey: ["support", "update-requests"] });
    },
  });
  const fieldError = (f: string) => (isApiError(file.error) ? file.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    file.mutate();
  };
  return (
    <Card withBorder radius="md" padding="lg" component="form" onSubmit={submit} aria-label="New update request" maw={820}>
      <Title order={3} size="h4" mb="sm">
        New update request
      </Title>
      <Stack gap="sm">
        {file.error && !fieldError("releaseId") && !fieldError("preferredDate") && !fieldError("notes") ? <ProblemAlert error={file.error} /> : null}
        <Group grow align="flex-start">
          <Select label="Request" data={page.kinds.map((k) => ({ value: k, label: UPDATE_KIND_LABELS[k] }))} value={kind} onChange={setKind} allowDeselect={false} />
          <TextInput label="Preferred date" type="date" value={preferredDate} onChange={(e) => setPreferredDate(e.currentTarget.value)} error={fieldError("preferredDate")} />
        </Group>
        {kind === "version-update" && (
          <Select label="Release" withAsterisk placeholder="Choose the release" data={page.releases.map((r) => ({ value: r.id, label: `${r.version} — ${r.name}` }))} value={releaseId} onChange={setReleaseId} error={fieldError("releaseId")} />
        )}
        <Textarea label="Notes for Support" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={fieldError("notes")} />
        <Group justify="flex-end">
          <Button type="submit" loading={file.isPending}>
            File request
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function UpdateRequests() {
  const query = useQuery({ queryKey: ["support", "update-requests"], queryFn: () => api.get<UpdateRequestPage>("/api/support/update-requests") });
  if (query.error) return <ProblemAlert error={query.error} />;
  if (!query.data) return null;
  const page = query.data;
  return (
    <Stack>
      {page.canRequest ? (
        <RequestForm page={page} />
      ) : (
        <Alert color="blue" title="Only technical contacts can file update requests" maw={820}>
          {page.reason}
        </Alert>
      )}
      <Title order={3} size="h4">
        Your district's requests
      </Title>
      {page.requests.length === 0 ? <EmptyState title="No update requests yet" /> : <UpdateRequestTable requests={page.requests} />}
    </Stack>
  );
}

export function UpdateRequestsPage() {
  return (
    <PortalGate title="Update Requests">
      {(home) => (
        <Stack>
          <PageHeader
            title="Update Requests"
            description={`Sandbox and staging refreshes${home.district.cloudChoice ? ", and version updates (Campus Cloud Choice)" : ""} for ${home.district.name}, filed by the district's authorized technical contact.`}
          />
          <UpdateRequests />
        </Stack>
      )}
    </PortalGate>
  );
}
