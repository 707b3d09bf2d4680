import { Anchor, Badge, Group, Loader, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { isApiError } from "../../api.js";
import { RoleNotice, SecurityProblem } from "./role-notice.js";
import { ROLE_LABELS } from "./roles.js";
import { keys, securityApi } from "./security-api.js";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** District staff: find a person, then open their groups, role and rights. */
export function UsersPage() {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const users = useQuery({ queryKey: keys.users(debounced), queryFn: () => securityApi.users(debounced), placeholderData: keepPreviousData });
  const list = users.data ?? [];
  const refused = isApiError(users.error) && users.error.status === 404;
  return (
    <>
      <PageHeader title="Users" description="District staff accounts: their groups, Product Security Role, calendar rights and what they can do in each tool." />
      {!refused && <RoleNotice />}
      {!refused && (
        <Group mb="md">
          <TextInput aria-label="Search users" placeholder="Search by name or username" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={360} />
          {users.isFetching && <Loader size="xs" aria-label="Searching" />}
        </Group>
      )}
      <SecurityProblem error={users.error} />
      {users.data && list.length === 0 && <EmptyState title={debounced ? `Nobody matches "${debounced}"` : "No staff accounts yet"} />}
      {list.length > 0 && (
        <Table aria-label="Users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Product Security Role</Table.Th>
              <Table.Th w={90}>Groups</Table.Th>
              <Table.Th w={160}>Last sign-in</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((u) => (
              <Table.Tr key={u.id} data-testid="user-row">
                <Table.Td>
                  <Anchor component={Link} to={`/security/users/${u.id}`} fw={600}>
                    {u.displayName}
                  </Anchor>{" "}
                  <Text span size="xs" c="dimmed">
                    {u.username}
                  </Text>
                  {u.serviceAccount && (
                    <Badge ml={6} size="xs" color="violet">
                      service account
                    </Badge>
                  )}
                  {u.disabled && (
                    <Badge ml={6} size="xs" color="gray">
                      disabled
                    </Badge>
                  )}
                  {u.locked && (
                    <Badge ml={6} size="xs" color="red">
                      locked
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{u.productSecurityRole === "none" ? <Text span size="sm" c="dimmed">none</Text> : ROLE_LABELS[u.productSecurityRole]}</Table.Td>
                <Table.Td>{u.groupCount}</Table.Td>
                <Table.Td>{u.lastLoginAt ? when.format(new Date(u.lastLoginAt)) : <Text span size="sm" c="dimmed">never</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
