import { Anchor, Button, Card, Center, Loader, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Navigate } from "react-router-dom";
import { api, isApiError } from "../../api.js";
import { useAuth, useSignOut } from "../../app/auth-context.js";
import { rememberedSignInPath } from "../../app/last-district.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { SignInFrame } from "./sign-in-frame.js";
import { useContinueSignIn, type SessionStage } from "./sign-in-flow.js";

/** The second sign-in step: a code from the authenticator app, or one of the recovery codes. */
export function MfaVerifyPage() {
  const { me, isLoading } = useAuth();
  const signOut = useSignOut();
  const { next, go } = useContinueSignIn();
  const [code, setCode] = useState("");
  const verify = useMutation({
    mutationFn: () => api.post<{ stage: SessionStage }>("/api/auth/mfa", { code }),
    onSuccess: ({ stage }) => go(stage),
    onError: () => setCode(""),
  });

  if (isLoading) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!me) return <Navigate to={rememberedSignInPath(next)} replace />;
  if (me.stage === "active") return <Navigate to={next} replace />;
  if (me.stage === "mfa-enrol") return <Navigate to="/sign-in/mfa-setup" replace />;

  const error = verify.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };
  return (
    <SignInFrame title="Enter your code" subtitle={`Signing in as ${me.user.displayName}${me.district ? ` at ${me.district.name}` : ""}.`}>
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={submit} noValidate aria-label="Authenticator code">
          <Stack gap="md">
            {error && !(isApiError(error) && error.code === "mfa-code-invalid") && <ProblemAlert error={error} title="Could not sign you in" />}
            <Text size="sm">
              Open your authenticator app and enter the 6-digit code it shows for Gatehouse. No phone at hand? Enter one of your recovery codes
              instead.
            </Text>
            <TextInput
              label="Authenticator or recovery code"
              name="code"
              autoComplete="one-time-code"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              withAsterisk
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={isApiError(error) ? (error.fieldError("code") ?? (error.code === "mfa-code-invalid" ? error.detail : undefined)) : undefined}
              classNames={{ input: "gh-code" }}
            />
            <Button type="submit" loading={verify.isPending} fullWidth>
              Verify and sign in
            </Button>
            <Text size="sm" c="dimmed">
              Not you, or no code at hand?{" "}
              <Anchor component="button" type="button" onClick={() => void signOut()}>
                Cancel and start over
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Card>
    </SignInFrame>
  );
}
