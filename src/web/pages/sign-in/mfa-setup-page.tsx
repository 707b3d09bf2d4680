import { Anchor, Card, Center, Loader, Text } from "@mantine/core";
import { Navigate } from "react-router-dom";
import { useAuth, useSignOut } from "../../app/auth-context.js";
import { rememberedSignInPath } from "../../app/last-district.js";
import { MfaEnrolment } from "../account/mfa-enrolment.js";
import { SignInFrame } from "./sign-in-frame.js";
import { useContinueSignIn } from "./sign-in-flow.js";

/** Required enrolment (vendor staff without MFA): set up the authenticator before anything else. */
export function MfaSetupPage() {
  const { me, isLoading } = useAuth();
  const signOut = useSignOut();
  const { next, go } = useContinueSignIn();

  if (isLoading) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!me) return <Navigate to={rememberedSignInPath(next)} replace />;
  if (me.stage === "mfa") return <Navigate to="/sign-in/mfa" replace />;
  // An active session that reaches this page has nothing to enrol for here; MFA lives on My account.
  if (me.stage === "active" && !me.user.mfaEnabled) return <Navigate to="/account" replace />;

  return (
    <SignInFrame
      title="Set up your authenticator"
      subtitle={`${me.user.displayName}, your account must use multi-factor authentication (MFA). Set it up once; after that you enter a code from your phone when you sign in.`}
      width={720}
    >
      <Card withBorder radius="md" padding="lg">
        <MfaEnrolment onDone={() => void go("active")} doneLabel="Continue to Gatehouse" />
      </Card>
      <Text size="sm" c="dimmed" mt="md">
        Not now?{" "}
        <Anchor component="button" type="button" onClick={() => void signOut()}>
          Sign out
        </Anchor>{" "}
        — you will be asked again at your next sign-in.
      </Text>
    </SignInFrame>
  );
}
