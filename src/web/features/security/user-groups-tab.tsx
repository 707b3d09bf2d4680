import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { isApiError } from "../../api.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { EmptyState } from "../../components/empty-state.js";
import { SecurityProblem } from "./role-notice.js";
import { keys, securityApi, type MembershipWindow, type UserDetail } from "./security-api.js";
import { formatDay } from "./format-day.js";
import { MembershipDatesButton } from "./membership-dates.js";
import { isMembershipGone, MEMBERSHIP_GONE } from "./membership-change.js";

const day = formatDay;

/** The groups a person is in: add with an optional end date, remove. */
export function UserGroupsTab({ user, canManage, onChanged }: { user: UserDetail; canManage: boolean; onChanged(): void }) {
  const groups = useQuery({ queryKey: keys.groups(""), queryFn: () => securityApi.groups(""), enabled: canManage });
  const [groupId, setGroupId] = useState<string | null>(null);
  const [until, setUntil] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [overLimit, setOverLimit] = useState<string | null>(null);
  const options = (groups.data ?? []).filter((g) => !user.groups.some((m) => m.groupId === g.id)).map((g) => ({ value: g.id, label: g.name }));

  const add = async (confirmOverLimit: boolean) => {
    if (!groupId) return;
    setBusy(true);
    setError(null);
    try {
      // expected: null — if someone added this person meanwhile, their dates are not overwritten
      await securityApi.addMember(groupId, { userId: user.id, ...(until ? { until } : {}), ...(confirmOverLimit ? { confirmOverLimit: true } : {}), expected: null });
      notifications.show({ color: "green", message: `Added ${user.displayName} to the group.` });
      setGroupId(null);
      setUntil("");
      setOverLimit(null);
      onChanged();
    } catch (e) {
      if (isApiError(e) && e.code === "member-limit-reached") setOverLimit(e.detail);
      else setError(e);
      if (isApiError(e) && e.code === "membership-conflict") onChanged();
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string, name: string, seen: MembershipWindow) => {
    setError(null);
    try {
      await securityApi.removeMember(id, user.id, seen);
      notifications.show({ color: "green", message: `Removed ${user.displayName} from ${name}.` });
      onChanged();
    } catch (e) {
      setError(isMembershipGone(e) ? new Error(MEMBERSHIP_GONE(user.displayName)) : e);
      if (isMembershipGone(e) || (isApiError(e) && e.code === "membership-conflict")) onChanged();
    }
  };

  return (
    <Stack gap="md">
      {canManage && (
        <Group align="flex-end" gap="sm">
          <Select label="Add to group" placeholder="Pick a group" data={options} value={groupId} onChange={setGroupId} searchable w={320} />
          <TextInput type="date" label="Until (optional)" value={until} onChange={(e) => setUntil(e.currentTarget.value)} />
          <Button onClick={() => void add(false)} disabled={!groupId} loading={busy}>
            Add
          </Button>
        </Group>
      )}
      {overLimit && (
        <Stack gap={6} p="sm" bg="orange.0" style={{ borderRadius: 8 }} role="alert">
          <Text size="sm">{overLimit}</Text>
          <Group gap="sm">
            <Button size="xs" color="orange" onClick={() => void add(true)} loading={busy}>
              Add anyway (recorded in the audit log)
            </Button>
            <Button size="xs" variant="default" onClick={() => setOverLimit(null)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
      <SecurityProblem error={error} />
      {user.groups.length === 0 ? (
        <EmptyState title="In no groups" message="Without groups this person has no tool rights, unless given individual rights." />
      ) : (
        <Table aria-label="Groups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Group</Table.Th>
              <Table.Th>Membership</Table.Th>
              <Table.Th w={240} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {user.groups.map((g) => (
              <Table.Tr key={g.groupId} data-testid="user-group-row">
                <Table.Td>
                  <Link to={`/security/groups/${g.groupId}`}>{g.name}</Link>
                </Table.Td>
                <Table.Td>
                  {!g.active && (
                    <Badge color="gray" mr={6}>
                      not in force
                    </Badge>
                  )}
                  {g.from && `from ${day(g.from)} `}
                  {g.until ? `until ${day(g.until)}` : g.from ? "" : "no end date"}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                  {canManage && (
                    <MembershipDatesButton groupId={g.groupId} userId={user.id} groupName={g.name} personName={user.displayName} current={{ from: g.from, until: g.until }} onChanged={onChanged} />
                  )}
                  {canManage && (
                    <ConfirmButton size="xs" variant="subtle" color="red" title={`Remove from ${g.name}?`} message={`${user.displayName} loses the rights that come only from ${g.name}.`} confirmLabel="Remove" onConfirm={() => remove(g.groupId, g.name, { from: g.from, until: g.until })}>
                      Remove
                    </ConfirmButton>
                  )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
