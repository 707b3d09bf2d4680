import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useFieldProblems } from "../../components/field-problems.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { securityApi } from "./security-api.js";

/** New staff account: username, name and email; then its page, to send a set-password link and add groups. */
export function CreateAccountDialog({ onClose, onCreated }: { onClose(): void; onCreated(): void }) {
  const navigate = useNavigate();
  const [form, setForm] = useState({ username: "", displayName: "", email: "" });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = useFieldProblems(error, ["username", "displayName", "email"]);
  const field = fields.at;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await securityApi.createAccount({ username: form.username, displayName: form.displayName, ...(form.email.trim() ? { email: form.email.trim() } : {}) });
      notifications.show({ color: "green", message: `Account ${created.username} created. Send a set-password link so ${created.displayName} can sign in.` });
      onCreated();
      navigate(`/security/users/${created.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Create a staff account">
      <form
        noValidate
        ref={fields.formRef}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput label="Username" required value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} error={field("username")} description="Letters, digits, dots, dashes, underscores or @" />
          <TextInput label="Name" required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })} error={field("displayName")} />
          <TextInput label="Email" type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} error={field("email")} description="Where the set-password link goes" />
          {fields.alert && <ProblemAlert error={error} title="The account was not created" hideFields={["username", "displayName", "email"]} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Create account
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
