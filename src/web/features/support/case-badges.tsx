import { Badge, Group } from "@mantine/core";
import { PRIORITY_COLORS, STATUS_COLORS, STATUS_LABELS } from "./labels.js";
import type { CaseSummary } from "./types.js";

export function StatusBadge({ status }: { status: CaseSummary["status"] }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} style={{ minWidth: "max-content" }}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: CaseSummary["priority"] }) {
  return (
    <Badge variant="outline" color={PRIORITY_COLORS[priority]} style={{ minWidth: "max-content" }}>
      {priority}
    </Badge>
  );
}

/** Status, priority (unless the list shows it in its own column), emergency and kind. */
export function CaseBadges({ c, priority = true }: { c: Pick<CaseSummary, "status" | "priority" | "emergency" | "kind">; priority?: boolean }) {
  return (
    <Group gap={6} wrap="wrap">
      <StatusBadge status={c.status} />
      {priority && <PriorityBadge priority={c.priority} />}
      {c.emergency && (
        <Badge color="red" variant="filled" style={{ minWidth: "max-content", flexShrink: 0 }}>
          Emergency
        </Badge>
      )}
      {c.kind === "modify-contact" && (
        <Badge color="grape" variant="light" style={{ minWidth: "max-content", flexShrink: 0 }}>
          Modify contact
        </Badge>
      )}
    </Group>
  );
}
