import type { ResourceResponse } from './resource.response.js';

/**
 * A whole resource as the API shows it (a fictional listing, trimmed from a real response on the
 * curated directory), with `over` replacing top-level fields: Swagger's response examples start
 * from it, and so do specs that need a complete ResourceResponse.
 */
export const exampleResource = (over: Partial<ResourceResponse> = {}): ResourceResponse => ({
  id: '8fd0055f-3dbe-4959-af59-e015727e65dd',
  slug: 'riverbend-couples-therapy',
  name: 'Riverbend Couples Therapy',
  description: 'A small group practice near downtown Columbus where every clinician works only with couples.',
  organization: { name: 'Riverbend Couples Therapy', website: 'https://example.org/riverbend-couples-therapy' },
  url: 'https://example.org/riverbend-couples-therapy',
  phone: '614-555-0142',
  email: 'riverbend@example.org',
  kind: 'practice',
  formats: ['in_person', 'video'],
  cost: {
    free: false,
    slidingScale: false,
    feeMin: 14000,
    feeMax: 19000,
    currency: 'USD',
    feePeriod: 'per_session',
    insuranceAccepted: true,
    insurers: ['Aetna', 'Cigna'],
    noInsuranceNeeded: true,
    notes: 'Fictional demo listing.',
  },
  specialties: ['infidelity', 'trust_rebuilding', 'communication'],
  approaches: ['gottman'],
  languages: ['en'],
  audiences: [],
  accessibility: ['asl', 'captioning', 'wheelchair_access'],
  credentials: ['gottman_certified', 'licensed_clinician'],
  paymentOptions: ['insurance', 'cash', 'fsa_hsa'],
  locations: [
    { address: null, city: 'Columbus', region: 'US-OH', postalCode: '43215', country: 'US', latitude: 39.9671, longitude: -83.0044 },
  ],
  serviceAreas: ['US-OH', 'US-KY'],
  capacity: { acceptingNewClients: true, waitTimeDays: null },
  availability: ['evenings'],
  jointSessions: true,
  safeRelationshipsOnly: false,
  notForCrisis: false,
  eligibility: [],
  lineRoles: [],
  contactChannels: [],
  provenance: { sourceUrl: null, lastVerifiedAt: null, demo: true },
  verification: { lastVerifiedAt: null, verifiedBy: null, status: 'due', reportedNotWorking: false },
  status: 'active',
  createdAt: '2026-11-25T16:00:00.000Z',
  updatedAt: '2026-11-25T16:00:00.000Z',
  ...over,
});
