import { Alert, Button, Card, Group, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, isApiError } from "../../api.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";

type Installation = { publicUrl: string };

/** Vendor staff: settings of the whole installation, starting with the address used in email links. */
export function InstallationPage() {
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ["installation"], queryFn: () => api.get<Installation>("/api/vendor/installation") });
  const [publicUrl, setPublicUrl] = useState("");
  useEffect(() => {
    if (settings.data) setPublicUrl(settings.data.publicUrl);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () => api.put<Installation>("/api/vendor/installation", { publicUrl }),
    onSuccess: (saved) => client.setQueryData(["installation"], saved),
  });
  const fieldError = isApiError(save.error) ? save.error.fieldError("publicUrl") : undefined;
  return (
    <Stack gap="lg">
      <PageHeader title="Installation" description="Settings every Gatehouse process shares: the server, other servers on the same database, and the command line." />
      <ProblemAlert error={settings.error ?? (fieldError ? null : save.error)} />
      <Card withBorder radius="md" padding="lg" maw={720}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="sm">
            <TextInput
              label="Public URL"
              description="The address people use to reach Gatehouse. Links in every email (inactivity notices, case notifications) start with it."
              value={publicUrl}
              onChange={(e) => setPublicUrl(e.currentTarget.value)}
              error={fieldError}
              required
            />
            <Text size="xs" c="dimmed">
              A server started with GATEHOUSE_PUBLIC_URL sets this to that value again at its start.
            </Text>
            {save.isSuccess && <Alert color="green">Saved. New emails link to {save.data.publicUrl}.</Alert>}
            <Group>
              <Button type="submit" loading={save.isPending} disabled={!settings.data || publicUrl === settings.data.publicUrl}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
