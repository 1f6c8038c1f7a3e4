import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import type { RunResult } from './explain-failure.js';
import type { SystemIds } from './run-as.js';
import { EmbeddedStartError } from './start-error.js';

/*
 * The `postgres` server process: started and awaited until it accepts connections, or found
 * (postmaster.pid) still running from an earlier or another Mend process.
 */

const START_DEADLINE_MS = 120_000;

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
}

function parentPid(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** The command line of a process, shortened, for messages. */
export function commandLine(pid: number | undefined): string {
  if (!pid) return 'unknown';
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 120) || 'unknown';
  } catch {
    return 'unknown';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** Line 1 of postmaster.pid is the pid, line 4 the port. */
function readPostmasterPid(dataDir: string): { pid: number; port?: number } | undefined {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const port = Number(lines[3]);
  return { pid: Number(lines[0]), port: Number.isInteger(port) && port > 0 ? port : undefined };
}

/** A postmaster another live Mend process runs on the data directory. */
export interface RunningPostmaster {
  pid: number;
  parent?: number;
  port?: number;
}

/**
 * A postmaster left by a process that died without stopping it (`kill -9`, a crash) would make
 * the next start fail. Read postmaster.pid: a dead pid is a stale file we remove; a live
 * postmaster whose parent is gone (re-parented to init) is an orphan we shut down; a live one
 * with a live parent belongs to another running Mend: returned, for the caller to attach to
 * or to refuse.
 */
export async function recoverStalePostmaster(dataDir: string, log: (msg: string) => void): Promise<RunningPostmaster | undefined> {
  const found = readPostmasterPid(dataDir);
  if (!found) return undefined;
  const { pid, port } = found;
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    log(`Removing stale ${join(dataDir, 'postmaster.pid')} left by an earlier run that did not shut down cleanly.`);
    rmSync(join(dataDir, 'postmaster.pid'), { force: true });
    return undefined;
  }
  const ppid = parentPid(pid);
  const orphaned = ppid === 1 || (ppid !== undefined && !isAlive(ppid));
  if (!orphaned) return { pid, parent: ppid, port };
  log(`Stopping orphaned embedded PostgreSQL (pid ${pid}) left by an earlier run that was killed.`);
  process.kill(pid, 'SIGINT'); // fast shutdown: ends sessions, writes a checkpoint
  if (!(await waitForExit(pid, 30_000))) {
    throw new EmbeddedStartError(
      `An orphaned embedded PostgreSQL (pid ${pid}) from an earlier run holds ${dataDir} and did not stop within 30 s. ` +
        `Fix: stop it with \`kill ${pid}\` (or \`kill -9 ${pid}\` if it does not exit), then start again.`,
    );
  }
  return undefined;
}

export interface Started {
  child: ChildProcess;
  port: number;
}

export const portInUse = (output: string) => /could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(output);

/** Starts `postgres` and resolves when it accepts connections; resolves with its output when it exits first. */
export function startPostmaster(
  binary: string,
  dataDir: string,
  port: number,
  flags: string[],
  ids: Partial<SystemIds>,
): Promise<Started | RunResult> {
  return new Promise((done) => {
    let output = '';
    let settled = false;
    const finish = (value: Started | RunResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done(value);
    };
    let child: ChildProcess;
    try {
      child = spawn(binary, ['-D', dataDir, '-p', String(port), ...flags], { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      finish({ output, code: null, spawnError: error as NodeJS.ErrnoException });
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      finish({ output: `${output}\nno "ready to accept connections" within ${START_DEADLINE_MS / 1000} s`, code: null });
    }, START_DEADLINE_MS);
    // Read stderr for the server's whole life (a full pipe would block it), keeping only the start-up part.
    child.stderr?.on('data', (c: Buffer) => {
      if (settled) return;
      output += c.toString('utf8');
      if (output.includes('database system is ready to accept connections')) finish({ child, port });
    });
    child.on('error', (error: NodeJS.ErrnoException) => finish({ output, code: null, spawnError: error }));
    child.on('close', (code) => finish({ output, code }));
  });
}
