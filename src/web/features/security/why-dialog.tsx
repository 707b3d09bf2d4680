import { Alert, Anchor, Badge, Loader, Modal, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { SecurityProblem } from "./role-notice.js";
import { securityApi, type Explanation, type RightsLens } from "./security-api.js";

const show = (r: string) => r || "none";
type CalendarParts = { school: string; year: string; calendar: string };
const calendarName = (c: CalendarParts) => `${c.calendar} (${c.school}, ${c.year})`;
const grantName = (g: CalendarParts) =>
  [g.school === "*" ? "all schools" : g.school, g.year === "*" ? "all years" : g.year, g.calendar === "*" ? "all calendars" : g.calendar].join(", ");

function GranteeRows({ data }: { data: Explanation }) {
  return (
    <Table withTableBorder fz="sm" verticalSpacing={4} aria-label="What each group and entry gives">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Through</Table.Th>
          <Table.Th w={80}>Gives</Table.Th>
          <Table.Th>From the entry on</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.grantees.map((g) => (
          <Table.Tr key={`${g.kind}:${g.groupId ?? g.name}`} opacity={g.active ? 1 : 0.6}>
            <Table.Td>
              {g.kind === "group" && g.groupId ? (
                <Anchor component={Link} to={`/security/groups/${g.groupId}`} size="sm">
                  {g.name}
                </Anchor>
              ) : (
                "Individual rights"
              )}
              {!g.active && (
                <Badge ml={6} size="xs" color="gray" tt="none">
                  membership not in force
                </Badge>
              )}
              {g.denies.map((d) => (
                <Text key={d} size="xs" c="red.8">
                  denies {d}
                </Text>
              ))}
              {g.ignored.map((i) => (
                <Text key={`${i.entryPath}:${i.reason}`} size="xs" c="dimmed">
                  ignored: {i.deny ? "deny" : show(i.rights)} on {i.entryPath} ({i.reason.replace(/-/g, " ")})
                </Text>
              ))}
            </Table.Td>
            <Table.Td>{show(g.rights)}</Table.Td>
            <Table.Td>
              {g.entryPath ?? (
                <Text span size="sm" c="dimmed">
                  {g.active ? "no entry on the tool or above it" : "—"}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CalendarLine({ cap }: { cap: NonNullable<Explanation["calendarCap"]> }) {
  if (!cap.applies) return <Text size="sm">The tool is not calendar-scoped: calendar rights do not limit it.</Text>;
  if (!cap.grant) return <Text size="sm">No calendar rights match this calendar, so the tool gives nothing here.</Text>;
  return (
    <Text size="sm">
      Calendar grant for {grantName(cap.grant)},{" "}
      {cap.grant.modify ? "with Modify: the tool rights apply in full." : "without Modify: capped at R (read only)."}
    </Text>
  );
}

/** "Why does this person have these rights here?": each group and entry, the union, a deny, the calendar cap. */
export function WhyDialog({ userId, tool, lens, onClose }: { userId: string; tool: string; lens: RightsLens; onClose(): void }) {
  const explain = useQuery({ queryKey: ["security", "explain", userId, tool, lens], queryFn: () => securityApi.explain(userId, tool, lens) });
  const data = explain.data;
  return (
    <Modal opened onClose={onClose} title={`Why: ${tool}`} size="xl" centered>
      {explain.isPending && <Loader size="sm" aria-label="Working out why" />}
      <SecurityProblem error={explain.error} />
      {data && (
        <Stack gap="sm" data-testid="explanation">
          <Text size="sm">
            Result: <strong>{show(data.rights)}</strong>
            {lens.calendar ? ` in ${calendarName(lens.calendar)}` : ""}, on {new Date(data.asOf).toLocaleDateString(undefined, { dateStyle: "medium" })}.
          </Text>
          {data.roleOverride ? (
            <Alert color="blue" variant="light">
              Holds the Student Information System product security role: RWAD in every tool and every calendar. Deny entries do not apply.
            </Alert>
          ) : (
            <>
              {data.grantees.length === 0 ? (
                <Text size="sm" c="dimmed">
                  In no groups and without individual rights.
                </Text>
              ) : (
                <GranteeRows data={data} />
              )}
              <Text size="sm">Largest of these: {show(data.union)}.</Text>
              {data.deny && (
                <Text size="sm" c="red.8">
                  Denied by {data.deny.by} on {data.deny.entryPath}: a deny beats every allow.
                </Text>
              )}
              {data.calendarCap && <CalendarLine cap={data.calendarCap} />}
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
