import { Button, Center, Group, Image, Loader, Stack, Stepper, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, isApiError } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { CopyText } from "./copy-text.js";
import { RecoveryCodes } from "./recovery-codes.js";

export type Setup = { secret: string; otpauthUrl: string; qrDataUrl: string };

function groupsOfFour(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

type Props = {
  onDone: () => void;
  doneLabel: string;
  onCancel?: () => void;
  /** A setup already started (moving to a new authenticator starts it with the password and a code). */
  started?: Setup;
};

/**
 * Authenticator enrolment in three steps: scan (or type) the secret, confirm with a code, keep the
 * ten recovery codes. The secret only takes effect once a code from it is confirmed.
 */
export function MfaEnrolment({ onDone, doneLabel, onCancel, started }: Props) {
  const [code, setCode] = useState("");
  // A query, not an effect, so a re-render or remount never asks the server for a second secret.
  const setup = useQuery({
    queryKey: ["account", "mfa-setup"],
    queryFn: () => api.post<Setup>("/api/account/mfa/setup"),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    enabled: !started,
    ...(started ? { initialData: started } : {}),
  });
  const confirm = useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>("/api/account/mfa/confirm", { code }),
    onError: () => setCode(""),
  });

  const step = confirm.isSuccess ? 2 : 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };

  if (setup.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Preparing your authenticator secret" />
      </Center>
    );
  }
  if (setup.isError) {
    return (
      <Stack>
        <ProblemAlert error={setup.error} title="Could not start the authenticator setup" />
        <Group>
          <Button onClick={() => void setup.refetch()}>Try again</Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    );
  }

  const codeError = isApiError(confirm.error) ? confirm.error.fieldError("code") : undefined;
  return (
    <Stepper active={step} allowNextStepsSelect={false} size="sm">
      <Stepper.Step label="Scan and confirm" description="Add Gatehouse to your authenticator app">
        <Group align="flex-start" gap="xl" mt="md" wrap="nowrap">
          <Image src={setup.data.qrDataUrl} alt="QR code to scan with your authenticator app" w={184} h={184} fit="contain" />
          <Stack gap="sm" style={{ flex: 1 }}>
            <Text size="sm">
              1. Open an authenticator app (for example Microsoft Authenticator, Google Authenticator or 1Password) and scan the QR code.
            </Text>
            <div>
              <Text size="sm">Can't scan it? Enter this key by hand (time-based, 6 digits):</Text>
              <CopyText value={setup.data.secret} display={groupsOfFour(setup.data.secret)} label="authenticator key" testId="mfa-secret" />
            </div>
            <form onSubmit={submit} noValidate aria-label="Confirm authenticator">
              <Stack gap="sm">
                <TextInput
                  label="2. Enter the 6-digit code the app shows"
                  w={300}
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={10}
                  withAsterisk
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  error={codeError}
                  classNames={{ input: "gh-code" }}
                />
                {confirm.error && !codeError && <ProblemAlert error={confirm.error} />}
                <Group>
                  <Button type="submit" loading={confirm.isPending}>
                    Confirm code
                  </Button>
                  {onCancel && (
                    <Button variant="default" onClick={onCancel}>
                      Cancel
                    </Button>
                  )}
                </Group>
              </Stack>
            </form>
          </Stack>
        </Group>
      </Stepper.Step>
      <Stepper.Step label="Save recovery codes" description="For when your phone is not at hand">
        {null}
      </Stepper.Step>
      <Stepper.Completed>
        <Stack mt="md" gap="md">
          <Title order={3} size="h4">
            Authenticator set up. Save your recovery codes now.
          </Title>
          <RecoveryCodes codes={confirm.data?.recoveryCodes ?? []} onDone={onDone} doneLabel={doneLabel} />
        </Stack>
      </Stepper.Completed>
    </Stepper>
  );
}
