import { Badge, Box, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { useMe, type Me } from "../../app/auth-context.js";
import { PageHeader } from "../../components/page-header.js";
import { ChangePasswordCard } from "./change-password-card.js";
import { MfaCard } from "./mfa-card.js";
import { SessionsCard } from "./sessions-card.js";
import { MySsoLinksCard } from "../../features/sso/my-sso-links-card.js";
import { CHANGES, useCapabilities } from "../../features/security/use-capabilities.js";
import { OwnToolsNotice } from "./own-tools-notice.js";

const ROLE_NAMES: Record<Me["user"]["productSecurityRole"], string> = {
  none: "None",
  "student-information-system": "Student Information System",
  "sis-group-assignment": "SIS group assignment",
};

function ProfileCard({ me }: { me: Me }) {
  const rows: [string, string][] = [
    ["Name", me.user.displayName],
    ["Username", me.user.username],
    ["Email", me.user.email ?? "None on file"],
    [me.district ? "District" : "Organisation", me.district?.name ?? "Vendor support staff"],
  ];
  if (me.user.kind === "district") rows.push(["Product security role", ROLE_NAMES[me.user.productSecurityRole]]);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="profile-heading">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="profile-heading">
          Profile
        </Title>
        <Badge variant="light" color={me.user.kind === "vendor" ? "grape" : "indigo"}>
          {me.user.kind === "vendor" ? "Vendor staff" : "District staff"}
        </Badge>
      </Group>
      <Stack gap={6} component="dl" m={0}>
        {rows.map(([label, value]) => (
          <Group key={label} gap="xs" wrap="nowrap" align="baseline">
            <Text component="dt" size="sm" c="dimmed" w={170} style={{ flexShrink: 0 }}>
              {label}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="md">
        Your name, email and role are managed by {me.district ? "your district's system administrator" : "the Gatehouse administrators"}.
      </Text>
    </Card>
  );
}

/**
 * /account — the signed-in user's own profile, password, MFA and sessions. Without the seed's
 * Account Setting right a district user reads why (the server's sentence) instead of forms that
 * would fail; signing out the other sessions and a first authenticator stay (SECURITY.md).
 */
export function AccountPage() {
  const me = useMe() as Me;
  const { verdict, isLoading } = useCapabilities();
  const view = verdict(CHANGES.viewAccount);
  const change = verdict(CHANGES.changeAccount);
  const refused = !isLoading && !change.allowed ? (view.allowed ? change : view) : undefined;
  return (
    <>
      <PageHeader title="My account" description="Your profile, your password, your authenticator (MFA) and the places you are signed in." />
      {refused?.reason && (
        <Box mb="lg">
          <OwnToolsNotice reason={refused.reason} />
        </Box>
      )}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            <ProfileCard me={me} />
            <MfaCard me={me} mayChange={change.allowed} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            {change.allowed && <ChangePasswordCard />}
            {view.allowed && <MySsoLinksCard />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={12}>
          <SessionsCard listAllowed={view.allowed} />
        </Grid.Col>
      </Grid>
    </>
  );
}
