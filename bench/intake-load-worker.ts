import autocannon from 'autocannon';

import type { LoadResult, PathStats } from './load-worker.js';

/**
 * The load generator of bench/intake.ts, forked as a child process so it does not share the
 * app's event loop: autocannon POSTs the mix, records every response's latency and status by
 * body name. Same contract as bench/load-worker.ts, which only sends GETs. It imports autocannon
 * alone: a worker forked while dist/ is being rebuilt (other sessions build the same tree)
 * cannot fail on a half-written app module.
 */

export interface IntakeLoadRequest {
  baseUrl: string;
  headers: Record<string, string>;
  bodies: { name: string; body: string }[];
  connections: number;
  durationSeconds: number;
  timeoutSeconds: number;
}

export interface IntakeLoadResult extends LoadResult {
  /** CPU the load generator itself used, ms. */
  cpuMs: number;
}

function runLoadWorker(request: IntakeLoadRequest): void {
  const byName = new Map<string, PathStats>(request.bodies.map((b) => [b.name, { path: b.name, latenciesMs: [], statuses: {} }]));
  const cpuStart = process.cpuUsage();
  // One autocannon instance per connection, each with the mix rotated by its index: a single instance
  // starts every connection at the first body, so with slow responses the last bodies would barely run.
  const runs = Array.from({ length: request.connections }, (_, c) => {
    const rotated = request.bodies.map((_, i) => request.bodies[(i + c) % request.bodies.length]);
    return new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: request.baseUrl,
          connections: 1,
          duration: request.durationSeconds,
          pipelining: 1,
          timeout: request.timeoutSeconds,
          requests: rotated.map((b) => ({
            method: 'POST' as const,
            path: '/v1/intakes',
            headers: { ...request.headers, 'content-type': 'application/json' },
            body: b.body,
            benchName: b.name,
          })),
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        // With pipelining 1 the iterator's current request is the one just answered.
        const name = (client as { requestIterator: { currentRequest: { benchName: string } } }).requestIterator.currentRequest.benchName;
        const stats = byName.get(name);
        if (!stats) return;
        stats.statuses[statusCode] = (stats.statuses[statusCode] ?? 0) + 1;
        if (statusCode >= 200 && statusCode < 300) stats.latenciesMs.push(responseTime);
      });
    });
  });
  Promise.all(runs).then(
    (results) => {
      const cpu = process.cpuUsage(cpuStart);
      const sum = (f: (r: autocannon.Result) => number) => results.reduce((n, r) => n + f(r), 0);
      const p50s = results.map((r) => r.latency.p50).sort((a, b) => a - b);
      const out: IntakeLoadResult = {
        durationSeconds: Math.max(...results.map((r) => r.duration)),
        ok: sum((r) => r['2xx']),
        non2xx: sum((r) => r.non2xx),
        errors: sum((r) => r.errors),
        timeouts: sum((r) => r.timeouts),
        // Cross-check only: summed throughput; median of the per-connection p50s, worst per-connection p99.
        autocannon: {
          rpsAverage: sum((r) => r.requests.average),
          p50: p50s[Math.floor((p50s.length - 1) / 2)],
          p99: Math.max(...results.map((r) => r.latency.p99)),
        },
        byPath: [...byName.values()],
        cpuMs: (cpu.user + cpu.system) / 1000,
      };
      process.send!(out, () => process.exit(0));
    },
    (error: unknown) => process.send!({ error: String(error) }, () => process.exit(1)),
  );
}

runLoadWorker(JSON.parse(process.argv[2]) as IntakeLoadRequest);
