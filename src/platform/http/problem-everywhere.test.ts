/**
 * Every error the server sends is application/problem+json with a code, a sentence and the
 * request id: the router's, the body parser's and the HTTP parser's too, not only the API's own.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers["content-type"])).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(res.body)).toMatchObject({ status, code, detail: expect.any(String), requestId: expect.any(String) });
}

describe("problem+json for every error", () => {
  it("404 for a route that does not exist", async () => {
    expectProblem(await t.app.inject({ method: "GET", url: "/api/no-such-thing" }), 404, "not-found");
  });

  it("405 with Allow for a route that exists with other methods", async () => {
    const res = await t.app.inject({ method: "DELETE", url: "/api/auth/sign-in" });
    expectProblem(res, 405, "method-not-allowed");
    expect(res.headers.allow).toBe("POST");
    const params = await t.app.inject({ method: "POST", url: "/api/groups/7b0e7f8e-0000-4000-8000-000000000000/deletion-preview" });
    expectProblem(params, 405, "method-not-allowed");
    expect(params.headers.allow).toBe("GET, HEAD");
  });

  it("413 for a body over the limit", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", headers: { "content-type": "application/json" }, payload: `{"username":"${"x".repeat(13 * 1024 * 1024)}"}` });
    expectProblem(res, 413, "body-too-large");
  });

  it("415 for a body of a type the API does not read", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", headers: { "content-type": "application/xml" }, payload: "<x/>" });
    expectProblem(res, 415, "unsupported-media-type");
  });

  it("400 for a body that is not JSON", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", headers: { "content-type": "application/json" }, payload: "{nope" });
    expectProblem(res, 400, "invalid-json");
  });

  it("414 for a path parameter over 100 characters", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/public/districts/${"a".repeat(150)}` });
    expectProblem(res, 414, "path-too-long");
  });

  it("400 for a path that is not a valid URL component", async () => {
    expectProblem(await t.app.inject({ method: "GET", url: "/api/public/districts/%E0%A4%A" }), 400, "bad-url");
  });

  it("431 for headers over the limit, from the HTTP parser itself", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.app.server.address() as net.AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
      });
      let data = "";
      socket.on("data", (chunk) => (data += chunk.toString()));
      socket.on("close", () => resolve(data));
      socket.on("error", reject);
      socket.setTimeout(5000, () => socket.destroy(new Error("no answer")));
    });
    const [head, body] = raw.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 431/);
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(body!)).toMatchObject({ status: 431, code: "headers-too-large", requestId: expect.any(String) });
  });
});
