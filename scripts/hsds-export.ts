import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HsdsRepository } from '../src/hsds/hsds.repository.js';
import { exportHsds } from '../src/hsds/hsds-export.js';
import { withDatabase } from './with-database.js';

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
await withDatabase(async (dataSource) => {
  const result = await exportHsds(new HsdsRepository(dataSource), outDir, undefined, 500, { includeDemo: values['include-demo'] === true });
  console.log(`Wrote ${result.services} services and ${result.organizations} organizations (HSDS 3.0):`);
  for (const file of result.files) console.log(`  ${file}`);
});
