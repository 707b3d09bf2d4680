import { Anchor, Badge, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import type { DistrictSummary } from "../support/types.js";

/** "2 / 3": designated against the allowance, red when past it (which needed a recorded approval). */
export function AllowanceCell({ designated, allowance }: { designated: number; allowance: number }) {
  return (
    <Text size="sm" c={designated > allowance ? "red" : undefined} fw={designated > allowance ? 600 : undefined}>
      {designated} / {allowance}
    </Text>
  );
}

export function VendorDistrictsPage() {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const districts = useQuery({ queryKey: ["vendor", "districts", debounced], queryFn: () => api.get<DistrictSummary[]>(`/api/vendor/districts?search=${encodeURIComponent(debounced)}`) });
  return (
    <Stack>
      <PageHeader title="Districts" description="Hosting, licensed add-on products and the authorized contact allowance: 2 support + 1 technical, plus one support contact per add-on product." />
      <TextInput label="Search" placeholder="District name" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={300} />
      <ProblemAlert error={districts.error} />
      <Table striped withTableBorder aria-label="Districts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>District</Table.Th>
            <Table.Th>Hosting</Table.Th>
            <Table.Th>Add-on products</Table.Th>
            <Table.Th>Support contacts</Table.Th>
            <Table.Th>Technical contacts</Table.Th>
            <Table.Th>Open cases</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(districts.data ?? []).map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component={Link} to={`/vendor/districts/${d.id}`} fw={500} size="sm">
                  {d.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{d.cloudChoice ? <Badge color="teal" variant="light" style={{ minWidth: "max-content" }}>Campus Cloud Choice</Badge> : <Text size="sm">Hosted</Text>}</Table.Td>
              <Table.Td>
                <Text size="sm">{d.products.length ? d.products.join(", ") : d.addOnProducts ? `${d.addOnProducts}` : "None"}</Text>
              </Table.Td>
              <Table.Td>
                <AllowanceCell designated={d.designated.support} allowance={d.allowance.support} />
              </Table.Td>
              <Table.Td>
                <AllowanceCell designated={d.designated.technical} allowance={d.allowance.technical} />
              </Table.Td>
              <Table.Td>{d.openCases}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
