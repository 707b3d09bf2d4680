import { Badge, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api.js";
import { useAuth } from "../../app/auth-context.js";
import { AccountAccessActions } from "../../components/account-access-actions.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";

type StaffAccount = { id: string; username: string; displayName: string; email: string | null; disabled: boolean; mfaEnabled: boolean; locked: boolean; lastLoginAt: string | null };

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Vendor support staff accounts: one colleague unlocks another, or sends a set-password link. */
export function VendorStaffPage() {
  const { me } = useAuth();
  const staff = useQuery({ queryKey: ["vendor", "staff-accounts"], queryFn: () => api.get<StaffAccount[]>("/api/vendor/staff-accounts") });
  return (
    <Stack>
      <PageHeader title="Staff accounts" description="Vendor support staff. A colleague locked out by failed sign-ins can be unlocked here; every unlock is audited." />
      <ProblemAlert error={staff.error} />
      <Table striped withTableBorder aria-label="Staff accounts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Username</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last sign-in</Table.Th>
            <Table.Th>Access</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(staff.data ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.displayName}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {s.username}
                </Text>
              </Table.Td>
              <Table.Td>
                {s.disabled ? <Badge color="gray">disabled</Badge> : s.locked ? <Badge color="orange">locked</Badge> : <Badge color="green" variant="light">active</Badge>}
                {!s.mfaEnabled && (
                  <Badge color="yellow" variant="light" ml={4}>
                    MFA not set up
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{s.lastLoginAt ? when.format(new Date(s.lastLoginAt)) : "never"}</Table.Td>
              <Table.Td>
                {s.id === me?.user.id ? (
                  <Text size="sm" c="dimmed">
                    you
                  </Text>
                ) : (
                  <AccountAccessActions name={s.displayName} locked={s.locked} base={`/api/vendor/staff-accounts/${s.id}`} onChanged={() => void staff.refetch()} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
