import { Loader, Paper, Radio, Table, Tabs, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import { EmptyState } from "../../components/empty-state.js";
import { EnrollmentHistory } from "./enrollment-history.js";
import { EnrollmentSectionForm } from "./enrollment-section-form.js";
import { formatDay } from "./format.js";
import { sisApi, sisKeys, type Via } from "./sis-api.js";
import { TabProblem } from "./tab-problem.js";

const SERVICE_TYPES: Record<string, string> = { P: "Primary", S: "Secondary", N: "Special ed services" };

/**
 * Enrollments (Student Information, or its Census twin): the enrollments in calendars the user
 * may see, and for the chosen one the sub-tabs the API says they may open.
 */
export function EnrollmentsTab({ personId, via, tool }: { personId: string; via: Via; tool: string }) {
  const [params, setParams] = useSearchParams();
  const list = useQuery({ queryKey: sisKeys.tab(personId, `enrollments-${via}`), queryFn: () => sisApi.enrollments(personId, via) });
  if (list.isPending) return <Loader aria-label="Loading the enrollments" />;
  if (!list.data) return <TabProblem error={list.error} />;
  const enrollments = list.data.enrollments;
  if (enrollments.length === 0) return <EmptyState title="No enrollments you can see" message={`None of this student's enrollments is in a calendar where you have rights to ${tool}.`} />;

  const chosen = enrollments.find((e) => e.id === params.get("enrollment")) ?? enrollments[0]!;
  const section = chosen.tabs.find((t) => t.id === params.get("section")) ?? chosen.tabs[0];
  const choose = (next: Record<string, string>) => setParams({ enrollment: chosen.id, ...(section ? { section: section.id } : {}), ...next }, { replace: true });

  return (
    <>
      <Table withTableBorder mb="md" aria-label="Enrollments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>School</Table.Th>
            <Table.Th>Calendar</Table.Th>
            <Table.Th>Grade</Table.Th>
            <Table.Th>Start</Table.Th>
            <Table.Th>End</Table.Th>
            <Table.Th>Service type</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {enrollments.map((e) => (
            <Table.Tr key={e.id} onClick={() => choose({ enrollment: e.id })} style={{ cursor: "pointer" }} bg={e.id === chosen.id ? "indigo.0" : undefined}>
              <Table.Td>
                <Radio checked={e.id === chosen.id} onChange={() => choose({ enrollment: e.id })} aria-label={`Open the enrollment at ${e.calendar.name}`} />
              </Table.Td>
              <Table.Td>{e.calendar.schoolName}</Table.Td>
              <Table.Td>{e.calendar.name}</Table.Td>
              <Table.Td>{e.grade}</Table.Td>
              <Table.Td>{formatDay(e.startDate)}</Table.Td>
              <Table.Td>{formatDay(e.endDate)}</Table.Td>
              <Table.Td>{SERVICE_TYPES[e.serviceType] ?? e.serviceType}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!section ? (
        <Text c="dimmed" size="sm">
          You have no rights to any tab of this enrollment in {chosen.calendar.name}.
        </Text>
      ) : (
        <Paper withBorder radius="md" p="md">
          <Tabs value={section.id} onChange={(v) => v && choose({ section: v })} keepMounted={false} variant="pills">
            <Tabs.List mb="md" aria-label="Enrollment tabs">
              {chosen.tabs.map((t) => (
                <Tabs.Tab key={t.id} value={t.id}>
                  {t.label}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {/* one panel, the chosen tab's: each tab's aria-controls names a panel that exists */}
            <Tabs.Panel value={section.id}>
              {section.id === "history" ? (
                <EnrollmentHistory via={via} enrollmentId={chosen.id} />
              ) : (
                <EnrollmentSectionForm key={`${chosen.id}:${section.id}`} via={via} enrollmentId={chosen.id} sectionId={section.id} personId={personId} />
              )}
            </Tabs.Panel>
          </Tabs>
        </Paper>
      )}
    </>
  );
}
