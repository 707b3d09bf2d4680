import { Button, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { isApiError } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";

export type MfaProof = { password: string; code: string };

type Props<T> = {
  /** The form's accessible name and its button's label. */
  action: string;
  intro: string;
  color?: string;
  cancelLabel: string;
  send: (proof: MfaProof) => Promise<T>;
  onDone: (result: T) => void;
  onCancel: () => void;
};

/** Changing a second factor asks for the password and a current code (or a recovery code). */
export function MfaProofForm<T>({ action, intro, color, cancelLabel, send, onDone, onCancel }: Props<T>) {
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const mutation = useMutation({ mutationFn: () => send({ password, code }), onSuccess: onDone, onError: () => setCode("") });
  const fieldError = (field: string) => (isApiError(mutation.error) ? mutation.error.fieldError(field) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={action}>
      <Stack gap="sm">
        <Text size="sm">{intro}</Text>
        {mutation.error && !fieldError("password") && !fieldError("code") && <ProblemAlert error={mutation.error} />}
        <PasswordInput label="Password" autoComplete="current-password" withAsterisk autoFocus value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError("password")} maw={320} />
        <TextInput
          label="Code from your authenticator app, or a recovery code"
          name="code"
          autoComplete="one-time-code"
          withAsterisk
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={fieldError("code")}
          maw={320}
          classNames={{ input: "gh-code" }}
        />
        <Group>
          <Button type="submit" color={color} loading={mutation.isPending}>
            {action}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {cancelLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
