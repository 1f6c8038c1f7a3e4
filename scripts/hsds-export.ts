import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { HsdsModule } from '../src/hsds/hsds.module.js';
import { exportHsds } from '../src/hsds/hsds-export.js';
import { DirectoryFeedService } from '../src/resources/directory-feed.service.js';
import { withApplicationContext } from './with-database.js';

/**
 * `npm run hsds:export -- --out <dir>`: the directory of the configured database (DATABASE_URL,
 * or the embedded one) as HSDS 3.0 JSON: <dir>/services.json and <dir>/organizations.json.
 */
const { values } = parseArgs({ options: { out: { type: 'string' }, 'include-demo': { type: 'boolean', default: false } } });
if (!values.out) {
  console.error('Usage: npm run hsds:export -- --out <dir> [--include-demo]  (fictional demo listings are left out unless asked)');
  process.exit(2);
}
const outDir = resolve(values.out);
await withApplicationContext(HsdsModule, async (app) => {
  const result = await exportHsds(app.get(DirectoryFeedService), outDir, undefined, 500, { includeDemo: values['include-demo'] === true });
  console.log(`Wrote ${result.services} services and ${result.organizations} organizations (HSDS 3.0):`);
  for (const file of result.files) console.log(`  ${file}`);
});
