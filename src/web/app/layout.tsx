import { Anchor, AppShell, Avatar, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useEffect, useMemo, useRef } from "react";
import { Link, Outlet, useLocation } from "react-router-dom";
import { PreviewBanner } from "../features/governance/preview-banner.js";
import { NotificationBell } from "../features/notifications/notification-bell.js";
import { useAuth, useSignOut, type Me } from "./auth-context.js";
import { buildNavSections } from "./nav-model.js";
import { useToolRights } from "./tool-rights.js";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

function isActive(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}

/** The one nav item of the page: the longest path that contains it (/support/update-requests, not /support too). */
function activeNavPath(pathname: string, paths: string[]): string | undefined {
  return paths.filter((p) => isActive(pathname, p)).sort((a, b) => b.length - a.length)[0];
}

/** The signed-in frame: header (district, user, sign out), navbar from the registry, and the page. */
export function Layout() {
  const { me } = useAuth();
  const signOut = useSignOut();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const main = useRef<HTMLElement>(null);
  const user = me as Me; // RequireAuth renders the layout only for an active session
  const rights = useToolRights(user.user.kind === "district");
  const sections = useMemo(() => buildNavSections(user, rights.data), [user, rights.data]);
  const activePath = activeNavPath(location.pathname, sections.flatMap((s) => s.items.map((i) => i.path)));

  // A route change closes the mobile menu and moves focus to the page, as a full page load would.
  useEffect(() => {
    close();
    main.current?.focus({ preventScroll: true });
  }, [location.pathname, close]);

  const where = user.district?.name ?? "Vendor support";
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="lg">
      <a href="#main" className="gh-skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? "Close navigation" : "Open navigation"} />
            <Anchor component={Link} to="/" underline="never" c="inherit" aria-label="Gatehouse home">
              <Title order={1} size="h3" fw={700}>
                Gatehouse
              </Title>
            </Anchor>
            <Text c="dimmed" size="sm" visibleFrom="xs" aria-label="District">
              {where}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {/* case notifications go to vendor staff and current contacts, the people mfaRequired names */}
            {user.user.mfaRequired && user.stage === "active" && <NotificationBell />}
            <UnstyledButton component={Link} to="/account">
              <Group gap={8} wrap="nowrap">
                {/* the name is said once, here; on a phone only the initials show beside Sign out */}
                <span className="gh-visually-hidden">My account: {user.user.displayName}</span>
                <Avatar size="sm" color="indigo" radius="xl" aria-hidden="true">
                  {initials(user.user.displayName)}
                </Avatar>
                <Text size="sm" fw={500} data-testid="signed-in-user" visibleFrom="xs" aria-hidden="true">
                  {user.user.displayName}
                </Text>
              </Group>
            </UnstyledButton>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <NavLink component={Link} to="/" label="Home" active={location.pathname === "/"} />
          <Stack gap="xs" mt="xs">
            {sections.map(({ section, items }) => (
              <nav key={section} aria-label={section}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4}>
                  {section}
                </Text>
                {items.map((item) => (
                  <NavLink
                    key={item.path}
                    component={Link}
                    to={item.path}
                    label={item.label}
                    leftSection={item.icon}
                    active={item.path === activePath}
                    aria-current={item.path === activePath ? "page" : undefined}
                  />
                ))}
              </nav>
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section p="xs">
          <Text size="xs" c="dimmed">
            Signed in as {user.user.username}
            {user.user.kind === "vendor" ? " (vendor support)" : ""}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" ref={main} tabIndex={-1} style={{ outline: "none" }}>
        <PreviewBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
