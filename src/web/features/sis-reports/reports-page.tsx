import { Anchor, Button, Group, Loader, Paper, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import type { z } from "zod";
import type * as S from "../../../features/sis-reports/schema.js";
import { api } from "../../api.js";
import { downloadFile } from "../../components/download-file.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";

type ReportList = z.infer<typeof S.ZReportList>;
type ReportResult = z.infer<typeof S.ZReportResult>;

const listReports = () => api.get<ReportList>("/api/sis/reports");
const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Student Information > Reports: the reports this user holds R on; R alone generates, prints and downloads each. */
export function ReportsPage() {
  const query = useQuery({ queryKey: ["sis-reports"], queryFn: listReports });
  return (
    <>
      <PageHeader title="Reports" description="Student Information reports. Each needs only R on its tool; it counts the calendars your calendar rights reach." />
      {query.isPending && <Loader aria-label="Loading reports" />}
      {query.error && <ProblemAlert error={query.error} />}
      {query.data && query.data.reports.length === 0 && (
        <EmptyState title="No reports" message="You hold R on no Student Information report. Ask your district's system administrator for R on the report you need." />
      )}
      <Stack gap="sm">
        {query.data?.reports.map((r) => (
          <Paper key={r.slug} withBorder p="md">
            <Anchor component={Link} to={`/reports/${r.slug}`} fw={600}>
              {r.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {r.description}
            </Text>
          </Paper>
        ))}
      </Stack>
    </>
  );
}

/** One report, generated on opening: a print view (the page itself prints without navigation) and a CSV download. */
export function ReportPage() {
  const { slug = "" } = useParams();
  const query = useQuery({ queryKey: ["sis-reports", slug], queryFn: () => api.get<ReportResult>(`/api/sis/reports/${encodeURIComponent(slug)}`) });
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = async () => {
    setDownloadError(null);
    try {
      downloadFile(`${slug}.csv`, await api.get<string>(`/api/sis/reports/${encodeURIComponent(slug)}.csv`), "text/csv;charset=utf-8");
    } catch (error) {
      setDownloadError(error);
    }
  };
  const report = query.data;
  return (
    <>
      <Anchor component={Link} to="/reports" size="sm" className="no-print">
        All reports
      </Anchor>
      <PageHeader
        title={report?.title ?? "Report"}
        description={report ? `Generated ${when.format(new Date(report.generatedAt))} · calendars: ${report.calendars.join(", ") || "none your calendar rights reach"}` : undefined}
        actions={
          report && (
            <Group gap="sm" className="no-print">
              <Button variant="default" onClick={() => window.print()}>
                Print
              </Button>
              <Button variant="default" onClick={download}>
                Download CSV
              </Button>
            </Group>
          )
        }
      />
      {query.isPending && <Loader aria-label="Generating the report" />}
      {query.error && <ProblemAlert error={query.error} />}
      {downloadError != null && <ProblemAlert error={downloadError} />}
      {report && report.rows.length === 0 && <EmptyState title="Nothing to report" message="No enrollments in the calendars your calendar rights reach." />}
      {report && report.rows.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped withTableBorder aria-label={report.title}>
            <Table.Thead>
              <Table.Tr>
                {report.columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rows.map((row, i) => (
                <Table.Tr key={i}>
                  {row.map((cell, j) => (
                    <Table.Td key={j}>{cell ?? ""}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
