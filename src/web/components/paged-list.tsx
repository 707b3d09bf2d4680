import { Button, Group, Table, Text, UnstyledButton } from "@mantine/core";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useSearchParams } from "react-router-dom";
import { api } from "../api.js";

/** One page of a list as every paged route answers it (src/platform/http/paging.ts). */
export type Page<T> = { items: T[]; total: number; nextCursor: string | null };

/**
 * A list's sort and filters, kept in the page's URL (so a link, a reload or Back shows the same
 * list). `defaults` names every parameter the list knows; a value equal to its default is left
 * out of the URL.
 */
export function useListParams<K extends string>(defaults: Record<K, string>) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(Object.entries(defaults).map(([k, d]) => [k, params.get(k) ?? d])) as Record<K, string>;
  const set = (changes: Partial<Record<K, string>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [k, v] of Object.entries(changes) as [K, string][]) {
          if (v === defaults[k] || v === "") next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  return { values, set };
}

/**
 * The pages of `url` loaded so far (the query string carries sort and filters), with "Load more"
 * following `nextCursor`. `key` must change whenever the query string does. A route whose page
 * carries more than the list (the outbox's counts) names its page type as `P`; `first` is that page.
 */
export function usePagedList<T, P extends Page<T> = Page<T>>(key: readonly unknown[], url: string, options: { enabled?: boolean } = {}) {
  const query = useInfiniteQuery({
    queryKey: [...key, url],
    queryFn: ({ pageParam }) => api.get<P>(pageParam ? `${url}${url.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(pageParam)}` : url),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
  const items: T[] = query.data?.pages.flatMap((p) => p.items) ?? [];
  const first: P | undefined = query.data?.pages[0];
  return { query, items, total: first?.total ?? 0, first };
}

/** "136 groups" and, under the table, "Showing 100 of 136" with Load more while more follow. */
export function ListTotal({ total, noun }: { total: number; noun: [string, string] }) {
  return (
    <Text size="sm" fw={600} data-testid="list-total" role="status">
      {total} {total === 1 ? noun[0] : noun[1]}
    </Text>
  );
}

type Pages = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): Promise<unknown> };

export function LoadMore({ query, shown, total }: { query: Pages; shown: number; total: number }) {
  if (total === 0) return null;
  return (
    <Group mt="sm" gap="md">
      <Text size="sm" data-testid="list-shown">
        Showing {shown} of {total}
      </Text>
      {query.hasNextPage && (
        <Button variant="default" size="xs" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          Load more
        </Button>
      )}
    </Group>
  );
}

/**
 * A column header that sorts the list: a button inside the header cell, the cell carrying
 * aria-sort for the column the list is sorted by. A second click reverses the order.
 */
export function SortableTh({ column, sort, order, onSort, children, w }: { column: string; sort: string; order: string; onSort(sort: string, order: "asc" | "desc"): void; children: ReactNode; w?: number }) {
  const active = sort === column;
  const ariaSort = active ? (order === "asc" ? "ascending" : "descending") : "none";
  return (
    <Table.Th w={w} aria-sort={ariaSort}>
      <UnstyledButton fw={700} fz="sm" onClick={() => onSort(column, active && order === "asc" ? "desc" : "asc")}>
        {children}
        <span aria-hidden="true">{active ? (order === "asc" ? " ▲" : " ▼") : " ↕"}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The query string for a paged route from the list's parameters, leaving out empty ones. */
export function listQuery(values: Record<string, string>, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...values, ...extra })) if (v !== "") p.set(k, v);
  return p.toString();
}
