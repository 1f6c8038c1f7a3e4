import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory, aligned with HSDS 3.0: organization → resource (HSDS "service") →
 * resource_location (HSDS location + service_at_location). Taxonomy values live in
 * text[] columns with GIN indexes (array containment/overlap filters); full-text search
 * uses a stored tsvector; radius search uses cube/earthdistance with a GiST index.
 */
export class Directory1764090000000 implements MigrationInterface {
  name = 'Directory1764090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        website text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organization_name_key UNIQUE (name)
      )`);
    await q.query(`
      CREATE TABLE resource (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL,
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE RESTRICT,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        url text,
        phone text,
        email text,
        kind text NOT NULL,
        formats text[] NOT NULL DEFAULT '{}',
        free boolean NOT NULL DEFAULT false,
        sliding_scale boolean NOT NULL DEFAULT false,
        fee_min integer,
        fee_max integer,
        currency char(3) NOT NULL DEFAULT 'USD',
        insurance_accepted boolean NOT NULL DEFAULT false,
        insurers text[] NOT NULL DEFAULT '{}',
        insurer_keys text[] NOT NULL DEFAULT '{}',
        no_insurance_needed boolean NOT NULL DEFAULT true,
        cost_notes text,
        specialties text[] NOT NULL DEFAULT '{}',
        approaches text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        audiences text[] NOT NULL DEFAULT '{}',
        credentials text[] NOT NULL DEFAULT '{}',
        payment_options text[] NOT NULL DEFAULT '{}',
        service_areas text[] NOT NULL DEFAULT '{}',
        location_regions text[] NOT NULL DEFAULT '{}',
        accepting_new_clients boolean NOT NULL DEFAULT true,
        wait_time_days integer,
        availability text[] NOT NULL DEFAULT '{}',
        joint_sessions boolean NOT NULL DEFAULT false,
        -- The provider states it is only for relationships without abuse: never matched when safety is at stake.
        requires_safe_relationship boolean NOT NULL DEFAULT false,
        demo boolean NOT NULL DEFAULT false,
        source_url text,
        last_verified_at timestamptz,
        status text NOT NULL DEFAULT 'active',
        search_keywords text NOT NULL DEFAULT '',
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english'::regconfig, name), 'A') ||
          setweight(to_tsvector('english'::regconfig, search_keywords), 'B') ||
          setweight(to_tsvector('english'::regconfig, description), 'C')
        ) STORED,
        -- Sort key for sort=fee: free first, unknown fees last.
        fee_sort integer GENERATED ALWAYS AS (CASE WHEN free THEN 0 ELSE COALESCE(fee_min, 2147483647) END) STORED,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT resource_slug_key UNIQUE (slug),
        CONSTRAINT resource_kind_check CHECK (kind IN ('practice','clinic','online_service','workshop','self_guided','support_group','hotline')),
        CONSTRAINT resource_status_check CHECK (status IN ('active','inactive')),
        CONSTRAINT resource_fee_check CHECK (fee_min IS NULL OR fee_min >= 0),
        CONSTRAINT resource_fee_range_check CHECK (fee_max IS NULL OR fee_min IS NULL OR fee_max >= fee_min),
        CONSTRAINT resource_wait_check CHECK (wait_time_days IS NULL OR wait_time_days >= 0)
      )`);
    await q.query(`
      CREATE TABLE resource_location (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_id uuid NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
        position smallint NOT NULL DEFAULT 0,
        address text,
        city text NOT NULL,
        region text NOT NULL,
        postal_code text,
        country char(2) NOT NULL,
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180)
      )`);

    // Which version of the curated dataset was loaded (seeds/data), so start-up seeds only when it changed.
    await q.query(`
      CREATE TABLE seed_state (
        name text PRIMARY KEY,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Filters: array overlap/containment on the taxonomy columns.
    for (const column of [
      'formats',
      'specialties',
      'approaches',
      'languages',
      'audiences',
      'credentials',
      'payment_options',
      'service_areas',
      'location_regions',
      'insurer_keys',
      'availability',
    ]) {
      await q.query(`CREATE INDEX resource_${column}_gin ON resource USING gin (${column})`);
    }
    await q.query(`CREATE INDEX resource_search_vector_gin ON resource USING gin (search_vector)`);
    await q.query(`CREATE INDEX resource_organization_idx ON resource (organization_id)`);
    // Keyset pagination for each sort order, over active resources (what every search reads).
    await q.query(`CREATE INDEX resource_active_name_idx ON resource (name, id) WHERE status = 'active'`);
    await q.query(`CREATE INDEX resource_active_fee_idx ON resource (fee_sort, id) WHERE status = 'active'`);
    await q.query(`CREATE INDEX resource_active_kind_idx ON resource (kind) WHERE status = 'active'`);
    // Radius search: earth_box(...) @> ll_to_earth(lat, lng) uses this GiST index.
    await q.query(`CREATE INDEX resource_location_earth_gist ON resource_location USING gist (ll_to_earth(latitude, longitude))`);
    await q.query(`CREATE INDEX resource_location_resource_idx ON resource_location (resource_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE seed_state');
    await q.query('DROP TABLE resource_location');
    await q.query('DROP TABLE resource');
    await q.query('DROP TABLE organization');
  }
}
