import { Anchor, Badge, Button, Group, Loader, Select, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/empty-state.js";
import { ListTotal, LoadMore, SortableTh, listQuery, useListParams, usePagedList } from "../../components/paged-list.js";
import { PageHeader } from "../../components/page-header.js";
import { isApiError } from "../../api.js";
import { useQueryClient } from "@tanstack/react-query";
import { CreateAccountDialog } from "./create-account-dialog.js";
import { CHANGES, useCapabilities } from "./use-capabilities.js";
import { RoleNotice, SecurityProblem } from "./role-notice.js";
import { ROLE_LABELS } from "./roles.js";
import { keys, type UserSummary } from "./security-api.js";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

const LIST_DEFAULTS = { search: "", sort: "username", order: "asc", status: "", role: "" };

/** District staff: find a person (search, status, role, sorted by any column), then open their groups, role and rights. */
export function UsersPage() {
  const { values, set } = useListParams(LIST_DEFAULTS);
  const [search, setSearch] = useState(values.search);
  const [debounced] = useDebouncedValue(search, 250);
  useEffect(() => set({ search: debounced }), [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  const { query: users, items: list, total } = usePagedList<UserSummary>(keys.users("page"), `/api/users?${listQuery(values)}`);
  const refused = isApiError(users.error) && users.error.status === 404;
  const sortBy = (sort: string, order: "asc" | "desc") => set({ sort, order });
  const filtered = Boolean(values.search || values.status || values.role);
  const [creating, setCreating] = useState(false);
  const queryClient = useQueryClient();
  const canCreate = useCapabilities().can(CHANGES.createAccount);
  return (
    <>
      <PageHeader
        title="Users"
        description="District staff accounts: their groups, Product Security Role, calendar rights and what they can do in each tool."
        actions={canCreate && <Button onClick={() => setCreating(true)}>Create account</Button>}
      />
      {creating && <CreateAccountDialog onClose={() => setCreating(false)} onCreated={() => void queryClient.invalidateQueries({ queryKey: keys.all })} />}
      {!refused && <RoleNotice />}
      {!refused && (
        <Group mb="md">
          <TextInput aria-label="Search users" placeholder="Search by name, username or email" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={300} />
          <Select
            aria-label="Account status"
            w={170}
            value={values.status}
            onChange={(v) => set({ status: v ?? "" })}
            allowDeselect={false}
            data={[
              { value: "", label: "Any status" },
              { value: "active", label: "Active" },
              { value: "locked", label: "Locked" },
              { value: "disabled", label: "Disabled" },
            ]}
          />
          <Select
            aria-label="Product Security Role"
            w={240}
            value={values.role}
            onChange={(v) => set({ role: v ?? "" })}
            allowDeselect={false}
            data={[{ value: "", label: "Any role" }, { value: "none", label: "No role" }, ...Object.entries(ROLE_LABELS).filter(([value]) => value !== "none").map(([value, label]) => ({ value, label }))]}
          />
          {users.data && <ListTotal total={total} noun={["user", "users"]} />}
          {users.isFetching && <Loader size="xs" aria-label="Searching" />}
        </Group>
      )}
      <SecurityProblem error={users.error} />
      {users.data && list.length === 0 && <EmptyState title={filtered ? "Nobody matches these filters" : "No staff accounts yet"} />}
      {list.length > 0 && (
        <Table aria-label="Users">
          <Table.Thead>
            <Table.Tr>
              <SortableTh column="name" sort={values.sort} order={values.order} onSort={sortBy}>
                Person
              </SortableTh>
              <SortableTh column="username" sort={values.sort} order={values.order} onSort={sortBy} w={160}>
                Username
              </SortableTh>
              <Table.Th>Product Security Role</Table.Th>
              <SortableTh column="groups" sort={values.sort} order={values.order} onSort={sortBy} w={110}>
                Groups
              </SortableTh>
              <SortableTh column="lastLogin" sort={values.sort} order={values.order} onSort={sortBy} w={160}>
                Last sign-in
              </SortableTh>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((u) => (
              <Table.Tr key={u.id} data-testid="user-row">
                <Table.Td>
                  <Anchor component={Link} to={`/security/users/${u.id}`} fw={600}>
                    {u.displayName}
                  </Anchor>
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
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>{u.productSecurityRole === "none" ? <Text span size="sm" c="dimmed">none</Text> : ROLE_LABELS[u.productSecurityRole]}</Table.Td>
                <Table.Td>{u.groupCount}</Table.Td>
                <Table.Td>{u.lastLoginAt ? when.format(new Date(u.lastLoginAt)) : <Text span size="sm" c="dimmed">never</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMore query={users} shown={list.length} total={total} />
    </>
  );
}
