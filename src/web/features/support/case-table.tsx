import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router-dom";
import { CaseBadges } from "./case-badges.js";
import { formatDate } from "./labels.js";
import { formatSpan } from "./sla.js";
import type { CaseSummary } from "./types.js";

/** The case list both sides use; vendor staff also see the district and the assignee. */
export function CaseTable({ cases, linkBase, vendor = false }: { cases: CaseSummary[]; linkBase: string; vendor?: boolean }) {
  return (
    <Table striped highlightOnHover withTableBorder aria-label="Cases">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Case</Table.Th>
          <Table.Th>Subject</Table.Th>
          {vendor && <Table.Th>District</Table.Th>}
          <Table.Th>Contact</Table.Th>
          <Table.Th>Status</Table.Th>
          {vendor && <Table.Th>Assignee</Table.Th>}
          {vendor && <Table.Th>Age</Table.Th>}
          <Table.Th>Updated</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cases.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Text size="sm" c="dimmed">
                #{c.number}
              </Text>
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`${linkBase}/${c.id}`} size="sm" fw={500}>
                {c.subject}
              </Anchor>
              <Text size="xs" c="dimmed">
                {c.productArea}
              </Text>
            </Table.Td>
            {vendor && <Table.Td>{c.districtName}</Table.Td>}
            <Table.Td>{c.contactName}</Table.Td>
            <Table.Td>
              <CaseBadges c={c} />
            </Table.Td>
            {vendor && <Table.Td>{c.assigneeName ?? <Text c="dimmed" size="sm">Unassigned</Text>}</Table.Td>}
            {vendor && (
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {formatSpan(Date.now() - new Date(c.createdAt).getTime())}
                </Text>
              </Table.Td>
            )}
            <Table.Td>
              <Text size="sm">{formatDate(c.updatedAt)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
