import { Alert, Badge, Button, Card, Checkbox, Code, Group, Loader, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFieldProblems } from "../../components/field-problems.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { CopyText } from "../../pages/account/copy-text.js";
import { formatMoment } from "../outbox/types.js";
import { RoleNotice } from "../security/role-notice.js";
import { CHANGES, useCapabilities } from "../security/use-capabilities.js";
import { webhookKeys, webhooksApi, type Endpoint, type WebhookCategory, type WithSecret } from "./webhooks-api.js";

const STATUS_COLORS = { pending: "yellow", sending: "blue", delivered: "green", failed: "red" } as const;

function useCategories() {
  return useQuery({ queryKey: webhookKeys.categories, queryFn: webhooksApi.categories, staleTime: Infinity }).data?.categories ?? [];
}

/** The signing secret, shown once after an endpoint is made or its secret replaced. */
function NewSecret({ shown, onDone }: { shown: WithSecret; onDone(): void }) {
  return (
    <Alert color="green" title={`Signing secret for ${shown.endpoint.url}`} withCloseButton closeButtonLabel="I have stored the secret" onClose={onDone}>
      <Text size="sm">Store it in the receiver now: Gatehouse shows it only this once. Each message carries webhook-id, webhook-timestamp and webhook-signature headers (Standard Webhooks); verify them with this secret.</Text>
      <CopyText value={shown.secret} label="signing secret" testId="webhook-secret" />
    </Alert>
  );
}

function AddEndpoint({ onCreated }: { onCreated(created: WithSecret): void }) {
  const queryClient = useQueryClient();
  const categories = useCategories();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [chosen, setChosen] = useState<WebhookCategory[]>(["rights"]);
  const create = useMutation({
    mutationFn: () => webhooksApi.create({ url, description, categories: chosen }),
    onSuccess: (created) => {
      setUrl("");
      setDescription("");
      onCreated(created);
      void queryClient.invalidateQueries({ queryKey: webhookKeys.all });
    },
  });
  const error = create.error;
  const fields = useFieldProblems(error, ["url", "description", "categories"]);
  const fieldError = fields.at;
  return (
    <Card withBorder radius="md" padding="lg" maw={760}>
      <form
        noValidate
        ref={fields.formRef}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <Text fw={600}>Add an endpoint</Text>
          <TextInput label="Address (https)" placeholder="https://siem.district.example/gatehouse" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={fieldError("url")} required />
          <TextInput label="Description" placeholder="What receives these events" value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError("description")} />
          <Checkbox.Group label="Events to send" value={chosen} onChange={(v) => setChosen(v as WebhookCategory[])} error={fieldError("categories")}>
            <Stack gap={6} mt={6}>
              {categories.map((c) => (
                <Checkbox key={c.id} value={c.id} label={c.label} />
              ))}
            </Stack>
          </Checkbox.Group>
          {fields.alert && <ProblemAlert error={error} title="The endpoint was not added" hideFields={["url", "description", "categories"]} />}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Add endpoint
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Deliveries({ endpoint, canManage }: { endpoint: Endpoint; canManage: boolean }) {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: webhookKeys.deliveries(endpoint.id), queryFn: () => webhooksApi.deliveries(endpoint.id), refetchInterval: 5_000 });
  const retry = useMutation({
    mutationFn: (deliveryId: string) => webhooksApi.retry(endpoint.id, deliveryId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
  if (list.isPending) return <Loader size="sm" aria-label="Loading the messages" />;
  const rows = list.data?.deliveries ?? [];
  if (rows.length === 0) return <Text size="sm">No messages yet. Send a test message to check the receiver.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={`Messages sent to ${endpoint.url}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Attempts</Table.Th>
            <Table.Th>Written</Table.Th>
            <Table.Th>What happened</Table.Th>
            {canManage && <Table.Th>Action</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Code>{d.eventType}</Code>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLORS[d.status]} variant="light">
                  {d.status}
                </Badge>
              </Table.Td>
              <Table.Td>{d.attempts}</Table.Td>
              <Table.Td>{formatMoment(d.createdAt)}</Table.Td>
              <Table.Td>
                {d.status === "delivered" ? `Delivered ${formatMoment(d.deliveredAt)}` : (d.lastError ?? "Waiting to be sent")}
                {d.status === "pending" && d.attempts > 0 && ` Next try ${formatMoment(d.nextAttemptAt)}.`}
              </Table.Td>
              {canManage && (
                <Table.Td>
                  {d.status === "failed" && (
                    <Button size="xs" variant="default" onClick={() => retry.mutate(d.id)} loading={retry.isPending && retry.variables === d.id}>
                      Send again
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EndpointCard({ endpoint, canManage, onSecret }: { endpoint: Endpoint; canManage: boolean; onSecret(s: WithSecret): void }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhookKeys.all });
  const toggle = useMutation({ mutationFn: () => webhooksApi.update(endpoint.id, { enabled: !endpoint.enabled }), onSuccess: refresh });
  const test = useMutation({
    mutationFn: () => webhooksApi.test(endpoint.id),
    onSuccess: () => {
      notifications.show({ color: "green", message: `A webhook.test message is on its way to ${endpoint.url}.` });
      setOpen(true);
      void refresh();
    },
  });
  const rotate = useMutation({ mutationFn: () => webhooksApi.rotate(endpoint.id), onSuccess: (s) => (onSecret(s), refresh()) });
  const remove = useMutation({ mutationFn: () => webhooksApi.remove(endpoint.id), onSuccess: refresh });
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={`Endpoint ${endpoint.url}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600} style={{ wordBreak: "break-all" }}>
              {endpoint.url}
            </Text>
            {endpoint.description && <Text size="sm">{endpoint.description}</Text>}
          </div>
          <Badge color={endpoint.enabled ? "green" : "gray"} variant="light">
            {endpoint.enabled ? "Sending" : "Paused"}
          </Badge>
        </Group>
        <Text size="sm">
          Events: {endpoint.categories.join(", ")} · {endpoint.pending} waiting · {endpoint.failed} failed · last delivered {formatMoment(endpoint.lastDeliveredAt)}
        </Text>
        {!endpoint.enabled && <Text size="sm">Paused: nothing is sent until it is resumed (an endpoint that answers 410 Gone is paused automatically).</Text>}
        <ProblemAlert error={toggle.error ?? test.error ?? rotate.error ?? remove.error} />
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? "Hide messages" : "Show messages"}
          </Button>
          {canManage && (
            <>
              <Button size="xs" variant="default" onClick={() => test.mutate()} loading={test.isPending}>
                Send a test message
              </Button>
              <Button size="xs" variant="default" onClick={() => toggle.mutate()} loading={toggle.isPending}>
                {endpoint.enabled ? "Pause" : "Resume"}
              </Button>
              <ConfirmButton size="xs" variant="default" title="Replace the signing secret?" message="Messages are signed with the new secret from now on; the receiver must be given it, or it will reject them." confirmLabel="Replace the secret" confirmColor="blue" onConfirm={() => rotate.mutateAsync()}>
                Replace secret
              </ConfirmButton>
              <ConfirmButton size="xs" variant="default" color="red" title="Remove this endpoint?" message={`Nothing more is sent to ${endpoint.url}, and the ${endpoint.pending} messages still waiting for it are dropped.`} confirmLabel="Remove endpoint" onConfirm={() => remove.mutateAsync()}>
                Remove
              </ConfirmButton>
            </>
          )}
        </Group>
        {open && <Deliveries endpoint={endpoint} canManage={canManage} />}
      </Stack>
    </Card>
  );
}

/** The district's signed webhooks: where rights changes, contact changes and case events are sent. */
export function WebhooksPage() {
  const canManage = useCapabilities().can(CHANGES.createWebhook);
  const list = useQuery({ queryKey: webhookKeys.all, queryFn: webhooksApi.list });
  const [secret, setSecret] = useState<WithSecret | null>(null);
  const endpoints = list.data?.endpoints ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title="Webhooks"
        description="Gatehouse tells your systems (a SIEM, a ticketing or identity tool) of rights changes, support contact changes and case events as they happen: each message signed, retried until it is received, protected values withheld."
      />
      <RoleNotice changes={[CHANGES.createWebhook]} />
      <ProblemAlert error={list.error} />
      {secret && <NewSecret shown={secret} onDone={() => setSecret(null)} />}
      {canManage && <AddEndpoint onCreated={setSecret} />}
      {list.isPending && <Loader aria-label="Loading the endpoints" />}
      {list.data && endpoints.length === 0 && <EmptyState title="No endpoints yet" message="Add one to start sending events." />}
      {endpoints.map((e) => (
        <EndpointCard key={e.id} endpoint={e} canManage={canManage} onSecret={setSecret} />
      ))}
    </Stack>
  );
}
