import type { MigrationInterface, QueryRunner } from 'typeorm';

/** PostgreSQL extensions the directory relies on: trigram search, and cube + earthdistance for radius queries. */
export class Extensions1764086400000 implements MigrationInterface {
  name = 'Extensions1764086400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE EXTENSION IF NOT EXISTS cube');
    await q.query('CREATE EXTENSION IF NOT EXISTS earthdistance');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP EXTENSION IF EXISTS earthdistance');
    await q.query('DROP EXTENSION IF EXISTS cube');
    await q.query('DROP EXTENSION IF EXISTS pg_trgm');
  }
}
