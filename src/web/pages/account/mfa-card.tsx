import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { api } from "../../api.js";
import { useAuth, type Me } from "../../app/auth-context.js";
import { MfaEnrolment, type Setup } from "./mfa-enrolment.js";
import { MfaProofForm } from "./mfa-proof-form.js";

/**
 * MFA status with enrol, re-enrol (new phone) and — for those not required to keep it — turning it
 * off. A first authenticator is always offered; changing one needs W on Account Setting (`mayChange`).
 */
export function MfaCard({ me, mayChange }: { me: Me; mayChange: boolean }) {
  const { refresh } = useAuth();
  const [mode, setMode] = useState<"view" | "prove" | "enrol" | "disable">("view");
  const [started, setStarted] = useState<Setup | undefined>(undefined);
  const enabled = me.user.mfaEnabled;
  const vendor = me.user.kind === "vendor";
  const required = me.user.mfaRequired;
  const finish = async (message: string) => {
    await refresh();
    setMode("view");
    setStarted(undefined);
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
        {mode === "enrol" && <MfaEnrolment started={started} onDone={() => void finish("Your authenticator is set up.")} onCancel={() => setMode("view")} doneLabel="Done" />}
      </Modal>
      {mode === "disable" && (
        <MfaProofForm
          action="Turn off MFA"
          intro="Enter your password and a code from your authenticator app (or a recovery code) to turn MFA off. Your recovery codes stop working too."
          color="red"
          cancelLabel="Keep it on"
          send={(proof) => api.post("/api/account/mfa/disable", proof)}
          onDone={() => void finish("MFA is off for your account.")}
          onCancel={() => setMode("view")}
        />
      )}
      {mode === "prove" && (
        <MfaProofForm
          action="Continue to the new authenticator"
          intro="Moving to a new authenticator needs your password and a code from the one you use now (or a recovery code)."
          cancelLabel="Cancel"
          send={(proof) => api.post<Setup>("/api/account/mfa/setup", proof)}
          onDone={(setup) => {
            setStarted(setup);
            setMode("enrol");
          }}
          onCancel={() => setMode("view")}
        />
      )}
      {mode !== "disable" && mode !== "prove" && (
        <Stack gap="sm">
          <Text size="sm">
            {enabled
              ? "You sign in with your password and a 6-digit code from your authenticator app."
              : "Add a second step to sign-in: a 6-digit code from an authenticator app on your phone. Someone who learns your password still cannot sign in."}
          </Text>
          {enabled && required && (
            <Alert color="gray" variant="light" p="xs">
              <Text size="sm">
                {vendor
                  ? "Vendor support staff must keep MFA on, because your account can reach the support data of every district."
                  : "Authorized contacts must keep MFA on: the Support Case Portal signs you in only with your authenticator app."}
              </Text>
            </Alert>
          )}
          {(!enabled || mayChange) && (
            <Group>
              <Button variant={enabled ? "default" : "filled"} onClick={() => setMode(enabled ? "prove" : "enrol")}>
                {enabled ? "Move to a new authenticator" : "Set up an authenticator"}
              </Button>
              {enabled && !required && (
                <Button variant="subtle" color="red" onClick={() => setMode("disable")}>
                  Turn off MFA
                </Button>
              )}
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}
