import { expect } from "vitest";
import type { Client } from "./test-app.js";

export type Page<T> = { items: T[]; total: number; nextCursor: string | null };

/** Follows a paged route's Link header from the first page to the last, collecting every item. */
export async function walkPages<T>(client: Client, first: string): Promise<{ items: T[]; pages: number; totals: number[] }> {
  const items: T[] = [];
  const totals: number[] = [];
  let url: string | null = first;
  let pages = 0;
  while (url) {
    const res = await client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as Page<T>;
    items.push(...page.items);
    totals.push(page.total);
    pages++;
    const link = res.headers.link as string | undefined;
    expect(Boolean(link), "a Link header exactly when a next page exists").toBe(page.nextCursor !== null);
    url = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1]! : null;
  }
  return { items, pages, totals };
}
