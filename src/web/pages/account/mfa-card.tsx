import { Alert, Badge, Button, Card, Group, Modal, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, isApiError } from "../../api.js";
import { useAuth, type Me } from "../../app/auth-context.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { MfaEnrolment } from "./mfa-enrolment.js";

function DisableMfaForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [password, setPassword] = useState("");
  const disable = useMutation({ mutationFn: () => api.post("/api/account/mfa/disable", { password }), onSuccess: onDone });
  const fieldError = isApiError(disable.error) ? disable.error.fieldError("password") : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Turn off MFA">
      <Stack gap="sm">
        <Text size="sm">Enter your password to turn MFA off. Your recovery codes stop working too.</Text>
        {disable.error && !fieldError && <ProblemAlert error={disable.error} />}
        <PasswordInput label="Password" autoComplete="current-password" withAsterisk autoFocus value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError} maw={320} />
        <Group>
          <Button type="submit" color="red" loading={disable.isPending}>
            Turn off MFA
          </Button>
          <Button variant="default" onClick={onCancel}>
            Keep it on
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** MFA status with enrol, re-enrol (new phone) and — for district staff only — turning it off. */
export function MfaCard({ me }: { me: Me }) {
  const { refresh } = useAuth();
  const [mode, setMode] = useState<"view" | "enrol" | "disable">("view");
  const enabled = me.user.mfaEnabled;
  const vendor = me.user.kind === "vendor";
  const finish = async (message: string) => {
    await refresh();
    setMode("view");
    notifications.show({ color: "green", message });
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="mfa-heading">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="mfa-heading">
          Authenticator (MFA)
        </Title>
        <Badge color={enabled ? "green" : "gray"} variant="light">
          {enabled ? "On" : "Off"}
        </Badge>
      </Group>
      <Modal
        opened={mode === "enrol"}
        onClose={() => setMode("view")}
        title={enabled ? "Move to a new authenticator" : "Set up an authenticator"}
        size="xl"
        closeOnClickOutside={false}
        closeOnEscape={false}
        withCloseButton={false}
      >
        {mode === "enrol" && <MfaEnrolment onDone={() => void finish("Your authenticator is set up.")} onCancel={() => setMode("view")} doneLabel="Done" />}
      </Modal>
      {mode === "disable" && <DisableMfaForm onDone={() => void finish("MFA is off for your account.")} onCancel={() => setMode("view")} />}
      {mode !== "disable" && (
        <Stack gap="sm">
          <Text size="sm">
            {enabled
              ? "You sign in with your password and a 6-digit code from your authenticator app."
              : "Add a second step to sign-in: a 6-digit code from an authenticator app on your phone. Someone who learns your password still cannot sign in."}
          </Text>
          {enabled && vendor && (
            <Alert color="gray" variant="light" p="xs">
              <Text size="sm">Vendor support staff must keep MFA on, because your account can reach the support data of every district.</Text>
            </Alert>
          )}
          <Group>
            <Button variant={enabled ? "default" : "filled"} onClick={() => setMode("enrol")}>
              {enabled ? "Move to a new authenticator" : "Set up an authenticator"}
            </Button>
            {enabled && !vendor && (
              <Button variant="subtle" color="red" onClick={() => setMode("disable")}>
                Turn off MFA
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}
