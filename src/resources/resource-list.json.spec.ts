import { indexRow, uuid } from './directory-index/testing.js';
import type { ResourceListResponse, ResourceResponse } from './dto/resource.response.js';
import { mapResource, mapResourceDistance, withVerificationAt } from './resource.mapper.js';
import { resourceJson, resourceListJson } from './resource-list.json.js';
import { localizeResource } from './resource-texts.js';
import { verificationCutoffs } from './verification.js';

describe('resourceListJson', () => {
  const POLICY = { dueDays: 180, staleDays: 365, safetyLineDueDays: 90, safetyLineStaleDays: 180 };
  const at = (iso: string) => verificationCutoffs({ policy: POLICY, now: new Date(iso) });
  const mapped = (n: number, overrides: Parameters<typeof indexRow>[0] = { id: uuid(n) }) =>
    Object.freeze(mapResource(indexRow({ ...overrides, id: uuid(n) }), at('2026-12-02T00:00:00Z')));
  const page: ResourceListResponse['page'] = { limit: 20, nextCursor: 'abc', total: 3, totalExact: true };

  it('is JSON.stringify of the same page, with distances last in each row and facets after the page', () => {
    const spanish = mapped(2, {
      id: uuid(2),
      name: 'Terapia — "Nueva" Vida',
      cost_notes: 'Tarifa según ingresos',
      translations: { es: { name: 'Terapia Nueva Vida', description: 'Consejería de pareja', costNotes: 'Escala móvil' } },
    });
    const rows = [mapped(1), localizeResource(spanish, 'es'), mapped(3, { id: uuid(3), description: 'Line\nbreak \u2028 and \\ slash' })];
    const facets = { format: [{ value: 'video', count: 2 }], kind: [] };
    const items = [{ resource: rows[0], distanceKm: 12.3 }, { resource: rows[1] }, { resource: rows[2], distanceKm: 0 }];

    const expected: ResourceListResponse = {
      data: [mapResourceDistance(rows[0], 12_340), rows[1], mapResourceDistance(rows[2], 20)],
      page,
      facets,
    };
    expect(resourceListJson(items, page, facets)).toBe(JSON.stringify(expected));
    expect(resourceListJson(items, page, facets)).toBe(JSON.stringify(expected)); // the second time from stored texts
    expect(resourceListJson([], { ...page, nextCursor: null, total: 0 })).toBe(
      JSON.stringify({ data: [], page: { ...page, nextCursor: null, total: 0 } }),
    );
  });

  it('never serves the stored text of an older state: a new verification status is a new object with its own text', () => {
    const row = indexRow({ id: uuid(9), last_verified_at: new Date('2026-11-01T00:00:00Z') });
    const current = Object.freeze(mapResource(row, at('2026-12-01T00:00:00Z')));
    expect(JSON.parse(resourceJson({ resource: current })).verification.status).toBe('current');
    const later: ResourceResponse = withVerificationAt(current, at('2027-06-01T00:00:00Z'));
    expect(later).not.toBe(current);
    expect(JSON.parse(resourceJson({ resource: later })).verification.status).toBe('due');
    expect(JSON.parse(resourceJson({ resource: current })).verification.status).toBe('current');
  });

  it('does not keep the text of an object that can still change (not frozen)', () => {
    const open = { ...mapped(4) };
    expect(JSON.parse(resourceJson({ resource: open })).name).toBe('Resource');
    open.name = 'Renamed';
    expect(JSON.parse(resourceJson({ resource: open })).name).toBe('Renamed');
  });
});
