import { Anchor, Button, Group, List, Loader, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router-dom";
import { EmptyState } from "../../components/empty-state.js";
import { SecurityProblem } from "../security/role-notice.js";
import { governanceApi, governanceKeys } from "./governance-api.js";
import { GroupSelect } from "./group-select.js";
import { ToolDifferencesTable } from "./tool-differences-table.js";

const modifyText = (g: { modify: boolean } | null) => (g === null ? "no grant" : g.modify ? "with modify" : "read-only");

/** Two groups side by side; the choice stays in the URL so a comparison can be shared. */
export function CompareGroupsView() {
  const [params, setParams] = useSearchParams();
  const a = params.get("a");
  const b = params.get("b");
  const set = (k: "a" | "b", v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const ready = Boolean(a && b);
  const result = useQuery({ queryKey: governanceKeys.compareGroups(a ?? "", b ?? ""), queryFn: () => governanceApi.compareGroups(a!, b!), enabled: ready });
  const c = result.data;
  return (
    <>
      <Group align="end" mb="md">
        <GroupSelect label="First group" value={a} onChange={(v) => set("a", v)} />
        <GroupSelect label="Second group" value={b} onChange={(v) => set("b", v)} />
        {c && (
          <Button component="a" variant="default" href={governanceApi.compareGroupsCsvUrl(a!, b!)} download>
            Download CSV
          </Button>
        )}
      </Group>
      <SecurityProblem error={result.error} />
      {ready && result.isPending && <Loader aria-label="Comparing" />}
      {!ready && <EmptyState title="Choose two groups" message="Every tool where their rights differ, their calendar rights and their members are shown side by side." />}
      {c && (
        <>
          <Title order={3} size="h4" mb="xs">
            Tool rights that differ ({c.tools.length})
          </Title>
          {c.tools.length === 0 ? (
            <Text mb="md">Both groups give the same rights on every tool.</Text>
          ) : (
            <ToolDifferencesTable rows={c.tools} label="Tool rights that differ" headA={c.a.name} headB={c.b.name} />
          )}
          <Title order={3} size="h4" mb="xs">
            Calendar rights that differ ({c.calendars.length})
          </Title>
          {c.calendars.length === 0 ? (
            <Text mb="md">Both groups reach the same calendars.</Text>
          ) : (
            <Table aria-label="Calendar rights that differ" mb="lg">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>School / year / calendar</Table.Th>
                  <Table.Th w={160}>{c.a.name}</Table.Th>
                  <Table.Th w={160}>{c.b.name}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.calendars.map((g) => (
                  <Table.Tr key={`${g.school}/${g.year}/${g.calendar}`}>
                    <Table.Td>{[g.school, g.year, g.calendar].map((x) => (x === "*" ? "all" : x)).join(" / ")}</Table.Td>
                    <Table.Td>{modifyText(g.a)}</Table.Td>
                    <Table.Td>{modifyText(g.b)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Title order={3} size="h4" mb="xs">
            Members ({c.members.both} in both)
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(["onlyA", "onlyB"] as const).map((side) => (
              <div key={side} data-testid={`members-${side}`}>
                <Text fw={600}>Only in {side === "onlyA" ? c.a.name : c.b.name}</Text>
                {c.members[side].length === 0 ? (
                  <Text size="sm">Nobody.</Text>
                ) : (
                  <List size="sm">
                    {c.members[side].map((m) => (
                      <List.Item key={m.userId}>
                        <Anchor component={Link} to={`/security/users/${m.userId}`}>{m.displayName}</Anchor> ({m.username})
                      </List.Item>
                    ))}
                  </List>
                )}
              </div>
            ))}
          </SimpleGrid>
        </>
      )}
    </>
  );
}
