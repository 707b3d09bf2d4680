import { Alert, Anchor, Badge, Button, Checkbox, CopyButton, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api.js";
import { useFieldProblems } from "../../components/field-problems.js";
import { ConfirmButton, EmptyState, PageHeader, ProblemAlert } from "../../components/index.js";
import { SecurityProblem } from "./role-notice.js";

type Scope = "scim" | "api:read" | "api:write";
type TokenSummary = { id: string; serviceAccount: string; serviceAccountId: string; hint: string; scopes: Scope[]; createdAt: string; createdBy: string | null; lastUsedAt: string | null; expiresAt: string; status: "active" | "expired" | "revoked" };
type ServiceAccount = { userId: string; username: string; displayName: string; disabled: boolean; productSecurityRole: string; createdAt: string; activeTokens: number };

const SCOPES: { value: Scope; label: string }[] = [
  { value: "scim", label: "scim — provision users and group membership from an identity provider (/scim/v2)" },
  { value: "api:read", label: "api:read — read the district API (GET), within the service account's rights" },
  { value: "api:write", label: "api:write — read and change through the district API, within the service account's rights" },
];
const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const at = (d: string | null) => (d ? when.format(new Date(d)) : "never");
const keys = { tokens: ["api-tokens"], accounts: ["service-accounts"] };

/** Security > API tokens: issue a token (shown once), see every token, revoke it or disable its service account. */
export function ApiTokensPage() {
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: () => api.get<TokenSummary[]>("/api/api-tokens") });
  const accounts = useQuery({ queryKey: keys.accounts, queryFn: () => api.get<ServiceAccount[]>("/api/service-accounts") });
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: keys.tokens }), client.invalidateQueries({ queryKey: keys.accounts })]);
  const revoke = useMutation({ mutationFn: (id: string) => api.delete(`/api/api-tokens/${id}`), onSuccess: refresh });
  const disable = useMutation({ mutationFn: (userId: string) => api.post(`/api/service-accounts/${userId}/disable`), onSuccess: refresh });
  return (
    <>
      <PageHeader title="API tokens" description="Tokens for automation and SCIM provisioning. Each acts as its service account, a user whose groups and rights you manage like anyone's: a token never has more than its account." />
      <SecurityProblem error={tokens.error} />
      {tokens.data && (
        <Stack gap="xl">
          <CreateTokenForm onCreated={refresh} />
          <section aria-label="Tokens">
            <Title order={3} size="h4" mb="xs">Tokens</Title>
            <ProblemAlert error={revoke.error} />
            {tokens.data.length === 0 ? (
              <EmptyState title="No API tokens yet" />
            ) : (
              <Table aria-label="API tokens">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Service account</Table.Th>
                    <Table.Th>Scopes</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Last used</Table.Th>
                    <Table.Th>Expires</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.data.map((t) => (
                    <Table.Tr key={t.id} data-testid="token-row">
                      <Table.Td>
                        <Text span fw={600}>{t.serviceAccount}</Text>{" "}
                        <Text span size="xs" c="dimmed" ff="monospace">…{t.hint}</Text>
                        {t.status !== "active" && <Badge ml={6} size="xs" color="gray">{t.status}</Badge>}
                      </Table.Td>
                      <Table.Td>{t.scopes.join(", ")}</Table.Td>
                      <Table.Td>{at(t.createdAt)}{t.createdBy && <Text size="xs" c="dimmed">by {t.createdBy}</Text>}</Table.Td>
                      <Table.Td>{at(t.lastUsedAt)}</Table.Td>
                      <Table.Td>{at(t.expiresAt)}</Table.Td>
                      <Table.Td>
                        {t.status === "active" && (
                          <ConfirmButton size="xs" variant="light" color="red" title="Revoke this token?" confirmLabel="Revoke" message={`Whatever uses ${t.serviceAccount}'s token …${t.hint} stops working at once.`} onConfirm={() => revoke.mutateAsync(t.id)}>
                            Revoke
                          </ConfirmButton>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </section>
          <section aria-label="Service accounts">
            <Title order={3} size="h4" mb="xs">Service accounts</Title>
            <ProblemAlert error={disable.error} />
            {accounts.data && accounts.data.length === 0 && <EmptyState title="No service accounts yet" />}
            {accounts.data && accounts.data.length > 0 && (
              <Table aria-label="Service accounts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Account</Table.Th>
                    <Table.Th>Live tokens</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {accounts.data.map((a) => (
                    <Table.Tr key={a.userId} data-testid="service-account-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/security/users/${a.userId}`} fw={600}>{a.username}</Anchor>
                        <Text size="xs" c="dimmed">groups, rights and role on its user page</Text>
                        {a.disabled && <Badge ml={6} size="xs" color="gray">disabled</Badge>}
                      </Table.Td>
                      <Table.Td>{a.activeTokens}</Table.Td>
                      <Table.Td>{at(a.createdAt)}</Table.Td>
                      <Table.Td>
                        {!a.disabled && (
                          <ConfirmButton size="xs" variant="light" color="red" title={`Disable ${a.username}?`} confirmLabel="Disable" message="The service account is disabled and every one of its tokens is revoked, at once." onConfirm={() => disable.mutateAsync(a.userId)}>
                            Disable
                          </ConfirmButton>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </section>
        </Stack>
      )}
    </>
  );
}

const TOKEN_FIELDS = ["serviceAccount", "scopes", "expiresInDays"];

function CreateTokenForm({ onCreated }: { onCreated: () => unknown }) {
  const [serviceAccount, setServiceAccount] = useState("");
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [days, setDays] = useState<number | string>(90);
  const create = useMutation({
    mutationFn: () => api.post<{ token: string; summary: TokenSummary }>("/api/api-tokens", { serviceAccount, scopes, expiresInDays: Number(days) }),
    onSuccess: () => onCreated(),
  });
  const created = create.data;
  const fields = useFieldProblems(create.error, TOKEN_FIELDS);
  return (
    <Paper withBorder p="md" component="section" aria-label="New token">
      <Title order={3} size="h4" mb="xs">New token</Title>
      {created ? (
        <Alert color="green" variant="light" title={`Token for ${created.summary.serviceAccount}`}>
          <Text size="sm" mb="xs">Copy it now: it is shown this once, and Gatehouse keeps only its hash.</Text>
          <Group gap="xs" wrap="nowrap">
            <Text ff="monospace" size="sm" data-testid="new-token" style={{ wordBreak: "break-all" }}>{created.token}</Text>
            <CopyButton value={created.token}>{({ copied, copy }) => <Button size="xs" onClick={copy}>{copied ? "Copied" : "Copy"}</Button>}</CopyButton>
          </Group>
          <Button mt="sm" size="xs" variant="default" onClick={() => { create.reset(); setServiceAccount(""); setScopes([]); }}>Done</Button>
        </Alert>
      ) : (
        <form noValidate ref={fields.formRef} onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
          <Stack gap="sm" maw={640}>
            <TextInput label="Service account" description="Its username; a new one is created with no rights. Give it groups on its user page." value={serviceAccount} onChange={(e) => setServiceAccount(e.currentTarget.value)} withAsterisk error={fields.at("serviceAccount")} />
            <Checkbox.Group label="Scopes" value={scopes} onChange={(v) => setScopes(v as Scope[])} withAsterisk error={fields.at("scopes")}>
              <Stack gap={4} mt={4}>
                {SCOPES.map((s) => <Checkbox key={s.value} value={s.value} label={s.label} />)}
              </Stack>
            </Checkbox.Group>
            <NumberInput label="Expires after (days)" min={1} max={730} value={days} onChange={setDays} w={200} error={fields.at("expiresInDays")} />
            {fields.alert && <ProblemAlert error={create.error} title="The token was not created" hideFields={TOKEN_FIELDS} />}
            <Group><Button type="submit" loading={create.isPending} >Create token</Button></Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
