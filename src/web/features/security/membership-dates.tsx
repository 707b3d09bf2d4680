import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { isApiError } from "../../api.js";
import { conflictCurrent, dayInput, describeMembershipConflict, describeWindow, membershipChangeBody } from "./membership-change.js";
import { SecurityProblem } from "./role-notice.js";
import { securityApi, type MembershipWindow } from "./security-api.js";

type Props = { groupId: string; userId: string; groupName: string; personName: string; current: MembershipWindow; onChanged(): void };
type Conflict = { message: string; now: MembershipWindow | null };

/**
 * "Change end date" on one membership. The dates are taken when the dialog opens and sent as
 * `expected`, so if someone changes or removes the membership meanwhile, nothing is overwritten:
 * the dialog says what changed and offers to reload.
 */
export function MembershipDatesButton({ groupId, userId, groupName, personName, current, onChanged }: Props) {
  const [seen, setSeen] = useState<MembershipWindow | null>(null);
  const [until, setUntil] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [overLimit, setOverLimit] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const open = (w: MembershipWindow) => {
    setSeen(w);
    setUntil(dayInput(w.until));
    setError(null);
    setOverLimit(null);
    setConflict(null);
  };
  const close = () => setSeen(null);

  const save = async (confirmOverLimit: boolean) => {
    if (!seen) return;
    setBusy(true);
    setError(null);
    try {
      await securityApi.addMember(groupId, { ...membershipChangeBody(userId, seen, until), ...(confirmOverLimit ? { confirmOverLimit: true } : {}) });
      notifications.show({ color: "green", message: until ? `${personName} is in ${groupName} until ${until}.` : `${personName}'s membership of ${groupName} has no end date now.` });
      close();
      onChanged();
    } catch (e) {
      if (isApiError(e) && e.code === "membership-conflict") {
        const now = conflictCurrent(e.body);
        setConflict({ message: describeMembershipConflict(seen, now), now });
      } else if (isApiError(e) && e.code === "member-limit-reached") setOverLimit(e.detail);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const reload = () => {
    onChanged();
    if (conflict?.now) open(conflict.now);
    else close();
  };

  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => open(current)}>
        Change end date
      </Button>
      <Modal opened={seen !== null} onClose={() => !busy && close()} title={`${personName} in ${groupName}`} centered>
        {seen && (
          <Stack gap="sm">
            <Text size="sm">Member {describeWindow(seen)}.</Text>
            <TextInput
              type="date"
              label="Until"
              description="The last day the group's rights reach this person. Empty: no end date."
              value={until}
              onChange={(e) => setUntil(e.currentTarget.value)}
              disabled={conflict !== null}
            />
            {conflict && (
              <Alert color="orange" variant="light" title="Changed by someone else: nothing was saved" role="alert">
                <Text size="sm">{conflict.message}</Text>
                <Text size="sm" mt={4}>
                  {conflict.now ? "Reload to see the membership as it is now, then apply your change again if it is still needed." : "Reload to see the group's members as they are now."}
                </Text>
                <Button size="xs" mt="xs" onClick={reload}>
                  Reload
                </Button>
              </Alert>
            )}
            {overLimit && (
              <Alert color="orange" variant="light" role="alert">
                <Text size="sm">{overLimit}</Text>
                <Button size="xs" color="orange" mt="xs" onClick={() => void save(true)} loading={busy}>
                  Save anyway (recorded in the audit log)
                </Button>
              </Alert>
            )}
            <SecurityProblem error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={busy}>
                Cancel
              </Button>
              <Button onClick={() => void save(false)} loading={busy} disabled={conflict !== null}>
                Save
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
