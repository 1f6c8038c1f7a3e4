import { readFileSync, writeFileSync } from 'node:fs';

import { withDatabase } from './with-database.js';

/**
 * `npm run migration:generate -- name`: compares the entities with the migrated schema
 * and writes the difference as a new migration in migrations/, registered in migrations/index.ts.
 */
const rawName = process.argv[2];
if (!rawName || !/^[a-z][a-z0-9-]*$/i.test(rawName)) {
  console.error('Usage: npm run migration:generate -- <name> (letters, digits, dashes)');
  process.exit(2);
}
const className = rawName.replace(/(^|-)([a-z])/gi, (_m, _d, c: string) => c.toUpperCase());
const timestamp = Date.now();

await withDatabase(async (dataSource) => {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('No changes: the entities match the migrated schema.');
    return;
  }
  const quote = (q: string) => '`' + q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const up = sql.upQueries.map((q) => `    await q.query(${quote(q.query)});`).join('\n');
  const down = sql.downQueries
    .reverse()
    .map((q) => `    await q.query(${quote(q.query)});`)
    .join('\n');
  const file = `migrations/${timestamp}-${rawName}.ts`;
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
      `export class ${className}${timestamp} implements MigrationInterface {\n  name = '${className}${timestamp}';\n\n` +
      `  async up(q: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
  );
  // Register it: an import after the last import line, and an entry at the end of the array.
  const index = readFileSync('migrations/index.ts', 'utf8')
    .replace(/(^import [^\n]+\n)(?!import )/m, `$1import { ${className}${timestamp} } from './${timestamp}-${rawName}.js';\n`)
    .replace(/,?\s*\];\s*$/, `,\n  ${className}${timestamp},\n];\n`);
  writeFileSync('migrations/index.ts', index);
  console.log(`Wrote ${file} (${sql.upQueries.length} statements) and registered it in migrations/index.ts`);
});
