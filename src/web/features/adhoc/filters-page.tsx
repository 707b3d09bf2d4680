import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { AdhocProblem } from "./adhoc-problem.js";
import { adhocApi, adhocKeys, type Filter, type ShareGroup } from "./adhoc-api.js";
import { useDesignerRights } from "./use-designer-rights.js";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

function SharedWith({ ids, groups }: { ids: string[]; groups: ShareGroup[] | undefined }) {
  if (ids.length === 0) return <Text span size="sm" c="dimmed">not shared</Text>;
  const names = groups ? ids.map((id) => groups.find((g) => g.id === id)?.name).filter(Boolean) : [];
  if (names.length === 0) return <Text span size="sm">{ids.length} {ids.length === 1 ? "group" : "groups"}</Text>;
  return (
    <Group gap={4}>
      {names.map((n) => (
        <Badge key={n} size="sm" variant="light" color="teal" tt="none">
          {n}
        </Badge>
      ))}
    </Group>
  );
}

function FilterTable({ label, filters, mine, groups }: { label: string; filters: Filter[]; mine: boolean; groups: ShareGroup[] | undefined }) {
  return (
    <Table aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Filter</Table.Th>
          <Table.Th w={90}>Columns</Table.Th>
          <Table.Th w={260}>{mine ? "Shared with" : "Shared by"}</Table.Th>
          <Table.Th w={140}>Last changed</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {filters.map((f) => (
          <Table.Tr key={f.id} data-testid="filter-row">
            <Table.Td>
              <Anchor component={Link} to={`/adhoc/filters/${f.id}`} fw={600}>
                {f.name}
              </Anchor>
              {f.definition.conditions.length > 0 && (
                <Text size="xs" c="dimmed">
                  {f.definition.conditions.length} {f.definition.conditions.length === 1 ? "condition" : "conditions"}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{f.definition.fields.length}</Table.Td>
            <Table.Td>{mine ? <SharedWith ids={f.sharedWith} groups={groups} /> : <Text size="sm">{f.ownerName}</Text>}</Table.Td>
            <Table.Td>
              <Text size="sm">{when.format(new Date(f.updatedAt))}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Ad hoc reports: the user's saved filters and those shared with their groups. */
export function FiltersPage() {
  const rights = useDesignerRights();
  const filters = useQuery({ queryKey: adhocKeys.filters, queryFn: adhocApi.filters });
  const groups = useQuery({ queryKey: adhocKeys.shareGroups, queryFn: adhocApi.shareGroups, enabled: rights.canShare });
  const mine = filters.data?.filter((f) => f.mine) ?? [];
  const shared = filters.data?.filter((f) => !f.mine) ?? [];
  const newButton = rights.canDesign && (
    <Button component={Link} to="/adhoc/new">
      New filter
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Ad hoc reports"
        description="Design filters over student data: pick fields, add conditions and sort, preview, then save, share with user groups or export as CSV. Every report shows only the fields and calendars the person running it may read."
        actions={newButton}
      />
      <AdhocProblem error={filters.error} what="Ad hoc reporting" />
      {filters.isPending && <Loader aria-label="Loading filters" />}
      {filters.data && (
        <Stack gap="xl">
          <section aria-labelledby="adhoc-mine-heading">
            <Title order={3} size="h4" mb="xs" id="adhoc-mine-heading">
              Your filters
            </Title>
            {mine.length === 0 ? (
              <EmptyState
                title="No saved filters yet"
                message={
                  rights.canDesign
                    ? rights.canCreate
                      ? "Design a filter, preview it, and save it here to run again or share with a group."
                      : "You can design, preview and export filters; saving them needs Add rights on the Filter Designer."
                    : "Designing filters needs rights on Ad Hoc Reporting › Filter Designer. You can still run what others share with you."
                }
                action={rights.canDesign && (
                  <Button component={Link} to="/adhoc/new" variant="light">
                    Design a filter
                  </Button>
                )}
              />
            ) : (
              <FilterTable label="Your filters" filters={mine} mine groups={groups.data} />
            )}
          </section>
          <section aria-labelledby="adhoc-shared-heading">
            <Title order={3} size="h4" mb="xs" id="adhoc-shared-heading">
              Shared with you
            </Title>
            {shared.length === 0 ? (
              <EmptyState title="Nothing shared with you yet" message="When someone shares a filter with one of your user groups, it appears here for you to run and export." />
            ) : (
              <FilterTable label="Shared with you" filters={shared} mine={false} groups={undefined} />
            )}
          </section>
        </Stack>
      )}
    </>
  );
}
