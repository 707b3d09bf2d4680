import { Button, Card, FileInput, Grid, Group, Select, Stack, Text, Textarea, Title, Anchor, Badge, CloseButton } from "@mantine/core";
import { LinkedText } from "./linked-text.js";
import { caseSla } from "./sla.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { api, isApiError } from "../../api.js";
import { useMe } from "../../app/auth-context.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { CaseBadges } from "./case-badges.js";
import { CaseTimeline } from "./case-timeline.js";
import { formatBytes, formatDate } from "./labels.js";
import { ATTACHMENT_ACCEPT, ATTACHMENT_HINT } from "./new-case-page.js";
import { PortalGate } from "./portal-gate.js";
import type { CaseDetail, PortalHome } from "./types.js";
import { uploadFile } from "./upload-file.js";

export function CaseFacts({ c, vendor = false }: { c: CaseDetail; vendor?: boolean }) {
  const sla = vendor ? caseSla(c) : null;
  const rows: [string, string][] = [
    ["District", c.districtName],
    ["Contact", c.contactName],
    ["Opened by", c.openedByName],
    ["Product area", c.productArea],
    ["Opened", formatDate(c.createdAt)],
    ["Assigned to", c.assigneeName ?? "Not yet assigned"],
    ...(sla ? ([["Age", sla.age], ["First response", sla.firstResponse]] as [string, string][]) : []),
  ];
  return (
    <Stack gap={4} component="dl" m={0}>
      {rows.map(([k, v]) => (
        <Group key={k} gap="xs" wrap="nowrap" align="baseline">
          <Text component="dt" size="xs" c="dimmed" w={100}>
            {k}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {v}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function AttachmentList({ c, base }: { c: CaseDetail; base: string }) {
  if (c.attachments.length === 0) return <Text size="sm" c="dimmed">No files yet.</Text>;
  return (
    <Stack gap={4}>
      {c.attachments.map((a) => (
        <Group key={a.id} gap="xs" wrap="nowrap">
          <Anchor href={`${base}/${a.id}`} size="sm">
            {a.fileName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatBytes(a.sizeBytes)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function ContactCase({ home, caseId }: { home: PortalHome; caseId: string }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const key = ["support", "case", caseId];
  const query = useQuery({ queryKey: key, queryFn: () => api.get<CaseDetail>(`/api/support/cases/${caseId}`) });
  const [comment, setComment] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [watcher, setWatcher] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["support"] });
  const act = useMutation({ mutationFn: (run: () => Promise<unknown>) => run(), onSuccess: refresh });
  const send = useMutation({ mutationFn: () => api.post(`/api/support/cases/${caseId}/comments`, { body: comment }), onSuccess: () => { setComment(""); void refresh(); } });
  const commentError = isApiError(send.error) ? send.error.fieldError("body") : undefined;
  if (query.error) return <ProblemAlert error={query.error} />;
  if (!query.data) return null;
  const c = query.data;
  const base = `/api/support/cases/${c.id}`;
  const candidates = home.contacts.filter((x) => x.status !== "deactivated" && !c.watchers.some((w) => w.contactId === x.id));
  return (
    <Stack>
      <PageHeader
        title={`#${c.number} ${c.subject}`}
        description={<CaseBadges c={c} />}
        actions={
          <>
            {c.can.close && (
              <Button variant="default" onClick={() => act.mutate(() => api.post(`${base}/close`))}>
                Close case
              </Button>
            )}
            {c.can.reopen && <Button onClick={() => act.mutate(() => api.post(`${base}/reopen`))}>Reopen case</Button>}
          </>
        }
      />
      <ProblemAlert error={act.error} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <Card withBorder radius="md" padding="md">
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                <LinkedText text={c.description} />
              </Text>
            </Card>
            {c.emergency && (
              <Card withBorder radius="md" padding="sm" bg="red.0">
                <Text size="sm">
                  <b>Emergency case</b> opened on your behalf by {c.openedByName} of Support: {c.emergencyReason}
                </Text>
              </Card>
            )}
            <Title order={3} size="h4">
              Timeline
            </Title>
            <CaseTimeline events={c.events} attachmentBase="/api/support/attachments" />
            {c.can.comment && (
              <Card withBorder radius="md" padding="md" component="form" aria-label="Add a comment" onSubmit={(e) => { e.preventDefault(); send.mutate(); }}>
                {!commentError && <ProblemAlert error={send.error} />}
                <Textarea label="Add a comment" autosize minRows={3} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={commentError} />
                <Group justify="flex-end" mt="xs">
                  <Button type="submit" disabled={!comment.trim()} loading={send.isPending}>
                    Send comment
                  </Button>
                </Group>
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Card withBorder radius="md" padding="md">
              <CaseFacts c={c} />
            </Card>
            <Card withBorder radius="md" padding="md" component="section" aria-label="Watchers">
              <Title order={4} size="h6" mb="xs">
                Watchers
              </Title>
              {c.watchers.length === 0 && <Text size="sm" c="dimmed">Nobody else follows this case.</Text>}
              {c.watchers.map((w) => (
                <Group key={w.contactId} justify="space-between" wrap="nowrap">
                  <Text size="sm">{w.name}</Text>
                  {c.can.watch && <CloseButton size="sm" aria-label={`Remove ${w.name}`} onClick={() => act.mutate(() => api.delete(`${base}/watchers/${w.contactId}`))} />}
                </Group>
              ))}
              {c.can.watch && candidates.length > 0 && (
                <Group mt="xs" gap="xs" wrap="nowrap">
                  <Select aria-label="Add a watcher" placeholder="Add a colleague" size="xs" data={candidates.map((x) => ({ value: x.id, label: x.name }))} value={watcher} onChange={setWatcher} />
                  <Button size="xs" disabled={!watcher} onClick={() => act.mutate(async () => { await api.put(`${base}/watchers/${watcher}`); setWatcher(null); })}>
                    Add
                  </Button>
                </Group>
              )}
            </Card>
            <Card withBorder radius="md" padding="md" component="section" aria-label="Files">
              <Title order={4} size="h6" mb="xs">
                Files <Badge size="xs" variant="light">{c.attachments.length}</Badge>
              </Title>
              <AttachmentList c={c} base="/api/support/attachments" />
              {c.can.attach && (
                <Group mt="xs" gap="xs" align="flex-end" wrap="nowrap">
                  <FileInput aria-label="Choose a file to attach" description={ATTACHMENT_HINT} accept={ATTACHMENT_ACCEPT} size="xs" value={file} onChange={setFile} placeholder="Choose a file" clearable style={{ flex: 1 }} />
                  <Button size="xs" disabled={!file} onClick={() => act.mutate(async () => { await uploadFile(`${base}/attachments`, file!, me!.csrfToken); setFile(null); })}>
                    Attach
                  </Button>
                </Group>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function CasePage() {
  const { caseId } = useParams();
  return <PortalGate title="Case">{(home) => <ContactCase home={home} caseId={caseId!} />}</PortalGate>;
}
