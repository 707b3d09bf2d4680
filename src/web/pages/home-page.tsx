import { Anchor, Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "../api.js";
import type { MyLifecycle } from "../features/lifecycle/types.js";
import { Link } from "react-router-dom";
import type { Me } from "../app/auth-context.js";
import { useMe } from "../app/auth-context.js";
import { buildNavSections } from "../app/nav-model.js";
import { useToolRights } from "../app/tool-rights.js";
import { PageHeader } from "../components/page-header.js";

function greeting(hour: number): string {
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

/** The first page after sign-in: who and where you are, and one card per section you can use. */
export function HomePage() {
  const me = useMe() as Me;
  const rights = useToolRights(me.user.kind === "district");
  // the Case Portal is for active authorized contacts; anyone else is told who their contacts are
  const lifecycle = useQuery({ queryKey: ["lifecycle", "me"], queryFn: () => api.get<MyLifecycle>("/api/contacts/me/lifecycle"), enabled: me.user.kind === "district", retry: false });
  const isContact = lifecycle.data?.contact != null && lifecycle.data.contact.status !== "deactivated";
  const sections = useMemo(
    () =>
      buildNavSections(me, rights.data)
        .map((s) => ({ ...s, items: me.user.kind === "district" && !isContact ? s.items.filter((i) => !i.path.startsWith("/support")) : s.items }))
        .filter((s) => s.items.length > 0),
    [me, rights.data, isContact],
  );
  const firstName = me.user.displayName.split(/\s+/)[0] ?? me.user.displayName;
  return (
    <Stack gap="lg">
      <PageHeader
        title={`${greeting(new Date().getHours())}, ${firstName}`}
        description={
          me.district
            ? `You are signed in to ${me.district.name} as ${me.user.displayName} (${me.user.username}).`
            : `You are signed in as vendor support staff: ${me.user.displayName} (${me.user.username}).`
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {sections.map(({ section, items }) => (
          <Card key={section} withBorder radius="md" padding="lg" component="section" aria-labelledby={`home-${section}`}>
            <Title order={3} size="h4" id={`home-${section}`} mb="sm">
              {section}
            </Title>
            <Stack gap="sm">
              {items.map((item) => (
                <div key={item.path}>
                  <Anchor component={Link} to={item.path} fw={600}>
                    {item.label}
                  </Anchor>
                  {item.description && (
                    <Text size="sm" c="dimmed">
                      {item.description}
                    </Text>
                  )}
                </div>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {me.user.kind === "district" && lifecycle.isSuccess && !isContact && (
        <Text size="sm" data-testid="not-a-contact">
          Support cases with the vendor are opened by your district's authorized contacts.{" "}
          <Anchor component={Link} to="/support">
            See who they are
          </Anchor>
          .
        </Text>
      )}
      {!me.user.mfaEnabled && me.user.kind === "district" && (
        <Text size="sm" c="dimmed">
          Set up an authenticator app (MFA) on{" "}
          <Anchor component={Link} to="/account">
            My account
          </Anchor>
          : someone who learns your password still cannot sign in, and authorized contacts need it to use the Support Case Portal.
        </Text>
      )}
    </Stack>
  );
}
