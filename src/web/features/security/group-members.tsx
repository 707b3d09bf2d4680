import { Badge, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { ListTotal, LoadMore, SortableTh, listQuery, useListParams, usePagedList } from "../../components/paged-list.js";
import { AddSeveralButton } from "./add-several-members.js";
import { Link } from "react-router-dom";
import { isApiError } from "../../api.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { EmptyState } from "../../components/empty-state.js";
import { SecurityProblem } from "./role-notice.js";
import { keys, securityApi, type GroupDetail, type Member, type MembershipWindow } from "./security-api.js";
import { CHANGES, useCapabilities } from "./use-capabilities.js";
import { UserPicker } from "./user-picker.js";
import { formatDay } from "./format-day.js";
import { MembershipDatesButton } from "./membership-dates.js";
import { isMembershipGone, MEMBERSHIP_GONE } from "./membership-change.js";

const day = formatDay;

/** Members of a group, with until dates; adding past the member limit asks first (the confirmation is audited). */
export function GroupMembers({ group, onChanged }: { group: GroupDetail; onChanged(): void }) {
  const { can } = useCapabilities();
  const canManage = can(CHANGES.addMember);
  const [userId, setUserId] = useState<string | null>(null);
  const [until, setUntil] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [overLimit, setOverLimit] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { values, set } = useListParams({ memberSearch: "", memberSort: "name", memberOrder: "asc" });
  const [search, setSearch] = useState(values.memberSearch);
  const [debounced] = useDebouncedValue(search, 250);
  useEffect(() => set({ memberSearch: debounced }), [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  const members = usePagedList<Member>([...keys.group(group.id), "members"], `/api/groups/${group.id}/members?${listQuery({ search: values.memberSearch, sort: values.memberSort, order: values.memberOrder })}`);
  const sortBy = (sort: string, order: "asc" | "desc") => set({ memberSort: sort, memberOrder: order });
  const [selected, setSelected] = useState<string[]>([]);
  const removeSelected = async () => {
    setError(null);
    try {
      const { removed } = await securityApi.removeMembers(group.id, selected);
      notifications.show({ color: "green", message: `Removed ${removed} ${removed === 1 ? "person" : "people"} from ${group.name}.` });
      setSelected([]);
      onChanged();
    } catch (e) {
      setError(e);
      onChanged();
    }
  };

  const add = async (confirmOverLimit: boolean) => {
    if (!userId) return;
    setBusy(true);
    setError(null);
    try {
      // expected: null — if someone added this person meanwhile, their dates are not overwritten
      await securityApi.addMember(group.id, { userId, ...(until ? { until } : {}), ...(confirmOverLimit ? { confirmOverLimit: true } : {}), expected: null });
      notifications.show({ color: "green", message: `Added to ${group.name}.` });
      setUserId(null);
      setUntil("");
      setOverLimit(null);
      onChanged();
    } catch (e) {
      if (isApiError(e) && e.status === 409 && /limit/.test(e.code)) setOverLimit(e.detail);
      else setError(e);
      if (isApiError(e) && e.code === "membership-conflict") onChanged();
    } finally {
      setBusy(false);
    }
  };
  const remove = async (memberId: string, name: string, seen: MembershipWindow) => {
    setError(null);
    try {
      await securityApi.removeMember(group.id, memberId, seen);
      notifications.show({ color: "green", message: `Removed ${name} from ${group.name}.` });
      onChanged();
    } catch (e) {
      setError(isMembershipGone(e) ? new Error(MEMBERSHIP_GONE(name)) : e);
      if (isMembershipGone(e) || (isApiError(e) && e.code === "membership-conflict")) onChanged();
    }
  };

  return (
    <Stack gap="md">
      {canManage && (
        <Group align="flex-end" gap="sm">
          <UserPicker value={userId} onChange={setUserId} exclude={group.members.map((m) => m.userId)} label="Add a person" />
          <TextInput type="date" label="Until (optional)" value={until} onChange={(e) => setUntil(e.currentTarget.value)} />
          <Button onClick={() => void add(false)} disabled={!userId} loading={busy}>
            Add to group
          </Button>
          {can(CHANGES.bulkAddMembers) && <AddSeveralButton group={group} onChanged={onChanged} />}
        </Group>
      )}
      <SecurityProblem error={error} />
      {group.members.length === 0 ? (
        <EmptyState title="No members yet" message="The group's rights reach nobody until people are added." />
      ) : (
        <>
          <Group gap="sm" align="center">
            <TextInput aria-label="Search members" placeholder="Search members" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
            {members.query.data && <ListTotal total={members.total} noun={["member", "members"]} />}
            {can(CHANGES.bulkRemoveMembers) && selected.length > 0 && (
              <ConfirmButton
                size="xs"
                color="red"
                variant="light"
                title={`Remove ${selected.length} ${selected.length === 1 ? "person" : "people"} from ${group.name}?`}
                message={`They lose the rights that come only from ${group.name}. Nobody is removed if one of them cannot be.`}
                confirmLabel="Remove selected"
                onConfirm={() => removeSelected()}
              >
                Remove selected ({selected.length})
              </ConfirmButton>
            )}
          </Group>
          <Table aria-label="Members">
            <Table.Thead>
              <Table.Tr>
                {can(CHANGES.bulkRemoveMembers) && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label="Select every member shown"
                      checked={members.items.length > 0 && members.items.every((m) => selected.includes(m.userId))}
                      indeterminate={selected.length > 0 && !members.items.every((m) => selected.includes(m.userId))}
                      onChange={(e) => setSelected(e.currentTarget.checked ? members.items.map((m) => m.userId) : [])}
                    />
                  </Table.Th>
                )}
                <SortableTh column="name" sort={values.memberSort} order={values.memberOrder} onSort={sortBy}>
                  Person
                </SortableTh>
                <SortableTh column="until" sort={values.memberSort} order={values.memberOrder} onSort={sortBy}>
                  Member
                </SortableTh>
                <Table.Th w={240} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.items.map((m) => (
                <Table.Tr key={m.userId} data-testid="member-row">
                  {can(CHANGES.bulkRemoveMembers) && (
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select ${m.displayName}`}
                        checked={selected.includes(m.userId)}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          setSelected((now) => (on ? [...now, m.userId] : now.filter((id) => id !== m.userId)));
                        }}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Link to={`/security/users/${m.userId}`}>{m.displayName}</Link>{" "}
                    <Text span size="xs" c="dimmed">
                      ({m.username})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {!m.active && (
                      <Badge color="gray" mr={6}>
                        not in force
                      </Badge>
                    )}
                    {m.from && `from ${day(m.from)} `}
                    {m.until ? `until ${day(m.until)}` : m.from ? "" : "no end date"}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {canManage && (
                        <MembershipDatesButton groupId={group.id} userId={m.userId} groupName={group.name} personName={m.displayName} current={{ from: m.from, until: m.until }} onChanged={onChanged} />
                      )}
                      {can(CHANGES.removeMember) && (
                        <ConfirmButton
                          size="xs"
                          variant="subtle"
                          color="red"
                          title={`Remove ${m.displayName}?`}
                          message={`${m.displayName} loses the rights that come only from ${group.name}.`}
                          confirmLabel="Remove"
                          onConfirm={() => remove(m.userId, m.displayName, { from: m.from, until: m.until })}
                        >
                          Remove
                        </ConfirmButton>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <LoadMore query={members.query} shown={members.items.length} total={members.total} />
        </>
      )}
      <Modal opened={overLimit !== null} onClose={() => setOverLimit(null)} title="Go past the member limit?" centered>
        <Text size="sm">{overLimit}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setOverLimit(null)}>
            Cancel
          </Button>
          <Button color="orange" onClick={() => void add(true)} loading={busy}>
            Add anyway
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
