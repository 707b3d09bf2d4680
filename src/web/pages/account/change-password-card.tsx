import { Button, Card, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, isApiError } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";

const MIN_LENGTH = 10;
const FIELDS = ["currentPassword", "newPassword"];

/** Change password: the server judges the current and new password; the two new ones must match here. */
export function ChangePasswordCard() {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => api.post("/api/account/password", { currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent("");
      setNext("");
      setRepeat("");
      notifications.show({ color: "green", title: "Password changed", message: "Your other sessions were signed out. Use the new password from now on." });
      void queryClient.invalidateQueries({ queryKey: ["account", "sessions"] });
    },
  });
  const error = change.error;
  const fieldError = (field: string) => (isApiError(error) ? error.fieldError(field) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate();
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="password-heading">
      <Title order={3} size="h4" id="password-heading">
        Change password
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        At least {MIN_LENGTH} characters, not containing your username. Changing it signs you out everywhere else.
      </Text>
      <form onSubmit={submit} noValidate aria-label="Change password">
        <Stack gap="sm">
          {error && !FIELDS.some((f) => fieldError(f)) && <ProblemAlert error={error} />}
          <PasswordInput
            label="Current password"
            name="currentPassword"
            autoComplete="current-password"
            withAsterisk
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fieldError("currentPassword")}
          />
          <PasswordInput
            label="New password"
            name="newPassword"
            autoComplete="new-password"
            withAsterisk
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={fieldError("newPassword")}
          />
          <PasswordInput
            label="Repeat the new password"
            name="repeatPassword"
            autoComplete="new-password"
            withAsterisk
            value={repeat}
            onChange={(e) => {
              setRepeat(e.currentTarget.value);
              setMismatch(false);
            }}
            error={mismatch ? "The two new passwords are not the same." : undefined}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: "flex-start" }}>
            Change password
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
