import { Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/empty-state.js";
import { ListTotal, LoadMore, listQuery, useListParams, usePagedList } from "../../components/paged-list.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { MyLifecycleCard } from "../lifecycle/my-lifecycle-card.js";
import { CaseTable } from "./case-table.js";
import { CONTACT_STATUS_COLORS, CONTACT_STATUS_LABELS, CONTACT_TYPE_LABELS, formatDate } from "./labels.js";
import { PortalGate } from "./portal-gate.js";
import type { CaseSummary, PortalHome } from "./types.js";

const CASE_LIST_DEFAULTS = { status: "active", sort: "priority", order: "asc" };

/** The district's cases, paged, with the status filter and the sort kept in the URL. */
function CaseList() {
  const { values, set } = useListParams(CASE_LIST_DEFAULTS);
  const { query: cases, items, total } = usePagedList<CaseSummary>(["support", "cases"], `/api/support/cases?${listQuery(values)}`);
  const sorting = { sort: values.sort, order: values.order, onSort: (sort: string, order: "asc" | "desc") => set({ sort, order }) };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          Your district's cases
        </Title>
        <Group gap="sm">
          {cases.data && <ListTotal total={total} noun={["case", "cases"]} />}
          <SegmentedControl
            size="xs"
            value={values.status}
            onChange={(status) => set({ status })}
            aria-label="Which cases"
            data={[
              { value: "active", label: "Open" },
              { value: "resolved", label: "Resolved" },
              { value: "closed", label: "Closed" },
              { value: "all", label: "All" },
            ]}
          />
        </Group>
      </Group>
      <ProblemAlert error={cases.error} />
      {cases.data && items.length === 0 && <EmptyState title="No cases here" message="Cases your district's authorized contacts open appear here." />}
      {items.length > 0 && <CaseTable cases={items} linkBase="/support/cases" sorting={sorting} />}
      <LoadMore query={cases} shown={items.length} total={total} />
    </Stack>
  );
}

function ContactsCard({ home }: { home: PortalHome }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="contacts-heading">
      <Title order={3} size="h5" id="contacts-heading" mb="xs">
        Authorized contacts of {home.district.name}
      </Title>
      <Table aria-label="Authorized contacts">
        <Table.Tbody>
          {home.contacts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Text size="sm">{c.name}</Text>
                <Text size="xs" c="dimmed">
                  {c.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{CONTACT_TYPE_LABELS[c.type]}</Text>
              </Table.Td>
              <Table.Td>
                <Badge size="xs" variant="light" color={CONTACT_STATUS_COLORS[c.status]} style={{ minWidth: "max-content" }}>
                  {CONTACT_STATUS_LABELS[c.status]}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button component={Link} to="/support/modify-contact" variant="subtle" size="xs" mt="xs">
        Request a contact change
      </Button>
      <Text size="xs" c="dimmed" px="xs">
        Add, remove, retype or reactivate a contact through a Modify Support Contact case.
      </Text>
    </Card>
  );
}

/** The Support Case Portal's home for an authorized contact. */
export function PortalHomePage() {
  return (
    <PortalGate title="Support Case Portal">
      {(home) => (
        <Stack>
          <PageHeader
            title="Support Case Portal"
            description={`You are a ${CONTACT_TYPE_LABELS[home.contact.type].toLowerCase()} for ${home.district.name}. Open a case for issues your staff cannot resolve locally.`}
            actions={
              <Group gap="sm" wrap="nowrap">
                <Button component={Link} to="/support/update-requests" variant="default">
                  Update requests
                </Button>
                <Button component={Link} to="/support/cases/new">
                  Open a case
                </Button>
              </Group>
            }
          />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Card withBorder radius="md" padding="md">
              <Text size="xs" c="dimmed">
                Your status
              </Text>
              <Badge mt={4} color={CONTACT_STATUS_COLORS[home.contact.status]} variant="light">
                {CONTACT_STATUS_LABELS[home.contact.status]}
              </Badge>
            </Card>
            <Card withBorder radius="md" padding="md">
              <Text size="xs" c="dimmed">
                Last activity
              </Text>
              <Text fw={500}>{formatDate(home.contact.lastActivityAt)}</Text>
            </Card>
            <Card withBorder radius="md" padding="md">
              <Text size="xs" c="dimmed">
                Open cases
              </Text>
              <Text fw={500}>{home.openCases}</Text>
            </Card>
          </SimpleGrid>
          <MyLifecycleCard />
          <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
            <div style={{ gridColumn: "span 2" }}>
              <CaseList />
            </div>
            <ContactsCard home={home} />
          </SimpleGrid>
        </Stack>
      )}
    </PortalGate>
  );
}
