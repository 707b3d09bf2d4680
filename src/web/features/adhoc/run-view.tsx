import { Alert, Anchor, Badge, Button, Group, List, Loader, Paper, SimpleGrid, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { adhocApi, adhocKeys, type FieldGroup, type FieldInfo, type Filter } from "./adhoc-api.js";
import { describeCondition, indexFields, splitTool } from "./definition.js";
import { ExportButton } from "./export-button.js";
import { PreviewTable } from "./preview-table.js";
import { useDesignerRights } from "./use-designer-rights.js";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function DefinitionSummary({ filter, labels, withheld }: { filter: Filter; labels: Map<string, FieldInfo>; withheld: Set<string> }) {
  const label = (id: string) => labels.get(id)?.label ?? "(a field you cannot read)";
  const d = filter.definition;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} mb="md">
      <Paper withBorder radius="md" p="sm">
        <Title order={3} size="h6" mb={4}>
          Columns
        </Title>
        <List size="sm" type="ordered" spacing={2}>
          {d.fields.map((id, i) => (
            <List.Item key={`${id}:${i}`}>
              {label(id)}
              {withheld.has(id) ? (
                <Badge ml={6} size="xs" color="gray" variant="outline">
                  withheld
                </Badge>
              ) : (
                labels.get(id)?.protected && (
                  <Badge ml={6} size="xs" color="orange" variant="light">
                    protected
                  </Badge>
                )
              )}
            </List.Item>
          ))}
        </List>
      </Paper>
      <Paper withBorder radius="md" p="sm">
        <Title order={3} size="h6" mb={4}>
          Conditions
        </Title>
        {d.conditions.length === 0 ? (
          <Text size="sm" c="dimmed">
            None: every enrollment you can see.
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {d.conditions.map((c, i) => (
              <List.Item key={i}>{describeCondition(c, labels)}</List.Item>
            ))}
          </List>
        )}
      </Paper>
      <Paper withBorder radius="md" p="sm">
        <Title order={3} size="h6" mb={4}>
          Sort
        </Title>
        {d.sort.length === 0 ? (
          <Text size="sm" c="dimmed">
            Enrollment order.
          </Text>
        ) : (
          <List size="sm" type="ordered" spacing={2}>
            {d.sort.map((s, i) => (
              <List.Item key={i}>
                {label(s.field)}, {s.direction === "asc" ? "ascending" : "descending"}
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
    </SimpleGrid>
  );
}

/** A filter the user may run but not change (shared with one of their groups): results with only what their rights allow. */
export function RunView({ filter, groups }: { filter: Filter; groups: FieldGroup[] }) {
  const navigate = useNavigate();
  const rights = useDesignerRights();
  const [exportError, setExportError] = useState<unknown>(null);
  const run = useQuery({ queryKey: adhocKeys.run(filter.id, filter.version), queryFn: () => adhocApi.runSaved(filter.id), retry: false, staleTime: Infinity });
  const labels = useMemo(() => {
    const map = indexFields(groups);
    for (const c of run.data?.columns ?? []) if (!map.has(c.id)) map.set(c.id, { id: c.id, label: c.label, type: c.type, tool: c.tool, protected: c.protected });
    return map;
  }, [groups, run.data]);
  const withheld = (run.data?.columns ?? []).filter((c) => c.withheld);
  const copy = () => navigate("/adhoc/new", { state: { name: `${filter.name} (copy)`, definition: filter.definition } });
  return (
    <>
      <Text size="sm" mb={4}>
        <Anchor component={Link} to="/adhoc">
          Ad hoc reports
        </Anchor>{" "}
        ›
      </Text>
      <PageHeader
        title={filter.name}
        description={
          <>
            {filter.mine ? "Your filter" : `Shared with you by ${filter.ownerName}`} · last changed {when.format(new Date(filter.updatedAt))}. You see only the fields and calendars your own
            rights allow.
          </>
        }
        actions={
          <Group gap="sm" wrap="nowrap">
            {rights.canDesign && (
              <Button variant="default" onClick={copy}>
                Copy into designer
              </Button>
            )}
            <ExportButton savedId={filter.id} definition={filter.definition} name={filter.name} disabled={!run.data} onError={setExportError} />
          </Group>
        }
      />
      <ProblemAlert error={exportError} title="The export did not run" />
      <DefinitionSummary filter={filter} labels={labels} withheld={new Set(withheld.map((c) => c.id))} />
      {withheld.length > 0 && (
        <Alert color="orange" variant="light" mb="md" title={`${withheld.length === 1 ? "One column is" : `${withheld.length} columns are`} withheld from you`}>
          You have no read right on{" "}
          {withheld.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ", "}
              <strong title={c.tool}>{splitTool(c.tool).name}</strong> ({c.label})
            </span>
          ))}
          . {withheld.length === 1 ? "That column stays" : "Those columns stay"} empty in the preview and in the export. Ask your district's system administrator if your duties need them.
        </Alert>
      )}
      <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="adhoc-run-heading">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5" id="adhoc-run-heading">
            Results
          </Title>
          {run.data && (
            <Badge variant="light" color="gray">
              {run.data.more ? `first ${run.data.rows.length} rows` : `${run.data.rows.length} rows`}
            </Badge>
          )}
        </Group>
        {run.isPending && <Loader size="sm" aria-label="Running the filter" />}
        <ProblemAlert error={run.error} title="The filter did not run" />
        {run.data && <PreviewTable preview={run.data} />}
      </Paper>
    </>
  );
}
