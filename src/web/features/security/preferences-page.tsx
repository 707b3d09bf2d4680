import { Alert, Button, Card, Divider, Group, Loader, Modal, Stack, Switch, Text, TextInput } from "@mantine/core";
import { HelpContactsEditor } from "./help-contacts-editor.js";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PageHeader } from "../../components/page-header.js";
import { allShownAtFields, useFieldProblems } from "../../components/field-problems.js";
import { formatDay } from "./format-day.js";
import { RoleNotice, SecurityProblem } from "./role-notice.js";
import { CHANGES, useCapabilities } from "./use-capabilities.js";
import { keys, securityApi, type Preferences } from "./security-api.js";

type Change = { automaticStaffAccounts?: boolean; masterSchedulingEnds?: string | null };

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

function describe(change: Change, p: Preferences): string {
  if (change.automaticStaffAccounts !== undefined) return `Automatic creation of staff accounts is now ${p.automaticStaffAccounts ? "on" : "off"}.`;
  return p.masterSchedulingEnds
    ? `The master scheduling period now ends on ${formatDay(p.masterSchedulingEnds)}.`
    : "The master scheduling period has no end date now.";
}

/** The master scheduling period's end: the day the seed's ** rows run out in groups made from a template. */
function SchedulingEnds({ prefs, disabled, onSave, error }: { prefs: Preferences; disabled: boolean; onSave(change: Change): void; error: unknown }) {
  const fields = useFieldProblems(error, ["masterSchedulingEnds"]);
  const [value, setValue] = useState(day(prefs.masterSchedulingEnds));
  const [seen, setSeen] = useState(prefs.masterSchedulingEnds);
  if (seen !== prefs.masterSchedulingEnds) {
    setSeen(prefs.masterSchedulingEnds);
    setValue(day(prefs.masterSchedulingEnds));
  }
  return (
    <Stack gap="xs" ref={fields.formRef}>
      <div>
        <Text fw={600}>End of the master scheduling period</Text>
        <Text size="sm" c="dimmed">
          The seed's example groups mark some scheduling rights ** : they are for the master scheduling period only. A group made from such a
          template gets those rights until this day (changing it later does not move the dates of groups already made).
        </Text>
      </div>
      <Group gap="sm" align="flex-end">
        <TextInput type="date" label="Ends on" value={value} onChange={(e) => setValue(e.currentTarget.value)} disabled={disabled} w={180} error={fields.at("masterSchedulingEnds")} />
        {!disabled && (
          <Button size="sm" variant="default" disabled={value === day(prefs.masterSchedulingEnds)} onClick={() => onSave({ masterSchedulingEnds: value || null })}>
            Save date
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** Account Security Preferences: the automatic creation of staff accounts, and what it blocks. */
export function PreferencesPage() {
  const queryClient = useQueryClient();
  const prefs = useQuery({ queryKey: keys.preferences, queryFn: securityApi.preferences });
  const canManage = useCapabilities().can(CHANGES.preferences);
  const canEditHelp = useCapabilities().can(CHANGES.helpContacts);
  // a district-wide switch flips only after a confirmation that says what it does
  const [confirming, setConfirming] = useState<boolean | null>(null);
  const save = useMutation({
    mutationFn: (change: Change) => securityApi.savePreferences({ ...change, version: prefs.data!.version }),
    onSuccess: (p, change) => {
      queryClient.setQueryData(keys.preferences, p);
      notifications.show({ color: "green", message: describe(change, p) });
    },
  });
  return (
    <>
      <PageHeader title="Account Security Preferences" description="District-wide settings for how staff accounts and their rights are managed." />
      <RoleNotice changes={[CHANGES.preferences]} />
      <SecurityProblem error={prefs.error ?? (allShownAtFields(save.error, ["masterSchedulingEnds"]) ? null : save.error)} />
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
                onChange={(e) => setConfirming(e.currentTarget.checked)}
              />
            </Group>
            <Alert color={prefs.data.automaticStaffAccounts ? "orange" : "gray"} variant="light" title="What this blocks">
              While this is on, a user group saved with only calendar rights cannot be given tool rights: the save is refused with a message saying why.
              Give tool rights through separate groups, and add the same people to both.
            </Alert>
            <Divider my="xs" />
            <SchedulingEnds prefs={prefs.data} disabled={!canManage || save.isPending} onSave={(change) => save.mutate(change)} error={save.error} />
          </Stack>
        </Card>
      )}
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={confirming ? "Turn on automatic creation of staff accounts?" : "Turn off automatic creation of staff accounts?"} centered>
        <Text size="sm">
          {confirming
            ? "This applies to the whole district. Staff accounts will be created automatically for new staff and placed through calendar-only groups; from now on a group saved with only calendar rights can no longer be given tool rights (the save is refused)."
            : "This applies to the whole district. New staff will no longer get accounts automatically: someone must create each account by hand, and calendar-only groups can take tool rights again."}
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirming(null)}>
            Cancel
          </Button>
          <Button
            color="orange"
            loading={save.isPending}
            onClick={() => {
              const on = confirming!;
              save.mutate({ automaticStaffAccounts: on }, { onSettled: () => setConfirming(null) });
            }}
          >
            {confirming ? "Turn on for the district" : "Turn off for the district"}
          </Button>
        </Group>
      </Modal>
      {prefs.data && <HelpContactsEditor canManage={canEditHelp} />}
    </>
  );
}
