import { Button, Card, Group, Menu, Modal, Stack, TextInput, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, isApiError } from "../../api.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { UpdateRequestTable } from "../support/update-requests-page.js";
import type { Release, UpdateRequest } from "../support/types.js";

/** The sentence for one field of a failed request, shown under that field. */
const fieldOf = (error: unknown, field: string) => (isApiError(error) ? error.fieldError(field) : undefined);

type Action = "schedule" | "complete" | "decline";

function DecisionModal({ request, action, onClose }: { request: UpdateRequest; action: Action; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [when, setWhen] = useState("");
  const [note, setNote] = useState("");
  const decide = useMutation({
    mutationFn: () => api.post(`/api/vendor/update-requests/${request.id}/decision`, { action, scheduledFor: when ? new Date(when).toISOString() : undefined, note: note || undefined, version: request.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["vendor", "update-requests"] });
      onClose();
    },
  });
  const title = { schedule: "Schedule", complete: "Mark completed", decline: "Decline" }[action];
  return (
    <Modal opened onClose={onClose} title={`${title}: request #${request.number}`}>
      <Stack gap="sm">
        <ProblemAlert error={decide.error} hideFields={["scheduledFor", "note"]} />
        {action === "schedule" && <TextInput label="Scheduled for" type="datetime-local" withAsterisk value={when} onChange={(e) => setWhen(e.currentTarget.value)} error={fieldOf(decide.error, "scheduledFor")} />}
        <Textarea label={action === "decline" ? "Why it is declined" : "Note to the contact"} withAsterisk={action === "decline"} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldOf(decide.error, "note")} />
        <Group justify="flex-end">
          <Button onClick={() => decide.mutate()} loading={decide.isPending} color={action === "decline" ? "red" : undefined}>
            {title}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReleasesCard() {
  const queryClient = useQueryClient();
  const releases = useQuery({ queryKey: ["vendor", "releases"], queryFn: () => api.get<Release[]>("/api/vendor/releases") });
  const [version, setVersion] = useState("");
  const [name, setName] = useState("");
  const [releasedOn, setReleasedOn] = useState("");
  const add = useMutation({ mutationFn: () => api.post("/api/vendor/releases", { version, name, releasedOn }), onSuccess: () => { setVersion(""); setName(""); void queryClient.invalidateQueries({ queryKey: ["vendor", "releases"] }); } });
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Releases">
      <Title order={3} size="h5" mb="xs">
        Releases for version updates
      </Title>
      <ProblemAlert error={add.error} hideFields={["version", "name", "releasedOn"]} />
      <Stack gap={2} mb="sm">
        {(releases.data ?? []).map((r) => (
          <span key={r.id}>
            <b>{r.version}</b> — {r.name} ({r.releasedOn})
          </span>
        ))}
      </Stack>
      <Group align="flex-end" gap="xs">
        <TextInput label="Version" value={version} onChange={(e) => setVersion(e.currentTarget.value)} w={120} error={fieldOf(add.error, "version")} />
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} w={200} error={fieldOf(add.error, "name")} />
        <TextInput label="Released on" type="date" value={releasedOn} onChange={(e) => setReleasedOn(e.currentTarget.value)} error={fieldOf(add.error, "releasedOn")} />
        <Button onClick={() => add.mutate()} disabled={!version || !name || !releasedOn}>
          Add release
        </Button>
      </Group>
    </Card>
  );
}

export function VendorUpdateRequestsPage() {
  const requests = useQuery({ queryKey: ["vendor", "update-requests"], queryFn: () => api.get<UpdateRequest[]>("/api/vendor/update-requests") });
  const [deciding, setDeciding] = useState<{ request: UpdateRequest; action: Action } | null>(null);
  return (
    <Stack>
      <PageHeader title="Update requests" description="Sandbox and staging refreshes and version updates filed by districts' technical contacts." />
      <ProblemAlert error={requests.error} />
      {requests.data && requests.data.length === 0 && <EmptyState title="No update requests" />}
      {requests.data && requests.data.length > 0 && (
        <UpdateRequestTable
          requests={requests.data}
          actions={(r) =>
            r.status === "requested" || r.status === "scheduled" ? (
              <Menu>
                <Menu.Target>
                  <Button size="xs" variant="default">
                    Process
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => setDeciding({ request: r, action: "schedule" })}>Schedule</Menu.Item>
                  <Menu.Item onClick={() => setDeciding({ request: r, action: "complete" })}>Mark completed</Menu.Item>
                  <Menu.Item color="red" onClick={() => setDeciding({ request: r, action: "decline" })}>Decline</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null
          }
        />
      )}
      <ReleasesCard />
      {deciding && <DecisionModal {...deciding} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}
