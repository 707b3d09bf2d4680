import { ActionIcon, Autocomplete, Badge, Button, Code, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Fragment, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import type { z } from "zod";
import type { ZAuditPage } from "../../../features/audit/schema.js";
import { api } from "../../api.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { diffAudit } from "./audit-diff.js";
import type { Wire } from "./security-api.js";
import { OlderEntriesButton } from "../../components/older-entries-button.js";

type AuditPage = Wire<z.infer<typeof ZAuditPage>>;
type AuditEntry = AuditPage["entries"][number];
const FILTERS = ["from", "to", "actor", "action", "target"] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** Suggestions for the action filter: a prefix ("group.") matches every action under it. */
const SECURITY_ACTIONS = [
  "group.",
  "group.created",
  "group.updated",
  "group.rights-replaced",
  "group.calendar-rights-replaced",
  "group.member-added",
  "group.member-changed",
  "group.member-removed",
  "group.deleted",
  "user.",
  "user.role-changed",
  "user.rights-replaced",
  "user.calendar-rights-replaced",
  "preferences.updated",
  "policy.applied",
];

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

function queryString(f: Filters, before?: number): string {
  const p = new URLSearchParams();
  // dates are days in the administrator's time zone; "to" includes the whole day
  if (f.from) p.set("from", new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) p.set("to", new Date(new Date(`${f.to}T00:00:00`).getTime() + 86_400_000).toISOString());
  for (const k of ["actor", "action", "target"] as const) if (f[k].trim()) p.set(k, f[k].trim());
  if (before) p.set("before", String(before));
  p.set("limit", "50");
  return p.toString();
}

function DiffView({ entry }: { entry: AuditEntry }) {
  const lines = diffAudit(entry.before, entry.after);
  if (lines.length === 0) return <Text size="sm" c="dimmed">No before/after recorded.</Text>;
  return (
    <Table withTableBorder fz="xs" verticalSpacing={2} aria-label="Before and after">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Field</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((l) => (
          <Table.Tr key={l.path}>
            <Table.Td>
              <Code>{l.path}</Code>
            </Table.Td>
            <Table.Td c="red.8">{l.before ?? "—"}</Table.Td>
            <Table.Td c="green.8">{l.after ?? "—"}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The district's audit log: who changed what and when, filtered, with before and after. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ""])) as Filters;
  const [draft, setDraft] = useState(filters);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const query = useInfiniteQuery({
    queryKey: ["security", "audit", filters],
    queryFn: ({ pageParam }) => api.get<AuditPage>(`/api/audit?${queryString(filters, pageParam)}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim())), { replace: true });
  };
  const toggle = (id: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader title="Audit log" description="Every change to groups, rights, memberships and accounts: who made it, when, and what it was before and after. Entries cannot be changed or removed." />
      <Paper withBorder p="md" radius="md" mb="md" component="form" onSubmit={apply} aria-label="Filter the audit log">
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
          <TextInput type="date" label="From" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
          <TextInput type="date" label="To (inclusive)" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
          <TextInput label="Who (username)" value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })} />
          <Autocomplete
            label="What (action)"
            placeholder="e.g. group."
            data={SECURITY_ACTIONS}
            value={draft.action}
            onChange={(action) => setDraft({ ...draft, action })}
            limit={20}
          />
          <TextInput label="Affected group or user" value={draft.target} onChange={(e) => setDraft({ ...draft, target: e.currentTarget.value })} />
        </SimpleGrid>
        <Group mt="sm" gap="sm">
          <Button type="submit" size="xs">
            Apply filters
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              setDraft({ from: "", to: "", actor: "", action: "", target: "" });
              setParams({}, { replace: true });
            }}
          >
            Clear
          </Button>
        </Group>
      </Paper>
      <ProblemAlert error={query.error} />
      {query.isPending && <Loader size="sm" aria-label="Loading the audit log" />}
      {query.data && entries.length === 0 && <EmptyState title="No audit entries match" message="Widen the dates or clear a filter." />}
      {entries.length > 0 && (
        <Stack gap="sm">
          <Table aria-label="Audit entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40} />
                <Table.Th w={230}>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Affected</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Fragment key={e.id}>
                  <Table.Tr data-testid="audit-row">
                    <Table.Td>
                      <ActionIcon variant="subtle" size="sm" aria-label={`${open.has(e.id) ? "Hide" : "Show"} before and after of entry ${e.id}`} aria-expanded={open.has(e.id)} onClick={() => toggle(e.id)}>
                        {open.has(e.id) ? "▾" : "▸"}
                      </ActionIcon>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{when.format(new Date(e.at))}</Table.Td>
                    <Table.Td>{e.actorName ?? <Text span c="dimmed">system</Text>}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" tt="none">
                        {e.action}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {e.targetName ?? e.targetId}
                      {e.targetType && (
                        <Text span size="xs" c="dimmed">
                          {" "}
                          ({e.targetType})
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {open.has(e.id) && (
                    <Table.Tr>
                      <Table.Td />
                      <Table.Td colSpan={4}>
                        <DiffView entry={e} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" data-testid="list-shown">
            Showing {entries.length} of {query.data?.pages[0]?.total ?? entries.length} {(query.data?.pages[0]?.total ?? 0) === 1 ? "entry" : "entries"}
          </Text>
          <OlderEntriesButton query={query} />
        </Stack>
      )}
    </>
  );
}
