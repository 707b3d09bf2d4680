import { Anchor, Button, Group, Loader, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { SecurityProblem } from "./role-notice.js";
import { keys, securityApi } from "./security-api.js";
import { formatDay } from "./format-day.js";
import "./security.css";

const printedOn = () => new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeStyle: "short" }).format(new Date());

/** A report that prints on its own: a title, the date, Print and Download CSV (not printed), the table. */
function Report({ title, back, csv, children }: { title: string; back: ReactNode; csv: string; children: ReactNode }) {
  return (
    <>
      <Text size="sm" mb={4} className="gh-no-print">
        {back}
      </Text>
      <Title order={2}>{title}</Title>
      <Text size="sm" mb="md">
        Printed {printedOn()}
      </Text>
      <Group gap="sm" mb="md" className="gh-no-print">
        <Button onClick={() => window.print()}>Print</Button>
        <Button component="a" href={csv} download variant="default">
          Download CSV
        </Button>
      </Group>
      {children}
    </>
  );
}

const rightsText = (e: { rights: string; deny: boolean }) => (e.deny ? "deny" : e.rights || "none (explicit)");

/** One group's tool rights and calendar rights, to print or download. */
export function GroupRightsReportPage() {
  const { groupId = "" } = useParams();
  const group = useQuery({ queryKey: keys.group(groupId), queryFn: () => securityApi.group(groupId) });
  const g = group.data;
  if (!g) return <>{group.isPending ? <Loader aria-label="Loading the group" /> : <SecurityProblem error={group.error} />}</>;
  return (
    <Report
      title={`Rights of the group ${g.name}`}
      csv={`/api/groups/${g.id}/rights.csv`}
      back={
        <Anchor component={Link} to={`/security/groups/${g.id}`}>
          Back to {g.name}
        </Anchor>
      }
    >
      <Text size="sm" mb="sm">
        {g.memberCount} {g.memberCount === 1 ? "member" : "members"}
        {g.memberLimit !== null ? ` (limit ${g.memberLimit})` : ""}. {g.description}
      </Text>
      <Table aria-label="Tool rights" withTableBorder mb="lg">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tool</Table.Th>
            <Table.Th w={140}>Rights</Table.Th>
            <Table.Th w={220}>In force</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {g.entries.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={3}>No tool rights.</Table.Td>
            </Table.Tr>
          )}
          {g.entries.map((e) => (
            <Table.Tr key={`${e.toolPath}${e.from ?? ""}`} data-testid="report-row">
              <Table.Td>{e.toolPath}</Table.Td>
              <Table.Td>{rightsText(e)}</Table.Td>
              <Table.Td>{[e.from && `from ${formatDay(e.from)}`, e.until && `until ${formatDay(e.until)}`].filter(Boolean).join(" ") || "always"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table aria-label="Calendar rights" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>School</Table.Th>
            <Table.Th>Year</Table.Th>
            <Table.Th>Calendar</Table.Th>
            <Table.Th>Modify</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {g.calendarGrants.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>No calendar rights: no student data in any calendar.</Table.Td>
            </Table.Tr>
          )}
          {g.calendarGrants.map((c) => (
            <Table.Tr key={`${c.school}/${c.year}/${c.calendar}`}>
              <Table.Td>{c.school === "*" ? "all" : c.school}</Table.Td>
              <Table.Td>{c.year === "*" ? "all" : c.year}</Table.Td>
              <Table.Td>{c.calendar === "*" ? "all" : c.calendar}</Table.Td>
              <Table.Td>{c.modify ? "yes" : "read only"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Report>
  );
}

/** Every tool where one user has a right now (outside any calendar), to print or download. */
export function UserRightsReportPage() {
  const { userId = "" } = useParams();
  const user = useQuery({ queryKey: keys.user(userId), queryFn: () => securityApi.user(userId) });
  const effective = useQuery({ queryKey: [...keys.effective(userId), "report"], queryFn: () => securityApi.effectiveRights(userId, { calendar: null, asOf: null }) });
  const u = user.data;
  if (!u || !effective.data) return <>{user.isPending || effective.isPending ? <Loader aria-label="Loading the rights" /> : <SecurityProblem error={user.error ?? effective.error} />}</>;
  const tools = effective.data.tools.filter((t) => t.rights !== "");
  return (
    <Report
      title={`Effective rights of ${u.displayName} (${u.username})`}
      csv={`/api/users/${u.id}/effective-rights.csv`}
      back={
        <Anchor component={Link} to={`/security/users/${u.id}`}>
          Back to {u.displayName}
        </Anchor>
      }
    >
      <Text size="sm" mb="sm">
        Groups: {u.groups.map((g) => g.name).join(", ") || "none"}. Outside any calendar; in a calendar, calendar rights cap student data.
      </Text>
      <Table aria-label="Effective rights" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tool</Table.Th>
            <Table.Th w={120}>Rights</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tools.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={2}>No rights in any tool.</Table.Td>
            </Table.Tr>
          )}
          {tools.map((t) => (
            <Table.Tr key={t.path} data-testid="report-row">
              <Table.Td style={{ paddingLeft: 8 + t.depth * 16 }}>{t.path}</Table.Td>
              <Table.Td>{t.rights}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Report>
  );
}
