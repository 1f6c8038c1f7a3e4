import type { FacetField } from '../dto/search-resources.query.js';
import type { CandidateFactField } from './candidate-query.js';
import type { IndexRow } from './index-row.js';

// What the index keeps per resource for filtering: the columns indexed as values, the yes/no
// properties, and how the facet and candidate-fact names map onto those columns.

/** The text[] columns and the scalar columns indexed as values. */
export const VALUE_FIELDS = [
  'kind',
  'formats',
  'specialties',
  'approaches',
  'languages',
  'audiences',
  'accessibility',
  'eligibility',
  'credentials',
  'payment_options',
  'availability',
  'service_areas',
  'location_regions',
  'insurer_keys',
  'line_roles',
  'fee_period',
] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/** Yes/no properties the filters and the candidate search test. */
export const FLAGS = {
  free: (r: IndexRow) => r.free,
  slidingScale: (r: IndexRow) => r.sliding_scale,
  noInsuranceNeeded: (r: IndexRow) => r.no_insurance_needed,
  acceptingNewClients: (r: IndexRow) => r.accepting_new_clients,
  jointSessions: (r: IndexRow) => r.joint_sessions,
  insuranceAccepted: (r: IndexRow) => r.insurance_accepted,
  requiresSafeRelationship: (r: IndexRow) => r.requires_safe_relationship,
  notForCrisis: (r: IndexRow) => r.not_for_crisis,
  demo: (r: IndexRow) => r.demo,
  feeMinUnknown: (r: IndexRow) => r.fee_min === null,
  /** cardinality(formats) > 0 AND formats <@ ARRAY['in_person']: the `serves` rule's in-person-only help. */
  inPersonOnly: (r: IndexRow) => r.formats.length > 0 && r.formats.every((f) => f === 'in_person'),
  /** EXISTS (… unnest(service_areas) area WHERE length(area) = 2): licensed for a whole country. */
  servesACountry: (r: IndexRow) => r.service_areas.some((a) => [...a].length === 2),
} as const;
export type Flag = keyof typeof FLAGS;
export const FLAG_NAMES = Object.keys(FLAGS) as Flag[];

/** Facet field → the column it counts (FACET_COLUMNS in resource-search.sql.ts). */
export const FACET_FIELDS: Record<FacetField, ValueField> = {
  kind: 'kind',
  format: 'formats',
  specialty: 'specialties',
  approach: 'approaches',
  language: 'languages',
  audience: 'audiences',
  accessibility: 'accessibility',
  credential: 'credentials',
  payment: 'payment_options',
  availability: 'availability',
};

/** Fact fields → the columns indexed (CandidateFact in candidate-query.ts). */
export const CANDIDATE_FACT_FIELDS: Record<CandidateFactField, ValueField> = {
  kind: 'kind',
  formats: 'formats',
  specialties: 'specialties',
  approaches: 'approaches',
  languages: 'languages',
  audiences: 'audiences',
  accessibility: 'accessibility',
  availability: 'availability',
  feePeriod: 'fee_period',
};
