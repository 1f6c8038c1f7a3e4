import type { MatchableResource } from './types.js';

/** Codes that mean a Deaf person who signs can use the resource in sign language. */
export const SIGNING = ['asl', 'videophone'];

/**
 * The accessibility needs a resource meets: the codes it lists. Wheelchair access is moot for
 * help without in-person sessions (there is no entrance to use), so remote-only help meets it.
 */
export function accessibilityMet(needs: readonly string[], r: Pick<MatchableResource, 'accessibility' | 'formats'>): string[] {
  return needs.filter((code) => r.accessibility.includes(code) || (code === 'wheelchair_access' && !r.formats.includes('in_person')));
}
