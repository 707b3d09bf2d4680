import { Button, Group, Loader, Select, Table, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import { EmptyState } from "../../components/empty-state.js";
import { SecurityProblem } from "../security/role-notice.js";
import { keys, securityApi, type CalendarRef } from "../security/security-api.js";
import { UserPicker } from "../security/user-picker.js";
import { governanceApi, governanceKeys, userComparisonQuery } from "./governance-api.js";
import { RightsCell } from "./rights-cell.js";

/** Two people's effective rights side by side, in a calendar and on a day, with where each comes from. */
export function CompareUsersView() {
  const [params, setParams] = useSearchParams();
  const a = params.get("a");
  const b = params.get("b");
  const calendarKey = params.get("cal");
  const day = params.get("day");
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const calendars = useQuery({ queryKey: keys.calendars, queryFn: securityApi.calendars, retry: false, staleTime: 60_000 });
  const calendar = calendarKey ? (JSON.parse(calendarKey) as CalendarRef) : null;
  const ready = Boolean(a && b);
  const query = ready ? userComparisonQuery(a!, b!, calendar, day) : "";
  const result = useQuery({ queryKey: governanceKeys.compareUsers(query), queryFn: () => governanceApi.compareUsers(query), enabled: ready });
  const c = result.data;
  return (
    <>
      <Group align="end" mb="md">
        <UserPicker label="First person" value={a} onChange={(v) => set("a", v)} />
        <UserPicker label="Second person" value={b} onChange={(v) => set("b", v)} />
        <Select
          label="In calendar"
          placeholder="Outside any calendar"
          clearable
          data={(calendars.data ?? []).map((x) => ({ value: JSON.stringify(x), label: `${x.calendar} (${x.school}, ${x.year})` }))}
          value={calendarKey}
          onChange={(v) => set("cal", v)}
          w={260}
        />
        <TextInput label="On day" type="date" value={day ?? ""} onChange={(e) => set("day", e.currentTarget.value || null)} w={170} />
        {c && (
          <Button component="a" variant="default" href={governanceApi.compareUsersCsvUrl(query)} download>
            Download CSV
          </Button>
        )}
      </Group>
      <SecurityProblem error={result.error} />
      {ready && result.isPending && <Loader aria-label="Comparing" />}
      {!ready && <EmptyState title="Choose two people" message="Every tool where their effective rights differ is listed, with the group, role, deny or calendar cap each value comes from." />}
      {c && c.tools.length === 0 && <Text>Both have the same rights on every tool{calendar ? ` in ${calendar.calendar}` : ""}.</Text>}
      {c && c.tools.length > 0 && (
        <Table aria-label="Effective rights that differ" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tool</Table.Th>
              <Table.Th>{c.a.username}</Table.Th>
              <Table.Th>{c.b.username}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.tools.map((t) => (
              <Table.Tr key={t.path} data-testid="compare-user-row" data-path={t.path}>
                <Table.Td>{t.path}</Table.Td>
                {[t.a, t.b].map((side, i) => (
                  <Table.Td key={i}>
                    <Group gap={6} wrap="nowrap">
                      <RightsCell rights={side.rights} />
                      <Text size="sm">{side.source}</Text>
                    </Group>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
