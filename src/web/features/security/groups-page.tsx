import { Anchor, Badge, Button, Group, Loader, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { isApiError } from "../../api.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { CreateGroupDialog } from "./create-group-dialog.js";
import { RoleNotice, SecurityProblem } from "./role-notice.js";
import { CHANGES, useCapabilities } from "./use-capabilities.js";
import { keys, securityApi } from "./security-api.js";
import { TemplateGroupsDialog } from "./template-groups-dialog.js";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** User groups of the district: search, member counts, and creating new ones. */
export function GroupsPage() {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [creating, setCreating] = useState(false);
  const [fromTemplates, setFromTemplates] = useState(false);
  const groups = useQuery({ queryKey: keys.groups(debounced), queryFn: () => securityApi.groups(debounced), placeholderData: keepPreviousData });
  const canManage = useCapabilities().can(CHANGES.createGroup);
  const list = groups.data ?? [];
  const refused = isApiError(groups.error) && groups.error.status === 404;
  return (
    <>
      <PageHeader
        title="User groups"
        description="Give tool rights and calendar rights to groups made for one set of duties (nurses, counselors, schedulers…), then add people to the groups. Campus advises against rights on single users."
        actions={
          canManage && (
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" onClick={() => setFromTemplates(true)} disabled={!groups.data}>
                Create the seed's example groups
              </Button>
              <Button onClick={() => setCreating(true)} disabled={!groups.data}>
                Create group
              </Button>
            </Group>
          )
        }
      />
      {!refused && <RoleNotice />}
      {!refused && (
        <Group mb="md">
          <TextInput aria-label="Search groups" placeholder="Search by name or description" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={360} />
          {groups.isFetching && <Loader size="xs" aria-label="Searching" />}
        </Group>
      )}
      <SecurityProblem error={groups.error} />
      {groups.data && list.length === 0 && (
        <EmptyState
          title={debounced ? `No group matches "${debounced}"` : "No user groups yet"}
          message={debounced ? "Try another word." : "Start from one of the seed's example groups, such as Counselors or Attendance Clerks."}
        />
      )}
      {list.length > 0 && (
        <Table aria-label="User groups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Group</Table.Th>
              <Table.Th w={130}>Members</Table.Th>
              <Table.Th w={110}>Tool rights</Table.Th>
              <Table.Th w={120}>Calendars</Table.Th>
              <Table.Th w={200}>Last changed</Table.Th>
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
      {fromTemplates && <TemplateGroupsDialog onClose={() => setFromTemplates(false)} onCreated={() => void queryClient.invalidateQueries({ queryKey: keys.all })} />}
      {creating && (
        <CreateGroupDialog opened onClose={() => setCreating(false)} groups={list} onCreated={() => void queryClient.invalidateQueries({ queryKey: keys.all })} />
      )}
    </>
  );
}
