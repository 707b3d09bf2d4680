import { Alert, Badge, Button, Card, Code, Group, Loader, MultiSelect, PasswordInput, Select, Stack, Switch, Table, Text, TextInput, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PageHeader } from "../../components/page-header.js";
import { useFieldProblems } from "../../components/field-problems.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { securityApi } from "../security/security-api.js";
import { UserPicker } from "../security/user-picker.js";
import { CHANGES, useCapabilities } from "../security/use-capabilities.js";
import { RoleNotice } from "../security/role-notice.js";
import { ssoApi, ssoKeys, type SsoSettings } from "./sso-api.js";

/** The server's sentence for one field of the saved change ("oidc.issuer"), shown at its input. */
type FieldMessage = (path: string) => string | undefined;
const SSO_FIELDS = [
  "oidc.label", "oidc.issuer", "oidc.clientId", "oidc.clientSecret", "oidc.subjectClaim", "oidc.allowedDomain",
  "saml.label", "saml.idpMetadataXml", "saml.idpMetadataUrl", "jit.groupIds",
] as const;

function Shown({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text size="sm" fw={600}>{label}</Text>
      <Code block>{value ?? "—"}</Code>
    </div>
  );
}

function OidcCard({ s, disabled, save, at }: { at: FieldMessage; s: SsoSettings["oidc"]; disabled: boolean; save(change: Record<string, unknown>): void }) {
  const [form, setForm] = useState({ enabled: s.enabled, label: s.label ?? "", issuer: s.issuer ?? "", clientId: s.clientId ?? "", clientSecret: "", subjectClaim: s.subjectClaim, allowedDomain: s.allowedDomain ?? "" });
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = () =>
    save({
      oidc: {
        enabled: form.enabled, label: form.label || null, issuer: form.issuer || null, clientId: form.clientId || null, subjectClaim: form.subjectClaim,
        allowedDomain: form.allowedDomain || null, ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
      },
    });
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label="OpenID Connect">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>OpenID Connect</Title>
          <Switch label="Offer OpenID Connect sign-in" checked={form.enabled} disabled={disabled} onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })} />
        </Group>
        <Shown label="Redirect URI (register it at the identity provider)" value={s.redirectUri} />
        <TextInput label="Button label" description={`The sign-in page shows "Sign in with …"`} placeholder="Microsoft" value={form.label} onChange={set("label")} error={at("oidc.label")} disabled={disabled} />
        <TextInput label="Issuer URL" placeholder="https://login.microsoftonline.com/TENANT-ID/v2.0" value={form.issuer} onChange={set("issuer")} error={at("oidc.issuer")} disabled={disabled} />
        <TextInput label="Client id" value={form.clientId} onChange={set("clientId")} error={at("oidc.clientId")} disabled={disabled} />
        <PasswordInput
          label="Client secret"
          description={s.clientSecretSet ? "A secret is set. It is never shown; type a new one only to replace it." : "Not set yet."}
          value={form.clientSecret}
          onChange={set("clientSecret")}
          error={at("oidc.clientSecret")}
          disabled={disabled}
        />
        <TextInput label="Claim that names the user" description="Its value is what a user is linked by (sub unless your IdP recommends another, e.g. oid for Entra ID)" value={form.subjectClaim} onChange={set("subjectClaim")} error={at("oidc.subjectClaim")} disabled={disabled} />
        <TextInput label="Allowed email domain (optional)" placeholder="district.example.org" value={form.allowedDomain} onChange={set("allowedDomain")} error={at("oidc.allowedDomain")} disabled={disabled} />
        {!disabled && (
          <Group>
            <Button onClick={submit}>Save OpenID Connect</Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function SamlCard({ s, disabled, save, at }: { at: FieldMessage; s: SsoSettings["saml"]; disabled: boolean; save(change: Record<string, unknown>): void }) {
  const [form, setForm] = useState({ enabled: s.enabled, label: s.label ?? "", xml: "", url: s.idpMetadataUrl ?? "" });
  const submit = () => save({ saml: { enabled: form.enabled, label: form.label || null, ...(form.xml ? { idpMetadataXml: form.xml } : {}), idpMetadataUrl: form.url || null } });
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label="SAML 2.0">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>SAML 2.0</Title>
          <Switch label="Offer SAML sign-in" checked={form.enabled} disabled={disabled} onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })} />
        </Group>
        <Text size="sm" c="dimmed">Give these to the identity provider (or give it the metadata URL).</Text>
        <Shown label="Entity id (Identifier)" value={s.spEntityId} />
        <Shown label="ACS URL (Reply URL)" value={s.acsUrl} />
        <Shown label="Metadata URL" value={s.spMetadataXml ? s.spMetadataUrl : "made when SAML is first saved"} />
        {s.spCertificateInfo && <Text size="sm">Gatehouse's signing certificate is valid until {s.spCertificateInfo.validTo.slice(0, 10)}.</Text>}
        {s.spCertificate && <Textarea label="Gatehouse's signing certificate" value={s.spCertificate} readOnly autosize maxRows={6} styles={{ input: { fontFamily: "monospace", fontSize: 12 } }} />}
        {s.spMetadataXml && <Textarea label="Gatehouse's SP metadata XML" value={s.spMetadataXml} readOnly autosize maxRows={8} styles={{ input: { fontFamily: "monospace", fontSize: 12 } }} />}
        <Title order={4} mt="sm">Your identity provider</Title>
        {s.idpEntityId ? (
          <Stack gap={4}>
            <Text size="sm">Entity id: <Code>{s.idpEntityId}</Code></Text>
            <Text size="sm">Sign-on URL: <Code>{s.idpSsoUrl}</Code></Text>
            {s.idpCertificates.map((c) => (
              <Text size="sm" key={c.validTo + c.subject}>Signing certificate {c.subject.replace(/\n/g, ", ")} valid until {c.validTo.slice(0, 10)}</Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">No identity provider metadata yet.</Text>
        )}
        <TextInput label="Button label" placeholder="Google" value={form.label} onChange={(e) => setForm({ ...form, label: e.currentTarget.value })} error={at("saml.label")} disabled={disabled} />
        <Textarea label="Identity provider metadata XML" description="Paste the federation metadata XML; it replaces what is stored" value={form.xml} onChange={(e) => setForm({ ...form, xml: e.currentTarget.value })} error={at("saml.idpMetadataXml")} disabled={disabled} autosize minRows={3} maxRows={10} />
        <TextInput label="…or its metadata URL (https)" value={form.url} onChange={(e) => setForm({ ...form, url: e.currentTarget.value })} error={at("saml.idpMetadataUrl")} disabled={disabled} />
        {!disabled && (
          <Group>
            <Button onClick={submit}>Save SAML</Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function JitCard({ s, disabled, save, at }: { at: FieldMessage; s: SsoSettings["jit"]; disabled: boolean; save(change: Record<string, unknown>): void }) {
  const [enabled, setEnabled] = useState(s.enabled);
  const [groupIds, setGroupIds] = useState(s.groupIds);
  const groups = useQuery({ queryKey: ["security", "groups", ""], queryFn: () => securityApi.groups("") });
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label="Just-in-time accounts">
      <Stack gap="sm">
        <Title order={3}>Just-in-time accounts</Title>
        <Switch label="Create an account at a first single sign-on that has no link" checked={enabled} disabled={disabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <Text size="sm" c="dimmed">New accounts get no role and no rights of their own: only the groups chosen here. A username already taken is refused, never joined.</Text>
        <MultiSelect label="Default groups" data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))} value={groupIds} onChange={setGroupIds} error={at("jit.groupIds")} disabled={disabled} searchable />
        {!disabled && (
          <Group>
            <Button onClick={() => save({ jit: { enabled, groupIds } })}>Save just-in-time accounts</Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function LinksCard({ disabled }: { disabled: boolean }) {
  const queryClient = useQueryClient();
  const links = useQuery({ queryKey: ssoKeys.links, queryFn: ssoApi.links });
  const [userId, setUserId] = useState<string | null>(null);
  const [provider, setProvider] = useState<"oidc" | "saml">("oidc");
  const [subject, setSubject] = useState("");
  const done = () => void queryClient.invalidateQueries({ queryKey: ssoKeys.links });
  const link = useMutation({ mutationFn: () => ssoApi.link({ userId: userId!, provider, subject }), onSuccess: () => (setSubject(""), done()) });
  const unlink = useMutation({ mutationFn: ssoApi.unlink, onSuccess: done });
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label="Linked identities">
      <Stack gap="sm">
        <Title order={3}>Linked identities</Title>
        <Text size="sm" c="dimmed">A person signs in with single sign-on only as the account their IdP subject (OIDC claim or SAML NameID) is linked to; email alone never links.</Text>
        <ProblemAlert error={link.error ?? unlink.error} />
        <Table>
          <Table.Thead><Table.Tr><Table.Th>User</Table.Th><Table.Th>Provider</Table.Th><Table.Th>Subject</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(links.data ?? []).map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.username}</Table.Td>
                <Table.Td><Badge variant="light">{l.provider === "oidc" ? "OpenID Connect" : "SAML"}</Badge></Table.Td>
                <Table.Td><Code>{l.subject}</Code></Table.Td>
                <Table.Td>{!disabled && <Button size="xs" variant="subtle" color="red" onClick={() => unlink.mutate(l.id)}>Remove link</Button>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!disabled && (
          <Group align="flex-end">
            <UserPicker value={userId} onChange={setUserId} label="User to link" />
            <Select label="Provider" data={[{ value: "oidc", label: "OpenID Connect" }, { value: "saml", label: "SAML" }]} value={provider} onChange={(v) => setProvider((v as "oidc" | "saml") ?? "oidc")} w={170} />
            <TextInput label="Subject" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
            <Button disabled={!userId || !subject} onClick={() => link.mutate()}>Link</Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** System Administration > User Security > Single sign-on: OIDC, SAML, just-in-time accounts and links. */
export function SsoSettingsPage() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ssoKeys.settings, queryFn: ssoApi.settings });
  const canManage = useCapabilities().can(CHANGES.sso);
  const save = useMutation({
    mutationFn: ssoApi.save,
    onSuccess: (s) => {
      queryClient.setQueryData(ssoKeys.settings, s);
      notifications.show({ color: "green", message: "Single sign-on saved." });
    },
  });
  const fields = useFieldProblems(save.error, SSO_FIELDS);
  return (
    <>
      <PageHeader title="Single sign-on" description="Let staff sign in with the district's identity provider. The local administrator always keeps password sign-in." />
      <RoleNotice changes={[CHANGES.sso]} />
      <ProblemAlert error={settings.error ?? (fields.alert ? save.error : null)} />
      {settings.isPending && <Loader aria-label="Loading single sign-on" />}
      {settings.data && (
        <Stack maw={900} ref={fields.formRef}>
          {settings.data.warnings.map((w) => (
            <Alert key={w} color="yellow" title="Certificate expiring">{w}</Alert>
          ))}
          <OidcCard key={`oidc-${settings.dataUpdatedAt}`} s={settings.data.oidc} disabled={!canManage} save={save.mutate} at={fields.at} />
          <SamlCard key={`saml-${settings.dataUpdatedAt}`} s={settings.data.saml} disabled={!canManage} save={save.mutate} at={fields.at} />
          <JitCard key={`jit-${settings.dataUpdatedAt}`} s={settings.data.jit} disabled={!canManage} save={save.mutate} at={fields.at} />
          <Card withBorder radius="md" padding="lg" component="section" aria-label="Password sign-in">
            <Stack gap="xs">
              <Title order={3}>Password sign-in</Title>
              <Switch
                label="Only Student Information System role holders may sign in with a password"
                description="Everyone else must use single sign-on. The local administrators keep their password: the way in when the identity provider is down."
                checked={settings.data.passwordOnlyForAdministrators}
                disabled={!canManage || (!settings.data.oidc.enabled && !settings.data.saml.enabled)}
                onChange={(e) => save.mutate({ passwordOnlyForAdministrators: e.currentTarget.checked })}
              />
            </Stack>
          </Card>
          <LinksCard disabled={!canManage} />
        </Stack>
      )}
    </>
  );
}
