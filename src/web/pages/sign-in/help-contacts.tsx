import { Anchor, Card, Stack, Text, Title } from "@mantine/core";

export type HelpContact = { name: string; role: string; email?: string; phone?: string };

/** The district's Help section: whom staff ask about sign-in, rights and who their support contacts are. */
export function HelpContacts({ districtName, contacts }: { districtName: string; contacts: HelpContact[] }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="help-heading">
      <Title order={2} size="h4" id="help-heading">
        Help
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="md">
        Trouble signing in, a locked account, or not sure who your district's authorized support contacts are? Ask:
      </Text>
      {contacts.length === 0 ? (
        <Text size="sm">{districtName} has not listed help contacts yet. Ask your school office or your district's system administrator.</Text>
      ) : (
        <Stack gap="md" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label="Help contacts">
          {contacts.map((c) => (
            <li key={`${c.name}-${c.email ?? c.phone ?? ""}`}>
              <Text fw={600}>{c.name}</Text>
              <Text size="sm" c="dimmed">
                {c.role}
              </Text>
              {c.email && (
                <Text size="sm">
                  <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>
                </Text>
              )}
              {c.phone && (
                <Text size="sm">
                  <Anchor href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}>{c.phone}</Anchor>
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
