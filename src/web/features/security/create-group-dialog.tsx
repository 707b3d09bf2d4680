import { Alert, Button, Group, List, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { tooLongMessage } from "../../../domain/validation/plain-message.js";
import { useFieldProblems } from "../../components/field-problems.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { keys, securityApi, type GroupSummary } from "./security-api.js";

type Start = "empty" | "template" | "copy";

type Props = { opened: boolean; onClose(): void; groups: GroupSummary[]; onCreated(): void };

/** New group: empty, from one of the seed's 21 example groups (with its notes), or as a copy of another group. */
export function CreateGroupDialog({ opened, onClose, groups, onCreated }: Props) {
  const navigate = useNavigate();
  // three choices side by side do not fit a phone: stacked there
  const narrow = useMediaQuery("(max-width: 30em)");
  const [start, setStart] = useState<Start>("template");
  const [template, setTemplate] = useState<string | null>(null);
  const [copyOf, setCopyOf] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [limit, setLimit] = useState<number | string>("");
  const [schedulingEnds, setSchedulingEnds] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const templates = useQuery({ queryKey: ["security", "templates"], queryFn: securityApi.templates, enabled: opened, staleTime: Infinity });
  const chosen = templates.data?.find((t) => t.name === template);
  const prefs = useQuery({ queryKey: keys.preferences, queryFn: securityApi.preferences, enabled: opened, retry: false });
  const districtEnds = prefs.data?.masterSchedulingEnds?.slice(0, 10) ?? null;

  // the server's sentence beside its field; a name too long is said while typing, never cut short
  const fields = useFieldProblems(error, ["name", "description", "memberLimit", "template", "copyOf", "masterSchedulingEnds"]);
  const atField = fields.at;
  const nameLength = name.trim().length;
  const nameError = nameLength > 100 ? tooLongMessage("group name", 100, nameLength) : atField("name");

  const pickTemplate = (t: string | null) => {
    setTemplate(t);
    const tpl = templates.data?.find((x) => x.name === t);
    if (tpl && (!name || templates.data?.some((x) => x.name === name))) setName(tpl.name);
    if (tpl) setLimit(tpl.memberLimit ?? "");
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { id } = await securityApi.createGroup({
        name: name.trim(),
        description: description.trim(),
        memberLimit: typeof limit === "number" ? limit : null,
        ...(start === "template" && template ? { template } : {}),
        ...(start === "template" && schedulingEnds ? { masterSchedulingEnds: schedulingEnds } : {}),
        ...(start === "copy" && copyOf ? { copyOf } : {}),
      });
      onCreated();
      onClose();
      navigate(`/security/groups/${id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Create a user group" size="lg" centered>
      <form onSubmit={submit} ref={fields.formRef}>
        <Stack gap="sm">
          <SegmentedControl
            orientation={narrow ? "vertical" : "horizontal"}
            fullWidth
            value={start}
            onChange={(v) => setStart(v as Start)}
            data={[
              { value: "template", label: "From a seed example" },
              { value: "copy", label: "Copy of a group" },
              { value: "empty", label: "Empty" },
            ]}
            aria-label="Start from"
          />
          {start === "template" && (
            <>
              <Select
                label="Example group"
                placeholder="Pick one of the seed's example groups"
                data={(templates.data ?? []).map((t) => ({ value: t.name, label: `${t.name} (${t.entries.length} rows)` }))}
                value={template}
                onChange={pickTemplate}
                error={atField("template")}
                searchable
                required
              />
              {chosen && (
                <Alert color="blue" variant="light" title={`About "${chosen.name}"`}>
                  {chosen.notes.length > 0 ? (
                    <List size="sm" spacing={2}>
                      {chosen.notes.map((n) => (
                        <List.Item key={n}>{n}</List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text size="sm">The seed gives no notes for this group.</Text>
                  )}
                  <Text size="xs" c="dimmed" mt="xs">
                    These are examples only: check them against your district's policies before adding anyone.
                  </Text>
                </Alert>
              )}
              {chosen?.entries.some((e) => e.masterSchedulingPeriod) && (
                <TextInput
                  type="date"
                  label="End of the master scheduling period"
                  description={
                    districtEnds
                      ? `The rows marked ** are granted only until this day. Empty: the district's date, ${districtEnds} (Account Security Preferences).`
                      : "The rows marked ** are granted only until this day. Empty: they give no rights for now."
                  }
                  placeholder={districtEnds ?? undefined}
                  value={schedulingEnds}
                  onChange={(e) => setSchedulingEnds(e.currentTarget.value)}
                  error={atField("masterSchedulingEnds")}
                />
              )}
            </>
          )}
          {start === "copy" && (
            <Select
              label="Copy rights and calendar rights of"
              placeholder="Pick a group"
              data={groups.map((g) => ({ value: g.id, label: g.name }))}
              value={copyOf}
              onChange={(v) => {
                setCopyOf(v);
                const g = groups.find((x) => x.id === v);
                if (g && !name) setName(`${g.name} (copy)`);
                if (g && !description) setDescription(g.description);
                if (g) setLimit(g.memberLimit ?? "");
              }}
              description="Its tool rights, calendar rights, description and member limit; not its members."
              error={atField("copyOf")}
              searchable
              required
            />
          )}
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} withAsterisk error={nameError} />
          <Textarea label="Description" description="Whose duties this group is for" value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} error={atField("description")} />
          <NumberInput label="Member limit" description="Optional. Adding past it asks for a confirmation, which is audited." value={limit} onChange={setLimit} min={1} allowDecimal={false} error={atField("memberLimit")} />
          {fields.alert && <ProblemAlert error={error} title="The group was not created" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Create group
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
