import zipcodes from 'zipcodes';

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
