import { Alert, Button, Card, Checkbox, FileInput, Grid, Group, Select, Stack, Switch, Text, Textarea, Title } from "@mantine/core";
import { LinkedText } from "../support/linked-text.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { api, isApiError } from "../../api.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { CannedReplyPicker } from "./canned-reply-picker.js";
import { ConsequenceDialog, needsConsequenceConfirm } from "./consequence-dialog.js";
import { CaseBadges } from "../support/case-badges.js";
import { AttachmentList, CaseFacts } from "../support/case-page.js";
import { CaseTimeline } from "../support/case-timeline.js";
import { ATTACHMENT_ACCEPT, ATTACHMENT_HINT } from "../support/new-case-page.js";
import { attachmentProblem, uploadFile } from "../support/upload-file.js";
import { useMe } from "../../app/auth-context.js";
import { CONTACT_TYPE_LABELS, STATUS_LABELS } from "../support/labels.js";
import type { CaseDetail } from "../support/types.js";

type Staff = { id: string; name: string; username: string };

function ModifyDecision({ c }: { c: CaseDetail }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [overAllowance, setOverAllowance] = useState(false);
  const decide = useMutation({
    mutationFn: ({ decision, confirmConsequences = false }: { decision: "approve" | "decline"; confirmConsequences?: boolean }) =>
      api.post(`/api/vendor/cases/${c.id}/modify-contact-decision`, { decision, note: note || undefined, approveOverAllowance: overAllowance, confirmConsequences }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["vendor"] }),
  });
  const r = c.modifyRequest!;
  const what = { add: "Add", remove: "Remove", "change-type": "Change the type of", reactivate: "Reactivate" }[r.action];
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Modify Support Contact request" bg="grape.0">
      <Title order={3} size="h5">
        Modify Support Contact: {what} {r.targetName}
        {r.newType ? ` as ${CONTACT_TYPE_LABELS[r.newType].toLowerCase()}` : ""}
      </Title>
      {r.status === "pending" ? (
        <Stack gap="xs" mt="xs">
          {!needsConsequenceConfirm(decide.error) && <ProblemAlert error={decide.error} />}
          <ConsequenceDialog error={decide.error} busy={decide.isPending} onConfirm={() => decide.mutate({ decision: "approve", confirmConsequences: true })} onCancel={() => decide.reset()} />
          {isApiError(decide.error) && decide.error.code === "allowance-exceeded" && (
            <Checkbox label="Approve going past the district's contact allowance (recorded)" checked={overAllowance} onChange={(e) => setOverAllowance(e.currentTarget.checked)} />
          )}
          <Textarea label="Note to the district" description="Required when declining." autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group>
            <Button color="green" onClick={() => decide.mutate({ decision: "approve" })} loading={decide.isPending}>
              Approve and apply
            </Button>
            <Button variant="default" onClick={() => decide.mutate({ decision: "decline" })}>
              Decline
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" mt="xs">
          {r.status === "approved" ? "Approved" : "Declined"} by {r.decidedByName}. {r.decisionNote}
        </Text>
      )}
    </Card>
  );
}

/** One case for vendor staff: reply or note, status, priority, assignee, and contact-change decisions. */
export function VendorCasePage() {
  const { caseId } = useParams();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ["vendor", "case", caseId], queryFn: () => api.get<CaseDetail>(`/api/vendor/cases/${caseId}`) });
  const staff = useQuery({ queryKey: ["vendor", "staff"], queryFn: () => api.get<Staff[]>("/api/vendor/staff"), staleTime: 300_000 });
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["vendor"] });
  const comment = useMutation({ mutationFn: () => api.post(`/api/vendor/cases/${caseId}/comments`, { body, internal }), onSuccess: () => { setBody(""); void refresh(); } });
  const me = useMe();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const attach = useMutation({ mutationFn: () => uploadFile(`/api/vendor/cases/${caseId}/attachments`, file!, me!.csrfToken), onSuccess: () => { setFile(null); void refresh(); } });
  const update = useMutation({ mutationFn: (change: Record<string, unknown>) => api.patch(`/api/vendor/cases/${caseId}`, { ...change, version: query.data!.version }), onSuccess: refresh, onError: refresh });
  const commentFieldError = isApiError(comment.error) ? comment.error.fieldError("body") : undefined;
  if (query.error) return <ProblemAlert error={query.error} />;
  if (!query.data) return null;
  const c = query.data;
  return (
    <Stack>
      <PageHeader title={`#${c.number} ${c.subject}`} description={<CaseBadges c={c} />} />
      <ProblemAlert error={update.error} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            {c.emergency && (
              <Alert color="red" title="Emergency case">
                Opened by {c.openedByName} on behalf of {c.contactName}: {c.emergencyReason}
              </Alert>
            )}
            {c.modifyRequest && <ModifyDecision c={c} />}
            <Card withBorder radius="md" padding="md">
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                <LinkedText text={c.description} />
              </Text>
            </Card>
            <Title order={3} size="h4">
              Timeline
            </Title>
            <CaseTimeline events={c.events} attachmentBase="/api/vendor/attachments" />
            <Card withBorder radius="md" padding="md" component="form" aria-label="Reply or note" bg={internal ? "yellow.0" : undefined} onSubmit={(e) => { e.preventDefault(); comment.mutate(); }}>
              {!commentFieldError && <ProblemAlert error={comment.error} />}
              {!internal && <CannedReplyPicker c={c} onInsert={(text) => setBody((now) => (now.trim() ? `${now.trimEnd()}\n\n${text}` : text))} />}
              <Textarea label={internal ? "Internal note (not shown to the district)" : "Reply to the district"} autosize minRows={3} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={commentFieldError} mt="xs" />
              <Group justify="space-between" mt="xs">
                <Switch label="Internal note" checked={internal} onChange={(e) => setInternal(e.currentTarget.checked)} />
                <Button type="submit" disabled={!body.trim()} loading={comment.isPending}>
                  {internal ? "Add note" : "Send reply"}
                </Button>
              </Group>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Card withBorder radius="md" padding="md">
              <Stack gap="xs">
                <Select label="Status" value={c.status} onChange={(v) => v && update.mutate({ status: v })} allowDeselect={false} data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
                <Select label="Priority" value={c.priority} onChange={(v) => v && update.mutate({ priority: v })} allowDeselect={false} data={["low", "normal", "high", "urgent"]} />
                {/* Choosing the current assignee again keeps them; unassigning is its own button. */}
                <Select label="Assignee" value={c.assigneeId} onChange={(v) => v && v !== c.assigneeId && update.mutate({ assigneeId: v })} allowDeselect={false} placeholder="Unassigned" data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
                <Group gap="xs">
                  {me && c.assigneeId !== me.user.id && (
                    <Button size="xs" variant="light" onClick={() => update.mutate({ assigneeId: me.user.id })}>
                      Assign to me
                    </Button>
                  )}
                  {c.assigneeId && (
                    <Button size="xs" variant="default" onClick={() => update.mutate({ assigneeId: null })}>
                      Unassign
                    </Button>
                  )}
                </Group>
              </Stack>
            </Card>
            <Card withBorder radius="md" padding="md">
              <CaseFacts c={c} vendor />
              <Text size="xs" c="dimmed" mt="xs">
                Watchers: {c.watchers.map((w) => w.name).join(", ") || "none"}
              </Text>
            </Card>
            <Card withBorder radius="md" padding="md" component="section" aria-label="Files">
              <Title order={4} size="h6" mb="xs">
                Files
              </Title>
              <AttachmentList c={c} base="/api/vendor/attachments" />
              <Stack gap={4} mt="xs">
                <FileInput aria-label="Choose a file to attach" description={ATTACHMENT_HINT} accept={ATTACHMENT_ACCEPT} size="xs" value={file} onChange={(f) => { setFile(f); setFileError(f ? attachmentProblem(f) : null); }} error={fileError} placeholder="Choose a file" clearable />
                <Button size="xs" disabled={!file || fileError !== null} loading={attach.isPending} onClick={() => attach.mutate()}>
                  Attach
                </Button>
                <ProblemAlert error={attach.error} />
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
