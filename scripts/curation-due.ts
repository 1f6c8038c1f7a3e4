import { Clock } from '../src/common/clock.js';
import { formatDueListings } from '../src/resources/curation/due-listings.js';
import { ResourcesModule } from '../src/resources/resources.module.js';
import { ResourcesService } from '../src/resources/resources.service.js';
import { parseCliArgs } from './cli-args.js';
import { withApplicationContext } from './with-database.js';

/**
 * `npm run curation:due [-- --csv]`: the real, active listings of the configured database whose
 * details are due for re-verification or stale under the freshness policy (VERIFICATION_* and
 * SAFETY_LINE_* settings), the longest unchecked first, as a table or as CSV on stdout.
 */
const USAGE = `Usage: npm run curation:due [-- --csv]

Lists the real, active listings whose details are due for re-verification or stale, the longest unchecked first.

  --csv   CSV on stdout instead of a table.`;
const { values } = parseCliArgs({ options: { csv: { type: 'boolean', default: false } } }, USAGE);
await withApplicationContext(ResourcesModule, async (app) => {
  const resources = app.get(ResourcesService);
  const now = app.get(Clock).now();
  const due = await resources.listDueForVerification(resources.verificationCutoffs(now));
  process.stdout.write(formatDueListings(due, values.csv ? 'csv' : 'table', now));
});
