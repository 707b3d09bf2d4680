import { Button } from "@mantine/core";

type Pages = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): Promise<unknown> };

/** "Show older entries" under a log that loads page by page (audit log, access log). */
export function OlderEntriesButton({ query }: { query: Pages }) {
  if (!query.hasNextPage) return null;
  return (
    <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} w="fit-content">
      Show older entries
    </Button>
  );
}
