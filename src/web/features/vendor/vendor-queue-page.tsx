import { Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { CaseTable } from "../support/case-table.js";
import { STATUS_LABELS } from "../support/labels.js";
import type { CaseSummary } from "../support/types.js";

/** Vendor staff's queue across every district: emergencies first, then by priority. */
export function VendorQueuePage() {
  const [status, setStatus] = useState<string | null>("active");
  const [priority, setPriority] = useState<string | null>(null);
  const [assignee, setAssignee] = useState<string | null>("any");
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const params = new URLSearchParams({ status: status ?? "active", assignee: assignee ?? "any", search: debounced });
  if (priority) params.set("priority", priority);
  const cases = useQuery({ queryKey: ["vendor", "cases", params.toString()], queryFn: () => api.get<CaseSummary[]>(`/api/vendor/cases?${params}`) });
  return (
    <Stack>
      <PageHeader
        title="Case queue"
        description="Cases from every district. Emergencies and urgent cases come first."
        actions={
          <Button component={Link} to="/vendor/cases/new" color="red" variant="light">
            Emergency case on behalf
          </Button>
        }
      />
      <Group align="flex-end" gap="sm" role="search" aria-label="Filter cases">
        <TextInput label="Search" placeholder="Subject, description or #number" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={280} />
        <Select label="Status" w={190} value={status} onChange={setStatus} allowDeselect={false} data={[{ value: "active", label: "Open (not resolved)" }, ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })), { value: "all", label: "All" }]} />
        <Select label="Priority" w={140} value={priority} onChange={setPriority} clearable placeholder="Any" data={["urgent", "high", "normal", "low"]} />
        <Select label="Assignee" w={160} value={assignee} onChange={setAssignee} allowDeselect={false} data={[{ value: "any", label: "Anyone" }, { value: "me", label: "Me" }, { value: "unassigned", label: "Unassigned" }]} />
      </Group>
      <ProblemAlert error={cases.error} />
      {cases.data && cases.data.length === 0 && <EmptyState title="No cases match" message="Change the filters to see more." />}
      {cases.data && cases.data.length > 0 && <CaseTable cases={cases.data} linkBase="/vendor/cases" vendor />}
    </Stack>
  );
}
