import { exampleResource } from '../../resources/dto/resource.examples.js';
import type { ResourceResponse } from '../../resources/dto/resource.response.js';

/** The national lines in the examples: free, confidential, around the clock, by phone and chat, checked by a curator on one day. */
const VERIFIED_AT = '2026-12-01T00:00:00.000Z';
const nationalHotline = (sourceUrl: string, over: Partial<ResourceResponse>) =>
  exampleResource({
    email: null,
    kind: 'hotline',
    formats: ['phone', 'chat'],
    approaches: [],
    credentials: ['trained_advocate'],
    cost: {
      free: true,
      slidingScale: false,
      feeMin: null,
      feeMax: null,
      currency: 'USD',
      feePeriod: 'per_session',
      insuranceAccepted: false,
      insurers: [],
      noInsuranceNeeded: true,
      notes: 'Free and confidential.',
      notesLang: 'en',
    },
    paymentOptions: ['free'],
    locations: [],
    serviceAreas: ['US'],
    availability: ['around_the_clock'],
    jointSessions: false,
    provenance: { sourceUrl, lastVerifiedAt: VERIFIED_AT, demo: false },
    verification: { lastVerifiedAt: VERIFIED_AT, verifiedBy: 'curator', status: 'current', reportedNotWorking: false },
    ...over,
  });

const ndvh = nationalHotline('https://www.thehotline.org', {
  id: 'c1d1a9d0-7b0e-4a61-9f44-0d7c2b1f9e21',
  slug: 'national-domestic-violence-hotline',
  name: 'National Domestic Violence Hotline',
  organization: { name: 'The National Domestic Violence Hotline', website: 'https://www.thehotline.org' },
  url: 'https://www.thehotline.org',
  description:
    'Advocates listen, help with safety planning and connect callers to local shelters and services, whether or not they are ready to leave.',
  phone: '1-800-799-7233',
  specialties: ['domestic_violence'],
  lineRoles: ['domestic_violence'],
  accessibility: ['tty', 'text_based'],
  contactChannels: [
    { type: 'tty', value: '1-800-787-3224' },
    { type: 'text', value: '88788', keyword: 'START' },
    { type: 'chat', value: 'https://www.thehotline.org/' },
  ],
});
const lifeline988 = nationalHotline('https://988lifeline.org/get-help/what-to-expect', {
  id: '5fb09d6e-f6bb-4dc6-9a8a-f7643e01c1d5',
  slug: '988-suicide-and-crisis-lifeline',
  name: '988 Suicide & Crisis Lifeline',
  organization: { name: '988 Suicide & Crisis Lifeline', website: 'https://988lifeline.org' },
  url: 'https://988lifeline.org',
  description:
    'Trained crisis counselors answer calls, texts and chats from anyone thinking about suicide or in emotional distress, or worried about someone else.',
  phone: '988',
  specialties: ['crisis_support'],
  lineRoles: ['crisis'],
  accessibility: ['asl', 'videophone', 'relay', 'text_based'],
  contactChannels: [
    { type: 'text', value: '988' },
    { type: 'chat', value: 'https://988lifeline.org/chat' },
    { type: 'relay', value: '711' },
    { type: 'videophone', value: '1-800-273-8255' },
    { type: 'videophone', value: 'https://988lifeline.org' },
  ],
});
const US_EMERGENCY = {
  country: 'US',
  number: '911',
  alsoWorks: [],
  ifYouCannotSpeak: 'In many areas you can text 911 when calling is not safe.',
};

/** Response examples for Swagger, trimmed from real responses on the curated directory. */
export const INTAKE_RESPONSE_EXAMPLES = {
  affairRecovery: {
    summary: 'Both willing, affair recovery, $150, Columbus OH',
    value: {
      id: '6f1c2b9e-1b7a-4c55-9d3e-2a9f0c8e4b11',
      lang: 'en',
      expiresAt: '2026-12-25T16:00:00.000Z',
      doNotContact: true,
      doNotContactForced: false,
      jointSessionsAppropriate: true,
      safety: {
        level: 'none',
        answered: true,
        guidance:
          'Nothing in your answers suggests immediate danger. If you ever feel unsafe, controlled or afraid, or anyone thinks about self-harm, free and confidential crisis and abuse lines can help. In an emergency, call 911.',
        couplesCounselingRecommended: true,
        reasons: [],
        emergency: US_EMERGENCY,
        linesCountry: 'US',
        countryAssumed: false,
        resources: [lifeline988, ndvh],
      },
      recommendation: {
        type: 'couples_counseling',
        title: 'Couples counseling',
        explanation:
          'You are both willing to work on it, which is the best starting point. A couples counselor can help you rebuild trust together — married or not, in person or online.',
        alsoConsider: [],
      },
      matches: [
        {
          resource: exampleResource({}),
          score: 1,
          reasons: [
            { code: 'specialty_match', text: 'specializes in infidelity recovery' },
            { code: 'couples_sessions', text: 'sees both partners together' },
            { code: 'within_budget', text: 'within your budget of $150' },
            { code: 'distance', text: 'less than 1 mile away' },
            { code: 'accepting_new_clients', text: 'accepting new clients' },
          ],
          caveats: [],
        },
      ],
      relaxations: [],
      nextSteps: [
        {
          code: 'define_trust',
          text: 'Sit down together and agree on what trust means for each of you — what you expect, and what you will no longer do.',
        },
        { code: 'seek_professional_help', text: 'Contact one or two of the counselors below and ask about a first session together.' },
      ],
    },
  },
  safetyFirst: {
    summary: 'One partner is afraid: DV lines first, no couples counseling',
    value: {
      id: '0b7d8c1a-52c3-4f0e-8a61-7f3e9d2c5a40',
      lang: 'en',
      expiresAt: '2026-12-25T16:00:00.000Z',
      doNotContact: true,
      doNotContactForced: false,
      jointSessionsAppropriate: false,
      safety: {
        level: 'urgent',
        answered: false,
        guidance:
          'When there is violence, fear or control in a relationship, couples counseling is not the safe next step: … If you are in danger right now, call 911. In many areas you can text 911 when calling is not safe.',
        couplesCounselingRecommended: false,
        reasons: [{ code: 'fear', text: 'Someone feels afraid of their partner.' }],
        emergency: US_EMERGENCY,
        linesCountry: 'US',
        countryAssumed: false,
        resources: [ndvh, lifeline988],
      },
      recommendation: {
        type: 'safety_first',
        title: 'Safety first: individual support and a domestic-violence advocate',
        explanation: 'Because of what you shared about safety, we are not suggesting couples counseling. …',
        alsoConsider: ['individual_counseling'],
      },
      matches: [],
      relaxations: [],
      nextSteps: [
        {
          code: 'talk_to_advocate',
          text: 'Reach a domestic-violence advocate from a safe phone or device; they can help you make a safety plan.',
        },
        {
          code: 'private_device',
          text: 'If your partner may check your phone or browser, use a device they cannot access, or a private browsing window, to look for help.',
        },
      ],
    },
  },
};
