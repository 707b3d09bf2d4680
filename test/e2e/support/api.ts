import { expect, type APIResponse, type Page } from "@playwright/test";

/**
 * Calls the API as the user signed in on this page (cookie + CSRF token), for setting up data a
 * test needs without clicking through screens. Fails the test on an error status unless
 * `expectStatus` says which one is expected.
 */
export async function callApi<T = unknown>(
  page: Page,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  data?: unknown,
  expectStatus?: number,
): Promise<T> {
  const request = page.context().request;
  const me = await request.get("/api/auth/me");
  expect(me.status(), "callApi needs a signed-in page (use signInAs first)").toBe(200);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response: APIResponse = await request.fetch(url, { method, data, headers: { "x-csrf-token": csrfToken } });
  const text = await response.text();
  if (expectStatus !== undefined) expect(response.status(), `${method} ${url}: ${text}`).toBe(expectStatus);
  else expect(response.ok(), `${method} ${url} answered ${response.status()}: ${text}`).toBe(true);
  return (text ? JSON.parse(text) : undefined) as T;
}
