import { Anchor, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, Navigate, useParams } from "react-router-dom";
import { api, isApiError } from "../../api.js";
import { useAuth } from "../../app/auth-context.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { HelpContacts, type HelpContact } from "./help-contacts.js";
import { PasswordForm } from "./password-form.js";
import { SignInFrame } from "./sign-in-frame.js";
import { SsoButtons } from "./sso-buttons.js";
import { useContinueSignIn } from "./sign-in-flow.js";

type DistrictPage = { slug: string; name: string; helpContacts: HelpContact[] };

/** /login/:slug — a district's own sign-in page with its Help section. */
export function DistrictSignInPage() {
  const { slug = "" } = useParams();
  const { me } = useAuth();
  const { next } = useContinueSignIn();
  const district = useQuery({
    queryKey: ["public", "district", slug],
    queryFn: () => api.get<DistrictPage>(`/api/public/districts/${encodeURIComponent(slug)}`),
  });

  if (me?.stage === "active") return <Navigate to={next} replace />;
  if (district.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading the district's sign-in page" />
      </Center>
    );
  }
  if (district.isError) {
    const missing = isApiError(district.error) && district.error.status === 404;
    return (
      <SignInFrame title={missing ? "District not found" : "Sign in"}>
        <Stack>
          <ProblemAlert error={district.error} title={missing ? `There is no district "${slug}"` : undefined} />
          <Group>
            <Button component={Link} to="/login">
              Choose your district
            </Button>
            {!missing && (
              <Button variant="default" onClick={() => void district.refetch()}>
                Try again
              </Button>
            )}
          </Group>
        </Stack>
      </SignInFrame>
    );
  }

  const { name, helpContacts } = district.data;
  return (
    <SignInFrame title={name} subtitle="Sign in with your district username and password." width={900}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="lg">
          <SsoButtons slug={district.data.slug} />
          <PasswordForm district={district.data.slug} lockedHelp="If your account is locked, the people under Help can tell you who unlocks accounts in your district." />
          {me && (
            <Text size="sm" c="dimmed" mt="md">
              You have a sign-in waiting for its authenticator code.{" "}
              <Anchor component={Link} to={me.stage === "mfa" ? "/sign-in/mfa" : "/sign-in/mfa-setup"}>
                Continue it
              </Anchor>
            </Text>
          )}
          <Group justify="space-between" mt="lg">
            <Anchor component={Link} to="/login" size="sm">
              A different district?
            </Anchor>
            <Anchor component={Link} to="/login/vendor" size="sm">
              Vendor support staff
            </Anchor>
          </Group>
        </Card>
        <HelpContacts districtName={name} contacts={helpContacts} />
      </SimpleGrid>
    </SignInFrame>
  );
}
