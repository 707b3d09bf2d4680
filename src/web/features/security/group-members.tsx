import { Badge, Button, Group, Modal, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { Link } from "react-router-dom";
import { isApiError } from "../../api.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { EmptyState } from "../../components/empty-state.js";
import { SecurityProblem } from "./role-notice.js";
import { securityApi, type GroupDetail, type MembershipWindow } from "./security-api.js";
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
        </Group>
      )}
      <SecurityProblem error={error} />
      {group.members.length === 0 ? (
        <EmptyState title="No members yet" message="The group's rights reach nobody until people are added." />
      ) : (
        <Table aria-label="Members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Member</Table.Th>
              <Table.Th w={240} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.members.map((m) => (
              <Table.Tr key={m.userId} data-testid="member-row">
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
