import { Group, SegmentedControl, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";

type Choice = "none" | "emergency" | "all";
const KEY = ["vendor", "notification-preferences"];
const CHOICES: { value: Choice; label: string }[] = [
  { value: "none", label: "None" },
  { value: "emergency", label: "Emergency cases only" },
  { value: "all", label: "Every new case" },
];

/** The agent's own choice of which new cases reach their inbox; saved as soon as it is picked. */
export function NewCaseEmails() {
  const queryClient = useQueryClient();
  const prefs = useQuery({ queryKey: KEY, queryFn: () => api.get<{ newCaseEmails: Choice }>("/api/vendor/notification-preferences") });
  const save = useMutation({
    mutationFn: (newCaseEmails: Choice) => api.put<{ newCaseEmails: Choice }>("/api/vendor/notification-preferences", { newCaseEmails }),
    onSuccess: (data) => queryClient.setQueryData(KEY, data),
  });
  if (!prefs.data) return prefs.error ? <ProblemAlert error={prefs.error} /> : null;
  return (
    <Group gap="sm" align="center">
      <Text id="new-case-emails-label" size="sm" fw={500}>
        Email me about new cases
      </Text>
      <SegmentedControl aria-labelledby="new-case-emails-label" size="xs" value={prefs.data.newCaseEmails} data={CHOICES} onChange={(v) => save.mutate(v as Choice)} disabled={save.isPending} />
      {save.isSuccess && (
        <Text size="sm" c="green.8" role="status">
          Saved: {CHOICES.find((c) => c.value === save.data.newCaseEmails)!.label.toLowerCase()}.
        </Text>
      )}
      {save.error && <ProblemAlert error={save.error} />}
    </Group>
  );
}
