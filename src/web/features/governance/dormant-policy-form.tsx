import { Button, Group, NumberInput, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { isApiError } from "../../api.js";
import { governanceApi, governanceKeys } from "./governance-api.js";

/** The district's choice to disable dormant accounts by itself, after a notice by email. */
export function DormantPolicyForm({ canChange }: { canChange: boolean }) {
  const policy = useQuery({ queryKey: governanceKeys.dormantPolicy, queryFn: governanceApi.dormantPolicy });
  const [on, setOn] = useState(false);
  const [days, setDays] = useState<number | string>(90);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (!policy.data) return;
    setOn(policy.data.disableAfterDays !== null);
    if (policy.data.disableAfterDays !== null) setDays(policy.data.disableAfterDays);
  }, [policy.data]);
  if (!policy.data) return null;
  const save = async () => {
    setError(undefined);
    try {
      const r = await governanceApi.setDormantPolicy(on ? Number(days) : null);
      notifications.show({ color: "green", message: r.disableAfterDays ? `Accounts are now disabled automatically after ${r.disableAfterDays} days without a sign-in.` : "Dormant accounts are no longer disabled automatically." });
      void policy.refetch();
    } catch (e) {
      setError(isApiError(e) ? e.detail : "Not saved.");
    }
  };
  return (
    <Group align="end" mb="lg" data-testid="dormant-policy">
      <Switch label="Disable dormant accounts automatically" checked={on} onChange={(e) => setOn(e.currentTarget.checked)} disabled={!canChange} />
      <NumberInput label="after (days without a sign-in)" min={30} max={3650} value={days} onChange={setDays} disabled={!canChange || !on} error={error} w={220} />
      {canChange && <Button variant="default" onClick={() => void save()}>Save</Button>}
      <Text size="sm" maw={520}>
        Each person is emailed {policy.data.noticeDays} days before; signing in keeps the account. Accounts without an email address cannot be warned, so they are never disabled automatically: disable them from the list below.
      </Text>
    </Group>
  );
}
