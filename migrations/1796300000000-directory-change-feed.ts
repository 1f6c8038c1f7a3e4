import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 (freshness across instances): a change log of the directory, written by triggers, that
 * every instance's in-memory index follows (src/resources/directory-index/change-feed.ts).
 *
 * - One row per changed resource per statement: INSERT/UPDATE/DELETE on resource, on
 *   resource_location (its resource), and name or website changes of an organization (each of its
 *   resources). Statement-level triggers with transition tables: a 5,000-row batch insert is one
 *   trigger call and one NOTIFY, not 5,000. Measured with EXPLAIN ANALYZE on the synthetic seeder's
 *   batches (5,000 resources and their locations, at 100k–1M rows): the triggers take 1.6–2.3% of
 *   the inserts' time. A TRUNCATE logs one row with no resource (rebuild all).
 * - `xid` is the writing transaction (top level). Sequence numbers are handed out before commit,
 *   so transactions can commit out of seq order: a reader that is at seq 10 may still be missing
 *   seq 9 from a transaction that was open when it read. It finds those rows by the transactions
 *   its snapshot saw in progress (pg_snapshot_xip), through the xid index.
 * - NOTIFY directory_change with the statement's highest seq: delivered at commit, dropped on
 *   rollback. Notifications are only a hint; readers catch up from the table.
 * - directory_change_horizon: the highest seq pruning has removed, so a reader that had not seen
 *   it knows it lost changes and rebuilds.
 */
export class DirectoryChangeFeed1796300000000 implements MigrationInterface {
  name = 'DirectoryChangeFeed1796300000000';

  async up(q: QueryRunner): Promise<void> {
    // No foreign key to resource: deletions must be logged too. resource_id NULL = everything.
    await q.query(`
      CREATE TABLE directory_change (
        seq bigserial PRIMARY KEY,
        resource_id uuid,
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX directory_change_xid_idx ON directory_change (xid)`);
    await q.query(`
      CREATE TABLE directory_change_horizon (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        pruned_through_seq bigint NOT NULL DEFAULT 0
      )`);
    await q.query(`INSERT INTO directory_change_horizon DEFAULT VALUES`);

    // One function per table; each trigger has its own transition tables, and PL/pgSQL only plans
    // the branch that runs, so a branch naming old_rows is never planned in an INSERT trigger.
    await q.query(`
      CREATE FUNCTION directory_change_log(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE last_seq bigint;
      BEGIN
        WITH logged AS (INSERT INTO directory_change (resource_id) SELECT unnest(ids) RETURNING seq)
        SELECT max(seq) INTO last_seq FROM logged;
        IF last_seq IS NOT NULL THEN
          PERFORM pg_notify('directory_change', last_seq::text);
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION directory_change_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last_seq bigint;
      BEGIN
        INSERT INTO directory_change (resource_id) VALUES (NULL) RETURNING seq INTO last_seq;
        PERFORM pg_notify('directory_change', last_seq::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION directory_change_from_resource() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM directory_change_log(ARRAY(SELECT id FROM new_rows));
        ELSIF TG_OP = 'UPDATE' THEN
          -- Old ids too: an id changed in place must leave the index under its old id.
          PERFORM directory_change_log(ARRAY(SELECT id FROM new_rows UNION SELECT id FROM old_rows));
        ELSE
          PERFORM directory_change_log(ARRAY(SELECT id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION directory_change_from_location() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM directory_change_log(ARRAY(SELECT DISTINCT resource_id FROM new_rows));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM directory_change_log(ARRAY(SELECT resource_id FROM new_rows UNION SELECT resource_id FROM old_rows));
        ELSE
          PERFORM directory_change_log(ARRAY(SELECT DISTINCT resource_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    // Only what the index carries (name, website): the seed upsert touches every organization's
    // updated_at, and logging all their resources each time would be noise.
    await q.query(`
      CREATE FUNCTION directory_change_from_organization() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM directory_change_log(ARRAY(
          SELECT r.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN resource r ON r.organization_id = n.id
          WHERE n.name IS DISTINCT FROM o.name OR n.website IS DISTINCT FROM o.website));
        RETURN NULL;
      END $$`);

    for (const op of ['insert', 'update', 'delete'] as const) {
      const rows =
        op === 'insert'
          ? 'NEW TABLE AS new_rows'
          : op === 'delete'
            ? 'OLD TABLE AS old_rows'
            : 'NEW TABLE AS new_rows OLD TABLE AS old_rows';
      await q.query(`CREATE TRIGGER resource_directory_change_${op} AFTER ${op.toUpperCase()} ON resource
        REFERENCING ${rows} FOR EACH STATEMENT EXECUTE FUNCTION directory_change_from_resource()`);
      await q.query(`CREATE TRIGGER resource_location_directory_change_${op} AFTER ${op.toUpperCase()} ON resource_location
        REFERENCING ${rows} FOR EACH STATEMENT EXECUTE FUNCTION directory_change_from_location()`);
    }
    await q.query(`CREATE TRIGGER organization_directory_change_update AFTER UPDATE ON organization
      REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_change_from_organization()`);
    for (const table of ['resource', 'resource_location']) {
      await q.query(`CREATE TRIGGER ${table}_directory_change_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION directory_change_truncated()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['resource', 'resource_location']) {
      for (const op of ['insert', 'update', 'delete', 'truncate'])
        await q.query(`DROP TRIGGER ${table}_directory_change_${op} ON ${table}`);
    }
    await q.query(`DROP TRIGGER organization_directory_change_update ON organization`);
    for (const fn of [
      'directory_change_from_organization()',
      'directory_change_from_location()',
      'directory_change_from_resource()',
      'directory_change_truncated()',
      'directory_change_log(uuid[])',
    ]) {
      await q.query(`DROP FUNCTION ${fn}`);
    }
    await q.query(`DROP TABLE directory_change_horizon`);
    await q.query(`DROP TABLE directory_change`);
  }
}
