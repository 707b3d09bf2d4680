import { Button, Card, Group, Radio, SimpleGrid, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { AccountAccessActions } from "../../components/account-access-actions.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { CHANGES, useCapabilities } from "./use-capabilities.js";
import { SecurityProblem } from "./role-notice.js";
import { ROLE_HELP, ROLE_LABELS } from "./roles.js";
import { securityApi, type Role, type UserDetail } from "./security-api.js";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** The account and its Product Security Role (which only a holder of the SIS role may change). */
export function UserAccountTab({ user, canManage, onChanged }: { user: UserDetail; canManage: boolean; onChanged(): void }) {
  const [role, setRole] = useState<Role>(user.productSecurityRole);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { can } = useCapabilities();
  const [accountError, setAccountError] = useState<unknown>(null);
  const setDisabled = async (disabled: boolean) => {
    setAccountError(null);
    try {
      await securityApi.setDisabled(user.id, disabled, "");
      notifications.show({ color: "green", message: disabled ? `${user.displayName} can no longer sign in.` : `${user.displayName} can sign in again.` });
      onChanged();
    } catch (e) {
      setAccountError(e);
    }
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await securityApi.setRole(user.id, role, user.version);
      notifications.show({ color: "green", message: `${user.displayName} now has the role: ${ROLE_LABELS[role]}.` });
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="lg" maw={760}>
      <Card withBorder radius="md" padding="lg">
        <SimpleGrid cols={2} spacing="md">
          <Field label="Name">{user.displayName}</Field>
          <Field label="Username">{user.username}</Field>
          <Field label="Email">{user.email ?? "—"}</Field>
          <Field label="Last sign-in">{user.lastLoginAt ? when.format(new Date(user.lastLoginAt)) : "never"}</Field>
          <Field label="Account">{user.disabled ? "disabled" : user.locked ? "locked after failed sign-ins" : "active"}</Field>
        </SimpleGrid>
        {canManage && (
          <Stack mt="md" component="section" aria-label="Sign-in access">
            <AccountAccessActions name={user.displayName} locked={user.locked} base={`/api/users/${user.id}`} onChanged={onChanged} />
            <Group>
              {!user.disabled && can(CHANGES.disableAccount) && (
                <ConfirmButton
                  variant="light"
                  color="red"
                  title={`Disable ${user.displayName}?`}
                  message={`${user.displayName} can no longer sign in, and every session they have open ends now. Their groups and rights are kept, so enabling the account again restores them.`}
                  confirmLabel="Disable account"
                  onConfirm={() => setDisabled(true)}
                >
                  Disable account
                </ConfirmButton>
              )}
              {user.disabled && can(CHANGES.enableAccount) && (
                <ConfirmButton
                  variant="light"
                  confirmColor="blue"
                  title={`Enable ${user.displayName}?`}
                  message={`${user.displayName} can sign in again, with the groups and rights the account has now.`}
                  confirmLabel="Enable account"
                  onConfirm={() => setDisabled(false)}
                >
                  Enable account
                </ConfirmButton>
              )}
            </Group>
            <SecurityProblem error={accountError} title="The account was not changed" />
          </Stack>
        )}
      </Card>
      <Card withBorder radius="md" padding="lg" component="section" aria-label="Product Security Role">
        <Text fw={600} mb={4}>
          Product Security Role
        </Text>
        <Text size="sm" c="dimmed" mb="sm">
          Only people holding a Product Security Role may assign tool rights, calendar rights or group membership.
        </Text>
        <Radio.Group value={role} onChange={(v) => setRole(v as Role)} aria-label="Product Security Role">
          <Stack gap="xs">
            {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
              <Radio key={r} value={r} label={ROLE_LABELS[r]} description={ROLE_HELP[r]} disabled={!canManage} />
            ))}
          </Stack>
        </Radio.Group>
        <SecurityProblem error={error} title="The role was not changed" />
        {canManage && (
          <Group mt="md">
            <Button onClick={() => void save()} loading={busy} disabled={role === user.productSecurityRole}>
              Save role
            </Button>
          </Group>
        )}
      </Card>
    </Stack>
  );
}
