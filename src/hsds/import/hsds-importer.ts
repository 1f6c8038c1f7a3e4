import { isDeepStrictEqual } from 'node:util';

import { Injectable, type ValidationPipe } from '@nestjs/common';

import { type FieldError, ProblemException } from '../../common/problem/problem.js';
import { createValidationPipe } from '../../common/problem/validation.js';
import { CreateResourceRequest } from '../../resources/curation/dto/resource.request.js';
import { documentToWrite, type ResourceDocument } from '../../resources/curation/resource-document.js';
import type { ResourceWrite } from '../../resources/resource.row.js';
import { ResourceImportService } from '../../resources/resource-import.service.js';
import { readHsdsInput } from './hsds-input.js';
import { type HsdsImportOptions, type ImportNote, mapHsdsService, type MappedService } from './hsds-service.mapper.js';

export const IMPORT_OUTCOMES = ['created', 'updated', 'unchanged', 'kept_curated', 'skipped'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export interface ServiceImportReport {
  /** File and position of the record. */
  source: string;
  hsdsId?: string;
  name?: string;
  slug?: string;
  /**
   * created / updated (with dryRun: would be); unchanged: already stored exactly so, nothing
   * written; kept_curated: a curator changed it through the API since, and imports, like
   * re-seeding, never undo curation; skipped: not imported, see reasons.
   */
  outcome: ImportOutcome;
  reasons: string[];
  /** Fields of the record left out, and why. */
  skipped: ImportNote[];
  /** Fields the record did not give, filled with defaults. */
  defaults: ImportNote[];
}

export interface HsdsImportReport {
  files: string[];
  dryRun: boolean;
  /** Whole files or records that could not be read as services. */
  notes: string[];
  counts: Record<ImportOutcome, number>;
  services: ServiceImportReport[];
}

export interface HsdsImportRun extends HsdsImportOptions {
  /** Map and validate everything, write nothing. */
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Optional fields a record can lose when invalid; an invalid required field skips the record. */
const DROPPABLE = /^(url|email|phone|waitTimeDays|cost\.notes|organization\.website|locations\.\d+\.(address|postalCode))$/;

function deletePath(target: Record<string, unknown>, path: string): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let node: unknown = target;
  for (const key of keys) node = (node as Record<string, unknown> | undefined)?.[key];
  if (node && typeof node === 'object') delete (node as Record<string, unknown>)[last];
}

/**
 * Validates a mapped record exactly as a curator's POST /v1/resources body. When every failure is
 * an optional field (DROPPABLE), those fields are dropped, noted in `skipped`, and it is tried once more.
 */
async function validateAsCurated(
  validation: ValidationPipe,
  document: ResourceDocument,
  skipped: ImportNote[],
): Promise<{ document?: CreateResourceRequest; errors?: FieldError[] }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return {
        document: (await validation.transform(structuredClone(document), {
          type: 'body',
          metatype: CreateResourceRequest,
          data: '',
        })) as CreateResourceRequest,
      };
    } catch (error) {
      if (!(error instanceof ProblemException) || !error.errors) throw error;
      if (attempt > 0 || !error.errors.every((e) => DROPPABLE.test(e.field))) return { errors: error.errors };
      for (const e of error.errors) {
        deletePath(document as unknown as Record<string, unknown>, e.field);
        skipped.push({ field: e.field, reason: e.message });
      }
    }
  }
}

/** A stored resource already equal to the record (the comparison curation uses for "nothing changed"). */
function isUnchanged(
  existing: { document: ResourceDocument; status: ResourceWrite['status'] },
  document: ResourceDocument,
  status: ResourceWrite['status'],
): boolean {
  const current = existing.document;
  const candidate = JSON.parse(JSON.stringify(document)) as ResourceDocument;
  if (candidate.lastVerifiedAt) candidate.lastVerifiedAt = new Date(candidate.lastVerifiedAt).toISOString();
  // An organization's website is kept when a record names none (upsertOrganization), so none is no change.
  if (!candidate.organization.website && current.organization.website) candidate.organization.website = current.organization.website;
  return existing.status === status && isDeepStrictEqual(current, candidate);
}

/**
 * `npm run hsds:import`: loads an HSDS export into the directory. Each service is mapped
 * (hsds-service.mapper.ts), validated exactly as a curator's POST /v1/resources body is (the
 * CreateResourceRequest DTO, then the record checks of toResourceWrite), and upserted
 * by slug through ResourceImportService.upsertBySlug, the seed loader's path. Slugs are stable
 * (Mend's own, or derived from the HSDS id), so a re-run updates instead of duplicating, and
 * a record already stored exactly so is not written again. One record's failure never stops
 * the others; the report says what happened to each and why.
 */
@Injectable()
export class HsdsImporter {
  constructor(private readonly resources: ResourceImportService) {}

  async importHsds(path: string, run: HsdsImportRun = {}): Promise<HsdsImportReport> {
    const input = await readHsdsInput(path);
    const validation = createValidationPipe();
    const slugs = new Map<string, string>();
    const services: ServiceImportReport[] = [];

    for (const [index, entry] of input.services.entries()) {
      const mapped = mapHsdsService(entry.service, entry.organization, run);
      const report: ServiceImportReport = {
        source: entry.source,
        hsdsId: mapped.hsdsId,
        name: mapped.name,
        slug: mapped.slug,
        outcome: 'skipped',
        reasons: [...mapped.problems],
        skipped: mapped.skipped,
        defaults: mapped.defaults,
      };
      services.push(report);
      try {
        await this.importService(entry.source, mapped, report, slugs, validation, run);
      } catch (error) {
        report.outcome = 'skipped';
        report.reasons.push(`not stored: ${(error as Error).message}`);
      } finally {
        run.onProgress?.(index + 1, input.services.length);
      }
    }

    const counts = Object.fromEntries(IMPORT_OUTCOMES.map((o) => [o, services.filter((s) => s.outcome === o).length])) as Record<
      ImportOutcome,
      number
    >;
    return { files: input.files, dryRun: run.dryRun === true, notes: input.notes, counts, services };
  }

  /**
   * One mapped service: skipped (reasons in its report) when unmapped, its slug taken, or invalid;
   * otherwise written unless already stored so, or with dryRun. Sets the report's outcome.
   */
  private async importService(
    source: string,
    mapped: MappedService,
    report: ServiceImportReport,
    slugs: Map<string, string>,
    validation: ValidationPipe,
    run: HsdsImportRun,
  ): Promise<void> {
    if (!mapped.document) return;
    const earlier = slugs.get(mapped.document.slug);
    if (earlier) {
      report.reasons.push(`slug ${mapped.document.slug} is already taken by ${earlier} in this import (same HSDS id?)`);
      return;
    }
    slugs.set(mapped.document.slug, source);
    const { document, errors } = await validateAsCurated(validation, mapped.document, report.skipped);
    if (!document) {
      report.reasons.push(...errors!.map((e) => `${e.field}: ${e.message}`));
      return;
    }
    let write: ResourceWrite;
    try {
      // Verified by the other directory (its assured_date), unless a Mend export says who checked it.
      write = { ...documentToWrite(document, mapped.status), verifiedBy: mapped.verifiedBy ?? 'import' };
    } catch (error) {
      report.reasons.push((error as Error).message);
      return;
    }
    const existing = await this.resources.findStored(write.slug);
    if (existing && isUnchanged(existing, document, mapped.status)) report.outcome = 'unchanged';
    else if (run.dryRun) report.outcome = existing ? 'updated' : 'created';
    else report.outcome = (await this.resources.upsertBySlug([write])) ? (existing ? 'updated' : 'created') : 'kept_curated';
  }
}
