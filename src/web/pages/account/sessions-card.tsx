import { Badge, Button, Card, Group, Table, Text, Title, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { describeDevice } from "./describe-device.js";

type SessionInfo = { id: string; current: boolean; createdAt: string; lastSeenAt: string; expiresAt: string; userAgent: string | null; ip: string | null };

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const formatTime = (iso: string) => when.format(new Date(iso));
const SESSIONS_KEY = ["account", "sessions"];

/**
 * Where this account is signed in, with sign-out for one session or for all the others. Without
 * R on Account Setting the list is not shown, but "sign out everywhere else" still works.
 */
export function SessionsCard({ listAllowed }: { listAllowed: boolean }) {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: () => api.get<SessionInfo[]>("/api/account/sessions"), enabled: listAllowed });
  const refresh = () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
  const revoke = useMutation({ mutationFn: (id: string) => api.delete(`/api/account/sessions/${id}`), onSuccess: refresh });
  const revokeOthers = useMutation({
    mutationFn: () => api.post<{ signedOut: number }>("/api/account/sign-out-everywhere"),
    onSuccess: ({ signedOut }) => {
      notifications.show({ color: "green", message: signedOut === 1 ? "Signed out 1 other session." : `Signed out ${signedOut} other sessions.` });
      return refresh();
    },
  });
  const rows = [...(sessions.data ?? [])].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt));
  const others = rows.filter((s) => !s.current).length;
  const othersText = !listAllowed ? "every other session you have" : others === 1 ? "your 1 other session" : `your ${others} other sessions`;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="sessions-heading">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={3} size="h4" id="sessions-heading">
            Where you are signed in
          </Title>
          <Text size="sm" c="dimmed">
            Sign out any session you do not recognise, then change your password.
          </Text>
        </div>
        <ConfirmButton
          variant="default"
          disabled={listAllowed && others === 0}
          title="Sign out everywhere else?"
          message={`This signs out ${othersText}. This browser stays signed in.`}
          confirmLabel="Sign out the others"
          onConfirm={() => revokeOthers.mutateAsync()}
        >
          Sign out everywhere else
        </ConfirmButton>
      </Group>
      <ProblemAlert error={sessions.error ?? revoke.error ?? revokeOthers.error} />
      {listAllowed && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Your sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Device</Table.Th>
                <Table.Th>IP address</Table.Th>
                <Table.Th>Signed in</Table.Th>
                <Table.Th>Last active</Table.Th>
                <Table.Th>
                  <span className="gh-visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id} data-testid="session-row">
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Tooltip label={s.userAgent ?? "No user agent was sent"} multiline w={360} withArrow>
                        <Text size="sm" tabIndex={0}>
                          {describeDevice(s.userAgent)}
                        </Text>
                      </Tooltip>
                      {s.current && (
                        <Badge size="sm" variant="light" color="green">
                          This session
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.ip ?? "Unknown"}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatTime(s.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.current ? "Now" : formatTime(s.lastSeenAt)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {!s.current && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={revoke.isPending && revoke.variables === s.id}
                        onClick={() => revoke.mutate(s.id)}
                        aria-label={`Sign out ${describeDevice(s.userAgent)} session last active ${formatTime(s.lastSeenAt)}`}
                      >
                        Sign out
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
