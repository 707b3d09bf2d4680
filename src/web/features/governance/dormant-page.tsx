import { Alert, Anchor, Checkbox, Group, Loader, NumberInput, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useMe } from "../../app/auth-context.js";
import { isApiError } from "../../api.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { SecurityProblem } from "../security/role-notice.js";
import { DormantPolicyForm } from "./dormant-policy-form.js";
import { governanceApi, governanceKeys } from "./governance-api.js";
import { CHANGES, useCapabilities } from "../security/use-capabilities.js";

const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** Staff who have not signed in for a chosen number of days, to disable in bulk. */
export function DormantPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const days = Math.min(3650, Math.max(1, Number(params.get("days") ?? 90) || 90));
  const list = useQuery({ queryKey: governanceKeys.dormant(days), queryFn: () => governanceApi.dormant(days) });
  const [chosen, setChosen] = useState<Set<string>>(() => new Set());
  const [reason, setReason] = useState(`No sign-in for ${days} days`);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const canDisable = useCapabilities().can(CHANGES.disableAccounts);
  const accounts = list.data?.accounts ?? [];
  const toggle = (id: string) => setChosen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const disable = async () => {
    setReasonError(undefined);
    try {
      const r = await governanceApi.disable([...chosen], reason);
      notifications.show({ color: "green", message: `Disabled ${r.disabled.length} ${r.disabled.length === 1 ? "account" : "accounts"}; their sessions were ended.` });
      setChosen(new Set());
      void list.refetch();
    } catch (e) {
      // a refused reason is said at its field; anything else in a message that stays until closed
      const atReason = isApiError(e) ? e.fieldError("reason") : undefined;
      if (atReason) return setReasonError(atReason); // the dialog closes onto the field
      notifications.show({ color: "red", message: isApiError(e) ? e.detail : "Nothing was disabled.", autoClose: false });
      throw e;
    }
  };
  return (
    <>
      <PageHeader
        title="Dormant accounts"
        description="Staff accounts that are still enabled but have not been used to sign in for a while. Disabling one refuses its sign-in and ends its sessions; an administrator can enable it again."
      />
      <DormantPolicyForm canChange={canDisable} />
      <Group align="end" mb="md">
        <NumberInput label="No sign-in for at least (days)" min={1} max={3650} value={days} onChange={(v) => setParams({ days: String(v || 90) }, { replace: true })} w={240} />
        {list.isFetching && <Loader size="xs" aria-label="Loading" />}
      </Group>
      <SecurityProblem error={list.error} />
      {!canDisable && list.data && (
        <Alert variant="light" color="gray" mb="md">
          View only: disabling accounts needs the Student Information System product security role.
        </Alert>
      )}
      {list.data && accounts.length === 0 && <EmptyState title={`Everyone has signed in within ${days} days`} />}
      {accounts.length > 0 && (
        <>
          {canDisable && (
            <Group align="end" mb="sm">
              <TextInput label="Reason (kept in the audit log)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={reasonError} w={360} />
              <ConfirmButton
                disabled={chosen.size === 0 || reason.trim() === ""}
                title={`Disable ${chosen.size} ${chosen.size === 1 ? "account" : "accounts"}?`}
                message="They will not be able to sign in, and any open session ends now. Their groups and rights stay as they are."
                confirmLabel="Disable"
                onConfirm={disable}
              >
                Disable {chosen.size || ""} selected
              </ConfirmButton>
            </Group>
          )}
          <Table aria-label="Dormant accounts">
            <Table.Thead>
              <Table.Tr>
                {canDisable && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label="Select every account listed"
                      checked={chosen.size === accounts.filter((a) => a.id !== me?.user.id).length}
                      onChange={(e) => setChosen(e.currentTarget.checked ? new Set(accounts.filter((a) => a.id !== me?.user.id).map((a) => a.id)) : new Set())}
                    />
                  </Table.Th>
                )}
                <Table.Th>Person</Table.Th>
                <Table.Th>Last sign-in</Table.Th>
                <Table.Th w={120}>Idle days</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.map((a) => (
                <Table.Tr key={a.id} data-testid="dormant-row">
                  {canDisable && (
                    <Table.Td>
                      <Checkbox aria-label={`Select ${a.displayName}`} checked={chosen.has(a.id)} disabled={a.id === me?.user.id} onChange={() => toggle(a.id)} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Anchor component={Link} to={`/security/users/${a.id}`} fw={600}>
                      {a.displayName}
                    </Anchor>{" "}
                    <Text span size="sm">
                      {a.username}
                    </Text>
                  </Table.Td>
                  <Table.Td>{a.neverSignedIn ? `never (created ${day.format(new Date(a.createdAt))})` : day.format(new Date(a.lastLoginAt!))}</Table.Td>
                  <Table.Td>{a.idleDays}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </>
  );
}
