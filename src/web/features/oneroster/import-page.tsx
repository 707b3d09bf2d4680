import { Alert, Button, Card, Checkbox, FileInput, Group, Progress, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { isApiError } from "../../api.js";
import { PageHeader } from "../../components/page-header.js";
import { RoleNotice, SecurityProblem } from "../security/role-notice.js";
import { CHANGES, useCapabilities } from "../security/use-capabilities.js";
import { onerosterApi, onerosterKeys, readAsBase64, type ImportProblem, type ImportResult } from "./oneroster-api.js";

const LABELS: Record<string, string> = {
  schools: "Schools", schoolYears: "School years", calendars: "Calendars", staff: "Staff", students: "Students", staffAssignments: "Staff assignments", enrollments: "Enrollments",
};

function Summary({ result }: { result: ImportResult }) {
  return (
    <Card withBorder padding="md" maw={760} aria-label="Import summary">
      <Text fw={600} mb="xs">{result.dryRun ? "Dry run: what the import would change (nothing was written)" : "Imported"}</Text>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr><Table.Th>Kind</Table.Th><Table.Th>Created</Table.Th><Table.Th>Changed</Table.Th><Table.Th>Ended</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Object.entries(LABELS).map(([k, label]) => {
            const t = result.summary[k as keyof typeof result.summary];
            return (
              <Table.Tr key={k}><Table.Td>{label}</Table.Td><Table.Td>{t.created}</Table.Td><Table.Td>{t.changed}</Table.Td><Table.Td>{t.ended}</Table.Td></Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="xs">
        {result.summary.links.unchanged} rows were unchanged since the last import.{" "}
        {result.automation.ran ? `Staff account automation took ${result.automation.actions} actions (see Staff account automation).` : ""}
      </Text>
    </Card>
  );
}

function Problems({ problems, total }: { problems: ImportProblem[]; total: number }) {
  return (
    <Alert color="red" title={`The set has ${total} problem${total === 1 ? "" : "s"}; nothing was imported`} maw={960}>
      <Table withTableBorder aria-label="Problems">
        <Table.Thead><Table.Tr><Table.Th>File</Table.Th><Table.Th>Row</Table.Th><Table.Th>Column</Table.Th><Table.Th>Reason</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {problems.map((p, i) => (
            <Table.Tr key={i}><Table.Td>{p.file}.csv</Table.Td><Table.Td>{p.row}</Table.Td><Table.Td>{p.column}</Table.Td><Table.Td>{p.reason}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}

/** Import a OneRoster 1.2 CSV set (a zip from Infinite Campus, ClassLink or Clever). */
export function OneRosterImportPage() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [stage, setStage] = useState<{ label: string; value: number } | null>(null);
  const canImport = useCapabilities().can(CHANGES.onerosterImport);
  const run = useMutation({
    mutationFn: async () => {
      setStage({ label: "Reading the file", value: 0 });
      const data = await readAsBase64(file!, (f) => setStage({ label: "Reading the file", value: f * 30 }));
      setStage({ label: "Checking every row, then importing", value: 30 });
      return onerosterApi.importZip(data, dryRun);
    },
    onSettled: () => {
      setStage(null);
      void queryClient.invalidateQueries({ queryKey: onerosterKeys.runs });
    },
  });
  const invalid = isApiError(run.error) && run.error.code === "invalid-oneroster-set" ? run.error.body : null;
  return (
    <>
      <PageHeader title="OneRoster import" description="Schools, school years, calendars, staff accounts, students and enrollments from a OneRoster 1.2 CSV set, keyed by sourcedId." />
      <RoleNotice changes={[CHANGES.onerosterImport]} />
      <Stack maw={760} gap="sm">
        <Text size="sm">
          Upload the .zip your student information system exports (manifest.csv, orgs.csv, academicSessions.csv, users.csv, roles.csv, courses.csv, classes.csv,
          enrollments.csv, demographics.csv). The whole set is checked first; a set with any problem changes nothing. Delta sets (processingMode delta in the manifest) change only the rows they name.
        </Text>
        <FileInput label="OneRoster set (.zip)" accept=".zip,application/zip" value={file} onChange={setFile} disabled={!canImport || run.isPending} clearable />
        <Checkbox label="Dry run: check and count, write nothing" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} disabled={!canImport} />
        <Group>
          <Button onClick={() => run.mutate()} disabled={!canImport || !file} loading={run.isPending}>
            {dryRun ? "Check the set" : "Import"}
          </Button>
        </Group>
        {stage && (
          <Stack gap={4} aria-label="Import progress">
            <Text size="sm">{stage.label}…</Text>
            <Progress value={stage.value < 30 ? stage.value : 100} animated={stage.value >= 30} striped={stage.value >= 30} />
          </Stack>
        )}
      </Stack>
      {invalid && <Problems problems={invalid.problems as ImportProblem[]} total={invalid.total as number} />}
      {run.error && !invalid && <SecurityProblem error={run.error} />}
      {run.data && <Summary result={run.data} />}
    </>
  );
}
