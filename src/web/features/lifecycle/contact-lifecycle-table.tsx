import { Badge, Table, Text } from "@mantine/core";
import { daysLeftText, formatDay, STAGE_COLORS, STAGE_LABELS, type ContactLifecycle } from "./types.js";

/** Contacts with their stage, the notices sent in this cycle and the days left. */
export function ContactLifecycleTable({ contacts }: { contacts: ContactLifecycle[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label="Contacts by lifecycle stage">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Contact</Table.Th>
            <Table.Th>Stage</Table.Th>
            <Table.Th>Last activity</Table.Th>
            <Table.Th>Notice</Table.Th>
            <Table.Th>Reminder</Table.Th>
            <Table.Th>Final notice</Table.Th>
            <Table.Th>Deactivation</Table.Th>
            <Table.Th>Days left</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((c) => (
            <Table.Tr key={c.contactId}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {c.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.username} · {c.type === "technical" ? "Technical" : "Support"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STAGE_COLORS[c.stage]} variant="light">
                  {STAGE_LABELS[c.stage]}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDay(c.lastActivityOn)}</Table.Td>
              <Table.Td>{c.noticeOn ? formatDay(c.noticeOn) : <Text size="sm" c="dimmed">due {formatDay(c.noticeDueOn)}</Text>}</Table.Td>
              <Table.Td>{formatDay(c.reminderOn)}</Table.Td>
              <Table.Td>{formatDay(c.finalNoticeOn)}</Table.Td>
              <Table.Td>{formatDay(c.deactivationOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Text size="sm" c={c.status === "pending-deactivation" && (c.daysLeft ?? 99) <= 3 ? "red" : undefined} fw={c.status === "pending-deactivation" ? 600 : 400}>
                  {daysLeftText(c)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
