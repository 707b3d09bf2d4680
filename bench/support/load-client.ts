/**
 * The HTTP load generator, run in its own process so it does not share the server's event loop:
 *   node --import tsx bench/support/load-client.ts '<json LoadSpec>'
 * Prints one JSON line: requests per second, latency percentiles, errors, timeouts, non-2xx.
 */
import autocannon from "autocannon";

export type LoadSpec = {
  url: string;
  /** paths requested in turn, so each request reads a different record */
  paths: string[];
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
};
export type LoadResult = { rps: number; p50: number; p99: number; errors: number; timeouts: number; non2xx: number; requests: number };

const spec = JSON.parse(process.argv[2]!) as LoadSpec;
let next = 0;
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  timeout: 10,
  method: spec.method ?? "GET",
  headers: spec.headers,
  body: spec.body,
  requests: [{ setupRequest: (req) => ({ ...req, path: spec.paths[next++ % spec.paths.length]! }) }],
});
const out: LoadResult = {
  rps: result.requests.total / spec.seconds,
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  requests: result.requests.total,
};
console.log(JSON.stringify(out));
