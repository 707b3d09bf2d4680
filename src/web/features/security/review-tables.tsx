import { Anchor, Badge, Table, Text } from "@mantine/core";
import { Link } from "react-router-dom";
import type { z } from "zod";
import type {
  ZDeleteRightsReview,
  ZExpiringGrantsReview,
  ZGroupsOverLimitReview,
  ZIndividualRightsReview,
  ZProtectedAccessReview,
} from "../../../features/reviews/schema.js";
import { EmptyState } from "../../components/empty-state.js";
import type { Wire } from "./security-api.js";
import { formatDay } from "./format-day.js";

export type ProtectedReview = Wire<z.infer<typeof ZProtectedAccessReview>>;
export type IndividualReview = Wire<z.infer<typeof ZIndividualRightsReview>>;
export type OverLimitReview = Wire<z.infer<typeof ZGroupsOverLimitReview>>;
export type ExpiringReview = Wire<z.infer<typeof ZExpiringGrantsReview>>;
export type DeleteReview = Wire<z.infer<typeof ZDeleteRightsReview>>;

const day = formatDay;
const show = (r: string) => (r === "" ? "none" : r);

function UserLink({ id, name, username }: { id: string; name: string; username?: string | null }) {
  return (
    <>
      <Anchor component={Link} to={`/security/users/${id}`} size="sm">
        {name}
      </Anchor>
      {username && (
        <Text span size="xs" c="dimmed">
          {" "}
          ({username})
        </Text>
      )}
    </>
  );
}

function GroupLink({ id, name }: { id: string; name: string }) {
  return (
    <Anchor component={Link} to={`/security/groups/${id}`} size="sm">
      {name}
    </Anchor>
  );
}

function describeVia(v: ProtectedReview["areas"][number]["holders"][number]["via"][number]): string {
  if (v.kind === "role") return "Student Information System role";
  return v.kind === "group" ? `${v.groupName} (${show(v.rights)} on ${v.entryPath})` : `individual rights (${show(v.rights)} on ${v.entryPath})`;
}

export function ProtectedTable({ data }: { data: ProtectedReview }) {
  return (
    <Table withTableBorder aria-label="Who can see protected data">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="34%">Protected area</Table.Th>
          <Table.Th>User</Table.Th>
          <Table.Th w={70}>Rights</Table.Th>
          <Table.Th>Calendars</Table.Th>
          <Table.Th>Through</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.areas.flatMap((a) =>
          a.holders.length === 0
            ? [
                <Table.Tr key={a.toolPath}>
                  <Table.Td>{a.toolPath}</Table.Td>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed">
                      Nobody
                    </Text>
                  </Table.Td>
                </Table.Tr>,
              ]
            : a.holders.map((h, i) => (
                <Table.Tr key={`${a.toolPath}:${h.userId}`}>
                  {i === 0 && (
                    <Table.Td rowSpan={a.holders.length} style={{ verticalAlign: "top" }}>
                      <Text size="sm" fw={500}>
                        {a.toolPath}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {a.holders.length} {a.holders.length === 1 ? "person" : "people"}
                      </Text>
                    </Table.Td>
                  )}
                  <Table.Td>
                    <UserLink id={h.userId} name={h.displayName} username={h.username} />
                  </Table.Td>
                  <Table.Td>{h.rights}</Table.Td>
                  <Table.Td>{h.calendars}</Table.Td>
                  <Table.Td>{h.via.map(describeVia).join("; ")}</Table.Td>
                </Table.Tr>
              )),
        )}
      </Table.Tbody>
    </Table>
  );
}

export function IndividualTable({ data }: { data: IndividualReview }) {
  if (data.rows.length === 0) return <EmptyState title="No individual rights" message="Every right is given through groups, as the seed advises." />;
  return (
    <Table withTableBorder aria-label="Individual rights in use">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>User</Table.Th>
          <Table.Th>Tool</Table.Th>
          <Table.Th>Rights</Table.Th>
          <Table.Th>Until</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.rows.map((r) => (
          <Table.Tr key={`${r.userId}:${r.toolPath}:${r.until}`}>
            <Table.Td>
              <UserLink id={r.userId} name={r.displayName} username={r.username} />
            </Table.Td>
            <Table.Td>{r.toolPath}</Table.Td>
            <Table.Td>{r.deny ? <Badge color="red">deny</Badge> : show(r.rights)}</Table.Td>
            <Table.Td>
              {day(r.until)} {!r.active && <Badge color="gray">not in force</Badge>}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function OverLimitTable({ data }: { data: OverLimitReview }) {
  if (data.rows.length === 0) return <EmptyState title="No group is over its member limit" />;
  return (
    <Table withTableBorder aria-label="Groups over their member limit">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Group</Table.Th>
          <Table.Th>Member limit</Table.Th>
          <Table.Th>Members now</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.rows.map((g) => (
          <Table.Tr key={g.groupId}>
            <Table.Td>
              <GroupLink id={g.groupId} name={g.name} />
            </Table.Td>
            <Table.Td>{g.memberLimit}</Table.Td>
            <Table.Td>
              <Badge color="red" variant="light">
                {g.members} ({g.members - g.memberLimit} over)
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const KIND: Record<ExpiringReview["rows"][number]["kind"], string> = { "group-entry": "Group right", "user-entry": "Individual right", membership: "Membership" };

export function ExpiringTable({ data }: { data: ExpiringReview }) {
  if (data.rows.length === 0) return <EmptyState title={`Nothing ends in the next ${data.withinDays} days`} />;
  return (
    <Table withTableBorder aria-label="Grants expiring soon">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Ends</Table.Th>
          <Table.Th>What</Table.Th>
          <Table.Th>Group</Table.Th>
          <Table.Th>User</Table.Th>
          <Table.Th>Tool and rights</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.rows.map((r, i) => (
          <Table.Tr key={i}>
            <Table.Td>{day(r.until)}</Table.Td>
            <Table.Td>{KIND[r.kind]}</Table.Td>
            <Table.Td>{r.groupId && r.groupName ? <GroupLink id={r.groupId} name={r.groupName} /> : null}</Table.Td>
            <Table.Td>{r.userId && r.username ? <UserLink id={r.userId} name={r.username} /> : null}</Table.Td>
            <Table.Td>{r.toolPath ? `${r.toolPath}: ${r.deny ? "deny" : show(r.rights ?? "")}` : ""}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function DeleteTable({ data }: { data: DeleteReview }) {
  if (data.rows.length === 0) return <EmptyState title="No group has Delete rights" />;
  return (
    <Table withTableBorder aria-label="Groups with Delete and dangerous rights">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Group</Table.Th>
          <Table.Th>Tool</Table.Th>
          <Table.Th>Rights</Table.Th>
          <Table.Th>Why it matters</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.rows.map((r, i) => (
          <Table.Tr key={i}>
            <Table.Td>
              <GroupLink id={r.groupId} name={r.groupName} />
            </Table.Td>
            <Table.Td>
              {r.toolPath}
              {r.entryPath !== r.toolPath && (
                <Text size="xs" c="dimmed">
                  inherited from {r.entryPath}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{r.rights}</Table.Td>
            <Table.Td>{r.dangerous ? <Text size="sm" c="red.8">{r.dangerous}</Text> : <Text size="sm" c="dimmed">Delete right</Text>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
