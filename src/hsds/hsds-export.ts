import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';

import type { DirectoryFeedService } from '../resources/directory-feed.service.js';
import { mapOrganizationSummary, mapService, mapServiceSummary } from './hsds.mapper.js';

export const HSDS_EXPORT_FILES = { services: 'services.json', organizations: 'organizations.json' } as const;

export interface HsdsExportResult {
  services: number;
  organizations: number;
  files: string[];
}

/** Writes a JSON array item by item, so an export never holds the whole directory in memory. */
async function writeJsonArray<T>(path: string, batches: AsyncIterable<T[]>): Promise<number> {
  const file = await open(path, 'w');
  let count = 0;
  try {
    await file.write('[');
    for await (const batch of batches) {
      for (const item of batch) await file.write(`${count++ ? ',' : ''}\n${JSON.stringify(item, null, 2)}`);
    }
    await file.write(count ? '\n]\n' : ']\n');
  } finally {
    await file.close();
  }
  return count;
}

/**
 * `npm run hsds:export`: the whole directory (inactive resources too, with their status; demo
 * listings only when asked) as
 * HSDS 3.0 JSON in `outDir`: services.json, an array of fully nested services (each with its
 * organization, locations and addresses, attributes …), and organizations.json, an array of
 * organizations with their services' one-to-one fields, as GET /v1/hsds/organizations/{id}.
 */
export async function exportHsds(
  feed: DirectoryFeedService,
  outDir: string,
  onProgress?: (done: number, total: number) => void,
  batchSize = 500,
  { includeDemo = false }: { includeDemo?: boolean } = {},
): Promise<HsdsExportResult> {
  await mkdir(outDir, { recursive: true });
  const totalServices = await feed.countResources({ includeDemo });
  const servicesPath = join(outDir, HSDS_EXPORT_FILES.services);
  const organizationsPath = join(outDir, HSDS_EXPORT_FILES.organizations);

  const services = await writeJsonArray(
    servicesPath,
    (async function* () {
      for (let offset = 0; ; offset += batchSize) {
        const rows = await feed.listResources(offset, batchSize, true, { includeDemo });
        if (!rows.length) return;
        yield rows.map(mapService);
        onProgress?.(Math.min(offset + rows.length, totalServices), totalServices);
      }
    })(),
  );

  const organizations = await writeJsonArray(
    organizationsPath,
    (async function* () {
      for (let offset = 0; ; offset += batchSize) {
        const orgs = await feed.listOrganizations(offset, batchSize, includeDemo);
        if (!orgs.length) return;
        const rows = await feed.listResources(0, null, false, { organizationIds: orgs.map((o) => o.id), includeDemo });
        const byOrganization = new Map<string, typeof rows>();
        for (const row of rows) {
          const list = byOrganization.get(row.organization_id);
          if (list) list.push(row);
          else byOrganization.set(row.organization_id, [row]);
        }
        yield orgs.map((org) => ({ ...mapOrganizationSummary(org), services: (byOrganization.get(org.id) ?? []).map(mapServiceSummary) }));
      }
    })(),
  );

  return { services, organizations, files: [servicesPath, organizationsPath] };
}
