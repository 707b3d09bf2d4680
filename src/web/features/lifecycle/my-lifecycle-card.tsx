import { Alert, Badge, Card, Group, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api.js";
import { formatDay, STAGE_COLORS, STAGE_LABELS, type MyLifecycle } from "./types.js";

const LONG = { weekday: "long", month: "long", day: "numeric", year: "numeric" } as const;

/**
 * For the portal home: an authorized contact's own status and deadline. Renders nothing for
 * someone who is not a contact. Drop it into any page: <MyLifecycleCard />.
 */
export function MyLifecycleCard() {
  const mine = useQuery({ queryKey: ["lifecycle", "me"], queryFn: () => api.get<MyLifecycle>("/api/contacts/me/lifecycle") });
  const c = mine.data?.contact;
  const cleared = mine.data?.cleared;
  if (!c) return null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="my-contact-status">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="my-contact-status">
          Your authorized contact status
        </Title>
        <Badge color={STAGE_COLORS[c.stage]} variant="light">
          {STAGE_LABELS[c.stage]}
        </Badge>
      </Group>
      {c.status === "active" && cleared && (
        <Alert color="green" title="Pending deactivation cleared" mb="xs">
          Your activity cleared the notice of pending deactivation sent on {formatDay(cleared.noticeOn, LONG)}: your account will not be deactivated on{" "}
          {formatDay(cleared.deactivationOn, LONG)}. Nothing more is needed.
        </Alert>
      )}
      {c.status === "active" && (
        <Text size="sm">
          Last activity {formatDay(c.lastActivityOn, LONG)}. Your account stays active as long as you sign in to the portal or work on a support case at least once every 180 days; otherwise a
          notice of pending deactivation is sent on {formatDay(c.noticeDueOn, LONG)} ({c.daysLeft} days from now).
        </Text>
      )}
      {c.status === "pending-deactivation" && (
        <Alert color="orange" title={`Deactivation on ${formatDay(c.deactivationOn, LONG)} (${c.daysLeft} days left)`}>
          Your account has had no activity since {formatDay(c.lastActivityOn, LONG)}. Sign in to the Support Case Portal with your authenticator app, or work on a case, before {formatDay(c.deactivationOn, LONG)} to keep it active.
        </Alert>
      )}
      {c.status === "deactivated" && (
        <Alert color="gray" title={`Deactivated${c.deactivationOn ? ` on ${formatDay(c.deactivationOn, LONG)}` : ""}`}>
          You can no longer open or manage cases. An active authorized contact of {c.district} can ask for your reactivation with a "Modify Support Contact" case.
        </Alert>
      )}
    </Card>
  );
}
