import { Alert, Button, Card, Checkbox, FileInput, Group, Progress, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { PageHeader } from "../../components/page-header.js";
import { RoleNotice, SecurityProblem } from "../security/role-notice.js";
import { CHANGES, useCapabilities } from "../security/use-capabilities.js";
import { onerosterApi, onerosterKeys, readAsBase64, type ImportJob, type ImportProblem, type ImportResult } from "./oneroster-api.js";

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

const stageLabel = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const count = (n: number) => n.toLocaleString("en-US");

/** The server's stages of a running (or finished) import: a bar for the current one, the earlier ones listed with their counts. */
function ImportProgress({ job }: { job: ImportJob }) {
  const current = job.stages.at(-1);
  const running = job.state === "running";
  const value = !running ? 100 : current && current.total > 0 ? (100 * current.done) / current.total : 100;
  return (
    <Stack gap={4} aria-label="Import progress" maw={760}>
      <Text size="sm" role="status">
        {running ? `${current ? stageLabel(current.name) : "Starting"}${current && current.total > 0 ? `: ${count(current.done)} of ${count(current.total)}` : current && current.done > 0 ? `: ${count(current.done)} rows` : ""}…` : job.state === "done" ? "Finished" : "Stopped"}
      </Text>
      <Progress value={value} animated={running} striped={running && (!current || current.total === 0)} aria-label="Import stage progress" />
      <Table withTableBorder aria-label="Import stages">
        <Table.Tbody>
          {job.stages.map((s, i) => (
            <Table.Tr key={s.name}>
              <Table.Td>{stageLabel(s.name)}</Table.Td>
              <Table.Td>{s.total > 0 ? `${count(s.done)} of ${count(s.total)}` : s.done > 0 ? `${count(s.done)} rows` : ""}</Table.Td>
              <Table.Td>{running && i === job.stages.length - 1 ? "running" : "done"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Import a OneRoster 1.2 CSV set (a zip from Infinite Campus, ClassLink or Clever): the server runs it in the background and reports its stages. */
export function OneRosterImportPage() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [reading, setReading] = useState<number | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const canImport = useCapabilities().can(CHANGES.onerosterImport);
  const start = useMutation({
    mutationFn: async () => {
      setJobId(null);
      setReading(0);
      try {
        const data = await readAsBase64(file!, (f) => setReading(f * 100));
        return await onerosterApi.startImport(data, dryRun);
      } finally {
        setReading(null);
      }
    },
    onSuccess: (job) => {
      queryClient.setQueryData(onerosterKeys.importJob(job.id), job);
      setJobId(job.id);
    },
  });
  const job = useQuery({
    queryKey: onerosterKeys.importJob(jobId ?? ""),
    queryFn: () => onerosterApi.importJob(jobId!),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.state === "running" ? 500 : false),
  });
  const finished = job.data && job.data.state !== "running";
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: onerosterKeys.runs });
  }, [finished, queryClient]);
  const running = start.isPending || job.data?.state === "running";
  return (
    <>
      <PageHeader title="OneRoster import" description="Schools, school years, calendars, staff accounts, students and enrollments from a OneRoster 1.2 CSV set, keyed by sourcedId." />
      <RoleNotice changes={[CHANGES.onerosterImport]} />
      <Stack maw={760} gap="sm">
        <Text size="sm">
          Upload the .zip your student information system exports (manifest.csv, orgs.csv, academicSessions.csv, users.csv, roles.csv, courses.csv, classes.csv,
          enrollments.csv, demographics.csv). The whole set is checked first; a set with any problem changes nothing. Delta sets (processingMode delta in the manifest) change only the rows they name.
          The server imports in the background: you may leave this page and come back to the run history.
        </Text>
        <FileInput label="OneRoster set (.zip)" accept=".zip,application/zip" value={file} onChange={setFile} disabled={!canImport || running} clearable />
        <Checkbox label="Dry run: check and count, write nothing" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} disabled={!canImport || running} />
        <Group>
          <Button onClick={() => start.mutate()} disabled={!canImport || !file || running} loading={running}>
            {dryRun ? "Check the set" : "Import"}
          </Button>
        </Group>
        {reading !== null && (
          <Stack gap={4} aria-label="Upload progress">
            <Text size="sm">{reading < 100 ? "Reading the file…" : "Sending the file…"}</Text>
            <Progress value={reading} aria-label="Upload progress bar" />
          </Stack>
        )}
      </Stack>
      {start.error && <SecurityProblem error={start.error} />}
      {job.error && <SecurityProblem error={job.error} />}
      {job.data && <ImportProgress job={job.data} />}
      {job.data?.state === "invalid" && <Problems problems={job.data.problems ?? []} total={job.data.problemTotal} />}
      {job.data?.state === "failed" && <Alert color="red" title="The import failed" maw={760}>{job.data.error}</Alert>}
      {job.data?.result && <Summary result={job.data.result} />}
    </>
  );
}
