import { Anchor, Badge, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { DownloadCsvButton } from "../../components/download-csv-button.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import {
  accessLogQuery,
  fieldLabel,
  FILTER_KEYS,
  loggedFields,
  NO_FILTERS,
  ROUTE_LABELS,
  SORT_DEFAULTS,
  type AccessLogEntry,
  type AccessLogFilters,
} from "./access-log-query.js";
import { StudentPicker } from "./student-picker.js";
import { useProtectedAreas } from "../security/protected-areas-page.js";
import { ListTotal, LoadMore, listQuery, SortableTh, usePagedList } from "../../components/paged-list.js";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

const whose = (e: AccessLogEntry) => (e.personName ? `${e.personName}${e.localId ? ` (${e.localId})` : ""}` : e.personId);

const CSV_COLUMNS = [
  { header: "When", value: (e: AccessLogEntry) => e.at },
  { header: "Who", value: "actorName" as const },
  { header: "Whose record", value: whose },
  { header: "Field", value: (e: AccessLogEntry) => fieldLabel(e.field) },
  { header: "Tool", value: "tool" as const },
  { header: "Through", value: (e: AccessLogEntry) => ROUTE_LABELS[e.route] ?? e.route },
];

/**
 * FERPA's record of access: every reading of a federally protected field (and of an SSN), who
 * read it, whose record it was and when — searchable by district administrators.
 */
export function AccessLogPage() {
  const [params, setParams] = useSearchParams();
  const address = params.toString();
  const filters = useMemo(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, new URLSearchParams(address).get(k) ?? ""])) as AccessLogFilters, [address]);
  // the form follows the address, so a row's "only this record" and Back both show in it
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const order = { sort: params.get("sort") ?? SORT_DEFAULTS.sort, order: params.get("order") ?? SORT_DEFAULTS.order };
  const { query, items: entries, total } = usePagedList<AccessLogEntry>(["access-log"], `/api/access-log?${accessLogQuery(filters)}&${listQuery(order)}`);
  const districtProtected = useProtectedAreas().data?.district.map((d) => d.toolPath) ?? [];
  // filters and the order share the address; a value equal to its default stays out of it
  const setAddress = (next: Record<string, string>) =>
    setParams(Object.fromEntries(Object.entries(next).filter(([k, v]) => v.trim() && v !== SORT_DEFAULTS[k as keyof typeof SORT_DEFAULTS])), { replace: true });
  const apply = (next: AccessLogFilters) => setAddress({ ...next, ...order });
  const sorting = { sort: order.sort, order: order.order, onSort: (sort: string, dir: "asc" | "desc") => setAddress({ ...filters, sort, order: dir }) };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft);
  };

  return (
    <>
      <PageHeader
        title="Access log"
        description="FERPA's record of access: each time someone read a federally protected field or an SSN — on a screen, in an Ad hoc preview or export — with who, whose record, which field and when. Entries cannot be changed or removed."
        actions={<DownloadCsvButton rows={entries} columns={CSV_COLUMNS} filename="access-log" size="xs" />}
      />
      <Paper withBorder p="md" radius="md" mb="md" component="form" onSubmit={submit} aria-label="Search the access log">
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
          <TextInput label="Who (username)" placeholder="e.g. teacher" value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })} />
          <StudentPicker value={draft.personId || null} valueLabel={draft.person} onChange={(id, label) => setDraft({ ...draft, personId: id ?? "", person: id ? label : "" })} />
          <Select
            label="Field"
            placeholder="Any field"
            data={loggedFields(districtProtected).map((f) => ({ value: f.value, label: f.label }))}
            value={draft.field || null}
            onChange={(v) => setDraft({ ...draft, field: v ?? "" })}
            clearable
            searchable
          />
          <TextInput type="date" label="From" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
          <TextInput type="date" label="To (inclusive)" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        </SimpleGrid>
        <Group mt="sm" gap="sm">
          <Button type="submit" size="xs">
            Search
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              setDraft(NO_FILTERS);
              apply(NO_FILTERS);
            }}
          >
            Clear
          </Button>
        </Group>
      </Paper>
      <ProblemAlert error={query.error} />
      {query.isPending && <Loader size="sm" aria-label="Loading the access log" />}
      {query.data && (
        <Group mb="xs">
          <ListTotal total={total} noun={["reading", "readings"]} />
        </Group>
      )}
      {query.data && entries.length === 0 && <EmptyState title="No readings match" message="Nobody read a protected field with these filters. Widen the dates or clear a filter." />}
      {entries.length > 0 && (
        <Stack gap="sm">
          <Table striped withTableBorder aria-label="Access log entries">
            <Table.Thead>
              <Table.Tr>
                <SortableTh column="at" {...sorting}>
                  When
                </SortableTh>
                <SortableTh column="actor" {...sorting}>
                  Who
                </SortableTh>
                <SortableTh column="person" {...sorting}>
                  Whose record
                </SortableTh>
                <SortableTh column="field" {...sorting}>
                  Field
                </SortableTh>
                <SortableTh column="route" {...sorting}>
                  Through
                </SortableTh>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id} data-testid="access-row">
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{when.format(new Date(e.at))}</Table.Td>
                  <Table.Td>{e.actorName}</Table.Td>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" onClick={() => apply({ ...filters, personId: e.personId, person: whose(e) })} title="Show only readings of this record">
                      {e.personName ?? e.personId}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {e.localId && `${e.localId} · `}
                      <Anchor component={Link} to={`/students/${e.personId}`} size="xs">
                        open record
                      </Anchor>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{fieldLabel(e.field)}</Text>
                    <Text size="xs" c="dimmed">
                      {e.tool}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Badge variant="light" tt="none" color={e.route === "screen" ? "gray" : "violet"}>
                      {ROUTE_LABELS[e.route] ?? e.route}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <LoadMore query={query} shown={entries.length} total={total} />
        </Stack>
      )}
    </>
  );
}
