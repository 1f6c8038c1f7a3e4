/**
 * Names for the codes Mend stores (ISO 3166-2 regions, ISO 3166-1 countries, ISO 639-1
 * languages), shared by the matching engine's words ("Ohio", not "US-OH") and by HSDS: an
 * export carries the names the specification asks for (address.state_province,
 * service_area.name, language.name) and an import turns the names other directories write
 * back into codes.
 */

/** ISO 3166-2 subdivisions of the countries the directory covers (US, Canada, UK nations). */
const SUBDIVISIONS: Record<string, string> = {
  'US-AL': 'Alabama',
  'US-AK': 'Alaska',
  'US-AZ': 'Arizona',
  'US-AR': 'Arkansas',
  'US-CA': 'California',
  'US-CO': 'Colorado',
  'US-CT': 'Connecticut',
  'US-DE': 'Delaware',
  'US-DC': 'District of Columbia',
  'US-FL': 'Florida',
  'US-GA': 'Georgia',
  'US-HI': 'Hawaii',
  'US-ID': 'Idaho',
  'US-IL': 'Illinois',
  'US-IN': 'Indiana',
  'US-IA': 'Iowa',
  'US-KS': 'Kansas',
  'US-KY': 'Kentucky',
  'US-LA': 'Louisiana',
  'US-ME': 'Maine',
  'US-MD': 'Maryland',
  'US-MA': 'Massachusetts',
  'US-MI': 'Michigan',
  'US-MN': 'Minnesota',
  'US-MS': 'Mississippi',
  'US-MO': 'Missouri',
  'US-MT': 'Montana',
  'US-NE': 'Nebraska',
  'US-NV': 'Nevada',
  'US-NH': 'New Hampshire',
  'US-NJ': 'New Jersey',
  'US-NM': 'New Mexico',
  'US-NY': 'New York',
  'US-NC': 'North Carolina',
  'US-ND': 'North Dakota',
  'US-OH': 'Ohio',
  'US-OK': 'Oklahoma',
  'US-OR': 'Oregon',
  'US-PA': 'Pennsylvania',
  'US-RI': 'Rhode Island',
  'US-SC': 'South Carolina',
  'US-SD': 'South Dakota',
  'US-TN': 'Tennessee',
  'US-TX': 'Texas',
  'US-UT': 'Utah',
  'US-VT': 'Vermont',
  'US-VA': 'Virginia',
  'US-WA': 'Washington',
  'US-WV': 'West Virginia',
  'US-WI': 'Wisconsin',
  'US-WY': 'Wyoming',
  'US-PR': 'Puerto Rico',
  'CA-AB': 'Alberta',
  'CA-BC': 'British Columbia',
  'CA-MB': 'Manitoba',
  'CA-NB': 'New Brunswick',
  'CA-NL': 'Newfoundland and Labrador',
  'CA-NS': 'Nova Scotia',
  'CA-NT': 'Northwest Territories',
  'CA-NU': 'Nunavut',
  'CA-ON': 'Ontario',
  'CA-PE': 'Prince Edward Island',
  'CA-QC': 'Quebec',
  'CA-SK': 'Saskatchewan',
  'CA-YT': 'Yukon',
  'GB-ENG': 'England',
  'GB-NIR': 'Northern Ireland',
  'GB-SCT': 'Scotland',
  'GB-WLS': 'Wales',
};

const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const SUBDIVISION_BY_NAME = new Map(Object.entries(SUBDIVISIONS).map(([code, name]) => [normalise(name), code]));

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** Names in Spanish where they differ from the English above (the usual Spanish exonyms). */
const SUBDIVISIONS_ES: Record<string, string> = {
  'US-DC': 'Distrito de Columbia',
  'US-HI': 'Hawái',
  'US-LA': 'Luisiana',
  'US-MS': 'Misisipi',
  'US-MO': 'Misuri',
  'US-NJ': 'Nueva Jersey',
  'US-NM': 'Nuevo México',
  'US-NY': 'Nueva York',
  'US-NC': 'Carolina del Norte',
  'US-ND': 'Dakota del Norte',
  'US-PA': 'Pensilvania',
  'US-SC': 'Carolina del Sur',
  'US-SD': 'Dakota del Sur',
  'US-WV': 'Virginia Occidental',
  'CA-BC': 'Columbia Británica',
  'CA-NB': 'Nuevo Brunswick',
  'CA-NL': 'Terranova y Labrador',
  'CA-NS': 'Nueva Escocia',
  'CA-NT': 'Territorios del Noroeste',
  'CA-PE': 'Isla del Príncipe Eduardo',
  'CA-QC': 'Quebec',
  'GB-ENG': 'Inglaterra',
  'GB-NIR': 'Irlanda del Norte',
  'GB-SCT': 'Escocia',
  'GB-WLS': 'Gales',
};
const displayNames = new Map<string, Intl.DisplayNames>();
/** Intl's names for countries and languages in a reader's language ("Estados Unidos", "español"). */
function namesIn(locale: string, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${locale}:${type}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type, fallback: 'code' });
    displayNames.set(key, names);
  }
  return names;
}

export const COUNTRY = /^[A-Z]{2}$/;
export const REGION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
export const AREA = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/** "Ohio" for US-OH, "United States" for US; the code itself when no name is known. In Spanish: "Nueva York", "Estados Unidos". */
export function areaName(code: string, locale = 'en'): string {
  if (COUNTRY.test(code)) return (locale === 'en' ? regionNames : namesIn(locale, 'region')).of(code) ?? code;
  if (locale === 'es' && Object.hasOwn(SUBDIVISIONS_ES, code)) return SUBDIVISIONS_ES[code];
  return Object.hasOwn(SUBDIVISIONS, code) ? SUBDIVISIONS[code] : code;
}

/** The name of the subdivision part of an ISO 3166-2 code for address.state_province ("Ohio"; "OH" when unknown). */
export function stateProvinceName(region: string): string {
  return Object.hasOwn(SUBDIVISIONS, region) ? SUBDIVISIONS[region] : region.slice(3);
}

/**
 * An ISO 3166-2 region from what an address says: a code ("US-OH"), a subdivision code of the
 * country ("OH"), or a known name ("Ohio"). Undefined when none of these.
 */
export function parseRegion(country: string, ...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' || !candidate.trim()) continue;
    const value = candidate.trim();
    const upper = value.toUpperCase();
    if (REGION.test(upper) && upper.startsWith(`${country}-`)) return upper;
    if (/^[A-Z0-9]{1,3}$/.test(upper) && SUBDIVISIONS[`${country}-${upper}`]) return `${country}-${upper}`;
    const byName = SUBDIVISION_BY_NAME.get(normalise(value));
    if (byName?.startsWith(`${country}-`)) return byName;
  }
  return undefined;
}

/** Codes with a region name that are not ISO 3166-1 countries (private use, EU, UN, UK for GB, …). */
const NOT_COUNTRIES = /^(AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN|UK)$/;
const COUNTRY_BY_NAME = new Map<string, string>();
const LANGUAGE_BY_NAME = new Map<string, string>();
for (let a = 97; a <= 122; a++) {
  for (let b = 97; b <= 122; b++) {
    const code = String.fromCharCode(a, b);
    const language = languageNames.of(code);
    if (language && language !== code) LANGUAGE_BY_NAME.set(normalise(language), code);
    const country = code.toUpperCase();
    const countryName = regionNames.of(country);
    if (countryName && countryName !== country && !NOT_COUNTRIES.test(country)) COUNTRY_BY_NAME.set(normalise(countryName), country);
  }
}
for (const [alias, code] of [
  ['usa', 'US'],
  ['united states of america', 'US'],
  ['uk', 'GB'],
  ['great britain', 'GB'],
] as const)
  COUNTRY_BY_NAME.set(alias, code);

/** An ISO 3166-1 alpha-2 country from a code or an English name ("US", "United States", "USA"). */
export function parseCountry(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const upper = value.trim().toUpperCase();
  if (upper === 'UK') return 'GB';
  if (COUNTRY.test(upper) && !NOT_COUNTRIES.test(upper) && regionNames.of(upper) !== upper) return upper;
  return COUNTRY_BY_NAME.get(normalise(value));
}

/** A service area: an ISO 3166-2 region or a country, from a code or a known name. */
export function parseArea(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const upper = value.trim().toUpperCase();
  if (REGION.test(upper)) return upper;
  const country = parseCountry(value);
  if (country) return country;
  return SUBDIVISION_BY_NAME.get(normalise(value));
}

/** "Spanish" for es. */
export function languageName(code: string, locale = 'en'): string {
  return (locale === 'en' ? languageNames : namesIn(locale, 'language')).of(code) ?? code;
}

/**
 * An ISO 639-1 code from an HSDS language: its code (639-1, or 639-2/3 such as "spa" when it
 * has a 639-1 equivalent) or its English name.
 */
export function parseLanguage(code: unknown, name: unknown): string | undefined {
  if (typeof code === 'string' && /^[a-z]{2}$/i.test(code.trim())) {
    const lower = code.trim().toLowerCase();
    if (languageNames.of(lower) !== lower) return lower;
  }
  if (typeof code === 'string' && /^[a-z]{3}$/i.test(code.trim())) {
    const viaName = languageNames.of(code.trim().toLowerCase());
    const found = viaName && LANGUAGE_BY_NAME.get(normalise(viaName));
    if (found) return found;
  }
  if (typeof name === 'string' && name.trim()) return LANGUAGE_BY_NAME.get(normalise(name));
  return undefined;
}
