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
  return { terms, codes: terms.map((t) => t.code) };
}

export const RESOURCE_KINDS = vocabulary([
  { code: 'practice', label: 'Private practice', description: 'A local therapist or group practice.' },
  {
    code: 'clinic',
    label: 'Clinic',
    description: 'A community mental-health centre or a university training clinic, often with reduced fees.',
  },
  { code: 'online_service', label: 'Online service', description: 'Counseling delivered by video, phone or chat by licensed clinicians.' },
  { code: 'workshop', label: 'Workshop or intensive', description: 'Weekend workshops, intensives and retreats for couples.' },
  { code: 'self_guided', label: 'Self-guided program', description: 'Courses, apps and books a couple can work through on their own.' },
  { code: 'support_group', label: 'Support group', description: 'Peer-led groups and ministries.' },
  { code: 'hotline', label: 'Hotline', description: 'Crisis, suicide-prevention and domestic-violence lines.' },
  {
    code: 'directory',
    label: 'Therapist directory',
    description: 'A finder or referral network that lists therapists; the listed therapists, not the directory, provide the help.',
  },
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
  { code: 'gambling', label: 'Gambling', description: 'Gambling or betting, hidden losses and debt, for the gambler and the family.' },
  { code: 'jealousy_control', label: 'Jealousy and control', description: 'Snooping, demanding passwords, possessiveness.' },
  { code: 'premarital', label: 'Premarital', description: 'Preparing for marriage or a long-term commitment.' },
  { code: 'separation_divorce', label: 'Separation and divorce', description: 'Deciding whether to stay, or separating well.' },
  { code: 'intimacy', label: 'Intimacy and sexuality', description: 'Sexual and emotional intimacy.' },
  {
    code: 'domestic_violence',
    label: 'Domestic violence',
    description: 'Support and advocacy for people experiencing abuse or coercive control.',
  },
  { code: 'individual_support', label: 'Individual support', description: 'Counseling for one partner on their own.' },
  { code: 'crisis_support', label: 'Crisis support', description: 'Immediate help in a suicidal or emotional crisis.' },
] as const);

export const APPROACHES = vocabulary([
  {
    code: 'gottman',
    label: 'Gottman Method',
    description: 'Research-based couples therapy built on friendship, conflict management and shared meaning.',
  },
  { code: 'eft', label: 'Emotionally Focused Therapy', description: 'Attachment-based couples therapy (EFT).' },
  {
    code: 'imago',
    label: 'Imago Relationship Therapy',
    description: 'Structured dialogue linking present conflict to earlier experience.',
  },
  { code: 'cbt', label: 'Cognitive behavioral therapy', description: 'Changing unhelpful thoughts and behaviour patterns.' },
  {
    code: 'discernment_counseling',
    label: 'Discernment counseling',
    description: 'Short work for couples where one partner is leaning out of the relationship.',
  },
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
  { code: 'veterans', label: 'Veterans', description: 'People who have served in the armed forces, and their partners.' },
  {
    code: 'military_families',
    label: 'Serving military families',
    description: 'Active-duty, National Guard and Reserve members and their partners and families.',
  },
  {
    code: 'native_american',
    label: 'Native American and Alaska Native',
    description: 'Culturally grounded help for Native American, Alaska Native and Indigenous people.',
  },
  {
    code: 'deaf_hard_of_hearing',
    label: 'Deaf and hard of hearing',
    description:
      'Experienced with Deaf and hard-of-hearing clients and Deaf culture. How to reach them (ASL, videophone, TTY, relay, captions) is in accessibility.',
  },
] as const);

/**
 * How a person with a disability can reach and use a service: facts a curator can check on the
 * provider's own pages, each one a yes. A search asks for all of the codes it names (a Deaf
 * couple needing ASL is not helped by a TTY-only line). `tty`, `videophone` and `relay` are also
 * contact channels with their number: the write path derives those codes from the channels, and
 * `text_based` from text and chat channels or chat sessions, so a line's routes are stated once.
 */
export const ACCESSIBILITY = vocabulary([
  {
    code: 'asl',
    label: 'American Sign Language (ASL)',
    description:
      'Sessions or line staff in ASL, with signing clinicians or advocates or with an ASL interpreter the provider arranges at no cost to the client.',
  },
  {
    code: 'videophone',
    label: 'Videophone (VP)',
    description: 'A videophone line or web video call answered in sign language (ASL in the US), listed as a contact channel.',
  },
  { code: 'tty', label: 'TTY', description: 'A TTY (text telephone) number for Deaf, hard-of-hearing and speech-disabled callers.' },
  {
    code: 'relay',
    label: 'Relay calls (711)',
    description: 'Takes calls through a telecommunications relay service (711 in the US), by text or video relay.',
  },
  { code: 'captioning', label: 'Captioned video sessions', description: 'Live captions for the whole of a video session.' },
  {
    code: 'text_based',
    label: 'Reachable without voice',
    description: 'Can be used entirely in writing: text messages, online chat or messaging sessions instead of a voice call.',
  },
  {
    code: 'interpreter_on_request',
    label: 'Interpreter on request',
    description: 'A spoken-language or sign-language interpreter arranged by the provider at no cost to the client.',
  },
  {
    code: 'wheelchair_access',
    label: 'Wheelchair accessible',
    description: 'A step-free entrance and an accessible restroom at the location where sessions happen.',
  },
] as const);

/**
 * Who a service is ONLY for (eligibility), as opposed to whom it welcomes (audiences).
 * The matching engine never offers a service to a couple outside its eligibility, and never
 * offers a program for people who use abuse when any safety answer is yes.
 */
export const ELIGIBILITY = vocabulary([
  {
    code: 'people_who_use_abuse',
    label: 'For people who use abuse',
    description: 'Accountability or intervention programs for the partner causing harm; never a resource for the person at risk.',
  },
  { code: 'military_community', label: 'Military community only', description: 'Only for service members, veterans and their families.' },
  {
    code: 'serving_military_only',
    label: 'Serving military families only',
    description:
      'Only for active-duty, National Guard and Reserve members and their families (some also for a short time after leaving); not for veterans as such.',
  },
  { code: 'women_only', label: 'Women only', description: 'Only serves women.' },
  { code: 'men_only', label: 'Men only', description: 'Only serves men.' },
  { code: 'young_people_only', label: 'Young people only', description: 'Only for teens and young adults.' },
  {
    code: 'native_american_only',
    label: 'Native American and Alaska Native people only',
    description: 'Only for Native American, Alaska Native and Indigenous people.',
  },
  {
    code: 'opposite_sex_couples_only',
    label: 'Opposite-sex couples only',
    description: 'Defines marriage or partnership as between a man and a woman; not offered to a couple asking for LGBTQ+ affirming care.',
  },
  {
    code: 'married_couples_only',
    label: 'Married couples only',
    description: 'Only for married couples (separated ones included); not offered to a couple who said they are unmarried or engaged.',
  },
] as const);

/** What a hotline is for: its role, stated as data by the curator rather than guessed from specialties. */
export const LINE_ROLES = vocabulary([
  {
    code: 'crisis',
    label: 'Suicide and crisis line',
    description: 'Immediate support for anyone thinking about suicide or in emotional crisis.',
  },
  {
    code: 'domestic_violence',
    label: 'Domestic violence line',
    description: 'Advocates for people experiencing abuse or coercive control: safety planning and shelter referrals.',
  },
  { code: 'sexual_assault', label: 'Sexual assault line', description: 'Support after rape or sexual assault.' },
  { code: 'substance_use', label: 'Substance use helpline', description: 'Information and treatment referral for drinking or drug use.' },
  { code: 'gambling', label: 'Gambling helpline', description: 'Support for problem gambling, for the gambler and the family.' },
  { code: 'information_referral', label: 'Information and referral', description: 'Local health and human services (211).' },
  { code: 'family_support', label: 'Family support line', description: 'Support for partners and families of someone who is struggling.' },
] as const);

/** Ways to reach a service besides its main phone number. */
export const CONTACT_CHANNELS = vocabulary([
  { code: 'call', label: 'Call', description: 'A voice call.' },
  { code: 'text', label: 'Text', description: 'SMS text messaging (send the keyword to the number).' },
  { code: 'chat', label: 'Online chat', description: "Live chat on the service's website." },
  { code: 'tty', label: 'TTY', description: 'Teletypewriter line for Deaf and hard-of-hearing callers.' },
  {
    code: 'videophone',
    label: 'Videophone (sign language)',
    description:
      'Video call in sign language (ASL in the US): a number to dial from a videophone, or an https page with a video call button.',
  },
  { code: 'relay', label: 'Relay service', description: 'Telecommunications relay (for example 711 in the US).' },
] as const);

export const CREDENTIALS = vocabulary([
  { code: 'gottman_certified', label: 'Certified Gottman Therapist', description: 'Completed the Gottman Institute certification track.' },
  {
    code: 'iceeft_certified',
    label: 'ICEEFT-certified EFT therapist',
    description: 'Certified by the International Centre for Excellence in EFT.',
  },
  {
    code: 'aamft_clinical_fellow',
    label: 'AAMFT Clinical Fellow',
    description: 'Marriage and family therapist bound by the AAMFT code of ethics.',
  },
  { code: 'csat', label: 'CSAT', description: 'Certified sex addiction therapist.' },
  {
    code: 'aasect',
    label: 'AASECT-certified sex therapist',
    description: 'Certified by the American Association of Sexuality Educators, Counselors and Therapists.',
  },
  { code: 'apsats', label: 'APSATS / CPTT', description: 'Trained to support partners betrayed by sexual addiction or infidelity.' },
  { code: 'licensed_clinician', label: 'Licensed clinician', description: 'LMFT, LPC, LCSW, psychologist or equivalent licence.' },
  {
    code: 'supervised_trainee',
    label: 'Supervised trainee',
    description: 'Graduate student clinician working under licensed supervision.',
  },
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

/** What one fee buys; fees are compared with a per-session budget only when they are per session. */
export const FEE_PERIODS = vocabulary([
  { code: 'per_session', label: 'per session', description: 'The fee is for one session.' },
  { code: 'per_week', label: 'per week', description: 'A weekly subscription (for example messaging plus a short live session).' },
  { code: 'per_month', label: 'per month', description: 'A monthly subscription.' },
  { code: 'one_time', label: 'one time', description: 'A single payment (a book, a membership, an assessment).' },
  { code: 'per_program', label: 'for the whole program', description: 'One price for a workshop, intensive or course.' },
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
export type FeePeriod = (typeof FEE_PERIODS.codes)[number];
export type Eligibility = (typeof ELIGIBILITY.codes)[number];
export type LineRole = (typeof LINE_ROLES.codes)[number];
export type ContactChannelType = (typeof CONTACT_CHANNELS.codes)[number];
export type AccessibilityCode = (typeof ACCESSIBILITY.codes)[number];

/** Every vocabulary by the name the API uses for it (filters, facets, taxonomy endpoint). */
export const TAXONOMY = {
  kind: RESOURCE_KINDS,
  format: FORMATS,
  specialty: SPECIALTIES,
  approach: APPROACHES,
  audience: AUDIENCES,
  accessibility: ACCESSIBILITY,
  credential: CREDENTIALS,
  payment: PAYMENT_OPTIONS,
  availability: AVAILABILITY,
  eligibility: ELIGIBILITY,
  lineRole: LINE_ROLES,
  contactChannel: CONTACT_CHANNELS,
} as const;
export type TaxonomyName = keyof typeof TAXONOMY;

/**
 * What a visitor can report about a listing (POST /v1/resources/{id}/reports): the reason picker
 * of a "Report a problem with this listing" control. `phone_not_working` and `closed` from several
 * people suspend a safety line until a curator reviews it.
 */
export const REPORT_REASONS = vocabulary([
  {
    code: 'phone_not_working',
    label: 'Phone number does not work',
    description: 'The number is disconnected, never answers or reaches someone else.',
  },
  { code: 'closed', label: 'Closed', description: 'The service has closed or stopped offering this help.' },
  {
    code: 'not_accepting_clients',
    label: 'Not taking new clients',
    description: 'They are not taking anyone new, or the wait is much longer than listed.',
  },
  { code: 'wrong_fees', label: 'Fees are wrong', description: 'The fees, sliding scale or insurance differ from the listing.' },
  { code: 'wrong_address', label: 'Address is wrong', description: 'The service is not at the listed place.' },
  { code: 'wrong_hours', label: 'Hours are wrong', description: 'The hours or availability differ from the listing.' },
  {
    code: 'unsafe_or_inappropriate',
    label: 'Unsafe or inappropriate',
    description: 'Something about the service or the listing seems unsafe or wrong to recommend.',
  },
  { code: 'other', label: 'Something else', description: 'Another problem with the listing.' },
] as const);
export type ReportReason = (typeof REPORT_REASONS.codes)[number];

/** How fresh a listing's details are (ResourceResponse.verification.status), for labels on cards. */
export const VERIFICATION_STATUS = vocabulary([
  {
    code: 'current',
    label: 'Recently checked',
    description: 'The details were confirmed within the freshness policy (180 days; 90 for safety lines).',
  },
  { code: 'due', label: 'Due for a check', description: 'The details are due to be confirmed again, or have not been confirmed yet.' },
  {
    code: 'stale',
    label: 'Not checked in a long time',
    description: 'The details were last confirmed over a year ago (180 days for safety lines): check them before relying on them.',
  },
] as const);

/**
 * Vocabularies of the API that are not properties of a listing (so not filters, and not exported
 * to HSDS): served by GET /v1/taxonomy beside TAXONOMY for building interfaces.
 */
export const INTERFACE_VOCABULARIES = {
  reportReason: REPORT_REASONS,
  verificationStatus: VERIFICATION_STATUS,
} as const;
export type InterfaceVocabularyName = keyof typeof INTERFACE_VOCABULARIES;
