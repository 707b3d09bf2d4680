import { Alert, Anchor, Button, Card, FileInput, Group, MultiSelect, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { api, isApiError } from "../../api.js";
import { useMe } from "../../app/auth-context.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { PRODUCT_AREA_OPTIONS } from "./labels.js";
import { PortalGate } from "./portal-gate.js";
import type { PortalHome } from "./types.js";
import { attachmentsProblem, uploadFile } from "./upload-file.js";

export const ATTACHMENT_ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.txt,.log,.csv,.docx,.xlsx,.zip";
export const ATTACHMENT_HINT = "PDF, images, text, CSV, Word, Excel or ZIP; up to 10 MB each.";

function NewCaseForm({ home }: { home: PortalHome }) {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState("");
  const [description, setDescription] = useState("");
  const [productArea, setProductArea] = useState<string | null>(null);
  const [priority, setPriority] = useState<string | null>("normal");
  const [watchers, setWatchers] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  // A case that was opened but whose files the server refused: said at the file field until the person moves on.
  const [partly, setPartly] = useState<{ id: string; number: number; failed: string[] } | null>(null);
  const create = useMutation({
    mutationFn: () => api.post<{ id: string; number: number }>("/api/support/cases", { subject, description, productArea, priority, watcherContactIds: watchers }),
    onSuccess: async (created) => {
      const failed: string[] = [];
      for (const file of files) {
        try {
          await uploadFile(`/api/support/cases/${created.id}/attachments`, file, me!.csrfToken);
        } catch (error) {
          failed.push(`${file.name}: ${isApiError(error) ? error.detail : String(error)}`);
        }
      }
      void queryClient.invalidateQueries({ queryKey: ["support"] });
      if (failed.length) {
        setPartly({ id: created.id, number: created.number, failed });
        return;
      }
      notifications.show({ color: "green", title: `Case #${created.number} opened`, message: "Support will reply here and by email." });
      navigate(`/support/cases/${created.id}`);
    },
  });
  const fieldError = (f: string) => (isApiError(create.error) ? create.error.fieldError(f) : undefined);
  const colleagues = home.contacts.filter((c) => c.id !== home.contact.id && c.status !== "deactivated");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A file that will be refused stops the case here, before anything is sent.
    const problem = attachmentsProblem(files);
    setFileError(problem);
    if (problem) return;
    create.mutate();
  };
  return (
    <Card withBorder radius="md" padding="lg" maw={820}>
      <form onSubmit={submit} noValidate aria-label="Open a case">
        <Stack gap="sm">
          {create.error && !fieldError("subject") && !fieldError("description") && !fieldError("productArea") ? <ProblemAlert error={create.error} /> : null}
          <TextInput label="Subject" withAsterisk value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={fieldError("subject")} />
          <Group grow>
            <Select label="Product area" withAsterisk data={PRODUCT_AREA_OPTIONS} value={productArea} onChange={setProductArea} error={fieldError("productArea")} searchable />
            <Select label="Priority" data={["low", "normal", "high", "urgent"]} value={priority} onChange={setPriority} allowDeselect={false} />
          </Group>
          <Textarea label="Description" description="What happened, what you expected, and the steps to see it." withAsterisk autosize minRows={6} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError("description")} />
          <MultiSelect label="Watchers" description="Colleagues who are authorized contacts and should follow this case." data={colleagues.map((c) => ({ value: c.id, label: c.name }))} value={watchers} onChange={setWatchers} searchable clearable />
          <FileInput
            label="Attachments"
            description={ATTACHMENT_HINT}
            multiple
            accept={ATTACHMENT_ACCEPT}
            value={files}
            onChange={(chosen) => {
              setFiles(chosen);
              setFileError(attachmentsProblem(chosen));
            }}
            error={fileError}
            clearable
            placeholder="Choose files"
          />
          {partly && (
            <Alert color="orange" title={`Case #${partly.number} was opened, but not every file was attached`} role="alert">
              <Stack gap={4}>
                {partly.failed.map((f) => (
                  <Text key={f} size="sm">
                    {f}
                  </Text>
                ))}
                <Anchor component={Link} to={`/support/cases/${partly.id}`} size="sm">
                  Open case #{partly.number} to attach them again
                </Anchor>
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate("/support")}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={partly !== null}>
              Open case
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Opening a case counts as activity on your authorized contact account.
          </Text>
        </Stack>
      </form>
    </Card>
  );
}

export function NewCasePage() {
  return (
    <PortalGate title="Open a case">
      {(home) => (
        <Stack>
          <PageHeader title="Open a case" description={`For ${home.district.name}. Support replies on the case and by email.`} />
          <NewCaseForm home={home} />
        </Stack>
      )}
    </PortalGate>
  );
}
