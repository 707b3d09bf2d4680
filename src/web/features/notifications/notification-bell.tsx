import { Anchor, Badge, Button, Group, Popover, ScrollArea, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import type { z } from "zod";
import type { ZNotificationPage } from "../../../features/notifications/schema.js";
import { api } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { formatDate } from "../support/labels.js";

type Page = Omit<z.infer<typeof ZNotificationPage>, "items"> & { items: (Omit<z.infer<typeof ZNotificationPage>["items"][number], "createdAt" | "readAt"> & { createdAt: string; readAt: string | null })[] };

const KEY = ["notifications"] as const;

function BellIcon() {
  return (
    <svg width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

const label = (unread: number) => `Notifications, ${unread === 0 ? "none" : unread} unread`;

/**
 * The header's bell for vendor agents and authorized contacts: how many case notifications are
 * unread, and a list of them (newest first) where each opens its case and is marked read.
 */
export function NotificationBell() {
  const queryClient = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure(false);
  const query = useInfiniteQuery({
    queryKey: KEY,
    queryFn: ({ pageParam }) => api.get<Page>(`/api/notifications?limit=10${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: KEY });
  const markRead = useMutation({ mutationFn: (id: string) => api.post(`/api/notifications/${id}/read`), onSettled: refresh });
  const markAll = useMutation({ mutationFn: () => api.post("/api/notifications/read-all"), onSettled: refresh });
  const pages = query.data?.pages ?? [];
  const unread = pages[0]?.unread ?? 0;
  const items = pages.flatMap((p) => p.items);

  return (
    <Popover opened={opened} onChange={(o) => (o ? undefined : close())} position="bottom-end" width={360} shadow="md" trapFocus returnFocus withinPortal>
      <Popover.Target>
        <UnstyledButton onClick={toggle} aria-label={label(unread)} aria-haspopup="dialog" aria-expanded={opened} className="gh-notification-bell" data-testid="notification-bell">
          <Group gap={4} wrap="nowrap">
            <BellIcon />
            {unread > 0 && (
              <Badge size="sm" color="red" variant="filled" circle={unread < 10} aria-hidden="true">
                {unread > 99 ? "99+" : unread}
              </Badge>
            )}
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown aria-label="Notifications" p="sm">
        <Group justify="space-between" mb="xs">
          <Text fw={700} size="sm" component="h2" m={0}>
            Notifications
          </Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
            Mark all read
          </Button>
        </Group>
        {query.error && <ProblemAlert error={query.error} />}
        {!query.isPending && items.length === 0 && (
          <Text size="sm" c="dimmed">
            No notifications yet.
          </Text>
        )}
        <ScrollArea.Autosize mah={400}>
          <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }} aria-label="Notifications, newest first">
            {items.map((n) => (
              <li key={n.id}>
                <Anchor
                  component={Link}
                  to={n.path}
                  underline="never"
                  c="inherit"
                  display="block"
                  p={6}
                  className="gh-notification-item"
                  onClick={() => {
                    if (!n.readAt) markRead.mutate(n.id);
                    close();
                  }}
                >
                  <Text size="sm" fw={n.readAt ? 400 : 700}>
                    {!n.readAt && <span className="gh-visually-hidden">Unread: </span>}
                    {n.headline}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Case #{n.case.number} · {n.case.subject} · <time dateTime={n.createdAt}>{formatDate(n.createdAt)}</time>
                  </Text>
                </Anchor>
              </li>
            ))}
          </Stack>
          {query.hasNextPage && (
            <Button size="compact-xs" variant="subtle" mt="xs" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              Show older
            </Button>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
