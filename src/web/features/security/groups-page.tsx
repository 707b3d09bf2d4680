import { Anchor, Badge, Button, Group, Loader, Select, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { isApiError } from "../../api.js";
import { EmptyState } from "../../components/empty-state.js";
import { ListTotal, LoadMore, SortableTh, listQuery, useListParams, usePagedList } from "../../components/paged-list.js";
import { PageHeader } from "../../components/page-header.js";
import { CreateGroupDialog } from "./create-group-dialog.js";
import { RoleNotice, SecurityProblem } from "./role-notice.js";
import { CHANGES, useCapabilities } from "./use-capabilities.js";
import { keys, securityApi, type GroupSummary } from "./security-api.js";
import { TemplateGroupsDialog } from "./template-groups-dialog.js";
import { ImportMembershipsDialog } from "./import-memberships-dialog.js";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

const LIST_DEFAULTS = { search: "", sort: "name", order: "asc", limited: "" };

/** User groups of the district: search, sort, member counts, page by page, and creating new ones. */
export function GroupsPage() {
  const queryClient = useQueryClient();
  const { values, set } = useListParams(LIST_DEFAULTS);
  const [search, setSearch] = useState(values.search);
  const [debounced] = useDebouncedValue(search, 250);
  useEffect(() => set({ search: debounced }), [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  const [creating, setCreating] = useState(false);
  const [fromTemplates, setFromTemplates] = useState(false);
  const [importing, setImporting] = useState(false);
  const canImport = useCapabilities().can(CHANGES.importMemberships);
  const { query: groups, items: list, total } = usePagedList<GroupSummary>(keys.groups("page"), `/api/groups?${listQuery(values)}`);
  const allGroups = useQuery({ queryKey: keys.groups(""), queryFn: () => securityApi.groups(""), enabled: creating });
  const canManage = useCapabilities().can(CHANGES.createGroup);
  const refused = isApiError(groups.error) && groups.error.status === 404;
  const sortBy = (sort: string, order: "asc" | "desc") => set({ sort, order });
  return (
    <>
      <PageHeader
        title="User groups"
        description="Give tool rights and calendar rights to groups made for one set of duties (nurses, counselors, schedulers…), then add people to the groups. Campus advises against rights on single users."
        actions={
          (canManage || canImport) && (
            <Group gap="sm">
              {canImport && (
                <Button variant="default" onClick={() => setImporting(true)}>
                  Import memberships (CSV)
                </Button>
              )}
              {canManage && (
                <>
              <Button variant="default" onClick={() => setFromTemplates(true)} disabled={!groups.data}>
                Create the seed's example groups
              </Button>
              <Button onClick={() => setCreating(true)} disabled={!groups.data}>
                Create group
              </Button>
                </>
              )}
            </Group>
          )
        }
      />
      {!refused && <RoleNotice />}
      {!refused && (
        <Group mb="md">
          <TextInput aria-label="Search groups" placeholder="Search by name" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={300} />
          <Select
            aria-label="Member limit"
            w={220}
            value={values.limited}
            onChange={(v) => set({ limited: v ?? "" })}
            data={[
              { value: "", label: "All groups" },
              { value: "yes", label: "With a member limit" },
              { value: "no", label: "Without a member limit" },
            ]}
            allowDeselect={false}
          />
          {groups.data && <ListTotal total={total} noun={["group", "groups"]} />}
          {groups.isFetching && <Loader size="xs" aria-label="Searching" />}
        </Group>
      )}
      <SecurityProblem error={groups.error} />
      {groups.data && list.length === 0 && (
        <EmptyState
          title={values.search || values.limited ? "No group matches these filters" : "No user groups yet"}
          message={values.search || values.limited ? "Try another word or filter." : "Start from one of the seed's example groups, such as Counselors or Attendance Clerks."}
        />
      )}
      {list.length > 0 && (
        <Table aria-label="User groups">
          <Table.Thead>
            <Table.Tr>
              <SortableTh column="name" sort={values.sort} order={values.order} onSort={sortBy}>
                Group
              </SortableTh>
              <SortableTh column="members" sort={values.sort} order={values.order} onSort={sortBy} w={140}>
                Members
              </SortableTh>
              <SortableTh column="entries" sort={values.sort} order={values.order} onSort={sortBy} w={130}>
                Tool rights
              </SortableTh>
              <Table.Th w={120}>Calendars</Table.Th>
              <SortableTh column="updated" sort={values.sort} order={values.order} onSort={sortBy} w={200}>
                Last changed
              </SortableTh>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((g) => {
              const over = g.memberLimit !== null && g.memberCount > g.memberLimit;
              return (
                <Table.Tr key={g.id} data-testid="group-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/security/groups/${g.id}`} fw={600}>
                      {g.name}
                    </Anchor>
                    {g.description && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {g.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {g.memberCount}
                    {g.memberLimit !== null && (
                      <Badge ml={6} size="sm" variant="light" color={over ? "red" : "gray"} title="Member limit">
                        limit {g.memberLimit}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{g.entryCount === 0 ? <Text span c="dimmed" size="sm">none</Text> : g.entryCount}</Table.Td>
                  <Table.Td>{g.calendarGrantCount === 0 ? <Text span c="dimmed" size="sm">none</Text> : g.calendarGrantCount}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{when.format(new Date(g.updatedAt))}</Text>
                    {g.updatedBy && (
                      <Text size="xs" c="dimmed">
                        by {g.updatedBy}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <LoadMore query={groups} shown={list.length} total={total} />
      {importing && <ImportMembershipsDialog onClose={() => setImporting(false)} onImported={() => void queryClient.invalidateQueries({ queryKey: keys.all })} />}
      {fromTemplates && <TemplateGroupsDialog onClose={() => setFromTemplates(false)} onCreated={() => void queryClient.invalidateQueries({ queryKey: keys.all })} />}
      {creating && (
        <CreateGroupDialog opened onClose={() => setCreating(false)} groups={allGroups.data ?? []} onCreated={() => void queryClient.invalidateQueries({ queryKey: keys.all })} />
      )}
    </>
  );
}
