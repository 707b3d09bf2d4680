import { Card, Loader, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { formatDay, GENDER_LABELS } from "./format.js";
import { sisApi, sisKeys } from "./sis-api.js";
import { TabProblem } from "./tab-problem.js";

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

/** Student Information > General > Summary: who the student is and where they are enrolled. */
export function SummaryTab({ personId }: { personId: string }) {
  const summary = useQuery({ queryKey: sisKeys.tab(personId, "summary"), queryFn: () => sisApi.summary(personId) });
  if (summary.isPending) return <Loader aria-label="Loading the summary" />;
  if (!summary.data) return <TabProblem error={summary.error} />;
  const s = summary.data;
  return (
    <>
      <Card withBorder radius="md" padding="lg" mb="md" maw={900}>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
          <Item label="Last name">{s.lastName}</Item>
          <Item label="First name">{s.firstName}</Item>
          <Item label="Student number">{s.localId}</Item>
          <Item label="Birth date">{formatDay(s.birthDate)}</Item>
          <Item label="Gender">{GENDER_LABELS[s.gender] ?? s.gender}</Item>
        </SimpleGrid>
      </Card>
      <Title order={3} size="h5" mb="xs">
        Enrollments you can see
      </Title>
      {s.enrollments.length === 0 ? (
        <Text c="dimmed" size="sm">
          None in calendars you have rights to.
        </Text>
      ) : (
        <Table withTableBorder maw={900} aria-label="Enrollments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>School</Table.Th>
              <Table.Th>Year</Table.Th>
              <Table.Th>Grade</Table.Th>
              <Table.Th>Start</Table.Th>
              <Table.Th>End</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.enrollments.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.calendar.schoolName}</Table.Td>
                <Table.Td>{e.calendar.yearName}</Table.Td>
                <Table.Td>{e.grade}</Table.Td>
                <Table.Td>{formatDay(e.startDate)}</Table.Td>
                <Table.Td>{formatDay(e.endDate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
