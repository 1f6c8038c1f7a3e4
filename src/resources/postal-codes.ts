import zipcodes from 'zipcodes';
import { ProblemException } from '../common/problem/problem.js';

export interface GeoPoint {
  lat: number;
  lng: number;
  region: string;
}

const CANADIAN_PROVINCES: Record<string, string> = {
  Alberta: 'AB', 'British Columbia': 'BC', Manitoba: 'MB', 'New Brunswick': 'NB', 'Newfoundland and Labrador': 'NL',
  'Nova Scotia': 'NS', Ontario: 'ON', 'Prince Edward Island': 'PE', Quebec: 'QC', Saskatchewan: 'SK',
  'Northwest Territories': 'NT', Nunavut: 'NU', Yukon: 'YT',
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

/** A "lat,lng" pair in decimal degrees (the shape DTOs accept for `near`). */
export const LAT_LNG_PATTERN = /^\s*-?\d{1,2}(\.\d+)?\s*,\s*-?\d{1,3}(\.\d+)?\s*$/;
/** What a US ZIP or Canadian postal code can look like before it is looked up. */
export const POSTAL_CODE_PATTERN = /^[A-Za-z0-9 -]{3,10}$/;

/** Parses a validated `near` value; 400 naming `near` when it is off the globe. */
export function parseNear(near: string): { lat: number; lng: number } {
  const [lat, lng] = near.split(',').map((v) => Number(v.trim()));
  if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) {
    throw ProblemException.badRequest('near', 'out_of_range', 'near must have a latitude within ±90 and a longitude within ±180.');
  }
  return { lat, lng };
}

/** resolvePostalCode, or a 400 naming `postalCode` when the code is unknown. */
export function requirePostalCode(code: string, country: 'US' | 'CA'): GeoPoint {
  const point = resolvePostalCode(code, country);
  if (!point) throw ProblemException.badRequest('postalCode', 'unknown_postal_code', `postalCode ${code} is not a known ${country} postal code.`);
  return point;
}
