import type pg from 'pg';
import type { DataSource } from 'typeorm';

/*
 * Writing synthetic rows: a batch held column-wise (the shape unnest() wants), inserted by
 * bulk `INSERT … SELECT FROM unnest(…)` statements in one transaction.
 */

/** A pg.Pool or a TypeORM DataSource: anything that can lend one connection. */
export type SyntheticTarget = pg.Pool | DataSource;

export interface Connection {
  query: (text: string, values?: unknown[]) => Promise<unknown[]>;
  release: () => Promise<void>;
}

export async function connect(target: SyntheticTarget): Promise<Connection> {
  if ('createQueryRunner' in target) {
    const runner = target.createQueryRunner();
    await runner.connect();
    return { query: (text, values) => runner.query(text, values), release: () => runner.release() };
  }
  const client = await target.connect();
  return {
    query: async (text, values) => (await client.query<Record<string, unknown>>(text, values)).rows,
    release: () => Promise.resolve(client.release()),
  };
}

/** One synthetic listing, as the generator drew it. */
export interface SyntheticRow {
  id: string;
  slug: string;
  organizationId: string;
  name: string;
  description: string;
  url: string;
  phone: string | null;
  email: string | null;
  kind: string;
  formats: string[];
  free: boolean;
  slidingScale: boolean;
  feeMin: number | null;
  feeMax: number | null;
  insuranceAccepted: boolean;
  insurers: string[];
  noInsuranceNeeded: boolean;
  costNotes: string | null;
  specialties: string[];
  approaches: string[];
  languages: string[];
  audiences: string[];
  credentials: string[];
  paymentOptions: string[];
  serviceAreas: string[];
  locationRegions: string[];
  acceptingNewClients: boolean;
  waitTimeDays: number | null;
  availability: string[];
  accessibility: string[];
  jointSessions: boolean;
  status: 'active' | 'inactive';
  searchKeywords: string;
  location?: { address: string; city: string; region: string; postalCode: string; latitude: number; longitude: number };
}

const LIST_SEPARATOR = '|';
const list = (values: string[]) => values.join(LIST_SEPARATOR);

export class Batch {
  orgId: string[] = [];
  orgName: string[] = [];
  orgWebsite: string[] = [];
  id: string[] = [];
  slug: string[] = [];
  organizationId: string[] = [];
  name: string[] = [];
  description: string[] = [];
  url: string[] = [];
  phone: (string | null)[] = [];
  email: (string | null)[] = [];
  kind: string[] = [];
  formats: string[] = [];
  free: boolean[] = [];
  slidingScale: boolean[] = [];
  feeMin: (number | null)[] = [];
  feeMax: (number | null)[] = [];
  insuranceAccepted: boolean[] = [];
  insurers: string[] = [];
  insurerKeys: string[] = [];
  noInsuranceNeeded: boolean[] = [];
  costNotes: (string | null)[] = [];
  specialties: string[] = [];
  approaches: string[] = [];
  languages: string[] = [];
  audiences: string[] = [];
  credentials: string[] = [];
  paymentOptions: string[] = [];
  serviceAreas: string[] = [];
  locationRegions: string[] = [];
  acceptingNewClients: boolean[] = [];
  waitTimeDays: (number | null)[] = [];
  availability: string[] = [];
  jointSessions: boolean[] = [];
  status: string[] = [];
  searchKeywords: string[] = [];
  accessibility: string[] = [];
  locResourceId: string[] = [];
  locAddress: string[] = [];
  locCity: string[] = [];
  locRegion: string[] = [];
  locPostalCode: string[] = [];
  locLatitude: number[] = [];
  locLongitude: number[] = [];
  get size() {
    return this.id.length;
  }

  addOrganization(id: string, name: string, website: string): void {
    this.orgId.push(id);
    this.orgName.push(name);
    this.orgWebsite.push(website);
  }

  addResource(row: SyntheticRow): void {
    this.id.push(row.id);
    this.slug.push(row.slug);
    this.organizationId.push(row.organizationId);
    this.name.push(row.name);
    this.description.push(row.description);
    this.url.push(row.url);
    this.phone.push(row.phone);
    this.email.push(row.email);
    this.kind.push(row.kind);
    this.formats.push(list(row.formats));
    this.free.push(row.free);
    this.slidingScale.push(row.slidingScale);
    this.feeMin.push(row.feeMin);
    this.feeMax.push(row.feeMax);
    this.insuranceAccepted.push(row.insuranceAccepted);
    this.insurers.push(list(row.insurers));
    this.insurerKeys.push(list(row.insurers.map((i) => i.toLowerCase())));
    this.noInsuranceNeeded.push(row.noInsuranceNeeded);
    this.costNotes.push(row.costNotes);
    this.specialties.push(list(row.specialties));
    this.approaches.push(list(row.approaches));
    this.languages.push(list(row.languages));
    this.audiences.push(list(row.audiences));
    this.credentials.push(list(row.credentials));
    this.paymentOptions.push(list(row.paymentOptions));
    this.serviceAreas.push(list(row.serviceAreas));
    this.locationRegions.push(list(row.locationRegions));
    this.acceptingNewClients.push(row.acceptingNewClients);
    this.waitTimeDays.push(row.waitTimeDays);
    this.availability.push(list(row.availability));
    this.jointSessions.push(row.jointSessions);
    this.status.push(row.status);
    this.searchKeywords.push(row.searchKeywords);
    this.accessibility.push(list(row.accessibility));
    if (row.location) {
      this.locResourceId.push(row.id);
      this.locAddress.push(row.location.address);
      this.locCity.push(row.location.city);
      this.locRegion.push(row.location.region);
      this.locPostalCode.push(row.location.postalCode);
      this.locLatitude.push(row.location.latitude);
      this.locLongitude.push(row.location.longitude);
    }
  }
}

const INSERT_ORGANIZATIONS = `
  INSERT INTO organization (id, name, website)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])`;

const INSERT_RESOURCES = `
  INSERT INTO resource (id, slug, organization_id, name, description, url, phone, email, kind, formats, free,
    sliding_scale, fee_min, fee_max, currency, insurance_accepted, insurers, insurer_keys, no_insurance_needed,
    cost_notes, specialties, approaches, languages, audiences, credentials, payment_options, service_areas,
    location_regions, accepting_new_clients, wait_time_days, availability, joint_sessions, demo, status, search_keywords,
    accessibility)
  SELECT u.id, u.slug, u.organization_id, u.name, u.description, u.url, u.phone, u.email, u.kind,
    string_to_array(u.formats, '|'), u.free, u.sliding_scale, u.fee_min, u.fee_max, 'USD', u.insurance_accepted,
    string_to_array(u.insurers, '|'), string_to_array(u.insurer_keys, '|'), u.no_insurance_needed, u.cost_notes,
    string_to_array(u.specialties, '|'), string_to_array(u.approaches, '|'), string_to_array(u.languages, '|'),
    string_to_array(u.audiences, '|'), string_to_array(u.credentials, '|'), string_to_array(u.payment_options, '|'),
    string_to_array(u.service_areas, '|'), string_to_array(u.location_regions, '|'), u.accepting_new_clients,
    u.wait_time_days, string_to_array(u.availability, '|'), u.joint_sessions, true, u.status, u.search_keywords,
    string_to_array(u.accessibility, '|')
  FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
    $10::text[], $11::bool[], $12::bool[], $13::int[], $14::int[], $15::bool[], $16::text[], $17::text[], $18::bool[],
    $19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[], $26::text[], $27::text[],
    $28::bool[], $29::int[], $30::text[], $31::bool[], $32::text[], $33::text[], $34::text[])
    AS u(id, slug, organization_id, name, description, url, phone, email, kind, formats, free, sliding_scale, fee_min,
      fee_max, insurance_accepted, insurers, insurer_keys, no_insurance_needed, cost_notes, specialties, approaches,
      languages, audiences, credentials, payment_options, service_areas, location_regions, accepting_new_clients,
      wait_time_days, availability, joint_sessions, status, search_keywords, accessibility)`;

const INSERT_LOCATIONS = `
  INSERT INTO resource_location (resource_id, position, address, city, region, postal_code, country, latitude, longitude)
  SELECT u.resource_id, 0, u.address, u.city, u.region, u.postal_code, 'US', u.latitude, u.longitude
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[])
    AS u(resource_id, address, city, region, postal_code, latitude, longitude)`;

export async function writeBatch(conn: Connection, b: Batch): Promise<void> {
  await conn.query('BEGIN');
  try {
    await conn.query('SET LOCAL statement_timeout = 0');
    await conn.query(INSERT_ORGANIZATIONS, [b.orgId, b.orgName, b.orgWebsite]);
    await conn.query(INSERT_RESOURCES, [
      b.id,
      b.slug,
      b.organizationId,
      b.name,
      b.description,
      b.url,
      b.phone,
      b.email,
      b.kind,
      b.formats,
      b.free,
      b.slidingScale,
      b.feeMin,
      b.feeMax,
      b.insuranceAccepted,
      b.insurers,
      b.insurerKeys,
      b.noInsuranceNeeded,
      b.costNotes,
      b.specialties,
      b.approaches,
      b.languages,
      b.audiences,
      b.credentials,
      b.paymentOptions,
      b.serviceAreas,
      b.locationRegions,
      b.acceptingNewClients,
      b.waitTimeDays,
      b.availability,
      b.jointSessions,
      b.status,
      b.searchKeywords,
      b.accessibility,
    ]);
    if (b.locResourceId.length) {
      await conn.query(INSERT_LOCATIONS, [
        b.locResourceId,
        b.locAddress,
        b.locCity,
        b.locRegion,
        b.locPostalCode,
        b.locLatitude,
        b.locLongitude,
      ]);
    }
    await conn.query('COMMIT');
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
