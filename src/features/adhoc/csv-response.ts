import { Readable } from "node:stream";
import type { FastifyReply } from "fastify";

/**
 * Pulls the first chunk before answering, so a refused definition still becomes a proper
 * problem+json error; after that the rows stream, pulled as the client reads them.
 */
export async function startStream(chunks: AsyncGenerator<string>): Promise<Readable> {
  const first = await chunks.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* chunks;
  }
  return Readable.from(all(), { objectMode: false, highWaterMark: 64 * 1024 });
}

export function sendCsv(reply: FastifyReply, filename: string, stream: Readable) {
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .header("cache-control", "no-store")
    .send(stream);
}
