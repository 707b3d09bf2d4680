import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { api, isApiError } from "../../api.js";
import { rememberSignIn } from "../../app/last-district.js";
import { useFieldProblems } from "../../components/field-problems.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { useContinueSignIn, type SessionStage } from "./sign-in-flow.js";

type Props = {
  /** District slug; absent for vendor support staff. */
  district?: string;
  /** What to tell someone refused: who can unlock the account or send a new password link. */
  lockedHelp: ReactNode;
};

/** Username + password, with the server's messages: refused (wrong, unknown or locked alike), or a missing field. */
export function PasswordForm({ district, lockedHelp }: Props) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const { go } = useContinueSignIn();
  const signIn = useMutation({
    mutationFn: () => api.post<{ stage: SessionStage }>("/api/auth/sign-in", { district, username, password }),
    onSuccess: async ({ stage }) => {
      rememberSignIn(district ?? "vendor");
      await go(stage);
    },
    onError: (e) => {
      if (isApiError(e) && e.code === "invalid-credentials") setPassword("");
    },
  });
  const error = signIn.error;
  // The server answers a wrong password, an unknown user and a locked account alike.
  const refused = isApiError(error) && error.code === "invalid-credentials";
  const fields = useFieldProblems(isApiError(error) && error.code === "validation-failed" ? error : null, ["username", "password"]);
  const fieldMessage = fields.at;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Sign in" ref={fields.formRef}>
      <Stack gap="md">
        {refused ? (
          <Alert color="orange" variant="light" title="Could not sign you in" role="alert">
            {error.detail} {lockedHelp}
          </Alert>
        ) : (
          error && (fields.alert || !isApiError(error) || error.code !== "validation-failed") && <ProblemAlert error={error} title="Could not sign you in" />
        )}
        <TextInput
          label="Username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          data-autofocus
          autoFocus
          withAsterisk
          aria-required
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={fieldMessage("username")}
        />
        <PasswordInput
          label="Password"
          name="password"
          autoComplete="current-password"
          withAsterisk
          aria-required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldMessage("password")}
        />
        <Button type="submit" loading={signIn.isPending} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
