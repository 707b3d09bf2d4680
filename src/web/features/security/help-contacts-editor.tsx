import { ActionIcon, Button, Card, Group, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api.js";
import { useFieldProblems } from "../../components/field-problems.js";
import { SecurityProblem } from "./role-notice.js";

type HelpContact = { name: string; role: string; email?: string; phone?: string };
type Row = { name: string; role: string; email: string; phone: string };
const KEY = ["security", "help-contacts"] as const;

const toRow = (c: HelpContact): Row => ({ name: c.name, role: c.role, email: c.email ?? "", phone: c.phone ?? "" });
const toContact = (r: Row): HelpContact => ({ name: r.name, role: r.role, ...(r.email.trim() ? { email: r.email.trim() } : {}), ...(r.phone.trim() ? { phone: r.phone.trim() } : {}) });

const PARTS = ["name", "role", "email", "phone"] as const;

/** The Help section of the district's sign-in page: who people call when they cannot sign in. */
export function HelpContactsEditor({ canManage }: { canManage: boolean }) {
  const queryClient = useQueryClient();
  const contacts = useQuery({ queryKey: KEY, queryFn: () => api.get<HelpContact[]>("/api/district/help-contacts") });
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const shown = rows ?? (contacts.data ?? []).map(toRow);
  const shownAt = shown.flatMap((_, i) => PARTS.map((part) => `contacts.${i}.${part}`));
  const fields = useFieldProblems(error, shownAt);
  const fieldError = (i: number, field: (typeof PARTS)[number]) => fields.at(`contacts.${i}.${field}`);
  const edit = (i: number, change: Partial<Row>) => setRows(shown.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.put<HelpContact[]>("/api/district/help-contacts", { contacts: shown.map(toContact) });
      queryClient.setQueryData(KEY, saved);
      setRows(null);
      notifications.show({ color: "green", message: "The sign-in page shows the new Help contacts." });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder radius="md" padding="lg" maw={760} mt="lg" component="section" aria-label="Help contacts on the sign-in page">
      <Text fw={600}>Help contacts on the sign-in page</Text>
      <Text size="sm" c="dimmed" mb="sm">
        Shown under Help on the district's sign-in page, to people who cannot sign in. Give each an email or a phone number.
      </Text>
      <SecurityProblem error={contacts.error} />
      <Stack gap="sm" ref={fields.formRef}>
        {shown.length === 0 && <Text size="sm">No Help contacts: the sign-in page shows none.</Text>}
        {shown.map((r, i) => (
          <Group key={i} gap="xs" align="flex-start" data-testid="help-contact-row">
            <TextInput label="Name" value={r.name} onChange={(e) => edit(i, { name: e.currentTarget.value })} disabled={!canManage} error={fieldError(i, "name")} w={170} />
            <TextInput label="Helps with" value={r.role} onChange={(e) => edit(i, { role: e.currentTarget.value })} disabled={!canManage} error={fieldError(i, "role")} w={150} />
            <TextInput label="Email" value={r.email} onChange={(e) => edit(i, { email: e.currentTarget.value })} disabled={!canManage} error={fieldError(i, "email")} w={190} />
            <TextInput label="Phone" value={r.phone} onChange={(e) => edit(i, { phone: e.currentTarget.value })} disabled={!canManage} error={fieldError(i, "phone")} w={120} />
            {canManage && (
              <ActionIcon mt={26} variant="subtle" color="red" aria-label={`Remove ${r.name || "this contact"}`} onClick={() => setRows(shown.filter((_, j) => j !== i))}>
                ✕
              </ActionIcon>
            )}
          </Group>
        ))}
        {fields.alert && <SecurityProblem error={error} title="The Help contacts were not saved" />}
        {!fields.alert && Boolean(error) && (
          <Text size="sm" c="red.8" role="alert">
            Nothing was saved: correct the fields marked above.
          </Text>
        )}
        {canManage && (
          <Group>
            <Button variant="default" onClick={() => setRows([...shown, { name: "", role: "", email: "", phone: "" }])}>
              Add a contact
            </Button>
            <Button onClick={() => void save()} loading={busy} disabled={rows === null}>
              Save Help contacts
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
