// No heavy imports here: load workers (which skip the app's modules) parse the same options.

/** The command-line options every benchmark takes (parseArgs form); each adds its own. */
export const COMMON_BENCH_OPTIONS = {
  count: { type: 'string', default: '100000' },
  duration: { type: 'string', default: '15' },
  warmup: { type: 'string', default: '3' },
  connections: { type: 'string', default: '10' },
  timeout: { type: 'string', default: '30' },
  'batch-size': { type: 'string', default: '5000' },
  explain: { type: 'boolean', default: false },
  'explain-only': { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  /** A database an earlier `--keep` run left (mend_bench_…): measured as it is, neither loaded nor dropped. */
  reuse: { type: 'string' },
} as const;

/** Numeric options, checked: each must be a non-negative number. */
export function numericOptions<K extends string>(values: Record<K, string | undefined>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const [name, raw] of Object.entries(values) as [K, string | undefined][]) {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
    out[name] = value;
  }
  return out;
}
