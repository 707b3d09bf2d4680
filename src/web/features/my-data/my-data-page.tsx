import { Alert, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { MyData } from "../../../features/my-data/schema.js";
import { api, isApiError } from "../../api.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";

const date = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const when = (iso: string | null) => (iso ? date.format(new Date(iso)) : null);
const scope = (v: string, every: string) => (v === "*" ? every : v);

/** The seed's "My Data": what Gatehouse holds about you and what it lets you do. */
export function MyDataPage() {
  const query = useQuery({ queryKey: ["me", "data"], queryFn: () => api.get<MyData>("/api/me/data"), retry: false });
  const data = query.data;
  return (
    <>
      <PageHeader title="My data" description="Your account, the groups you are in, your calendar rights and your tool rights, as Gatehouse holds them." />
      {query.isPending && <Loader aria-label="Loading your data" />}
      {isApiError(query.error) && query.error.status === 404 ? (
        <Alert color="yellow" title="My Data is not among your rights">
          This view needs R on the My Data tool, which the seed's All Campus Users group gives. Ask your district's system administrator to add you to that group.
        </Alert>
      ) : (
        query.error && <ProblemAlert error={query.error} />
      )}
      {data && (
        <Stack gap="lg">
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="xs">
              Account
            </Title>
            <Text>
              {data.account.displayName} ({data.account.username})
            </Text>
            <Text size="sm" c="dimmed">
              {data.account.email ?? "No email on file"} · Product Security Role: {data.account.productSecurityRole === "none" ? "none" : data.account.productSecurityRole}
              {data.account.lastLoginAt && ` · last signed in ${when(data.account.lastLoginAt)}`}
            </Text>
          </Paper>
          <section aria-label="My groups">
            <Title order={3} size="h4" mb="xs">
              Groups
            </Title>
            {data.groups.length === 0 ? (
              <Text c="dimmed">You are in no user group.</Text>
            ) : (
              <Group gap="xs">
                {data.groups.map((g) => (
                  <Badge key={g.name} variant="light" size="lg" tt="none">
                    {g.name}
                    {g.until && ` until ${when(g.until)}`}
                  </Badge>
                ))}
              </Group>
            )}
          </section>
          <section aria-label="My calendar rights">
            <Title order={3} size="h4" mb="xs">
              Calendar rights
            </Title>
            {data.calendars.length === 0 ? (
              <Text c="dimmed">No calendar rights: you see no student data in any calendar.</Text>
            ) : (
              <Stack gap={4}>
                {data.calendars.map((c, i) => (
                  <Text key={i} size="sm">
                    {scope(c.school, "Every school")} · {scope(c.year, "every year")} · {scope(c.calendar, "every calendar")} {c.modify ? "(modify)" : "(read only)"}
                  </Text>
                ))}
              </Stack>
            )}
          </section>
          <section>
            <Title order={3} size="h4" mb="xs">
              Tool rights
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              Where your rights start or change; a tool below one listed has the same rights unless it is listed itself.
            </Text>
            <Table striped withTableBorder aria-label="My tool rights">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tool</Table.Th>
                  <Table.Th>Rights</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.tools.map((t) => (
                  <Table.Tr key={t.tool}>
                    <Table.Td>{t.tool}</Table.Td>
                    <Table.Td>{t.rights}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        </Stack>
      )}
    </>
  );
}
