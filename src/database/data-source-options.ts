import type { DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** The one TypeORM configuration, used by the app, the CLI scripts and the tests. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install at connect time.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false, // run by runMigrations() under an advisory lock
    logging: false,
    poolSize,
    extra: {
      // Fail fast (→ 503) instead of hanging when the server is unreachable.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 10_000,
      application_name: 'mend',
    },
  };
}
