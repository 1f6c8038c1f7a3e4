import { list, type Message, type MessageArg, msg } from '../../common/i18n/message.js';

/**
 * Emergency numbers by country (ISO 3166-1 alpha-2). A person is never told to call a number
 * that does not work where they are: 911 is for the US (and its territories), Canada and Mexico only. Sources: each
 * government's own emergency-services page (see docs/matching.md, "Sources").
 */
export interface EmergencyNumber {
  country: string;
  /** The number to lead with. */
  number: string;
  /** Other numbers that also reach emergency services there, with the service when it is only one (police). */
  alsoWorks: { number: string; service?: 'police' }[];
  /** How to get help when speaking aloud is not safe, where the country has a way (emergency.cannotSpeak.<country>). */
  ifYouCannotSpeak?: Message;
}

// The EU's single emergency number works in every member state (and in the EEA).
const EU_112 = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'IS',
  'LI',
  'NO',
  'CH',
];

const NUMBERS = new Map<string, EmergencyNumber>([
  ['US', { country: 'US', number: '911', alsoWorks: [], ifYouCannotSpeak: msg('emergency.cannotSpeak.US') }],
  ['CA', { country: 'CA', number: '911', alsoWorks: [] }],
  // US territories use 911 like the states (Puerto Rico, US Virgin Islands, Guam, American Samoa, Northern Mariana Islands).
  ...['PR', 'VI', 'GU', 'AS', 'MP'].map((c): [string, EmergencyNumber] => [c, { country: c, number: '911', alsoWorks: [] }]),
  // Mexico's single emergency number since January 2017 (it replaced 066 and the other service numbers).
  ['MX', { country: 'MX', number: '911', alsoWorks: [] }],
  [
    'GB',
    {
      country: 'GB',
      number: '999',
      alsoWorks: [{ number: '112' }],
      // The Silent Solution: press 55 when asked; it does not give the caller's location.
      ifYouCannotSpeak: msg('emergency.cannotSpeak.GB'),
    },
  ],
  ['IE', { country: 'IE', number: '112', alsoWorks: [{ number: '999' }] }],
  ['AU', { country: 'AU', number: '000', alsoWorks: [{ number: '112' }] }],
  [
    'NZ',
    {
      country: 'NZ',
      number: '111',
      alsoWorks: [],
      ifYouCannotSpeak: msg('emergency.cannotSpeak.NZ'),
    },
  ],
  ...EU_112.map((c): [string, EmergencyNumber] => [c, { country: c, number: '112', alsoWorks: [] }]),
  // Countries whose police number differs from 112 (their own services' pages).
  ['DE', { country: 'DE', number: '112', alsoWorks: [{ number: '110', service: 'police' }] }],
  [
    'FR',
    { country: 'FR', number: '112', alsoWorks: [{ number: '17', service: 'police' }], ifYouCannotSpeak: msg('emergency.cannotSpeak.FR') },
  ],
]);

/** Every country with a known emergency number (the widget offers each of them: test/widget-format.spec.ts). */
export const EMERGENCY_COUNTRIES: readonly string[] = [...NUMBERS.keys()];

export function emergencyNumberFor(country: string | undefined): EmergencyNumber | undefined {
  return country ? NUMBERS.get(country) : undefined;
}

/** An other number as people read it: "112", "110 for the police". */
export function alsoWorksArg(other: EmergencyNumber['alsoWorks'][number]): MessageArg {
  return other.service ? { message: msg(`emergency.service.${other.service}`, { number: other.number }) } : other.number;
}

/** "call 999 (or 112)", or the local number in general words when the country is unknown. */
export function callEmergency(emergency: EmergencyNumber | undefined): Message {
  if (!emergency) return msg('emergency.callUnknown');
  return emergency.alsoWorks.length
    ? msg('emergency.callOr', { number: emergency.number, others: list(emergency.alsoWorks.map(alsoWorksArg), 'or') })
    : msg('emergency.call', { number: emergency.number });
}
