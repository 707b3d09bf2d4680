import { Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { PLACEHOLDERS } from "../../../domain/support/fill-placeholders.js";
import { api, isApiError } from "../../api.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { formatDate } from "../support/labels.js";
import { CANNED_REPLIES_KEY, type CannedReply } from "./canned-reply-picker.js";

const PLACEHOLDER_HINT = `Placeholders filled in when the reply is inserted: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}`;

/** Add a reply, or edit one (with the version it was read at). */
function ReplyForm({ reply, onDone }: { reply?: CannedReply; onDone(): void }) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(reply?.title ?? "");
  const [body, setBody] = useState(reply?.body ?? "");
  const save = useMutation({
    mutationFn: () => (reply ? api.put(`/api/vendor/canned-replies/${reply.id}`, { title, body, version: reply.version }) : api.post("/api/vendor/canned-replies", { title, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CANNED_REPLIES_KEY });
      onDone();
    },
  });
  const field = (f: string) => (isApiError(save.error) ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Card withBorder radius="md" padding="md" component="form" onSubmit={submit} aria-label={reply ? `Edit ${reply.title}` : "New canned reply"}>
      <Stack gap="xs">
        {!field("title") && !field("body") && <ProblemAlert error={save.error} />}
        <TextInput label="Title" placeholder="Asked for a screenshot" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={field("title")} withAsterisk />
        <Textarea label="Reply" description={PLACEHOLDER_HINT} autosize minRows={4} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={field("body")} withAsterisk />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {reply ? "Save changes" : "Add to the library"}
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The vendor's shared library of canned replies, which agents insert into a reply and edit before sending. */
export function CannedRepliesPage() {
  const queryClient = useQueryClient();
  const replies = useQuery({ queryKey: CANNED_REPLIES_KEY, queryFn: () => api.get<CannedReply[]>("/api/vendor/canned-replies") });
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`/api/vendor/canned-replies/${id}`), onSuccess: () => queryClient.invalidateQueries({ queryKey: CANNED_REPLIES_KEY }) });
  return (
    <Stack>
      <PageHeader
        title="Canned replies"
        description="Replies every agent can insert into a case reply and edit before sending."
        actions={editing !== "new" && <Button onClick={() => setEditing("new")}>New canned reply</Button>}
      />
      {editing === "new" && <ReplyForm onDone={() => setEditing(null)} />}
      <ProblemAlert error={replies.error ?? remove.error} />
      {replies.data?.length === 0 && editing !== "new" && <EmptyState title="No canned replies yet" message="Add the answers you give often; placeholders such as {{contact.firstName}} are filled in for each case." />}
      {replies.data?.map((r) =>
        editing === r.id ? (
          <ReplyForm key={r.id} reply={r} onDone={() => setEditing(null)} />
        ) : (
          <Card key={r.id} withBorder radius="md" padding="md" component="section" aria-label={r.title}>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={3} size="h5">
                  {r.title}
                </Title>
                <Text size="xs" c="dimmed">
                  Last changed by {r.updatedByName} on {formatDate(r.updatedAt)}
                </Text>
              </div>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setEditing(r.id)}>
                  Edit
                </Button>
                <ConfirmButton size="xs" color="red" variant="subtle" title={`Delete "${r.title}"?`} message="Agents will no longer be able to insert it. Replies already sent stay as they are." confirmLabel="Delete" onConfirm={() => remove.mutateAsync(r.id)}>
                  Delete
                </ConfirmButton>
              </Group>
            </Group>
            <Text size="sm" mt="xs" style={{ whiteSpace: "pre-wrap" }}>
              {r.body}
            </Text>
          </Card>
        ),
      )}
    </Stack>
  );
}
