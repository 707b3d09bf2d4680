import { Button, Group, Modal, MultiSelect, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { isApiError } from "../../api.js";
import { useFieldProblems } from "../../components/field-problems.js";
import { SecurityProblem } from "./role-notice.js";
import { keys, securityApi, type GroupDetail } from "./security-api.js";

/** "Add several people": choose many staff (search as you type), optionally with an end date; all or none are added. */
export function AddSeveralButton({ group, onChanged }: { group: GroupDetail; onChanged(): void }) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 200);
  const [chosen, setChosen] = useState<string[]>([]);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [until, setUntil] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [overLimit, setOverLimit] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = useFieldProblems(error, ["userIds", "until"]);
  const users = useQuery({ queryKey: keys.users(debounced), queryFn: () => securityApi.users(debounced), enabled: open });
  const members = new Set(group.members.map((m) => m.userId));
  const found = (users.data ?? []).filter((u) => !members.has(u.id)).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  // the chosen stay offered (and labelled) while the search shows others
  const data = [...found, ...chosen.filter((id) => !found.some((f) => f.value === id)).map((id) => ({ value: id, label: labels[id] ?? id }))];
  const close = () => {
    setOpen(false);
    setChosen([]);
    setError(null);
    setOverLimit(null);
  };
  const add = async (confirmOverLimit: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await securityApi.addMembers(group.id, { userIds: chosen, ...(until ? { until } : {}), ...(confirmOverLimit ? { confirmOverLimit: true } : {}) });
      notifications.show({ color: "green", message: `Added ${r.added} ${r.added === 1 ? "person" : "people"} to ${group.name}.${r.alreadyMembers ? ` ${r.alreadyMembers} already were members.` : ""}` });
      close();
      onChanged();
    } catch (e) {
      if (isApiError(e) && e.code === "member-limit-reached") setOverLimit(e.detail);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        Add several people
      </Button>
      <Modal opened={open} onClose={close} title={`Add people to ${group.name}`} size="lg">
        <Stack ref={fields.formRef}>
          <MultiSelect
            label="People"
            error={fields.at("userIds")}
            placeholder="Type a name or username"
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={data}
            value={chosen}
            onChange={(ids) => {
              setChosen(ids);
              setLabels((now) => ({ ...now, ...Object.fromEntries(found.filter((f) => ids.includes(f.value)).map((f) => [f.value, f.label])) }));
            }}
            filter={({ options }) => options}
            nothingFoundMessage={users.isFetching ? "Searching…" : "Nobody matches"}
          />
          <TextInput type="date" label="Until (optional)" value={until} onChange={(e) => setUntil(e.currentTarget.value)} w={200} error={fields.at("until")} />
          {fields.alert && <SecurityProblem error={error} title="Nobody was added" />}
          {overLimit && (
            <Text size="sm" c="orange.9" role="alert">
              {overLimit}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            {overLimit ? (
              <Button color="orange" onClick={() => void add(true)} loading={busy}>
                Add anyway
              </Button>
            ) : (
              <Button onClick={() => void add(false)} disabled={chosen.length === 0} loading={busy}>
                Add {chosen.length || ""} to group
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
