import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useFieldProblems } from "../../components/field-problems.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { UserPicker } from "../security/user-picker.js";
import { campaignsApi, type CampaignScope } from "./campaigns-api.js";
import { GroupSelect } from "./group-select.js";

const SCOPES = [
  { value: "protected", label: "Everyone who can see protected data" },
  { value: "tool", label: "The holders of one tool" },
  { value: "group", label: "The members of one group" },
  { value: "individual", label: "Individual rights" },
  { value: "everything", label: "Everything" },
];

const SHOWN_AT = ["name", "scope.toolPath", "scope.groupId", "dueOn", "reviewerId", "repeatEveryDays"];

/** Starts a campaign: what is reviewed, by whom, by when, and what happens to undecided items. */
export function StartCampaignDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [kind, setKind] = useState("protected");
  const [toolPath, setToolPath] = useState("Student Information > Health > Conditions");
  const [groupId, setGroupId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState("");
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [reviewerMode, setReviewerMode] = useState<"named" | "group-owners">("named");
  const [defaultDecision, setDefault] = useState<"keep" | "remove">("keep");
  const [repeat, setRepeat] = useState<number | string>("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const scope = (): CampaignScope =>
    kind === "tool" ? { kind, toolPath } : kind === "group" ? { kind, groupId: groupId ?? "" } : ({ kind } as CampaignScope);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await campaignsApi.start({ name, scope: scope(), dueOn, defaultDecision, reviewerMode, ...(reviewerId ? { reviewerId } : {}), ...(repeat ? { repeatEveryDays: Number(repeat) } : {}) });
      onClose();
      navigate(`/security/campaigns/${r.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const fields = useFieldProblems(error, SHOWN_AT);
  const fieldError = fields.at;
  return (
    <Modal opened={opened} onClose={onClose} title="Start an access review" size="lg">
      <form
        noValidate
        ref={fields.formRef}
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <Stack>
          <TextInput label="Name" placeholder="Fall term: who can see health conditions" value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError("name")} required />
          <Select label="What is reviewed" data={SCOPES} value={kind} onChange={(v) => v && setKind(v)} allowDeselect={false} />
          {kind === "tool" && <TextInput label="Tool" value={toolPath} onChange={(e) => setToolPath(e.currentTarget.value)} error={fieldError("scope.toolPath")} />}
          {kind === "group" && <GroupSelect label="Group" value={groupId} onChange={setGroupId} error={fieldError("scope.groupId")} />}
          <TextInput label="Due on" type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={fieldError("dueOn")} required />
          <Select
            label="Who decides"
            data={[
              { value: "named", label: "One reviewer decides every item" },
              { value: "group-owners", label: "Each group's owner decides its members' items" },
            ]}
            value={reviewerMode}
            onChange={(v) => v && setReviewerMode(v as "named" | "group-owners")}
            allowDeselect={false}
          />
          <UserPicker
            label={reviewerMode === "named" ? "Reviewer (you, when left empty)" : "Reviewer of everything else: groups with no owner, an owner's own access, individual rights (you, when left empty)"}
            value={reviewerId}
            onChange={setReviewerId}
            error={fieldError("reviewerId")}
          />
          <Select
            label="Items nobody decides by the close"
            data={[
              { value: "keep", label: "are kept" },
              { value: "remove", label: "are removed" },
            ]}
            value={defaultDecision}
            onChange={(v) => v && setDefault(v as "keep" | "remove")}
            allowDeselect={false}
          />
          <NumberInput label="Repeat every (days; empty for once)" min={7} max={730} value={repeat} onChange={setRepeat} error={fieldError("repeatEveryDays")} />
          {fields.alert && <ProblemAlert error={error} hideFields={SHOWN_AT} title="The review was not started" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Start the review
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
