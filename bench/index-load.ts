import { parseArgs } from 'node:util';

import { withDatabase } from '../scripts/with-database.js';
import { DirectoryChangeRepository } from '../src/resources/directory-index/directory-change.repository.js';
import { DEFAULT_LOAD_BATCH, IndexLoader } from '../src/resources/directory-index/index-loader.js';
import { machineLine } from './machine.js';

/**
 * `npm run build && DATABASE_URL=… node dist/bench/index-load.js [--batch-size 2000] [--changes 1000]`
 *
 * On the configured database (seed it first: `npm run seed:synthetic -- --count N`): how long the
 * directory index's full load takes (IndexLoader.loadAll, keyset batches in one snapshot), then
 * a catch-up of `--changes` changed resources and the safety-net poll query. Run by hand; reports
 * figures, asserts nothing. The rows are counted and dropped, as an index build would consume them.
 */
const { values } = parseArgs({
  options: { 'batch-size': { type: 'string', default: String(DEFAULT_LOAD_BATCH) }, changes: { type: 'string', default: '1000' } },
});
const batchSize = Number(values['batch-size']);
const changeCount = Number(values.changes);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);

await withDatabase(async (dataSource) => {
  const changes = new DirectoryChangeRepository(dataSource);
  const loader = new IndexLoader(dataSource, changes);
  console.log(machineLine());

  let rows = 0;
  let batches = 0;
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const position = await loader.loadAll(
    (batch) => {
      rows += batch.length;
      batches++;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    },
    { batchSize },
  );
  const loadSeconds = seconds(started);
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    `Full load: ${rows} resources in ${batches} batches of ${batchSize} in ${loadSeconds} s ` +
      `(${Math.round(rows / Number(loadSeconds))} rows/s, this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, peak RSS ${Math.round(peakRss / 2 ** 20)} MiB), position seq ${position.seq}`,
  );

  const sample = await dataSource.query<{ id: string }[]>(`SELECT id FROM resource ORDER BY random() LIMIT $1`, [changeCount]);
  const ids = sample.map((r) => r.id);
  await dataSource.query(`UPDATE resource SET updated_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  let polled = performance.now();
  const unapplied = await changes.hasUnapplied(position);
  console.log(`Poll (something unapplied: ${unapplied}): ${((performance.now() - polled) * 1000).toFixed(0)} µs… first call`);
  const caughtStarted = performance.now();
  const caught = await loader.loadChangesSince(position, Math.max(changeCount, 20_000));
  if (caught.rebuild) throw new Error(`unexpected rebuild: ${caught.reason}`);
  console.log(`Catch-up of ${caught.upserts.length} changed resources: ${seconds(caughtStarted)} s`);
  polled = performance.now();
  for (let i = 0; i < 100; i++) await changes.hasUnapplied(caught.position);
  console.log(`Poll with nothing unapplied: ${((performance.now() - polled) / 100).toFixed(2)} ms per call (mean of 100)`);
});
