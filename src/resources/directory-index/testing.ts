import type { LocationRow } from '../resource.row.js';
import type { IndexRow } from './index-row.js';

/** An active practice with empty lists: specs and the bench override what they test. */
export function indexRow(overrides: Partial<IndexRow> & { id: string }): IndexRow {
  const row: IndexRow = {
    slug: `r-${overrides.id}`,
    name: 'Resource',
    description: '',
    url: null,
    phone: null,
    email: null,
    kind: 'practice',
    formats: [],
    free: false,
    sliding_scale: false,
    fee_min: null,
    fee_max: null,
    currency: 'USD',
    fee_period: 'per_session',
    insurance_accepted: false,
    insurers: [],
    no_insurance_needed: true,
    cost_notes: null,
    specialties: [],
    approaches: [],
    languages: [],
    audiences: [],
    accessibility: [],
    credentials: [],
    payment_options: [],
    service_areas: [],
    accepting_new_clients: true,
    wait_time_days: null,
    availability: [],
    joint_sessions: false,
    requires_safe_relationship: false,
    not_for_crisis: false,
    eligibility: [],
    line_roles: [],
    contact_channels: [],
    translations: {},
    demo: false,
    source_url: null,
    last_verified_at: null,
    verified_by: null,
    safety_suspended: false,
    status: 'active',
    version: 1,
    created_at: new Date('2025-01-01T00:00:00Z'),
    updated_at: new Date('2025-01-01T00:00:00Z'),
    organization_name: 'Org',
    organization_website: null,
    locations: [],
    insurer_keys: [],
    location_regions: [],
    fee_sort: 0,
    search_vector: '',
    ...overrides,
  };
  if (overrides.fee_sort === undefined) row.fee_sort = row.free ? 0 : (row.fee_min ?? 2147483647);
  return row;
}

export function location(lat: number, lng: number, region = 'US-OH'): LocationRow {
  return { address: null, city: 'City', region, postalCode: null, country: region.slice(0, 2), latitude: lat, longitude: lng };
}

/** A UUID whose text order follows n (for readable expectations). */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
