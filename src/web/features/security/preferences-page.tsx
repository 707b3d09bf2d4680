import { Alert, Card, Group, Loader, Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMe } from "../../app/auth-context.js";
import { PageHeader } from "../../components/page-header.js";
import { RoleNotice, SecurityProblem } from "./role-notice.js";
import { keys, securityApi } from "./security-api.js";

/** Account Security Preferences: the automatic creation of staff accounts, and what it blocks. */
export function PreferencesPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const prefs = useQuery({ queryKey: keys.preferences, queryFn: securityApi.preferences });
  const canManage = me?.user.productSecurityRole === "student-information-system";
  const save = useMutation({
    mutationFn: (automaticStaffAccounts: boolean) => securityApi.savePreferences({ automaticStaffAccounts, version: prefs.data!.version }),
    onSuccess: (p) => {
      queryClient.setQueryData(keys.preferences, p);
      notifications.show({ color: "green", message: `Automatic creation of staff accounts is now ${p.automaticStaffAccounts ? "on" : "off"}.` });
    },
  });
  return (
    <>
      <PageHeader title="Account Security Preferences" description="District-wide settings for how staff accounts and their rights are managed." />
      <RoleNotice />
      <SecurityProblem error={prefs.error ?? save.error} />
      {prefs.isPending && <Loader aria-label="Loading the preferences" />}
      {prefs.data && (
        <Card withBorder radius="md" padding="lg" maw={760}>
          <Stack gap="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text fw={600}>Enable Automatic Creation of Staff Accounts</Text>
                <Text size="sm" c="dimmed">
                  Staff accounts are created for new staff automatically, and groups that hold only calendar rights are used to place them.
                </Text>
              </div>
              <Switch
                size="md"
                aria-label="Enable Automatic Creation of Staff Accounts"
                checked={prefs.data.automaticStaffAccounts}
                disabled={!canManage || save.isPending}
                onChange={(e) => save.mutate(e.currentTarget.checked)}
              />
            </Group>
            <Alert color={prefs.data.automaticStaffAccounts ? "orange" : "gray"} variant="light" title="What this blocks">
              While this is on, a user group saved with only calendar rights cannot be given tool rights: the save is refused with a message saying why.
              Give tool rights through separate groups, and add the same people to both.
            </Alert>
          </Stack>
        </Card>
      )}
    </>
  );
}
