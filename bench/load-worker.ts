import autocannon from 'autocannon';

/**
 * Runs one autocannon load in a child process (forked by bench/search.ts), so the load
 * generator does not share the event loop of the server under test. Records
 * every response's latency and status by request path, for exact percentiles per query.
 */
export interface LoadRequest {
  baseUrl: string;
  paths: string[];
  connections: number;
  durationSeconds: number;
  /** A response slower than this counts as a timeout (and fails the run). */
  timeoutSeconds: number;
}

export interface PathStats {
  path: string;
  latenciesMs: number[];
  statuses: Record<string, number>;
}

export interface LoadResult {
  durationSeconds: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** autocannon's own figures (2xx only), to cross-check ours. */
  autocannon: { rpsAverage: number; p50: number; p99: number };
  byPath: PathStats[];
}

const { baseUrl, paths, connections, durationSeconds, timeoutSeconds } = JSON.parse(process.argv[2]) as LoadRequest;
const byPath = new Map<string, PathStats>(paths.map((path) => [path, { path, latenciesMs: [], statuses: {} }]));

const instance = autocannon(
  {
    url: baseUrl,
    connections,
    duration: durationSeconds,
    pipelining: 1,
    timeout: timeoutSeconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  },
  (error, result) => {
    if (error) {
      process.send!({ error: String(error) }, () => process.exit(1));
      return;
    }
    const out: LoadResult = {
      durationSeconds: result.duration,
      ok: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      autocannon: { rpsAverage: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 },
      byPath: [...byPath.values()],
    };
    process.send!(out, () => process.exit(0));
  },
);

instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
  // With pipelining 1 the iterator's current request is the one just answered.
  const path = (client as { requestIterator: { currentRequest: { path: string } } }).requestIterator.currentRequest.path;
  const stats = byPath.get(path);
  if (!stats) return;
  stats.statuses[statusCode] = (stats.statuses[statusCode] ?? 0) + 1;
  if (statusCode >= 200 && statusCode < 300) stats.latenciesMs.push(responseTime);
});
