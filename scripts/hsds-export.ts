import { resolve } from 'node:path';

import { HsdsModule } from '../src/hsds/hsds.module.js';
import { exportHsds } from '../src/hsds/hsds-export.js';
import { DirectoryFeedService } from '../src/resources/directory-feed.service.js';
import { parseCliArgs, usageError } from './cli-args.js';
import { withApplicationContext } from './with-database.js';

/**
 * `npm run hsds:export -- --out <dir>`: the directory of the configured database (DATABASE_URL,
 * or the embedded one) as HSDS 3.0 JSON: <dir>/services.json and <dir>/organizations.json.
 */
const USAGE = `Usage: npm run hsds:export -- --out <dir> [--include-demo]

Writes the directory as HSDS 3.0 JSON: <dir>/services.json and <dir>/organizations.json.

  --include-demo   Include the fictional demo listings (left out unless asked).`;
const { values } = parseCliArgs({ options: { out: { type: 'string' }, 'include-demo': { type: 'boolean', default: false } } }, USAGE);
if (!values.out) usageError('--out is required.', USAGE);
const outDir = resolve(values.out);
await withApplicationContext(HsdsModule, async (app) => {
  const result = await exportHsds(app.get(DirectoryFeedService), outDir, undefined, 500, { includeDemo: values['include-demo'] === true });
  console.log(`Wrote ${result.services} services and ${result.organizations} organizations (HSDS 3.0):`);
  for (const file of result.files) console.log(`  ${file}`);
});
