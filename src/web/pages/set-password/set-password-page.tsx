import { Alert, Anchor, Button, Card, Loader, PasswordInput, Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { api } from "../../api.js";
import { useFieldProblems } from "../../components/field-problems.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { SignInFrame } from "../sign-in/sign-in-frame.js";

type LinkInfo = { username: string; displayName: string; expiresAt: string; purpose: "new-account" | "reset"; district: { slug: string; name: string } | null };

/** /set-password/:token — a person with a one-time link chooses their password, then signs in. */
export function SetPasswordPage() {
  const { token = "" } = useParams();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const link = useQuery({ queryKey: ["set-password", token], queryFn: () => api.get<LinkInfo>(`/api/public/set-password/${encodeURIComponent(token)}`), retry: false });
  const save = useMutation({ mutationFn: () => api.post(`/api/public/set-password/${encodeURIComponent(token)}`, { password }) });
  const fields = useFieldProblems(save.error, ["password"]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) save.mutate();
    else fields.focusFirstInvalid();
  };

  if (link.isPending) return <SignInFrame title="Choose your password"><Loader aria-label="Checking your link" /></SignInFrame>;
  if (link.isError) {
    return (
      <SignInFrame title="This link does not work">
        <ProblemAlert error={link.error} title="The link cannot be used" />
      </SignInFrame>
    );
  }
  const info = link.data;
  const signInPath = info.district ? `/login/${info.district.slug}` : "/login/vendor";
  return (
    <SignInFrame title="Choose your password" subtitle={info.district ? info.district.name : "Vendor support staff"}>
      <Card withBorder radius="md" padding="lg">
        {save.isSuccess ? (
          <Alert color="green" variant="light" title="Password set" role="status">
            <Text size="sm">
              Your password is set. <Anchor component={Link} to={signInPath}>Sign in</Anchor> with the username <strong>{info.username}</strong>.
            </Text>
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate aria-label="Choose your password" ref={fields.formRef}>
            <Stack gap="md">
              <Text size="sm">
                Hello {info.displayName}. Choose the password for <strong>{info.username}</strong>: at least 10 characters, not containing your username. This link works once, until{" "}
                {new Date(info.expiresAt).toLocaleString()}.
              </Text>
              {fields.alert && <ProblemAlert error={save.error} title="The password was not set" />}
              <PasswordInput label="New password" name="password" autoComplete="new-password" withAsterisk autoFocus value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fields.at("password")} />
              <PasswordInput
                label="New password again"
                name="repeatPassword"
                autoComplete="new-password"
                withAsterisk
                value={repeat}
                onChange={(e) => setRepeat(e.currentTarget.value)}
                error={mismatch ? "The two passwords are not the same." : undefined}
              />
              <Button type="submit" loading={save.isPending} fullWidth>
                Set password
              </Button>
            </Stack>
          </form>
        )}
      </Card>
    </SignInFrame>
  );
}
