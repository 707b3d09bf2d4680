import { Button, Card, Group, List, Loader, Modal, NumberInput, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { tooLongMessage } from "../../../domain/validation/plain-message.js";
import { useFieldProblems } from "../../components/field-problems.js";
import { SecurityProblem } from "./role-notice.js";
import { UserPicker } from "./user-picker.js";
import { securityApi, type GroupDetail } from "./security-api.js";

function DeleteGroupDialog({ group, onClose }: { group: GroupDetail; onClose(): void }) {
  const navigate = useNavigate();
  const preview = useQuery({ queryKey: ["security", "deletion-preview", group.id, group.version], queryFn: () => securityApi.deletionPreview(group.id), retry: false });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await securityApi.deleteGroup(group.id, preview.data?.group.version ?? group.version);
      notifications.show({ color: "green", message: `Deleted the group "${group.name}".` });
      navigate("/security/groups");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const p = preview.data;
  return (
    <Modal opened onClose={onClose} title={`Delete "${group.name}"?`} centered size="lg">
      <Stack gap="sm">
        {preview.isPending && <Loader size="sm" aria-label="Working out what the deletion removes" />}
        <SecurityProblem error={preview.error ?? error} />
        {p && (
          <>
            <Text size="sm">Deleting the group removes, in one audited change:</Text>
            <List size="sm" spacing={2} data-testid="deletion-preview">
              <List.Item>{p.entries === 1 ? "1 tool right entry" : `${p.entries} tool right entries`}</List.Item>
              <List.Item>{p.calendarGrants === 1 ? "1 calendar grant" : `${p.calendarGrants} calendar grants`}</List.Item>
              <List.Item>
                {p.members.length === 0 ? "no members" : `the membership of ${p.members.map((m) => m.username).join(", ")}`}
              </List.Item>
            </List>
            {p.loses.length > 0 ? (
              <Text size="sm">
                These people lose rights: {p.loses.map((l) => `${l.username} (on ${l.tools} ${l.tools === 1 ? "tool" : "tools"})`).join(", ")}.
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                Nobody's effective rights go down.
              </Text>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button color="red" onClick={() => void remove()} loading={busy} disabled={!p}>
            Delete group
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Name, description and member limit of a group, and deleting it (after seeing what that removes). */
export function GroupSettings({ group, readOnly, onChanged }: { group: GroupDetail; readOnly: boolean; onChanged(): void }) {
  const [name, setName] = useState(group.name);
  const [description, setDescription] = useState(group.description);
  const [limit, setLimit] = useState<number | string>(group.memberLimit ?? "");
  const [ownerId, setOwnerId] = useState<string | null>(group.owner?.id ?? null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const fields = useFieldProblems(error, ["name", "description", "memberLimit"]);
  const atField = fields.at;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await securityApi.updateGroup(group.id, { name: name.trim(), description: description.trim(), memberLimit: typeof limit === "number" ? limit : null, ownerId, version: group.version });
      notifications.show({ color: "green", message: "Saved the group's settings." });
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="lg" maw={640}>
      <Card withBorder radius="md" padding="lg" component="form" onSubmit={save} ref={fields.formRef}>
        <Stack gap="sm">
          <TextInput
            label="Name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            disabled={readOnly}
            withAsterisk
            error={name.trim().length > 100 ? tooLongMessage("group name", 100, name.trim().length) : atField("name")}
          />
          <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} disabled={readOnly} autosize minRows={2} error={atField("description")} />
          <NumberInput
            label="Member limit"
            description="Leave empty for no limit. Adding past the limit asks for a confirmation, which is audited."
            value={limit}
            onChange={setLimit}
            min={1}
            allowDecimal={false}
            disabled={readOnly}
            error={atField("memberLimit")}
          />
          <div>
            <Text size="sm" fw={500}>
              Owner
            </Text>
            <Text size="sm" mb={4}>
              {ownerId === (group.owner?.id ?? null) ? (group.owner ? `${group.owner.displayName} (${group.owner.username})` : "No owner") : ownerId ? "A new owner (saved with the settings)" : "No owner (saved with the settings)"}
              {" — "}answers for who is in the group, and decides its members' items in access reviews run by group owners.
            </Text>
            {!readOnly && (
              <Group gap="xs" align="flex-end">
                <UserPicker label="Choose an owner" value={ownerId === group.owner?.id ? null : ownerId} onChange={(id) => id && setOwnerId(id)} />
                {ownerId && (
                  <Button variant="default" onClick={() => setOwnerId(null)}>
                    No owner
                  </Button>
                )}
              </Group>
            )}
          </div>
          {fields.alert && <SecurityProblem error={error} title="The settings were not saved" />}
          {!readOnly && (
            <Group>
              <Button type="submit" loading={busy}>
                Save settings
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
      {!readOnly && (
        <Card withBorder radius="md" padding="lg">
          <Title order={3} size="h5" mb={4}>
            Delete this group
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Its rights, calendar rights and memberships go with it. You will see who loses what before anything is deleted.
          </Text>
          <Button color="red" variant="light" onClick={() => setDeleting(true)} w="fit-content">
            Delete group…
          </Button>
        </Card>
      )}
      {deleting && <DeleteGroupDialog group={group} onClose={() => setDeleting(false)} />}
    </Stack>
  );
}
