import { Button, Group, Popover, Select, Stack, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, isApiError } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";

type QueueView = { id: string; name: string; params: Record<string, string> };
const KEY = ["vendor", "queue-views"];

/** The parameters that differ from the defaults: what a view stores, and how a view is recognised. */
const changed = (values: Record<string, string>, defaults: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== "" && v !== defaults[k]));
const sameParams = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * The agent's own named views of the queue ("My open urgent cases"): choose one to apply its
 * filters and sort, save the queue as it is now under a name, or delete the chosen view.
 */
export function SavedViews({ values, defaults, onApply }: { values: Record<string, string>; defaults: Record<string, string>; onApply(values: Record<string, string>): void }) {
  const queryClient = useQueryClient();
  const views = useQuery({ queryKey: KEY, queryFn: () => api.get<QueueView[]>("/api/vendor/queue-views") });
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const current = changed(values, defaults);
  // The server fills in the defaults it assumes (status "active"…), so compare what differs from them.
  const active = views.data?.find((v) => sameParams(changed(v.params, defaults), current)) ?? null;
  const save = useMutation({
    mutationFn: () => api.post<QueueView>("/api/vendor/queue-views", { name: name.trim(), params: current }),
    onSuccess: () => {
      setNaming(false);
      setName("");
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`/api/vendor/queue-views/${id}`), onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }) });
  const apply = (id: string | null) => {
    const view = views.data?.find((v) => v.id === id);
    onApply({ ...defaults, ...(view?.params ?? {}) });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Group align="flex-end" gap="sm">
      <Select label="Saved view" placeholder="All open cases" w={260} value={active?.id ?? null} onChange={apply} clearable data={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))} nothingFoundMessage="No saved views yet" />
      <Popover opened={naming} onChange={setNaming} trapFocus position="bottom-start" withArrow>
        <Popover.Target>
          <Button variant="default" onClick={() => setNaming((o) => !o)} disabled={active !== null}>
            Save this view
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs" component="form" onSubmit={submit} aria-label="Save this view">
            <TextInput label="Name of the view" placeholder="My open urgent cases" value={name} onChange={(e) => setName(e.currentTarget.value)} error={isApiError(save.error) ? save.error.fieldError("name") : undefined} data-autofocus />
            {isApiError(save.error) && !save.error.fieldError("name") && <ProblemAlert error={save.error} />}
            <Button type="submit" size="xs" loading={save.isPending}>
              Save view
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {active && (
        <Button variant="subtle" color="red" onClick={() => remove.mutate(active.id)} loading={remove.isPending}>
          Delete view "{active.name}"
        </Button>
      )}
    </Group>
  );
}
