import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Loader, Modal, ScrollArea, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { isApiError } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { formatDay } from "./format-day.js";
import { keys, securityApi, type Template, type TemplateGroupsCreated } from "./security-api.js";
import { existingTemplates, needingSchedulingEnd, templateGroupsBody } from "./template-groups.js";

type Props = { onClose(): void; onCreated(): void };

const PREFERENCES = "/security/preferences";

/**
 * Creates the seed's example groups in one step (POST /api/groups/from-templates): all 21 or a
 * chosen few, skipping those already made, then shows what was created and any warning, such
 * as ** rows that grant nothing until the district sets the end of master scheduling.
 */
export function TemplateGroupsDialog({ onClose, onCreated }: Props) {
  const templates = useQuery({ queryKey: ["security", "templates"], queryFn: securityApi.templates, staleTime: Infinity });
  const groups = useQuery({ queryKey: keys.groups(""), queryFn: () => securityApi.groups("") });
  const prefs = useQuery({ queryKey: keys.preferences, queryFn: securityApi.preferences, retry: false });
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [skipExisting, setSkipExisting] = useState(true);
  const [schedulingEnds, setSchedulingEnds] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<TemplateGroupsCreated | null>(null);

  const list = templates.data ?? [];
  useEffect(() => {
    if (templates.data && chosen === null) setChosen(new Set(templates.data.map((t) => t.name)));
  }, [templates.data, chosen]);
  const picked = chosen ?? new Set<string>();
  const existing = existingTemplates(list, groups.data ?? []);
  const pickedExisting = list.filter((t) => picked.has(t.name) && existing.has(t.name)).map((t) => t.name);
  const districtEnds = prefs.data?.masterSchedulingEnds ?? null;
  const undated = needingSchedulingEnd(list, picked);
  const toCreate = picked.size - (skipExisting ? pickedExisting.length : 0);

  const toggle = (name: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(name);
    else next.delete(name);
    setChosen(next);
  };

  const submit = async (skip: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await securityApi.createTemplateGroups(templateGroupsBody(list, picked, skip, schedulingEnds)));
      onCreated();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const taken = isApiError(error) && error.code === "group-name-taken" ? ((error.body["taken"] as string[] | undefined) ?? []) : [];

  return (
    <Modal opened onClose={onClose} title="Create the seed's example groups" size="xl" centered>
      {result ? (
        <TemplateGroupsResult result={result} onClose={onClose} />
      ) : !templates.data || !groups.data ? (
        <Loader size="sm" aria-label="Loading the example groups" />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            Each group gets its example's name, every row of the seed (blank rows as explicit "no rights"), its notes as description and its member limit. They are examples: check them
            against your district's policies before adding anyone.
          </Text>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {picked.size} of {list.length} chosen
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => setChosen(new Set(list.map((t) => t.name)))}>
              Choose all
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={() => setChosen(new Set())}>
              Choose none
            </Button>
          </Group>
          <ScrollArea.Autosize mah={196} type="auto">
            <SimpleGrid cols={2} spacing={6} verticalSpacing={6} aria-label="Example groups">
              {list.map((t) => (
                <TemplateChoice key={t.name} template={t} checked={picked.has(t.name)} exists={existing.has(t.name)} onChange={(on) => toggle(t.name, on)} />
              ))}
            </SimpleGrid>
          </ScrollArea.Autosize>
          {pickedExisting.length > 0 && (
            <Alert color="blue" variant="light" p="xs" title={`${pickedExisting.length} already ${pickedExisting.length === 1 ? "exists" : "exist"}`}>
              <Text size="sm">The district already has a group named {pickedExisting.map((n) => `"${n}"`).join(", ")}.</Text>
              <Checkbox mt={6} label={`Skip ${pickedExisting.length === 1 ? "it" : "them"} and create the others`} checked={skipExisting} onChange={(e) => setSkipExisting(e.currentTarget.checked)} />
              {!skipExisting && (
                <Text size="xs" c="dimmed" mt={4}>
                  Without skipping, nothing is created while a name is taken: rename those groups first.
                </Text>
              )}
            </Alert>
          )}
          {undated.length > 0 && (
            <SchedulingEnd templates={undated} districtEnds={districtEnds} value={schedulingEnds} onChange={setSchedulingEnds} />
          )}
          <ProblemAlert error={error} title="No group was created" />
          {taken.length > 0 && (
            <Group>
              <Button size="xs" variant="light" onClick={() => { setSkipExisting(true); void submit(true); }} loading={busy}>
                Skip {taken.length === 1 ? "it" : `these ${taken.length}`} and create the rest
              </Button>
            </Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={() => void submit(skipExisting)} loading={busy} disabled={toCreate <= 0}>
              {toCreate <= 0 ? "Nothing to create" : `Create ${toCreate} ${toCreate === 1 ? "group" : "groups"}`}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function TemplateChoice({ template, checked, exists, onChange }: { template: Template; checked: boolean; exists: boolean; onChange(on: boolean): void }) {
  const scheduling = template.entries.some((e) => e.masterSchedulingPeriod);
  return (
    <Checkbox
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
      aria-label={template.name}
      label={
        <Group gap={4} wrap="wrap">
          <Text size="sm">{template.name}</Text>
          {template.memberLimit !== null && (
            <Badge size="xs" variant="light" color="gray">
              limit {template.memberLimit}
            </Badge>
          )}
          {scheduling && (
            <Badge size="xs" variant="light" color="grape" title="Rows granted until the end of the master scheduling period">
              ** rows
            </Badge>
          )}
          {exists && (
            <Badge size="xs" variant="light" color="blue">
              already a group
            </Badge>
          )}
        </Group>
      }
    />
  );
}

type SchedulingProps = { templates: string[]; districtEnds: string | null; value: string; onChange(v: string): void };

/** The ** rows' end date: the district's, another one for these groups, or a warning that they grant nothing. */
function SchedulingEnd({ templates, districtEnds, value, onChange }: SchedulingProps) {
  const names = templates.map((n) => `"${n}"`).join(", ");
  return (
    <Alert color={districtEnds || value ? "gray" : "yellow"} variant="light" p="xs" title="Rows marked ** (master scheduling period)">
      <Text size="sm">
        {districtEnds
          ? `${names}: the ** rows are granted until the district's end of master scheduling, ${formatDay(districtEnds)}, unless you give another day here.`
          : value
            ? `${names}: the ** rows are granted until the day below.`
            : `${names}: no end of the master scheduling period is set, so the ** rows will grant nothing. Set it in `}
        {!districtEnds && !value && (
          <Anchor component={Link} to={PREFERENCES} size="sm">
            Account Security Preferences
          </Anchor>
        )}
        {!districtEnds && !value && " or give a day here."}
      </Text>
      <Group mt={6} gap="xs" wrap="nowrap">
        <Text size="sm" component="label" htmlFor="template-scheduling-ends">
          End of the master scheduling period (optional)
        </Text>
        <TextInput id="template-scheduling-ends" size="xs" type="date" value={value} onChange={(e) => onChange(e.currentTarget.value)} w={160} />
      </Group>
    </Alert>
  );
}

function TemplateGroupsResult({ result, onClose }: { result: TemplateGroupsCreated; onClose(): void }) {
  return (
    <Stack gap="sm">
      <Alert color="green" variant="light" title={`${result.created.length} ${result.created.length === 1 ? "group" : "groups"} created`} role="status">
        <Text size="sm">{result.created.map((g) => g.name).join(", ") || "None."}</Text>
        {result.skipped.length > 0 && (
          <Text size="sm" mt="xs">
            Skipped, already a group: {result.skipped.join(", ")}.
          </Text>
        )}
      </Alert>
      {result.warnings.length > 0 && (
        <Alert color="yellow" variant="light" title="Check before adding people" role="alert">
          <List size="sm" spacing={4}>
            {result.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
          <Anchor component={Link} to={PREFERENCES} size="sm" mt="xs" display="inline-block">
            Open Account Security Preferences
          </Anchor>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}
