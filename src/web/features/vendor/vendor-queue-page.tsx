import { Button, Group, Loader, Select, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/empty-state.js";
import { ListTotal, LoadMore, listQuery, useListParams, usePagedList } from "../../components/paged-list.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { CaseTable } from "../support/case-table.js";
import { STATUS_LABELS } from "../support/labels.js";
import type { CaseSummary } from "../support/types.js";
import { NewCaseEmails } from "./new-case-emails.js";
import { SavedViews } from "./saved-views.js";

/** Every parameter of the queue, as kept in the URL (and in a saved view); defaults stay out of both. */
export const QUEUE_DEFAULTS = { search: "", status: "active", priority: "", assignee: "any", sort: "priority", order: "asc" };

/** Vendor staff's queue across every district: emergencies first, then by priority, or by any column. */
export function VendorQueuePage() {
  const { values, set } = useListParams(QUEUE_DEFAULTS);
  const [search, setSearch] = useState(values.search);
  const [debounced] = useDebouncedValue(search, 250);
  useEffect(() => set({ search: debounced }), [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => setSearch(values.search), [values.search]);
  const { query: cases, items, total } = usePagedList<CaseSummary>(["vendor", "cases"], `/api/vendor/cases?${listQuery(values)}`);
  const sorting = { sort: values.sort, order: values.order, onSort: (sort: string, order: "asc" | "desc") => set({ sort, order }) };
  return (
    <Stack>
      <PageHeader
        title="Case queue"
        description="Cases from every district. Emergencies and urgent cases come first; a column header sorts by that column."
        actions={
          <Button component={Link} to="/vendor/cases/new" color="red" variant="light">
            Emergency case on behalf
          </Button>
        }
      />
      <SavedViews values={values} defaults={QUEUE_DEFAULTS} onApply={set} />
      <NewCaseEmails />
      <Group align="flex-end" gap="sm" role="search" aria-label="Filter cases">
        <TextInput label="Search" placeholder="Subject, description or #number" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={280} />
        <Select label="Status" w={190} value={values.status} onChange={(v) => set({ status: v ?? "active" })} allowDeselect={false} data={[{ value: "active", label: "Open (not resolved)" }, ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })), { value: "all", label: "All" }]} />
        <Select label="Priority" w={140} value={values.priority || null} onChange={(v) => set({ priority: v ?? "" })} clearable placeholder="Any" data={["urgent", "high", "normal", "low"]} />
        <Select label="Assignee" w={160} value={values.assignee} onChange={(v) => set({ assignee: v ?? "any" })} allowDeselect={false} data={[{ value: "any", label: "Anyone" }, { value: "me", label: "Me" }, { value: "unassigned", label: "Unassigned" }]} />
        {cases.data && <ListTotal total={total} noun={["case", "cases"]} />}
        {cases.isFetching && <Loader size="xs" aria-label="Loading cases" />}
      </Group>
      <ProblemAlert error={cases.error} />
      {cases.data && items.length === 0 && <EmptyState title="No cases match" message="Change the filters to see more." />}
      {items.length > 0 && <CaseTable cases={items} linkBase="/vendor/cases" vendor sorting={sorting} />}
      <LoadMore query={cases} shown={items.length} total={total} />
    </Stack>
  );
}
