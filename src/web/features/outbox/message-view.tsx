import { Alert, Badge, Button, Group, Modal, Stack, Tabs, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { formatMoment, STATUS_COLORS, type OutboxMessage } from "./types.js";

/** One message as it was or would be sent: headers, HTML (sandboxed) and plain text; retry when failed. */
export function MessageView({ id, smtpConfigured, onClose }: { id: string; smtpConfigured: boolean; onClose(): void }) {
  const client = useQueryClient();
  const message = useQuery({ queryKey: ["outbox", "message", id], queryFn: () => api.get<OutboxMessage>(`/api/vendor/outbox/${id}`) });
  const retry = useMutation({
    mutationFn: () => api.post<OutboxMessage>(`/api/vendor/outbox/${id}/retry`),
    onSuccess: (updated) => {
      client.setQueryData(["outbox", "message", id], updated);
      return client.invalidateQueries({ queryKey: ["outbox", "list"] });
    },
  });
  const m = message.data;
  return (
    <Modal opened onClose={onClose} size="xl" title={m ? m.subject : "Message"}>
      <ProblemAlert error={message.error ?? retry.error} />
      {m && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge color={STATUS_COLORS[m.status]}>{m.status}</Badge>
            <Text size="sm">
              To <b>{m.to}</b>
              {m.district ? ` · ${m.district}` : ""} · written {formatMoment(m.createdAt)}
              {m.sentAt ? ` · sent ${formatMoment(m.sentAt)}` : ""}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            Message-ID {m.messageId} · {m.attempts} attempt{m.attempts === 1 ? "" : "s"}
          </Text>
          {m.status === "pending" && !smtpConfigured && <Alert color="blue">No SMTP server is configured: this is what would have been sent.</Alert>}
          {m.lastError && (
            <Alert color={m.status === "failed" ? "red" : "yellow"} title={m.status === "failed" ? "Delivery failed" : "Last attempt failed; will retry"}>
              {m.lastError}
            </Alert>
          )}
          {m.status === "failed" && (
            <Group>
              <Button color="red" variant="light" loading={retry.isPending} onClick={() => retry.mutate()}>
                Send again
              </Button>
            </Group>
          )}
          <Tabs defaultValue="html">
            <Tabs.List>
              <Tabs.Tab value="html">HTML</Tabs.Tab>
              <Tabs.Tab value="text">Plain text</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html" pt="sm">
              {/* An empty sandbox: the message's HTML can neither run scripts nor reach the app. */}
              <iframe title="HTML version of the message" sandbox="" srcDoc={m.html} style={{ width: "100%", height: 360, border: "1px solid var(--mantine-color-gray-3)", borderRadius: 4 }} />
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="sm">
              <Text component="pre" size="sm" style={{ whiteSpace: "pre-wrap", fontFamily: "var(--mantine-font-family-monospace)" }}>
                {m.text}
              </Text>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Modal>
  );
}
