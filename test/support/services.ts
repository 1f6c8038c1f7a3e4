import { appendFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, it } from '@jest/globals';

/**
 * Suites that need a service this machine may not have (Redis, Chromium). When it is there they
 * run; when it is not they are skipped with the reason, printed at once and again in the run's
 * summary (global teardown); under CI=true a missing service fails the run instead.
 */
export type Availability = { available: true } | { available: false; reason: string };

/** The file global teardown reads to list this run's skipped suites. */
export const skipLogFile = (runId = process.env.MEND_TEST_RUN_ID ?? 'none') => join(tmpdir(), `mend-test-skips-${runId}.log`);

/** Whether something accepts TCP connections at the URL's host and port (2 s deadline). */
export function reachable(url: string): Promise<Availability> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 6379) });
    const done = (result: Availability) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(2000, () => done({ available: false, reason: `nothing answered at ${hostname}:${port} within 2 s` }));
    socket.once('connect', () => done({ available: true }));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done({ available: false, reason: `${error.code ?? error.message} connecting to ${hostname}:${port}` }),
    );
  });
}

/** `describe` when the service is available; otherwise a visible skip, or a failure under CI=true. */
export function describeWithService(service: string, availability: Availability, name: string, fn: () => void): void {
  if (availability.available) {
    describe(name, fn);
    return;
  }
  const why = `${service} not available (${availability.reason})`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it(`needs ${service} (required when CI=true)`, () => {
        throw new Error(`${why}: CI must provide it.`);
      });
    });
    return;
  }
  console.warn(`SKIPPED "${name}": ${why}.`);
  appendFileSync(skipLogFile(), `${name}: ${why}\n`);
  describe.skip(`${name} [skipped: ${why}]`, fn);
}
