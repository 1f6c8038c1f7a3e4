import { Presets, SingleBar } from 'cli-progress';

import { generateSyntheticResources, removeSyntheticResources } from '../seeds/synthetic.js';
import { parseCliArgs, usageError } from './cli-args.js';
import { withDatabase } from './with-database.js';

/**
 * `npm run seed:synthetic -- --count 100000 [--truncate] [--batch-size 5000] [--seed 42]`:
 * adds synthetic demo resources (slugs synthetic-<n>) to the configured database
 * (DATABASE_URL, or the embedded server), for load tests and benchmarks.
 */
const USAGE = `Usage: npm run seed:synthetic -- [--count 100000] [--truncate] [--batch-size 5000] [--seed 42]

Adds synthetic demo resources (slugs synthetic-<n>) to the configured database, for load tests and benchmarks.

  --count <n>        Resources to add (default 100000; 0 with --truncate only removes).
  --truncate         Remove the synthetic resources first.
  --batch-size <n>   Rows per INSERT (default 5000).
  --seed <n>         Generator seed, for the same rows again.`;
const { values } = parseCliArgs(
  {
    options: {
      count: { type: 'string', default: '100000' },
      truncate: { type: 'boolean', default: false },
      'batch-size': { type: 'string', default: '5000' },
      seed: { type: 'string' },
    },
  },
  USAGE,
);
const count = Number(values.count);
const batchSize = Number(values['batch-size']);
if (!Number.isInteger(count) || count < 0) usageError('--count must be a whole number.', USAGE);
if (!Number.isInteger(batchSize) || batchSize < 1) usageError('--batch-size must be a positive whole number.', USAGE);

await withDatabase(async (dataSource) => {
  if (values.truncate) {
    const started = performance.now();
    const removed = await removeSyntheticResources(dataSource);
    console.error(`Removed ${removed} synthetic resources in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }
  if (count === 0) return;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'synthetic |{bar}| {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(count, 0, { rate: 0 });
  const result = await generateSyntheticResources(dataSource, count, {
    batchSize,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    onProgress: (done) => bar.update(done, { rate: Math.round(done / ((performance.now() - started) / 1000)) }),
  });
  bar.stop();
  console.log(
    `Inserted ${result.inserted} synthetic resources (synthetic-${result.firstNumber}…synthetic-${result.lastNumber}), ` +
      `${result.organizations} organizations, ${result.locations} locations in ${result.seconds.toFixed(1)} s ` +
      `(${Math.round(result.inserted / result.seconds)} rows/s, including VACUUM ANALYZE).`,
  );
});
