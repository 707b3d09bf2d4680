import { Alert, Button, Checkbox, Group, Loader, Modal, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ProblemAlert } from "../../components/problem-alert.js";
import { adhocApi, adhocKeys, type Filter } from "./adhoc-api.js";

type Props = { filter: Filter; onClose(): void; onShared(filter: Filter): void };

/** Which user groups may run this filter. Each member sees only the fields their own rights allow. */
export function ShareDialog({ filter, onClose, onShared }: Props) {
  const queryClient = useQueryClient();
  const groups = useQuery({ queryKey: adhocKeys.shareGroups, queryFn: adhocApi.shareGroups });
  const [chosen, setChosen] = useState<string[]>(filter.sharedWith);
  const [search, setSearch] = useState("");
  const save = useMutation({
    mutationFn: () => adhocApi.share(filter.id, chosen),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: adhocKeys.filters });
      onShared(saved);
      onClose();
    },
  });
  return (
    <Modal opened onClose={() => !save.isPending && onClose()} title={`Share "${filter.name}"`} size="lg" centered>
      <Stack gap="md">
        <Text size="sm">
          Members of these groups can run the filter and export it. They cannot change it, and each of them sees only the fields and
          calendars their own rights allow: a protected column stays empty for someone without rights to it.
        </Text>
        {groups.isPending && <Loader size="sm" aria-label="Loading groups" />}
        <ProblemAlert error={groups.error} title="The groups could not be loaded" />
        {groups.data && groups.data.length === 0 && (
          <Alert color="gray" variant="light">
            Your district has no user groups yet. A system administrator creates them under User Security › User groups.
          </Alert>
        )}
        {groups.data && groups.data.length > 0 && (
          <Checkbox.Group label="Share with groups" value={chosen} onChange={setChosen}>
            {groups.data.length > 8 && (
              <TextInput size="xs" mt={6} placeholder="Find a group" aria-label="Find a group" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
            )}
            <Paper withBorder radius="sm" p="xs" mt={6} style={{ maxHeight: 260, overflowY: "auto" }}>
              <Stack gap={6}>
                {groups.data
                  .filter((g) => chosen.includes(g.id) || g.name.toLowerCase().includes(search.trim().toLowerCase()))
                  .map((g) => (
                    <Checkbox key={g.id} value={g.id} label={g.name} size="sm" />
                  ))}
              </Stack>
            </Paper>
            <Text size="xs" c="dimmed" mt={4}>
              {chosen.length === 0 ? "Not shared: only you can run it." : `${chosen.length} ${chosen.length === 1 ? "group" : "groups"} chosen.`}
            </Text>
          </Checkbox.Group>
        )}
        <ProblemAlert error={save.error} title="The filter was not shared" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!groups.data}>
            {chosen.length === 0 && filter.sharedWith.length > 0 ? "Stop sharing" : "Save sharing"}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
