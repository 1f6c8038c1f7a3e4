/**
 * Mend's controlled vocabularies, in one place. Filters, DTO validation,
 * the `GET /v1/taxonomy` endpoint, the matching engine and the HSDS export
 * all read these lists, so a new value is added here and nowhere else.
 */
export interface TaxonomyTerm<C extends string = string> {
  code: C;
  label: string;
  description: string;
}

function vocabulary<const C extends string>(terms: readonly TaxonomyTerm<C>[]) {
  return { terms, codes: terms.map((t) => t.code) as C[] };
}

export const RESOURCE_KINDS = vocabulary([
  { code: 'practice', label: 'Private practice', description: 'A local therapist or group practice.' },
  { code: 'clinic', label: 'Clinic', description: 'A community mental-health centre or a university training clinic, often with reduced fees.' },
  { code: 'online_service', label: 'Online service', description: 'Counseling delivered by video, phone or chat by licensed clinicians.' },
  { code: 'workshop', label: 'Workshop or intensive', description: 'Weekend workshops, intensives and retreats for couples.' },
  { code: 'self_guided', label: 'Self-guided program', description: 'Courses, apps and books a couple can work through on their own.' },
  { code: 'support_group', label: 'Support group', description: 'Peer-led groups and ministries.' },
  { code: 'hotline', label: 'Hotline', description: 'Crisis, suicide-prevention and domestic-violence lines.' },
] as const);

export const FORMATS = vocabulary([
  { code: 'in_person', label: 'In person', description: 'Sessions at an office or venue.' },
  { code: 'video', label: 'Video', description: 'Live video sessions.' },
  { code: 'phone', label: 'Phone', description: 'Live sessions or support by phone.' },
  { code: 'chat', label: 'Chat or text', description: 'Live chat, text messaging or asynchronous messaging.' },
] as const);

export const SPECIALTIES = vocabulary([
  { code: 'infidelity', label: 'Infidelity recovery', description: 'Healing after an affair or emotional infidelity.' },
  { code: 'trust_rebuilding', label: 'Rebuilding trust', description: 'Repairing trust after lying, hiding or broken agreements.' },
  { code: 'communication', label: 'Communication', description: 'Talking about needs and conflict without attack or withdrawal.' },
  { code: 'financial_conflict', label: 'Money and financial secrecy', description: 'Hidden spending, debt and disagreements about money.' },
  { code: 'substance_use', label: 'Substance use', description: 'Hidden drinking or drug use and its effect on the relationship.' },
  { code: 'jealousy_control', label: 'Jealousy and control', description: 'Snooping, demanding passwords, possessiveness.' },
  { code: 'premarital', label: 'Premarital', description: 'Preparing for marriage or a long-term commitment.' },
  { code: 'separation_divorce', label: 'Separation and divorce', description: 'Deciding whether to stay, or separating well.' },
  { code: 'intimacy', label: 'Intimacy and sexuality', description: 'Sexual and emotional intimacy.' },
  { code: 'domestic_violence', label: 'Domestic violence', description: 'Support and advocacy for people experiencing abuse or coercive control.' },
  { code: 'individual_support', label: 'Individual support', description: 'Counseling for one partner on their own.' },
  { code: 'crisis_support', label: 'Crisis support', description: 'Immediate help in a suicidal or emotional crisis.' },
] as const);

export const APPROACHES = vocabulary([
  { code: 'gottman', label: 'Gottman Method', description: 'Research-based couples therapy built on friendship, conflict management and shared meaning.' },
  { code: 'eft', label: 'Emotionally Focused Therapy', description: 'Attachment-based couples therapy (EFT).' },
  { code: 'imago', label: 'Imago Relationship Therapy', description: 'Structured dialogue linking present conflict to earlier experience.' },
  { code: 'cbt', label: 'Cognitive behavioral therapy', description: 'Changing unhelpful thoughts and behaviour patterns.' },
  { code: 'discernment_counseling', label: 'Discernment counseling', description: 'Short work for couples where one partner is leaning out of the relationship.' },
  { code: 'solution_focused', label: 'Solution-focused', description: 'Brief therapy focused on goals and what already works.' },
  { code: 'faith_based', label: 'Faith-based', description: 'Counseling that draws on a religious tradition.' },
  { code: 'peer_support', label: 'Peer support', description: 'Help from trained volunteers or couples with lived experience.' },
  { code: 'psychoeducation', label: 'Psychoeducation', description: 'Structured teaching of relationship skills.' },
] as const);

export const AUDIENCES = vocabulary([
  { code: 'unmarried_couples', label: 'Unmarried couples', description: 'Dating, cohabiting and engaged couples are welcome.' },
  { code: 'lgbtq_affirming', label: 'LGBTQ+ affirming', description: 'Affirming of lesbian, gay, bisexual, transgender and queer people.' },
  { code: 'faith_based', label: 'Faith communities', description: 'Rooted in a faith community.' },
  { code: 'young_people', label: 'Young people', description: 'Teens and young adults.' },
  { code: 'veterans', label: 'Veterans and military families', description: 'Service members, veterans and their partners.' },
] as const);

export const CREDENTIALS = vocabulary([
  { code: 'gottman_certified', label: 'Certified Gottman Therapist', description: 'Completed the Gottman Institute certification track.' },
  { code: 'iceeft_certified', label: 'ICEEFT-certified EFT therapist', description: 'Certified by the International Centre for Excellence in EFT.' },
  { code: 'aamft_clinical_fellow', label: 'AAMFT Clinical Fellow', description: 'Marriage and family therapist bound by the AAMFT code of ethics.' },
  { code: 'csat', label: 'CSAT', description: 'Certified sex addiction therapist.' },
  { code: 'aasect', label: 'AASECT-certified sex therapist', description: 'Certified by the American Association of Sexuality Educators, Counselors and Therapists.' },
  { code: 'apsats', label: 'APSATS / CPTT', description: 'Trained to support partners betrayed by sexual addiction or infidelity.' },
  { code: 'licensed_clinician', label: 'Licensed clinician', description: 'LMFT, LPC, LCSW, psychologist or equivalent licence.' },
  { code: 'supervised_trainee', label: 'Supervised trainee', description: 'Graduate student clinician working under licensed supervision.' },
  { code: 'trained_advocate', label: 'Trained advocate', description: 'Crisis counselor or domestic-violence advocate.' },
] as const);

export const PAYMENT_OPTIONS = vocabulary([
  { code: 'insurance', label: 'Private insurance', description: 'Bills private health insurance.' },
  { code: 'medicaid', label: 'Medicaid', description: 'Accepts Medicaid.' },
  { code: 'medicare', label: 'Medicare', description: 'Accepts Medicare.' },
  { code: 'sliding_scale', label: 'Sliding scale', description: 'Fees adjusted to income.' },
  { code: 'free', label: 'Free', description: 'No cost to the couple.' },
  { code: 'cash', label: 'Self-pay', description: 'Cash, card or other self-pay.' },
  { code: 'eap', label: 'Employee assistance program', description: 'Sessions paid through an employer EAP.' },
  { code: 'payment_assistance', label: 'Payment assistance', description: 'Scholarships, donations or other help with fees.' },
  { code: 'military', label: 'Military (TRICARE)', description: 'TRICARE or other military coverage.' },
  { code: 'fsa_hsa', label: 'FSA / HSA', description: 'Payable from a flexible spending or health savings account.' },
] as const);

export const AVAILABILITY = vocabulary([
  { code: 'evenings', label: 'Evenings', description: 'Sessions after 5 pm.' },
  { code: 'weekends', label: 'Weekends', description: 'Sessions on Saturday or Sunday.' },
  { code: 'around_the_clock', label: '24/7', description: 'Reachable at any hour, every day.' },
] as const);

export type ResourceKind = (typeof RESOURCE_KINDS.codes)[number];
export type Format = (typeof FORMATS.codes)[number];
export type Specialty = (typeof SPECIALTIES.codes)[number];
export type Approach = (typeof APPROACHES.codes)[number];
export type Audience = (typeof AUDIENCES.codes)[number];
export type Credential = (typeof CREDENTIALS.codes)[number];
export type PaymentOption = (typeof PAYMENT_OPTIONS.codes)[number];
export type Availability = (typeof AVAILABILITY.codes)[number];

/** Every vocabulary by the name the API uses for it (filters, facets, taxonomy endpoint). */
export const TAXONOMY = {
  kind: RESOURCE_KINDS,
  format: FORMATS,
  specialty: SPECIALTIES,
  approach: APPROACHES,
  audience: AUDIENCES,
  credential: CREDENTIALS,
  payment: PAYMENT_OPTIONS,
  availability: AVAILABILITY,
} as const;
export type TaxonomyName = keyof typeof TAXONOMY;
