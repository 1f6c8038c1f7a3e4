import type { DataSource } from 'typeorm';

// Arbitrary constant shared by every Mend instance: only one runs migrations at a time.
const MIGRATION_LOCK_KEY = 744_201_001;

/** Runs pending migrations while holding a session advisory lock, so concurrent starts are safe. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
