import {
  ACCESSIBILITY,
  APPROACHES,
  AUDIENCES,
  AVAILABILITY,
  CREDENTIALS,
  FORMATS,
  PAYMENT_OPTIONS,
  RESOURCE_KINDS,
  SPECIALTIES,
} from '../../src/taxonomy/taxonomy.js';

/* What synthetic listings are made of: weighted taxonomy codes, names and sentences. */

export type Kind = (typeof RESOURCE_KINDS.codes)[number];
const codes = <C extends string>(v: { codes: C[] }) => new Set<string>(v.codes);
const KNOWN = {
  kind: codes(RESOURCE_KINDS),
  format: codes(FORMATS),
  specialty: codes(SPECIALTIES),
  approach: codes(APPROACHES),
  audience: codes(AUDIENCES),
  credential: codes(CREDENTIALS),
  payment: codes(PAYMENT_OPTIONS),
  availability: codes(AVAILABILITY),
  accessibility: codes(ACCESSIBILITY),
};
/** Weighted lists checked against the taxonomy at load, so a renamed code fails loudly instead of skewing data. */
function vocab(name: keyof typeof KNOWN, items: [string, number][]): [string, number][] {
  for (const [code] of items) if (!KNOWN[name].has(code)) throw new Error(`synthetic: ${code} is not a ${name} code`);
  return items;
}

export const KINDS = vocab('kind', [
  ['practice', 46],
  ['clinic', 12],
  ['online_service', 13],
  ['workshop', 8],
  ['self_guided', 7],
  ['support_group', 11],
  ['hotline', 3],
  ['directory', 0.5],
]) as [Kind, number][];
/** Share of each kind with a physical location (overall ≈ 70%). */
export const LOCATED: Record<Kind, number> = {
  practice: 0.96,
  clinic: 1,
  online_service: 0.05,
  workshop: 0.75,
  self_guided: 0,
  support_group: 0.85,
  hotline: 0.1,
  directory: 0,
};
export const SPECIALTY_WEIGHTS = vocab('specialty', [
  ['infidelity', 9],
  ['trust_rebuilding', 8],
  ['communication', 12],
  ['financial_conflict', 4],
  ['substance_use', 3],
  ['jealousy_control', 3],
  ['premarital', 5],
  ['separation_divorce', 5],
  ['intimacy', 6],
  ['domestic_violence', 1],
  ['individual_support', 4],
  ['crisis_support', 0.5],
]);
export const HOTLINE_SPECIALTIES = vocab('specialty', [
  ['crisis_support', 5],
  ['domestic_violence', 4],
  ['substance_use', 1],
]);
export const APPROACH_WEIGHTS = vocab('approach', [
  ['gottman', 8],
  ['eft', 7],
  ['imago', 3],
  ['cbt', 5],
  ['discernment_counseling', 2],
  ['solution_focused', 3],
  ['faith_based', 2],
  ['peer_support', 1],
  ['psychoeducation', 2],
]);
export const AUDIENCE_WEIGHTS = vocab('audience', [
  ['unmarried_couples', 5],
  ['lgbtq_affirming', 6],
  ['faith_based', 2],
  ['young_people', 1],
  ['veterans', 1],
]);
export const CLINICAL_CREDENTIALS = vocab('credential', [
  ['gottman_certified', 3],
  ['iceeft_certified', 3],
  ['aamft_clinical_fellow', 3],
  ['csat', 1],
  ['aasect', 1],
  ['apsats', 1],
]);
export const EXTRA_PAYMENTS = vocab('payment', [
  ['eap', 3],
  ['fsa_hsa', 5],
  ['medicaid', 2],
  ['medicare', 1],
  ['military', 1],
  ['payment_assistance', 1],
]);
export const INSURERS = [
  'Aetna',
  'Cigna',
  'Blue Cross Blue Shield',
  'UnitedHealthcare',
  'Humana',
  'Kaiser Permanente',
  'Anthem',
  'Optum',
  'Tricare',
  'Magellan',
];
export const OTHER_LANGUAGES: [string, number][] = [
  ['es', 15],
  ['fr', 1],
  ['zh', 1.5],
  ['vi', 1],
  ['ko', 1],
  ['ar', 0.7],
  ['pt', 0.7],
  ['ru', 0.7],
  ['tl', 0.7],
  ['hi', 0.7],
];

export const NAME_FIRST = [
  'Cedar',
  'Maple',
  'Willow',
  'Harbor',
  'Riverbend',
  'Bridgeway',
  'Northstar',
  'Common Ground',
  'Open Door',
  'Stillwater',
  'Lighthouse',
  'Evergreen',
  'Kindred',
  'Hearthstone',
  'Clearwater',
  'Summit',
  'Oak Hollow',
  'New Chapter',
  'Steady Path',
  'True North',
  'Blue Heron',
  'Pinecrest',
  'Meadowlark',
  'Tandem',
  'Anchor Point',
  'Second Spring',
  'Fairhaven',
  'Juniper',
];
export const NAME_PRACTICE = [
  'Couples Therapy',
  'Counseling Group',
  'Relationship Center',
  'Marriage and Family Therapy',
  'Couples Counseling',
  'Therapy Collective',
];
export const NAME_CLINIC = ['Community Counseling Clinic', 'Family Services', 'University Training Clinic', 'Counseling Center'];
export const NAME_ONLINE = ['Online Couples Counseling', 'Virtual Relationship Care', 'Couples Teletherapy'];
export const NAME_WORKSHOP = ['Weekend Couples Intensive', 'Relationship Retreat', 'Couples Workshop'];
export const NAME_SELF = ['Couples Course', 'Relationship Skills Program', 'Repair Workbook'];
export const NAME_GROUP = ['Couples Support Circle', 'Partners Peer Group', 'Marriage Ministry'];
export const NAME_HOTLINE = ['Helpline', 'Crisis Line', 'Support Line'];
export const SURNAMES = [
  'Whitaker',
  'Alvarez',
  'Okafor',
  'Lindqvist',
  'Nguyen',
  'Patel',
  'Brennan',
  'Moreau',
  'Castillo',
  'Hayes',
  'Kowalski',
  'Tanaka',
  'Reyes',
  'Abernathy',
  'Osei',
  'Fischer',
];
export const STREETS = [
  'Main St',
  'Oak Ave',
  'High St',
  'Park Blvd',
  'Elm St',
  'Washington Ave',
  'Lake Dr',
  'Broad St',
  'Market St',
  'Church St',
  'Mill Rd',
  'Center St',
];
export const OPENERS: Record<Kind, string[]> = {
  practice: ['A small group practice', 'A solo couples therapist', 'A relationship-focused practice', 'A private practice'],
  clinic: ['A community mental-health clinic', 'A university training clinic', 'A nonprofit counseling center'],
  online_service: ['An online service', 'A telehealth practice', 'A virtual counseling service'],
  workshop: ['A two-day intensive', 'A weekend workshop', 'A small-group retreat'],
  self_guided: ['A self-paced program', 'A guided course', 'A workbook and video series'],
  support_group: ['A peer-led group', 'A weekly support group', 'A congregation-based ministry'],
  hotline: ['A confidential line', 'A free helpline', 'A crisis line'],
  directory: ['A therapist finder', 'A referral network of counselors'],
};
export const HOW: Record<string, string> = { in_person: 'in person', video: 'by video', phone: 'by phone', chat: 'by chat or text' };
const CLINICAL_CLOSERS = [
  'New clients are usually seen within a few weeks.',
  'Sessions run 50 to 80 minutes.',
  'Couples can start with a single consultation.',
  'Both partners are encouraged to attend together.',
  'Many couples come after discovering hidden messages or spending.',
  'Evening appointments fill first.',
  'Partners can also be seen one at a time.',
];
export const CLOSERS: Record<Kind, string[]> = {
  practice: CLINICAL_CLOSERS,
  clinic: [...CLINICAL_CLOSERS, 'Fees are set by household income.'],
  online_service: [...CLINICAL_CLOSERS, 'Partners in different cities can join the same session.'],
  workshop: [
    'Groups are capped at a dozen couples.',
    'Follow-up calls are included.',
    'Materials are available to download after each session.',
  ],
  self_guided: ['Lessons take about twenty minutes each.', 'Couples work through it at their own pace.', 'Exercises can be printed.'],
  support_group: ['Meetings are confidential.', 'Newcomers are welcome at any meeting.', 'Partners may come alone or together.'],
  hotline: ['Calls are confidential.', 'Advocates can help with a safety plan.', 'Interpreters are available.'],
  directory: ['Searching is free.', 'Each listed therapist sets their own fees.'],
};

/**
 * Per kind, the chance of each accessibility code a listing may state without a contact channel
 * (tty and videophone need one; text_based comes with chat sessions). Guesses, for benchmarks:
 * most offices are step-free, some clinics and services arrange interpreters, few sign.
 */
export const ACCESSIBILITY_CHANCES: Record<Kind, [string, number][]> = {
  practice: vocab('accessibility', [
    ['asl', 0.02],
    ['relay', 0.08],
    ['captioning', 0.1],
    ['interpreter_on_request', 0.12],
    ['wheelchair_access', 0.55],
  ]),
  clinic: vocab('accessibility', [
    ['asl', 0.06],
    ['relay', 0.2],
    ['captioning', 0.1],
    ['interpreter_on_request', 0.45],
    ['wheelchair_access', 0.8],
  ]),
  online_service: vocab('accessibility', [
    ['asl', 0.04],
    ['relay', 0.1],
    ['captioning', 0.3],
    ['interpreter_on_request', 0.1],
  ]),
  workshop: vocab('accessibility', [
    ['asl', 0.02],
    ['captioning', 0.1],
    ['wheelchair_access', 0.5],
  ]),
  self_guided: vocab('accessibility', [['captioning', 0.35]]),
  support_group: vocab('accessibility', [
    ['asl', 0.02],
    ['captioning', 0.05],
    ['wheelchair_access', 0.6],
  ]),
  hotline: vocab('accessibility', [
    ['relay', 0.6],
    ['interpreter_on_request', 0.4],
  ]),
  directory: vocab('accessibility', []),
};
