import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import type pg from 'pg';

/* CPU accounting (Linux /proc): who used the machine's cores during a measured run. */

const CLK_TCK = (() => {
  try {
    return Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process, ms; undefined when it is not visible (e.g. a remote server). */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}

/** Busy and total CPU time of the whole machine, ms. */
function machineCpuMs(): { busy: number; total: number } {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = ticks.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = n[3] + n[4];
  return { busy: ((total - idle) * 1000) / CLK_TCK, total: (total * 1000) / CLK_TCK };
}

export interface CpuSnapshot {
  node: number;
  backends: Map<number, number>;
  machine: { busy: number; total: number };
}

/** CPU used so far by this process, by the database's backends and by the whole machine. */
export async function cpuSnapshot(admin: pg.Client, database: string): Promise<CpuSnapshot> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
    database,
  ]);
  const backends = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) backends.set(pid, ms);
  }
  const own = process.cpuUsage();
  return { node: (own.user + own.system) / 1000, backends, machine: machineCpuMs() };
}

export interface CpuSplit {
  /** ms of CPU per request */
  node: number;
  postgres: number;
  loadGenerator: number;
  other: number;
  /** share of the machine's cores busy during the run */
  machineBusy: number;
  postgresVisible: boolean;
}

/** Where the CPU of a run went, per request, from snapshots before and after it. */
export function cpuSplit(before: CpuSnapshot, after: CpuSnapshot, loadGeneratorMs: number, requests: number): CpuSplit {
  let postgres = 0;
  for (const [pid, ms] of after.backends) postgres += ms - (before.backends.get(pid) ?? 0);
  const node = after.node - before.node;
  const busy = after.machine.busy - before.machine.busy;
  const total = after.machine.total - before.machine.total;
  return {
    node: node / requests,
    postgres: postgres / requests,
    loadGenerator: loadGeneratorMs / requests,
    other: Math.max(0, busy - node - postgres - loadGeneratorMs) / requests,
    machineBusy: busy / total,
    postgresVisible: after.backends.size > 0,
  };
}
