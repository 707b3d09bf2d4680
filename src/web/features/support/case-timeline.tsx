import { Anchor, Badge, darken, Group, Paper, Stack, Text, useMantineTheme } from "@mantine/core";
import { formatDate, STATUS_LABELS } from "./labels.js";
import { LinkedText } from "./linked-text.js";
import type { CaseEvent } from "./types.js";

type Status = keyof typeof STATUS_LABELS;
const status = (s: unknown) => STATUS_LABELS[s as Status] ?? String(s);

function describe(e: CaseEvent): string {
  const d = e.data ?? {};
  switch (e.kind) {
    case "opened":
      return "opened the case";
    case "emergency-opened":
      return `opened this emergency case on behalf of ${String(d.onBehalfOf)}`;
    case "comment":
      return "commented";
    case "reply":
      return "replied";
    case "internal-note":
      return "added an internal note";
    case "status-changed":
      return `changed the status from ${status(d.from)} to ${status(d.to)}`;
    case "priority-changed":
      return `changed the priority from ${String(d.from)} to ${String(d.to)}`;
    case "assigned":
      return d.to ? `assigned the case to ${String(d.to)}` : "unassigned the case";
    case "watchers-added":
      return `added ${(d.contactIds as unknown[]).length} watcher(s)`;
    case "watcher-added":
      return `added ${String(d.name)} as a watcher`;
    case "watcher-removed":
      return `removed ${String(d.name)} as a watcher`;
    case "attachment-added":
      return `attached ${String(d.fileName)}`;
    case "closed":
      return "closed the case";
    case "reopened":
      return "reopened the case";
    case "modify-approved":
      return "approved the contact change; it is now in effect";
    case "modify-declined":
      return "declined the contact change";
    default:
      return e.kind;
  }
}

/** Every change and message on a case, oldest first; internal notes stand out for vendor staff. */
export function CaseTimeline({ events, attachmentBase }: { events: CaseEvent[]; attachmentBase: string }) {
  // yellow's deepest shade on its own tint is 2.8:1; darkened as the theme does for tinted variants, 6:1 (WCAG AA)
  const noteLabel = darken(useMantineTheme().colors.yellow[9], 0.4);
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label="Case timeline">
      {events.map((e) => {
        const fileId = e.kind === "attachment-added" ? String(e.data?.attachmentId ?? "") : "";
        return (
          <li key={e.id}>
            {/* wraps on a phone: a long name and the time do not fit one line of 390 px */}
            <Group gap={6} wrap="wrap" align="baseline">
              <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
                {e.actorName}
              </Text>
              {e.actorSide === "vendor" && (
                <Badge size="xs" variant="light" color="grape" style={{ flexShrink: 0 }}>
                  Support
                </Badge>
              )}
              <Text size="sm">{describe(e)}</Text>
              <Text size="xs" c="dimmed" ml="auto" style={{ whiteSpace: "nowrap" }}>
                {formatDate(e.at)}
              </Text>
            </Group>
            {fileId && (
              <Anchor href={`${attachmentBase}/${fileId}`} size="sm">
                Download {String(e.data?.fileName)}
              </Anchor>
            )}
            {e.body && (
              <Paper withBorder p="sm" mt={4} radius="sm" bg={e.internal ? "yellow.0" : e.actorSide === "vendor" ? "grape.0" : "gray.0"} data-testid={e.internal ? "internal-note" : "message"}>
                {e.internal && (
                  <Text size="xs" fw={700} c={noteLabel} mb={2}>
                    Internal note — not shown to the district
                  </Text>
                )}
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  <LinkedText text={e.body} />
                </Text>
              </Paper>
            )}
          </li>
        );
      })}
    </Stack>
  );
}
