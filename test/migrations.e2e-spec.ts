import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { MIGRATIONS } from '../migrations/index.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { runMigrations } from '../src/database/migrate.js';
import { databaseUrl } from './support/test-database.js';

/**
 * Migrations on an empty scratch database (not the seeded template): every down() undoes its
 * up() so that the whole chain can go down to nothing and up again to the same schema, and the
 * entities agree with the migrated schema (TypeORM's schema diff is empty).
 */
const server = () => process.env.MEND_TEST_SERVER_URL!;
const name = `mend_t_${process.env.MEND_TEST_RUN_ID}_mig${randomBytes(3).toString('hex')}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Tables, columns, indexes and constraints of the public schema, as PostgreSQL describes them. */
async function schemaOf(db: DataSource): Promise<unknown> {
  const columns = await db.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY table_name, column_name`,
  );
  const indexes = await db.query(
    `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY indexname`,
  );
  const constraints = await db.query(
    `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'migrations' ORDER BY conname`,
  );
  return { columns, indexes, constraints };
}

/**
 * Foreign keys the migrations create but the entities do not model as relations (`resource` has
 * no entity; intake and referral keep plain id columns), so TypeORM's diff would drop them. Tables
 * without an entity (the directory, webhook_outbox, idempotency_record, …) are outside the diff. Only
 * these exact statements are tolerated; any other difference (a column, a type, a default, an
 * index, another constraint) fails. Their presence is checked by the schema comparison below.
 */
const UNMODELLED_FOREIGN_KEYS = [
  'ALTER TABLE "intake" DROP CONSTRAINT "intake_partner_fk"',
  'ALTER TABLE "referral" DROP CONSTRAINT "referral_partner_fk"',
  'ALTER TABLE "referral" DROP CONSTRAINT "referral_resource_fk"',
  'ALTER TABLE "referral" DROP CONSTRAINT "referral_intake_fk"',
  'ALTER TABLE "referral_event" DROP CONSTRAINT "referral_event_referral_fk"',
  'ALTER TABLE "api_key" DROP CONSTRAINT "api_key_resource_fk"',
];
const entityDrift = async (db: DataSource) =>
  (await db.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query).filter((q) => !UNMODELLED_FOREIGN_KEYS.includes(q));

const userTables = async (db: DataSource) =>
  (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`)).map(
    (r: { tablename: string }) => r.tablename,
  );

describe('migrations', () => {
  let db: DataSource;
  beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}"`);
    db = await new DataSource(dataSourceOptions(databaseUrl(server(), name), 2)).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('go up on an empty database, and the entities agree with the result (no schema diff beyond the unmodelled foreign keys)', async () => {
    expect(await runMigrations(db)).toHaveLength(MIGRATIONS.length);
    expect(await entityDrift(db)).toEqual([]);
    const fks = await db.query(`SELECT conname FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`);
    const names = fks.map((r: { conname: string }) => r.conname);
    for (const statement of UNMODELLED_FOREIGN_KEYS) expect(names).toContain(/"([a-z_]+_fk)"$/.exec(statement)![1]);
  });

  it('go all the way down with down(), leaving no table, then up again to the same schema', async () => {
    if ((await userTables(db)).length === 0) await runMigrations(db); // independent of the test above
    const before = await schemaOf(db);
    expect((await userTables(db)).length).toBeGreaterThan(0);
    for (let i = 0; i < MIGRATIONS.length; i++) await db.undoLastMigration({ transaction: 'each' });
    expect(await userTables(db)).toEqual([]);
    expect((await db.query('SELECT count(*)::int AS n FROM migrations'))[0].n).toBe(0);
    expect(await runMigrations(db)).toHaveLength(MIGRATIONS.length);
    expect(await schemaOf(db)).toEqual(before);
    expect(await entityDrift(db)).toEqual([]);
  });

  it('accessibility: existing rows get the codes their contact channels and chat sessions state', async () => {
    if ((await userTables(db)).length === 0) await runMigrations(db);
    await undoThrough('Accessibility1796500000000');
    const [{ id: org }] = await db.query(`INSERT INTO organization (name) VALUES ('Migration test org') RETURNING id`);
    const rows: [string, string[], unknown[]][] = [
      [
        'line-tty',
        ['phone'],
        [
          { type: 'tty', value: '1-800-787-3224' },
          { type: 'text', value: '88788' },
        ],
      ],
      [
        'line-vp',
        ['video'],
        [
          { type: 'videophone', value: '1-855-812-1001' },
          { type: 'relay', value: '711' },
        ],
      ],
      ['chat-sessions', ['chat'], []],
      ['plain', ['in_person'], [{ type: 'call', value: '555-0100' }]],
    ];
    for (const [slug, formats, channels] of rows)
      await db.query(
        `INSERT INTO resource (slug, organization_id, name, kind, formats, contact_channels) VALUES ($1, $2, $1, 'hotline', $3, $4)`,
        [slug, org, formats, JSON.stringify(channels)],
      );
    await runMigrations(db);
    const stored = await db.query(`SELECT slug, accessibility FROM resource ORDER BY slug`);
    expect(Object.fromEntries(stored.map((r: { slug: string; accessibility: string[] }) => [r.slug, r.accessibility]))).toEqual({
      'chat-sessions': ['text_based'],
      'line-tty': ['tty', 'text_based'],
      'line-vp': ['videophone', 'relay'],
      plain: [],
    });
  });

  it('freshness: who verified is backfilled (HSDS imports by their slug, the rest curated), and no line starts suspended', async () => {
    if ((await userTables(db)).length === 0) await runMigrations(db);
    await undoThrough('FreshnessAndReports1796600000000');
    const [{ id: org }] = await db.query(`INSERT INTO organization (name) VALUES ('Freshness migration org') RETURNING id`);
    for (const [slug, verified] of [
      ['hsds-4f2a', '2026-10-01T00:00:00Z'],
      ['curated-listing', '2026-11-25T00:00:00Z'],
      ['never-verified', null],
    ] as const)
      await db.query(`INSERT INTO resource (slug, organization_id, name, kind, last_verified_at) VALUES ($1, $2, $1, 'practice', $3)`, [
        slug,
        org,
        verified,
      ]);
    await runMigrations(db);
    const stored = await db.query(
      `SELECT slug, verified_by, safety_suspended FROM resource WHERE slug IN ('hsds-4f2a', 'curated-listing', 'never-verified') ORDER BY slug`,
    );
    expect(stored).toEqual([
      { slug: 'curated-listing', verified_by: 'curator', safety_suspended: false },
      { slug: 'hsds-4f2a', verified_by: 'import', safety_suspended: false },
      { slug: 'never-verified', verified_by: null, safety_suspended: false },
    ]);
  });

  /** Undoes the migrations from the last back to `name`, included. */
  async function undoThrough(name: string): Promise<void> {
    const index = MIGRATIONS.findIndex((m) => m.name === name);
    expect(index).toBeGreaterThanOrEqual(0);
    for (let k = MIGRATIONS.length; k > index; k--) await db.undoLastMigration({ transaction: 'each' });
  }
});
