import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const id = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** One service to import, with the organization it belongs to (as far as the files say). */
export interface HsdsInputService {
  service: Json;
  organization?: Json;
  /** File (and position) it came from, for the report. */
  source: string;
}

export interface HsdsInput {
  files: string[];
  services: HsdsInputService[];
  /** Problems with whole files or records that are neither services nor organizations. */
  notes: string[];
}

/** The records of one HSDS JSON file: an array, an HSDS API page (`contents`), or one record. */
function records(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  const page = obj(data);
  if (page && Array.isArray(page.contents)) return page.contents;
  return page ? [page] : [];
}

/**
 * Reads an HSDS export: one JSON file, or every *.json file of a directory. Services come
 * from service records (services.json, an API page of services, one service) and from
 * organizations' nested `services`; a service found both ways is read from its own record,
 * the fuller one. Each service's organization is its nested `organization`, completed by
 * the organization record of the same id when a file has it.
 */
export async function readHsdsInput(path: string): Promise<HsdsInput> {
  const files = (await stat(path)).isDirectory()
    ? (await readdir(path))
        .filter((f) => f.toLowerCase().endsWith('.json'))
        .sort()
        .map((f) => join(path, f))
    : [path];
  const notes: string[] = [];
  const serviceRecords: HsdsInputService[] = [];
  const nestedServices: HsdsInputService[] = [];
  const organizations = new Map<string, Json>();

  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      notes.push(`${basename(file)}: not readable JSON (${(error as Error).message})`);
      continue;
    }
    const name = basename(file).toLowerCase();
    records(data).forEach((raw, i) => {
      const record = obj(raw);
      const source = `${basename(file)}[${i}]`;
      if (!record) return notes.push(`${source}: not an object`);
      if (/service_at_location/.test(name) || (obj(record.location) && obj(record.service))) {
        return notes.push(`${source}: a service_at_location record; Mend reads locations nested in services`);
      }
      if (Array.isArray(record.services) || /organi[sz]ation/.test(name)) {
        const { services, ...organization } = record;
        const orgId = id(organization.id);
        if (orgId) organizations.set(orgId, { ...organizations.get(orgId), ...organization });
        (Array.isArray(services) ? services : []).forEach((nested, j) => {
          const service = obj(nested);
          if (service) nestedServices.push({ service, organization, source: `${source}.services[${j}]` });
        });
        return;
      }
      serviceRecords.push({ service: record, source });
    });
  }

  const seen = new Set(serviceRecords.map((s) => id(s.service.id)).filter(Boolean));
  const services = [...serviceRecords, ...nestedServices.filter((s) => !seen.has(id(s.service.id)))].map((entry) => {
    const nested = obj(entry.service.organization) ?? entry.organization;
    const orgId = id(entry.service.organization_id) ?? id(nested?.id);
    const known = orgId ? organizations.get(orgId) : undefined;
    const organization = known || nested ? { ...known, ...stripEmpty(nested) } : undefined;
    return { ...entry, organization };
  });
  return { files, services, notes };
}

/** The fields of an object that hold a value, so a sparse nested copy never blanks a fuller record. */
function stripEmpty(record: Json | undefined): Json {
  return Object.fromEntries(Object.entries(record ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}
