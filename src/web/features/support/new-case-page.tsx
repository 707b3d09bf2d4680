import { Button, Card, FileInput, Group, MultiSelect, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { api, isApiError } from "../../api.js";
import { useMe } from "../../app/auth-context.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { PRODUCT_AREA_OPTIONS } from "./labels.js";
import { PortalGate } from "./portal-gate.js";
import type { PortalHome } from "./types.js";
import { uploadFile } from "./upload-file.js";

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
  const [uploadError, setUploadError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: () => api.post<{ id: string; number: number }>("/api/support/cases", { subject, description, productArea, priority, watcherContactIds: watchers }),
    onSuccess: async (created) => {
      // The case exists now; a file that is refused is reported on the case page, not lost silently.
      const failed: string[] = [];
      for (const file of files) {
        try {
          await uploadFile(`/api/support/cases/${created.id}/attachments`, file, me!.csrfToken);
        } catch (error) {
          failed.push(`${file.name}: ${isApiError(error) ? error.detail : String(error)}`);
        }
      }
      void queryClient.invalidateQueries({ queryKey: ["support"] });
      notifications.show({ color: failed.length ? "orange" : "green", title: `Case #${created.number} opened`, message: failed.length ? `Not attached — ${failed.join("; ")}` : "Support will reply here and by email." });
      setUploadError(null);
      navigate(`/support/cases/${created.id}`);
    },
  });
  const fieldError = (f: string) => (isApiError(create.error) ? create.error.fieldError(f) : undefined);
  const colleagues = home.contacts.filter((c) => c.id !== home.contact.id && c.status !== "deactivated");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Card withBorder radius="md" padding="lg" maw={820}>
      <form onSubmit={submit} noValidate aria-label="Open a case">
        <Stack gap="sm">
          {create.error && !fieldError("subject") && !fieldError("description") && !fieldError("productArea") ? <ProblemAlert error={create.error} /> : null}
          <ProblemAlert error={uploadError} />
          <TextInput label="Subject" withAsterisk value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={fieldError("subject")} />
          <Group grow>
            <Select label="Product area" withAsterisk data={PRODUCT_AREA_OPTIONS} value={productArea} onChange={setProductArea} error={fieldError("productArea")} searchable />
            <Select label="Priority" data={["low", "normal", "high", "urgent"]} value={priority} onChange={setPriority} allowDeselect={false} />
          </Group>
          <Textarea label="Description" description="What happened, what you expected, and the steps to see it." withAsterisk autosize minRows={6} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError("description")} />
          <MultiSelect label="Watchers" description="Colleagues who are authorized contacts and should follow this case." data={colleagues.map((c) => ({ value: c.id, label: c.name }))} value={watchers} onChange={setWatchers} searchable clearable />
          <FileInput label="Attachments" description={ATTACHMENT_HINT} multiple accept={ATTACHMENT_ACCEPT} value={files} onChange={setFiles} clearable placeholder="Choose files" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate("/support")}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
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
