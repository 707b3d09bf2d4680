import { Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

type Props = { title: string; message?: ReactNode; action?: ReactNode };

/** What a list shows when it has nothing in it: what that means and what to do next. */
export function EmptyState({ title, message, action }: Props) {
  return (
    <Paper withBorder p="xl" radius="md" bg="gray.0">
      <Stack align="center" gap="xs">
        <Text fw={600}>{title}</Text>
        {message && (
          <Text size="sm" c="dimmed" ta="center" maw={520}>
            {message}
          </Text>
        )}
        {action}
      </Stack>
    </Paper>
  );
}
