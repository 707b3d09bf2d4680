import { Button, Card, Group, Select, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { api, isApiError } from "../../api.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { CONTACT_STATUS_LABELS, CONTACT_TYPE_LABELS } from "./labels.js";
import { PortalGate } from "./portal-gate.js";
import type { DistrictUser, PortalHome } from "./types.js";

const ACTIONS = [
  { value: "add", label: "Add a new contact" },
  { value: "remove", label: "Remove a contact" },
  { value: "change-type", label: "Change a contact's type" },
  { value: "reactivate", label: "Reactivate a deactivated contact" },
];

function ModifyForm({ home }: { home: PortalHome }) {
  const navigate = useNavigate();
  const [action, setAction] = useState<string | null>("reactivate");
  const [contactId, setContactId] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [newType, setNewType] = useState<string | null>("support");
  const [reason, setReason] = useState("");
  const users = useQuery({ queryKey: ["support", "users", search], queryFn: () => api.get<DistrictUser[]>(`/api/support/users?search=${encodeURIComponent(search)}`), enabled: action === "add" });
  const file = useMutation({
    mutationFn: () => api.post<{ id: string; number: number }>("/api/support/modify-contact", { action, contactId: contactId ?? undefined, userId: userId ?? undefined, newType: action === "add" || action === "change-type" ? newType : undefined, reason }),
    onSuccess: (c) => {
      notifications.show({ color: "green", title: `Case #${c.number} filed`, message: "Support will approve or decline the change." });
      navigate(`/support/cases/${c.id}`);
    },
  });
  const fieldError = (f: string) => (isApiError(file.error) ? file.error.fieldError(f) : undefined);
  const targets = home.contacts.filter((c) => c.id !== home.contact.id && (action === "reactivate" ? c.status === "deactivated" : c.status !== "deactivated"));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    file.mutate();
  };
  return (
    <Card withBorder radius="md" padding="lg" component="form" onSubmit={submit} aria-label="Modify Support Contact" maw={820}>
      <Stack gap="sm">
        {file.error && <ProblemAlert error={file.error} hideFields={["reason"]} />}
        <Select label="What should change?" data={ACTIONS} value={action} onChange={(v) => { setAction(v); setContactId(null); setUserId(null); }} allowDeselect={false} />
        {action === "add" ? (
          <Select
            label="District staff member"
            withAsterisk
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={(users.data ?? []).filter((u) => !u.contactType).map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }))}
            value={userId}
            onChange={setUserId}
            nothingFoundMessage="No staff member matches"
            error={fieldError("userId")}
          />
        ) : (
          <Select
            label="Contact"
            withAsterisk
            data={targets.map((c) => ({ value: c.id, label: `${c.name} — ${CONTACT_TYPE_LABELS[c.type]}, ${CONTACT_STATUS_LABELS[c.status].toLowerCase()}` }))}
            value={contactId}
            onChange={setContactId}
            nothingFoundMessage="No contact fits"
            error={fieldError("contactId")}
          />
        )}
        {(action === "add" || action === "change-type") && (
          <Select label="Contact type" data={[{ value: "support", label: "Support contact" }, { value: "technical", label: "Technical contact" }]} value={newType} onChange={setNewType} allowDeselect={false} error={fieldError("newType")} />
        )}
        <Textarea label="Reason" withAsterisk autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError("reason")} />
        <Text size="xs" c="dimmed">
          Support reviews every change; going past your district's contact allowance needs their approval.
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={file.isPending}>
            File Modify Support Contact case
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function ModifyContactPage() {
  return (
    <PortalGate title="Modify Support Contact">
      {(home) => (
        <Stack>
          <PageHeader title="Modify Support Contact" description={`Ask Support to add, remove, change or reactivate an authorized contact of ${home.district.name}.`} />
          <ModifyForm home={home} />
        </Stack>
      )}
    </PortalGate>
  );
}
