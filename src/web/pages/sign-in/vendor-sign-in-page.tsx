import { Anchor, Card, Stack, Text } from "@mantine/core";
import { Link, Navigate } from "react-router-dom";
import { useAuth } from "../../app/auth-context.js";
import { PasswordForm } from "./password-form.js";
import { SignInFrame } from "./sign-in-frame.js";
import { useContinueSignIn } from "./sign-in-flow.js";

/** /login/vendor — vendor support staff sign in here, with no district; MFA always follows. */
export function VendorSignInPage() {
  const { me } = useAuth();
  const { next } = useContinueSignIn();
  if (me?.stage === "active") return <Navigate to={next} replace />;
  return (
    <SignInFrame title="Vendor support sign-in" subtitle="For the vendor's support staff. You will be asked for your authenticator code next.">
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <PasswordForm lockedHelp="If your account is locked, another member of the support team can unlock it on the Staff accounts page." />
          <Text size="sm" c="dimmed">
            District staff sign in on their district's page instead.{" "}
            <Anchor component={Link} to="/login">
              Choose your district
            </Anchor>
          </Text>
        </Stack>
      </Card>
    </SignInFrame>
  );
}
