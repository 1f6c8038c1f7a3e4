/**
 * Emergency numbers by country (ISO 3166-1 alpha-2). A person is never told to call a number
 * that does not work where they are: 911 is for the US, Canada and Mexico only. Sources: each
 * government's own emergency-services page (see docs/matching.md, "Sources").
 */
export interface EmergencyNumber {
  country: string;
  /** The number to lead with. */
  number: string;
  /** Other numbers that also reach emergency services there. */
  alsoWorks: string[];
  /** How to get help when speaking aloud is not safe, where the country has a way. */
  ifYouCannotSpeak?: string;
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
  ['US', { country: 'US', number: '911', alsoWorks: [], ifYouCannotSpeak: 'In many areas you can text 911 when calling is not safe.' }],
  ['CA', { country: 'CA', number: '911', alsoWorks: [] }],
  // Mexico's single emergency number since January 2017 (it replaced 066 and the other service numbers).
  ['MX', { country: 'MX', number: '911', alsoWorks: [] }],
  [
    'GB',
    {
      country: 'GB',
      number: '999',
      alsoWorks: ['112'],
      ifYouCannotSpeak:
        'If you cannot speak, call 999 from a mobile, listen, and press 55 when asked: the police will know it is a real emergency (the Silent Solution). It does not tell them where you are, so give your location if you can.',
    },
  ],
  ['IE', { country: 'IE', number: '112', alsoWorks: ['999'] }],
  ['AU', { country: 'AU', number: '000', alsoWorks: ['112'] }],
  [
    'NZ',
    {
      country: 'NZ',
      number: '111',
      alsoWorks: [],
      ifYouCannotSpeak: 'If you cannot speak, call 111, stay silent and press 55 when asked.',
    },
  ],
  ...EU_112.map((c): [string, EmergencyNumber] => [c, { country: c, number: '112', alsoWorks: [] }]),
  // Countries whose police number differs from 112 (their own services' pages).
  ['DE', { country: 'DE', number: '112', alsoWorks: ['110 (police)'] }],
  ['FR', { country: 'FR', number: '112', alsoWorks: ['17 (police)'], ifYouCannotSpeak: 'If you cannot speak or hear, text 114.' }],
]);

export function emergencyNumberFor(country: string | undefined): EmergencyNumber | undefined {
  return country ? NUMBERS.get(country) : undefined;
}

/** "call 999 (or 112)", or the local number in general words when the country is unknown. */
export function callEmergencyText(emergency: EmergencyNumber | undefined): string {
  if (!emergency) return 'call your local emergency number (911 in the US and Canada, 999 in the UK, 112 in the EU, 000 in Australia)';
  return emergency.alsoWorks.length ? `call ${emergency.number} (or ${emergency.alsoWorks.join(' or ')})` : `call ${emergency.number}`;
}
