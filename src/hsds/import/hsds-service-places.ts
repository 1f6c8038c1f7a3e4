import { parseArea, parseCountry, parseRegion } from '../../common/place/place-names.js';
import type { ResourceDocument } from '../../resources/curation/resource-document.js';
import { arr, type ImportNote, type Json, num, obj, quoted, text } from './hsds-json.js';

/* Where a service is: its physical locations and the areas it serves. */

const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/;

export function mapLocations(service: Json, skipped: ImportNote[]): ResourceDocument['locations'] {
  const locations: ResourceDocument['locations'] = [];
  arr(service.service_at_locations).forEach((raw, i) => {
    const field = `service_at_locations[${i}]`;
    const location = obj(obj(raw)?.location);
    if (!location) return skipped.push({ field, reason: 'no location' });
    if (location.location_type === 'virtual')
      return skipped.push({ field, reason: 'a virtual location: Mend records online delivery as formats' });
    const latitude = num(location.latitude);
    const longitude = num(location.longitude);
    if (latitude === undefined || longitude === undefined || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      return skipped.push({ field, reason: 'no valid latitude and longitude (Mend needs them for distance search)' });
    }
    const addresses = arr(location.addresses)
      .map(obj)
      .filter((a): a is Json => !!a);
    const address = addresses.find((a) => a.address_type === 'physical') ?? addresses[0];
    if (!address) return skipped.push({ field, reason: 'no address (Mend needs the city, region and country)' });
    const city = text(address.city);
    const country = parseCountry(address.country);
    const region = country && parseRegion(country, address.region, address.state_province);
    if (!city || !country || !region) {
      const missing = !city
        ? 'city'
        : !country
          ? `country "${quoted(address.country)}"`
          : `region "${quoted(address.state_province ?? address.region)}"`;
      return skipped.push({ field, reason: `the address has no recognisable ${missing}` });
    }
    const street = [text(address.address_1), text(address.address_2)].filter(Boolean).join(', ');
    const postalCode = text(address.postal_code);
    if (postalCode && !POSTAL_CODE.test(postalCode))
      skipped.push({ field: `${field}.postal_code`, reason: `"${postalCode}" is not a postal code` });
    if (addresses.length > 1)
      skipped.push({ field: `${field}.addresses`, reason: 'Mend keeps one address per location (the physical one)' });
    locations.push({
      ...(street ? { address: street } : {}),
      city,
      region,
      ...(postalCode && POSTAL_CODE.test(postalCode) ? { postalCode } : {}),
      country,
      latitude,
      longitude,
    });
  });
  return locations;
}

/** Service areas as ISO 3166 region or country codes, each once. */
export function mapServiceAreas(service: Json, skipped: ImportNote[]): string[] {
  const serviceAreas: string[] = [];
  arr(service.service_areas).forEach((raw, i) => {
    const area = obj(raw);
    const fromUri = typeof area?.uri === 'string' ? /iso:code:3166:([A-Za-z0-9-]+)$/.exec(area.uri)?.[1] : undefined;
    const code = [area?.extent_type === 'text' || area?.extent_type === undefined ? area?.extent : undefined, fromUri, area?.name]
      .map(parseArea)
      .find(Boolean);
    if (!code)
      return skipped.push({
        field: `service_areas[${i}]`,
        reason: `"${quoted(area?.name ?? area?.extent)}" is not a region or country Mend knows (ISO 3166)`,
      });
    if (!serviceAreas.includes(code)) serviceAreas.push(code);
  });
  return serviceAreas;
}
