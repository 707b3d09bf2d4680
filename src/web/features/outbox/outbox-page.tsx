import { Alert, Anchor, Badge, Card, Group, Pagination, SegmentedControl, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { MessageView } from "./message-view.js";
import { formatMoment, STATUS_COLORS, type OutboxPage as Page } from "./types.js";

const PAGE_SIZE = 50;

/** Vendor staff: every email Gatehouse writes — waiting, sent, failed with the reason — and retry. */
export function OutboxPage() {
  const [status, setStatus] = useState("all");
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ["outbox", "list", status, debounced, page],
    queryFn: () => api.get<Page>(`/api/vendor/outbox?status=${status}&search=${encodeURIComponent(debounced)}&page=${page}&pageSize=${PAGE_SIZE}`),
    placeholderData: keepPreviousData,
  });
  const data = list.data;
  const counts = data?.counts;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Outbox"
        description="Every email Gatehouse sends goes through here: inactivity notices, case notifications. Failed messages keep the mail server's reason and can be sent again."
      />
      <ProblemAlert error={list.error} />
      {data && !data.smtpConfigured && (
        <Alert color="blue" title="No mail server configured">
          SMTP_URL is not set, so nothing is sent. Messages stay here as pending: open one to read what would have been sent.
        </Alert>
      )}
      <Group justify="space-between">
        <SegmentedControl
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          aria-label="Which messages"
          data={[
            { value: "all", label: "All" },
            { value: "pending", label: `Pending${counts ? ` (${counts.pending})` : ""}` },
            { value: "sending", label: `Sending${counts ? ` (${counts.sending})` : ""}` },
            { value: "sent", label: `Sent${counts ? ` (${counts.sent})` : ""}` },
            { value: "failed", label: `Failed${counts ? ` (${counts.failed})` : ""}` },
          ]}
        />
        <TextInput
          placeholder="Search recipient, subject or district"
          aria-label="Search messages"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={320}
        />
      </Group>
      {data && data.items.length === 0 && <EmptyState title="No messages here" message="Messages appear as soon as Gatehouse writes them." />}
      {data && data.items.length > 0 && (
        <Card withBorder radius="md" padding={0}>
          <Table.ScrollContainer minWidth={960}>
            <Table striped highlightOnHover aria-label="Outbox messages">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Written</Table.Th>
                  <Table.Th>District</Table.Th>
                  <Table.Th>To</Table.Th>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Delivery</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatMoment(m.createdAt)}</Table.Td>
                    <Table.Td>{m.district ?? "—"}</Table.Td>
                    <Table.Td>{m.to}</Table.Td>
                    <Table.Td maw={380}>
                      <Anchor component="button" type="button" size="sm" onClick={() => setOpen(m.id)} ta="left">
                        {m.subject}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ width: 96 }}>
                      <Badge color={STATUS_COLORS[m.status]} variant="light" style={{ overflow: "visible" }}>
                        {m.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td maw={300}>
                      <Text size="xs">
                        {m.status === "sent" && `Sent ${formatMoment(m.sentAt)}`}
                        {m.status === "pending" && (data.smtpConfigured ? `Next attempt ${formatMoment(m.nextAttemptAt)}` : "Not sent: no mail server")}
                        {m.status === "sending" && "Being sent now"}
                        {m.status === "failed" && `Failed after ${m.attempts} attempt${m.attempts === 1 ? "" : "s"}`}
                      </Text>
                      {m.lastError && (
                        <Text size="xs" c={m.status === "failed" ? "red" : "dimmed"} lineClamp={2}>
                          {m.lastError}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {data && data.total > PAGE_SIZE && <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} />}
      {open && <MessageView id={open} smtpConfigured={data?.smtpConfigured ?? false} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
