import Fastify from 'fastify';

import { findFreePort } from '../src/database/embedded-postgres.js';

/**
 * The HTTP ceiling of bench:search and bench:intake: bare Fastify answering each request of the
 * mix with the exact status, content type and body the app gave for it, recorded once and kept in
 * memory. It does no work per request but the lookup, so its throughput is what no engine behind
 * this HTTP stack can beat on this machine. It runs in the benchmark's process, as the app does.
 */
export interface RecordedResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/** GETs are looked up by URL, POSTs by URL and raw body (intake bodies differ, the URL does not). */
export const ceilingKey = (method: string, url: string, body?: string) => (method === 'GET' ? url : `${method} ${url}\n${body ?? ''}`);

/** Fetches each request once from the app and records its answer; anything but 2xx is refused. */
export async function recordResponses(
  baseUrl: string,
  requests: { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> }[],
): Promise<Map<string, RecordedResponse>> {
  const recorded = new Map<string, RecordedResponse>();
  for (const r of requests) {
    const res = await fetch(baseUrl + r.path, {
      method: r.method,
      headers: { ...r.headers, ...(r.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: r.body,
    });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status < 200 || res.status >= 300) throw new Error(`ceiling: ${r.method} ${r.path} answered ${res.status}, not 2xx`);
    recorded.set(ceilingKey(r.method, r.path, r.body), {
      status: res.status,
      contentType: res.headers.get('content-type') ?? 'application/json',
      body,
    });
  }
  return recorded;
}

export async function startCeiling(recorded: Map<string, RecordedResponse>): Promise<{ close: () => Promise<void>; port: number }> {
  const app = Fastify({ logger: false });
  // Bodies are kept as strings: they are only a lookup key here, never parsed.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.route({
    method: ['GET', 'POST'],
    url: '/*',
    handler: async (request, reply) => {
      const hit = recorded.get(ceilingKey(request.method, request.url, request.body as string | undefined));
      if (!hit) return reply.code(404).send({ error: 'not in the mix' });
      return reply.code(hit.status).header('content-type', hit.contentType).send(hit.body);
    },
  });
  const port = await findFreePort();
  await app.listen({ port, host: '127.0.0.1' });
  return { close: () => app.close(), port };
}
