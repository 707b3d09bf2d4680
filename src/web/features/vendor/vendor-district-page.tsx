import { Badge, Button, Card, Checkbox, Grid, Group, Select, Stack, Switch, Table, TagsInput, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { api, isApiError } from "../../api.js";
import { PageHeader } from "../../components/page-header.js";
import { ConsequenceDialog, needsConsequenceConfirm } from "./consequence-dialog.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { CONTACT_STATUS_COLORS, CONTACT_STATUS_LABELS, CONTACT_TYPE_LABELS, formatDate } from "../support/labels.js";
import type { DistrictDetail, DistrictUser } from "../support/types.js";
import { AllowanceCell } from "./vendor-districts-page.js";

const SUGGESTED_PRODUCTS = ["Campus Learning", "Campus Passport", "Food Service", "Special Ed", "Health Office", "Transportation", "Online Registration"];

function HostingCard({ d }: { d: DistrictDetail }) {
  const queryClient = useQueryClient();
  const [cloudChoice, setCloudChoice] = useState(d.cloudChoice);
  const [products, setProducts] = useState(d.products);
  useEffect(() => {
    setCloudChoice(d.cloudChoice);
    setProducts(d.products);
  }, [d]);
  const save = useMutation({
    mutationFn: () => api.put<DistrictDetail>(`/api/vendor/districts/${d.id}`, { cloudChoice, products, version: d.version }),
    onSuccess: () => {
      notifications.show({ color: "green", title: "District saved", message: "Hosting and add-on products updated." });
      void queryClient.invalidateQueries({ queryKey: ["vendor"] });
    },
  });
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Hosting and products">
      <Title order={3} size="h5" mb="xs">
        Hosting and products
      </Title>
      <Stack gap="sm">
        <ProblemAlert error={save.error} />
        <Switch label="Campus Cloud Choice (may request version updates)" checked={cloudChoice} onChange={(e) => setCloudChoice(e.currentTarget.checked)} />
        <TagsInput label="Licensed add-on products" description="Each adds one support contact to the allowance." data={SUGGESTED_PRODUCTS} value={products} onChange={setProducts} clearable />
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function DesignateCard({ d }: { d: DistrictDetail }) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [userId, setUserId] = useState<string | null>(null);
  const [type, setType] = useState<string | null>("support");
  const [over, setOver] = useState(false);
  const users = useQuery({ queryKey: ["vendor", "district-users", d.id, search], queryFn: () => api.get<DistrictUser[]>(`/api/vendor/districts/${d.id}/users?search=${encodeURIComponent(search)}`) });
  const designate = useMutation({
    mutationFn: (confirmConsequences: boolean) => api.post(`/api/vendor/districts/${d.id}/contacts`, { userId, type, approveOverAllowance: over, confirmConsequences }),
    onSuccess: () => {
      setUserId(null);
      setOver(false);
      void queryClient.invalidateQueries({ queryKey: ["vendor"] });
    },
  });
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Designate a contact">
      <Title order={3} size="h5" mb="xs">
        Designate a contact
      </Title>
      <Stack gap="sm">
        {!needsConsequenceConfirm(designate.error) && <ProblemAlert error={designate.error} />}
        <ConsequenceDialog error={designate.error} busy={designate.isPending} onConfirm={() => designate.mutate(true)} onCancel={() => designate.reset()} />
        {isApiError(designate.error) && designate.error.code === "allowance-exceeded" && (
          <Checkbox label="Approve going past the allowance (recorded with your name)" checked={over} onChange={(e) => setOver(e.currentTarget.checked)} />
        )}
        <Select label="District staff member" searchable searchValue={search} onSearchChange={setSearch} value={userId} onChange={setUserId} data={(users.data ?? []).filter((u) => !u.contactType).map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }))} nothingFoundMessage="Nobody matches" />
        <Select label="Type" value={type} onChange={setType} allowDeselect={false} data={[{ value: "support", label: "Support contact" }, { value: "technical", label: "Technical contact" }]} />
        <Group justify="flex-end">
          <Button disabled={!userId} onClick={() => designate.mutate(false)} loading={designate.isPending}>
            Designate
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** One district for vendor staff: hosting, products, allowance, and its contacts with status and activity. */
export function VendorDistrictPage() {
  const { districtId } = useParams();
  const query = useQuery({ queryKey: ["vendor", "district", districtId], queryFn: () => api.get<DistrictDetail>(`/api/vendor/districts/${districtId}`) });
  if (query.error) return <ProblemAlert error={query.error} />;
  if (!query.data) return null;
  const d = query.data;
  return (
    <Stack>
      <PageHeader title={d.name} description={`Allowance: ${d.allowance.support} support and ${d.allowance.technical} technical contact(s).`} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card withBorder radius="md" padding="md" component="section" aria-label="Authorized contacts">
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5">
                Authorized contacts
              </Title>
              <Group gap="lg">
                <Group gap={4}>
                  <Text size="xs" c="dimmed">Support</Text>
                  <AllowanceCell designated={d.designated.support} allowance={d.allowance.support} />
                </Group>
                <Group gap={4}>
                  <Text size="xs" c="dimmed">Technical</Text>
                  <AllowanceCell designated={d.designated.technical} allowance={d.allowance.technical} />
                </Group>
              </Group>
            </Group>
            <Table striped aria-label="Contacts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Last activity</Table.Th>
                  <Table.Th>MFA</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.contacts.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Text size="sm">{c.name}</Text>
                      <Text size="xs" c="dimmed">{c.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{CONTACT_TYPE_LABELS[c.type]}</Text>
                      {c.allowanceApprovedAt && <Badge size="xs" color="orange" variant="light">Past allowance, approved</Badge>}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={CONTACT_STATUS_COLORS[c.status]} style={{ minWidth: "max-content" }}>{CONTACT_STATUS_LABELS[c.status]}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(c.lastActivityAt)}</Text>
                    </Table.Td>
                    <Table.Td>{c.mfaEnabled ? "On" : <Text size="sm" c="orange">Not set up</Text>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <HostingCard d={d} />
            <DesignateCard d={d} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
