import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { ResourceWrite } from '../resources/resource.row.js';
import { checkRecord, type ResourceRecord, toResourceWrite } from '../resources/resource-record.js';

export const CURATED_DATA_DIR = resolve(process.cwd(), 'seeds/data');

export interface CuratedDataset {
  resources: ResourceWrite[];
  /** Hash of the files, so start-up seeding runs only when the data changed. */
  checksum: string;
}

/**
 * Reads every seeds/data/*.json file (arrays of ResourceRecord), validated, slugs unique.
 * Fictional (demo) listings are left out unless includeDemo (SEED_DEMO) asks for them.
 */
export function loadCuratedDataset(dir = CURATED_DATA_DIR, { includeDemo = true }: { includeDemo?: boolean } = {}): CuratedDataset {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const hash = createHash('sha256').update(includeDemo ? 'demo:on' : 'demo:off');
  const seen = new Set<string>();
  const resources: ResourceWrite[] = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    hash.update(file).update(text);
    for (const record of JSON.parse(text) as ResourceRecord[]) {
      if (seen.has(record.slug)) throw new Error(`seeds/data: duplicate slug ${record.slug}`);
      seen.add(record.slug);
      // Curated lines are the safety lines: each real one says what it is for (API and HSDS imports may
      // add hotlines without a role; those are listed in the directory but never shown as safety lines).
      checkRecord(
        record.kind !== 'hotline' || record.demo || (record.lineRoles ?? []).length > 0,
        record.slug,
        'a real hotline needs lineRoles',
      );
      // A Spanish reader of a safety intake meets every line that serves them: each real one is written in Spanish too.
      checkRecord(
        record.kind !== 'hotline' ||
          record.demo ||
          (!!record.translations?.es?.description && (!record.cost.notes || !!record.translations.es.costNotes)),
        record.slug,
        'a real hotline needs its description (and cost notes) in Spanish: translations.es',
      );
      const write = toResourceWrite(record);
      if (includeDemo || !write.demo) resources.push(write);
    }
  }
  return { resources, checksum: hash.digest('hex') };
}
