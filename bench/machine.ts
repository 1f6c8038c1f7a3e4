import { availableParallelism, loadavg } from 'node:os';

/**
 * The machine the figures came from, measured when they are printed: the real core count and
 * the 1/5/15-minute load averages (another job on a shared machine shows up here, not in the figures).
 */
export function machine(): { cores: number; loadAverage: [number, number, number] } {
  const [one, five, fifteen] = loadavg().map((n) => Math.round(n * 100) / 100);
  return { cores: availableParallelism(), loadAverage: [one, five, fifteen] };
}

/** One line for people: "Machine: 2 cores, load average 1.02 0.88 0.75". */
export function machineLine(): string {
  const m = machine();
  return `Machine: ${m.cores} cores, load average ${m.loadAverage.join(' ')}`;
}
