import { Alert, Anchor, Badge, Card, Group, Loader, SegmentedControl, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { EmptyState } from "../../components/empty-state.js";
import { ListTotal, LoadMore, listQuery, SortableTh, useListParams, usePagedList } from "../../components/paged-list.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { MessageView } from "./message-view.js";
import { formatMoment, STATUS_COLORS, type OutboxItem, type OutboxPage } from "./types.js";

/** The outbox's filters and order as kept in the URL; defaults stay out of it. */
const OUTBOX_DEFAULTS = { status: "all", search: "", sort: "created", order: "desc" };

/** Vendor staff: every email Gatehouse writes — waiting, sent, failed with the reason — and retry. */
export function OutboxPage() {
  const { values, set } = useListParams(OUTBOX_DEFAULTS);
  const [search, setSearch] = useState(values.search);
  const [debounced] = useDebouncedValue(search, 300);
  useEffect(() => set({ search: debounced }), [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => setSearch(values.search), [values.search]);
  const [open, setOpen] = useState<string | null>(null);
  const { query: list, items, total, first: data } = usePagedList<OutboxItem, OutboxPage>(["outbox", "list"], `/api/vendor/outbox?${listQuery(values)}`);
  const counts = data?.counts;
  const sorting = { sort: values.sort, order: values.order, onSort: (sort: string, order: "asc" | "desc") => set({ sort, order }) };
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
          value={values.status}
          onChange={(v) => set({ status: v })}
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
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
      </Group>
      <Group gap="sm">
        {data && <ListTotal total={total} noun={["message", "messages"]} />}
        {list.isFetching && <Loader size="xs" aria-label="Loading messages" />}
      </Group>
      {data && items.length === 0 && <EmptyState title="No messages here" message="Messages appear as soon as Gatehouse writes them." />}
      {data && items.length > 0 && (
        <Card withBorder radius="md" padding={0}>
          <Table.ScrollContainer minWidth={960}>
            <Table striped highlightOnHover aria-label="Outbox messages">
              <Table.Thead>
                <Table.Tr>
                  <SortableTh column="created" {...sorting}>
                    Written
                  </SortableTh>
                  <SortableTh column="district" {...sorting}>
                    District
                  </SortableTh>
                  <SortableTh column="to" {...sorting}>
                    To
                  </SortableTh>
                  <SortableTh column="subject" {...sorting}>
                    Subject
                  </SortableTh>
                  <SortableTh column="status" {...sorting}>
                    Status
                  </SortableTh>
                  <Table.Th>Delivery</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
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
      <LoadMore query={list} shown={items.length} total={total} />
      {open && <MessageView id={open} smtpConfigured={data?.smtpConfigured ?? false} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
