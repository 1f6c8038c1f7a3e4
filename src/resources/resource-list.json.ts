import type { ResourceListResponse, ResourceResponse } from './dto/resource.response.js';

/** A resource on a search page, and its distance from the searched point when there is one. */
export interface ListedResource {
  resource: ResourceResponse;
  distanceKm?: number;
}

/**
 * JSON of each mapped resource, made once per response object. Mapped responses are frozen and
 * shared (DirectorySearch caches them by row slot, localizeResource per language, and a new
 * verification status makes a new object), so the text of one never changes. Serialising a
 * 20-row page was a fifth of a search's CPU; joining the stored texts costs next to nothing.
 */
const jsonOfResource = new WeakMap<ResourceResponse, string>();

export function resourceJson({ resource, distanceKm }: ListedResource): string {
  let json = jsonOfResource.get(resource);
  if (json === undefined) {
    json = JSON.stringify(resource);
    if (Object.isFrozen(resource)) jsonOfResource.set(resource, json);
  }
  // distanceKm goes last, where mapResourceDistance puts it.
  return distanceKm === undefined ? json : `${json.slice(0, -1)},"distanceKm":${JSON.stringify(distanceKm)}}`;
}

/** The JSON of a search page: exactly JSON.stringify of the same page as a ResourceListResponse. */
export function resourceListJson(
  items: readonly ListedResource[],
  page: ResourceListResponse['page'],
  facets?: ResourceListResponse['facets'],
): string {
  let json = '{"data":[';
  for (let i = 0; i < items.length; i++) json += (i ? ',' : '') + resourceJson(items[i]);
  json += `],"page":${JSON.stringify(page)}`;
  if (facets) json += `,"facets":${JSON.stringify(facets)}`;
  return `${json}}`;
}
