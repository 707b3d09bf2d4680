import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { api } from "../api.js";
import { CopyText } from "../pages/account/copy-text.js";
import { ProblemAlert } from "./problem-alert.js";

type IssuedLink = { url: string; expiresAt: string; emailed: boolean };

type Props = {
  name: string;
  locked: boolean;
  /** The API base of this account's actions: "/api/users/ID" or "/api/vendor/staff-accounts/ID". */
  base: string;
  onChanged: () => void;
};

/** Unlock an account locked by failed sign-ins, and issue a one-time set-password link. */
export function AccountAccessActions({ name, locked, base, onChanged }: Props) {
  const unlock = useMutation({
    mutationFn: () => api.post(`${base}/unlock`),
    onSuccess: () => {
      notifications.show({ color: "green", message: `${name} can sign in again from everywhere.` });
      onChanged();
    },
  });
  const link = useMutation({ mutationFn: () => api.post<IssuedLink>(`${base}/password-link`) });
  return (
    <Stack gap="sm">
      <Group>
        {locked && (
          <Button variant="light" color="orange" loading={unlock.isPending} onClick={() => unlock.mutate()} aria-label={`Unlock ${name}`}>
            Unlock
          </Button>
        )}
        <Button variant="default" loading={link.isPending} onClick={() => link.mutate()} aria-label={`Send a set-password link to ${name}`}>
          Send a set-password link
        </Button>
      </Group>
      <ProblemAlert error={unlock.error ?? link.error} />
      {link.data && (
        <Alert color="blue" variant="light" title="Set-password link" role="status">
          <Text size="sm">
            {link.data.emailed ? `Emailed to ${name}.` : `${name} has no email address: pass this link on yourself.`} It works once, until {new Date(link.data.expiresAt).toLocaleString()}; an
            earlier link no longer works.
          </Text>
          <CopyText value={link.data.url} label="set-password link" testId="password-link" />
        </Alert>
      )}
    </Stack>
  );
}
