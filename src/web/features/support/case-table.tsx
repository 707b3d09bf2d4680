import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router-dom";
import { CaseBadges, PriorityBadge } from "./case-badges.js";
import { SortableTh } from "../../components/paged-list.js";
import { formatDate } from "./labels.js";
import { formatSpan } from "./sla.js";
import type { CaseSummary } from "./types.js";

type Sorting = { sort: string; order: string; onSort(sort: string, order: "asc" | "desc"): void };

/**
 * The case list both sides use, sorted by its column headers (the list's `sort` values of
 * CASE_SORTS); vendor staff also see the district, the assignee and the age.
 */
export function CaseTable({ cases, linkBase, vendor = false, sorting }: { cases: CaseSummary[]; linkBase: string; vendor?: boolean; sorting: Sorting }) {
  const Th = ({ column, children }: { column: string; children: string }) => (
    <SortableTh column={column} sort={sorting.sort} order={sorting.order} onSort={sorting.onSort}>
      {children}
    </SortableTh>
  );
  return (
    <Table striped highlightOnHover withTableBorder aria-label="Cases">
      <Table.Thead>
        <Table.Tr>
          <Th column="number">Case</Th>
          <Th column="subject">Subject</Th>
          {vendor && <Th column="district">District</Th>}
          <Th column="contact">Contact</Th>
          <Th column="priority">Priority</Th>
          <Th column="status">Status</Th>
          {vendor && <Th column="assignee">Assignee</Th>}
          {vendor && <Th column="created">Age</Th>}
          <Th column="updated">Updated</Th>
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
              <PriorityBadge priority={c.priority} />
            </Table.Td>
            <Table.Td>
              <CaseBadges c={c} priority={false} />
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
