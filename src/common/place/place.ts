import zipcodes from 'zipcodes';

import { PlaceErrors } from './place.errors.js';

export interface GeoPoint {
  lat: number;
  lng: number;
  region: string;
}

const CANADIAN_PROVINCES: Record<string, string> = {
  Alberta: 'AB',
  'British Columbia': 'BC',
  Manitoba: 'MB',
  'New Brunswick': 'NB',
  'Newfoundland and Labrador': 'NL',
  'Nova Scotia': 'NS',
  Ontario: 'ON',
  'Prince Edward Island': 'PE',
  Quebec: 'QC',
  Saskatchewan: 'SK',
  'Northwest Territories': 'NT',
  Nunavut: 'NU',
  Yukon: 'YT',
};

/**
 * Resolves a postal code offline (the `zipcodes` dataset: US ZIP codes and Canadian
 * forward sortation areas). Returns undefined when the code is unknown.
 */
export function resolvePostalCode(code: string, country: 'US' | 'CA'): GeoPoint | undefined {
  const normalized = country === 'CA' ? code.replace(/\s+/g, '').slice(0, 3).toUpperCase() : code.trim().slice(0, 5);
  if (country === 'US' && !/^\d{5}$/.test(normalized)) return undefined;
  if (country === 'CA' && !/^[A-Z]\d[A-Z]$/.test(normalized)) return undefined;
  const hit = zipcodes.lookup(normalized);
  if (!hit) return undefined;
  const expected = country === 'US' ? 'US' : 'Canada';
  if (hit.country !== expected) return undefined;
  const region = country === 'US' ? `US-${hit.state}` : `CA-${CANADIAN_PROVINCES[hit.state] ?? hit.state}`;
  return { lat: hit.latitude, lng: hit.longitude, region };
}

/** The country a postal code's shape says, when none is given: a Canadian one starts letter-digit-letter; a US ZIP is digits. */
export function postalCodeCountry(code: string): 'US' | 'CA' {
  return /^[A-Za-z]\d[A-Za-z]/.test(code) ? 'CA' : 'US';
}

/** A "lat,lng" pair in decimal degrees (the shape DTOs accept for `near`). */
export const LAT_LNG_PATTERN = /^\s*-?\d{1,2}(\.\d+)?\s*,\s*-?\d{1,3}(\.\d+)?\s*$/;
/** What a US ZIP or Canadian postal code can look like before it is looked up. */
export const POSTAL_CODE_PATTERN = /^[A-Za-z0-9 -]{3,10}$/;

/** `near` and `postalCode` each say where the person is: a request gives one or the other (400 naming `near`). */
export function requireOnePlace(place: { near?: string; postalCode?: string }): void {
  if (place.near && place.postalCode) throw PlaceErrors.conflictingPlace();
}

/** Parses a validated `near` value; 400 naming `near` when it is off the globe. */
export function parseNear(near: string): { lat: number; lng: number } {
  const [lat, lng] = near.split(',').map((v) => Number(v.trim()));
  if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) {
    throw PlaceErrors.nearOutOfRange();
  }
  return { lat, lng };
}

/** resolvePostalCode, or a 400 naming `postalCode` when the code is unknown. */
export function requirePostalCode(code: string, country: 'US' | 'CA'): GeoPoint {
  const point = resolvePostalCode(code, country);
  if (!point) throw PlaceErrors.unknownPostalCode(code, country);
  return point;
}

/** US "states" that are military post offices abroad (APO/FPO), not places in the US. */
const MILITARY_POST = new Set(['AA', 'AE', 'AP']);
/** A postal area farther than this from the point does not say where the point is. */
const NEAREST_POSTAL_MAX_KM = 60;
/**
 * Coarse boxes for covered countries that no other covered or neighbouring country overlaps
 * (islands, mostly). Continental Europe is left out on purpose: a box would put a Belgian in
 * France. A point in two boxes (Ireland and Northern Ireland) is in neither.
 */
const COUNTRY_BOXES: { country: string; south: number; north: number; west: number; east: number }[] = [
  { country: 'GB', south: 49.85, north: 60.9, west: -8.2, east: 1.8 },
  { country: 'IE', south: 51.4, north: 55.4, west: -10.7, east: -5.9 },
  { country: 'AU', south: -43.8, north: -10.0, west: 112.9, east: 153.7 },
  { country: 'NZ', south: -47.4, north: -34.3, west: 166.3, east: 178.7 },
];

const EARTH_KM = 6371;
function kmBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

/**
 * Where a point is, offline, as far as can be told: a US state or Canadian province from the
 * nearest postal area (when it is close and not a military post office abroad), else a covered
 * country whose box holds the point alone. Undefined when it cannot be told: the caller must not
 * guess (a wrong country means a crisis line that does not work there).
 */
export function placeOfPoint(point: { lat: number; lng: number }): { country: string; region?: string } | undefined {
  const hit = zipcodes.lookupByCoords(point.lat, point.lng);
  if (hit && kmBetween(point, { lat: hit.latitude, lng: hit.longitude }) <= NEAREST_POSTAL_MAX_KM) {
    if (hit.country === 'US' && !MILITARY_POST.has(hit.state)) return { country: 'US', region: `US-${hit.state}` };
    if (hit.country === 'Canada' && Object.hasOwn(CANADIAN_PROVINCES, hit.state))
      return { country: 'CA', region: `CA-${CANADIAN_PROVINCES[hit.state]}` };
  }
  const boxes = COUNTRY_BOXES.filter((b) => point.lat >= b.south && point.lat <= b.north && point.lng >= b.west && point.lng <= b.east);
  return boxes.length === 1 ? { country: boxes[0].country } : undefined;
}
