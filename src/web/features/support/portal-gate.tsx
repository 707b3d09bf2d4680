import { Alert, Anchor, Badge, Card, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { Link } from "react-router-dom";
import { api, isApiError } from "../../api.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { CONTACT_TYPE_LABELS } from "./labels.js";
import type { ContactCard, PortalHome } from "./types.js";

export const PORTAL_KEY = ["support", "portal"] as const;

/** The portal home; loading it is what records the contact's portal sign-in on the server. */
export function usePortal() {
  return useQuery({ queryKey: PORTAL_KEY, queryFn: () => api.get<PortalHome>("/api/support/portal"), retry: false, staleTime: 60_000 });
}

/** What a district user who is not an active authorized contact sees instead of the portal. */
export function NotAuthorizedPanel({ detail, contacts }: { detail: string; contacts: ContactCard[] }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="not-authorized-heading" maw={820}>
      <Title order={3} size="h4" id="not-authorized-heading" mb="xs">
        Only authorized contacts can use the Support Case Portal
      </Title>
      <Text size="sm" mb="md">
        {detail}
      </Text>
      {contacts.length > 0 && (
        <Table aria-label="Your district's authorized contacts" striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Email</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((c) => (
              <Table.Tr key={`${c.name}-${c.email}`}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c.type === "technical" ? "grape" : "blue"}>
                    {CONTACT_TYPE_LABELS[c.type]}
                  </Badge>
                </Table.Td>
                <Table.Td>{c.email ? <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor> : "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt="md">
        Authorized contacts must not share their sign-in. If you need to join a support call, ask one of them to arrange it and be present.
      </Text>
    </Card>
  );
}

/** Renders the page only for an active authorized contact; everyone else is told who to ask. */
export function PortalGate({ title, children }: { title: string; children: (home: PortalHome) => ReactNode }) {
  const portal = usePortal();
  useEffect(() => {
    document.title = `${title} · Gatehouse`; // the page's own name while the portal loads, not the last page's
  }, [title]);
  if (portal.isPending) return <Loader aria-label="Loading the support portal" />;
  if (portal.error) {
    const error = portal.error;
    return (
      <Stack>
        <PageHeader title={title} />
        {isApiError(error) && error.code === "not-authorized-contact" ? (
          <NotAuthorizedPanel detail={error.detail} contacts={(error.body.contacts as ContactCard[]) ?? []} />
        ) : isApiError(error) && error.code === "contact-mfa-required" ? (
          <Alert color="orange" title="Set up your authenticator first" maw={720}>
            <Text size="sm">{error.detail}</Text>
            <Anchor component={Link} to="/account" size="sm">
              Go to My account
            </Anchor>
          </Alert>
        ) : (
          <ProblemAlert error={error} />
        )}
      </Stack>
    );
  }
  return <>{children(portal.data)}</>;
}
