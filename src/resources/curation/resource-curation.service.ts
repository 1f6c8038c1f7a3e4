import { isDeepStrictEqual } from 'node:util';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { parseIfMatch } from '../../common/http/entity-tags.js';
import { createValidationPipe } from '../../common/problem/validation.js';
import type { Principal } from '../../partners/principal.js';
import { DirectorySearch } from '../directory-search.js';
import { Freshness } from '../freshness.js';
import { mapResource, mapVersionedResource, type VersionedResource } from '../resource.mapper.js';
import type { ResourceRow } from '../resource.row.js';
import { ResourceErrors } from '../resources.errors.js';
import { ResourcesRepository } from '../resources.repository.js';
import { isSafetyLine as followsSafetyLinePolicy, type VerificationCutoffs, verificationStatus, type VerifiedBy } from '../verification.js';
import { CurationErrors } from './curation.errors.js';
import type { UpdateListingRequest } from './dto/listing.request.js';
import { CreateResourceRequest, type UpdateResourceRequest, type VerifyResourceRequest } from './dto/resource.request.js';
import type { ResourceAuditEntryResponse } from './dto/resource-audit.response.js';
import { type AuditAction, type AuditActorType, ResourceCurationRepository } from './resource-curation.repository.js';
import {
  documentToWrite,
  isSafetyLine,
  mergePatch,
  type ResourceDocument,
  toResourceDocument,
  withCurrentTranslations,
} from './resource-document.js';
import { type ResourceSnapshot, snapshotToResponse, toSnapshot } from './resource-snapshot.js';

/** The written version (and, when the change decides it, the audit action), none when the version moved on, or 'unchanged'. */
type Change = (
  tx: EntityManager,
  before: ResourceRow,
  versions: number[],
) => Promise<{ version: number; action?: AuditAction } | undefined | 'unchanged'>;

/** Who writes: a partner's key (curation), or a provider's listing key (its own listing only; no partner). */
export type WriteActor = { type: 'partner'; partnerId: string; keyId: string } | { type: 'provider'; keyId: string };

const partnerActor = (principal: Principal): WriteActor => ({ type: 'partner', partnerId: principal.partnerId, keyId: principal.keyId });

/** Internal callers' If-Match: the version current when the write runs. */
const CURRENT_VERSION = Symbol('current version');

/** How a write to an existing resource is made. */
export interface WriteOptions {
  /**
   * The caller's transaction (e.g. a report resolved with the listing change): the write joins it,
   * and the caller calls catchUpAfterCommit() once it commits. Without one, the write commits on
   * its own and is in this instance's index before it resolves.
   */
  tx?: EntityManager;
}

/** A verification: when (default: now on the app's Clock), against what source, at which version. */
export interface VerifyOptions extends WriteOptions {
  at?: Date;
  sourceUrl?: string;
  /**
   * The ETag the caller read. Required from a curator's POST …/verify; without it (undefined) the
   * current version is verified: confirming the facts changes none, so no one's change is overwritten.
   */
  ifMatch?: string;
  /** Whether a missing ifMatch is a 428 (a curator's verify endpoint) or means the current version. */
  requireIfMatch?: boolean;
}

/**
 * Directory curation: create, merge-patch, soft delete and verify resources. Every write
 * (1) needs the version the caller read (If-Match; 428 without, 412 when stale), (2) changes
 * the row only at that version, atomically, and (3) records an audit entry with the resource
 * before and after, in the same transaction.
 */
/** Merge-patch fields where null (remove) would silently clear a safety or provenance flag. */
const NOT_REMOVABLE = ['requiresSafeRelationship', 'notForCrisis', 'demo', 'jointSessions', 'eligibility'] as const;

@Injectable()
export class ResourceCurationService {
  /** The app's own validation (same errors[] as request bodies), for records after a merge. */
  private readonly validation = createValidationPipe();

  constructor(
    private readonly curation: ResourceCurationRepository,
    private readonly resources: ResourcesRepository,
    private readonly directory: DirectorySearch,
    private readonly freshness: Freshness,
  ) {}

  async createResource(input: CreateResourceRequest, principal: Principal): Promise<VersionedResource> {
    const write = documentToWrite(input);
    const created = await this.curation.transaction(async (tx) => {
      const id = await this.curation.insert(tx, write);
      if (!id) throw CurationErrors.slugTaken(input.slug);
      const after = (await this.resources.findByIdOrSlug(id, tx))!;
      const cutoffs = this.freshness.cutoffs();
      await this.audit(tx, partnerActor(principal), 'create', id, null, after, cutoffs);
      return mapVersionedResource(after, cutoffs);
    });
    await this.directory.catchUpAfterWrite(); // read-your-writes: a search right after finds it
    return created;
  }

  /**
   * A patch that changes nothing (`{}`, or every value as stored) writes nothing: no new version, no audit entry.
   * With `reverify`, the same write also records that the listing's facts were confirmed now by
   * that party (a curator resolving a report): one version, one audit entry; a patch that changes
   * nothing then is a plain verification (markVerified).
   */
  async updateResource(
    id: string,
    patch: UpdateResourceRequest,
    ifMatch: string | undefined,
    principal: Principal,
    options: WriteOptions & { reverify?: VerifiedBy } = {},
  ): Promise<VersionedResource> {
    const { status, ...fields } = JSON.parse(JSON.stringify(patch)) as UpdateResourceRequest;
    // Safety flags have no "absent": null would silently read as false, so it is refused.
    for (const field of NOT_REMOVABLE) {
      if ((fields as Record<string, unknown>)[field] === null) {
        throw CurationErrors.notNullable(field);
      }
    }
    const at = this.freshness.now();
    const verified = await this.write(id, ifMatch, partnerActor(principal), 'update', options, async (tx, before, versions) => {
      const current = toResourceDocument(before);
      const merged = mergePatch(current, fields);
      if (isDeepStrictEqual(merged, current) && (status ?? before.status) === before.status) return 'unchanged';
      // The pipe answers what it validated and transformed: a CreateResourceRequest, i.e. a ResourceDocument.
      const document = (await this.validation.transform(merged, {
        type: 'body',
        metatype: CreateResourceRequest,
        data: '',
      })) as ResourceDocument;
      const write = documentToWrite(withCurrentTranslations(current, document, fields.translations), status ?? before.status);
      if (options.reverify) {
        write.lastVerifiedAt = at;
        write.verifiedBy = options.reverify;
      } else if (document.lastVerifiedAt === current.lastVerifiedAt && before.verified_by) {
        write.verifiedBy = before.verified_by; // the same verification: still whoever made it
      }
      const result = await this.curation.update(tx, id, versions, write);
      if (result === 'slug_taken') throw CurationErrors.slugTaken(document.slug);
      return result;
    });
    if (verified.changed || !options.reverify) return verified.written;
    return this.markVerified(id, options.reverify, principal, { ...options, at, ifMatch, requireIfMatch: true });
  }

  /** Soft delete: status inactive. Deleting an inactive resource again changes nothing. */
  async deleteResource(id: string, ifMatch: string | undefined, principal: Principal): Promise<VersionedResource> {
    const { written } = await this.write(id, ifMatch, partnerActor(principal), 'delete', {}, async (tx, before, versions) =>
      before.status === 'inactive' ? 'unchanged' : this.curation.deactivate(tx, id, versions),
    );
    return written;
  }

  /** POST /v1/resources/{id}/verify: a curator confirmed the facts now (If-Match required). */
  verifyResource(id: string, body: VerifyResourceRequest, ifMatch: string | undefined, principal: Principal): Promise<VersionedResource> {
    return this.markVerified(id, 'curator', principal, { sourceUrl: body.sourceUrl, ifMatch, requireIfMatch: true });
  }

  /**
   * The one way a listing is marked verified: last_verified_at = `at` (default now, on the app's
   * Clock), verified_by = `by`, optionally a new source URL, in one versioned write with an audit
   * entry ('verify'). Search, intakes and safety lists see the new status once this resolves (or,
   * in the caller's transaction, after its catchUpAfterCommit()). Used by the curators' verify
   * endpoint (`curator`) and report reviews (`report_review`); a provider's own update re-stamps
   * `provider` in the same write (updateProviderListing).
   */
  async markVerified(resourceId: string, by: VerifiedBy, principal: Principal, options: VerifyOptions = {}): Promise<VersionedResource> {
    const at = options.at ?? this.freshness.now();
    const ifMatch = options.requireIfMatch || options.ifMatch !== undefined ? options.ifMatch : CURRENT_VERSION;
    const { written } = await this.write(resourceId, ifMatch, partnerActor(principal), 'verify', options, (tx, _before, versions) =>
      this.curation.markVerified(tx, resourceId, versions, { sourceUrl: options.sourceUrl, by, at }),
    );
    return written;
  }

  /** Read-your-writes after a caller's transaction that wrote through this service (WriteOptions.tx) committed. */
  catchUpAfterCommit(): Promise<void> {
    return this.directory.catchUpAfterWrite();
  }

  /**
   * A provider's merge patch of its own listing (src/listings): the patch holds provider-owned
   * fields only (its DTO), the merged record is validated as a whole like a curator's, and the
   * write re-stamps the verification (now, verifiedBy `provider`). A patch that changes nothing
   * confirms the listing as it is: a new version with the verification re-stamped, audited as a
   * verify. Safety lines are never the provider's to change, even if a claimed resource became one later.
   */
  async updateProviderListing(
    id: string,
    patch: UpdateListingRequest,
    ifMatch: string | undefined,
    keyId: string,
  ): Promise<VersionedResource> {
    const fields = JSON.parse(JSON.stringify(patch)) as UpdateListingRequest;
    const at = this.freshness.now();
    const { written } = await this.write(id, ifMatch, { type: 'provider', keyId }, 'update', {}, async (tx, before, versions) => {
      if (isSafetyLine(before)) throw CurationErrors.safetyLineNotClaimable();
      const current = toResourceDocument(before);
      const merged = mergePatch(current, fields) as ResourceDocument;
      if (isDeepStrictEqual(merged, current)) {
        const verified = await this.curation.markVerified(tx, id, versions, { by: 'provider', at });
        return verified && { ...verified, action: 'verify' };
      }
      const document = (await this.validation.transform(merged, {
        type: 'body',
        metatype: CreateResourceRequest,
        data: '',
      })) as ResourceDocument;
      const write = {
        ...documentToWrite(withCurrentTranslations(current, document, fields.translations), before.status),
        lastVerifiedAt: at,
        verifiedBy: 'provider' as const,
      };
      const result = await this.curation.update(tx, id, versions, write);
      if (result === 'slug_taken') throw CurationErrors.slugTaken(document.slug); // the slug is not the provider's: cannot happen
      return result;
    });
    return written;
  }

  /** 404 for an unknown resource; 422 for a safety line (or any hotline), which no provider may claim. */
  async assertClaimable(id: string, manager?: EntityManager): Promise<void> {
    const row = await this.resources.findByIdOrSlug(id, manager);
    if (!row) throw ResourceErrors.notFound(id);
    if (isSafetyLine(row)) throw CurationErrors.safetyLineNotClaimable();
  }

  async listAudit(id: string, limit: number): Promise<ResourceAuditEntryResponse[]> {
    if (!(await this.resources.findByIdOrSlug(id))) throw ResourceErrors.notFound(id);
    const rows = await this.curation.listAudit(id, limit);
    return rows.map((row) => {
      // Entries older than the verification field: what the API showed then, at the entry's time.
      const then = (s: ResourceSnapshot) => verificationOfOlderSnapshot(s, this.freshness.cutoffs(new Date(row.created_at)));
      return {
        id: row.id,
        action: row.action,
        actorType: row.actor,
        actor: `${row.actor} key ${row.key_id ?? 'unknown'}`,
        partnerId: row.partner_id,
        keyId: row.key_id,
        before: row.before && snapshotToResponse(row.before, then),
        after: row.after && snapshotToResponse(row.after, then),
        createdAt: new Date(row.created_at).toISOString(),
      };
    });
  }

  /**
   * A write to an existing resource under If-Match. The version is checked early (a stale
   * ETag fails before any work) and again, atomically, by the change itself: a concurrent
   * writer that got there first leaves the change with no row, which is a 412 as well.
   * CURRENT_VERSION (internal callers only) writes at whatever version is current.
   */
  private async write(
    id: string,
    ifMatch: string | typeof CURRENT_VERSION | undefined,
    actor: WriteActor,
    action: AuditAction,
    options: WriteOptions,
    change: Change,
  ): Promise<{ written: VersionedResource; changed: boolean }> {
    let required: number[] | undefined;
    if (ifMatch !== CURRENT_VERSION) {
      const precondition = parseIfMatch(ifMatch);
      if (precondition.kind === 'missing') throw CurationErrors.preconditionRequired();
      if (precondition.kind === 'any') throw CurationErrors.wildcardNotAccepted();
      required = precondition.versions;
    }
    const work = async (tx: EntityManager) => {
      const before = await this.resources.findByIdOrSlug(id, tx);
      if (!before) throw ResourceErrors.notFound(id);
      const versions = required ?? [before.version];
      if (!versions.includes(before.version)) throw CurationErrors.preconditionFailed();
      const result = await change(tx, before, versions);
      const cutoffs = this.freshness.cutoffs();
      if (result === 'unchanged') return { written: mapVersionedResource(before, cutoffs), changed: false };
      if (!result) throw CurationErrors.preconditionFailed();
      const after = (await this.resources.findByIdOrSlug(id, tx))!;
      await this.audit(tx, actor, result.action ?? action, id, before, after, cutoffs);
      return { written: mapVersionedResource(after, cutoffs), changed: true };
    };
    if (options.tx) return work(options.tx);
    const written = await this.curation.transaction(work);
    await this.directory.catchUpAfterWrite(); // read-your-writes: committed, now in this instance's index
    return written;
  }

  private audit(
    tx: EntityManager,
    actor: WriteActor,
    action: AuditAction,
    resourceId: string,
    before: ResourceRow | null,
    after: ResourceRow,
    cutoffs: VerificationCutoffs,
  ): Promise<void> {
    return this.curation.insertAudit(tx, {
      resourceId,
      partnerId: actor.type === 'partner' ? actor.partnerId : null,
      keyId: actor.keyId,
      actor: actor.type satisfies AuditActorType,
      action,
      before: before && toSnapshot(mapResource(before, cutoffs)),
      after: toSnapshot(mapResource(after, cutoffs)),
    });
  }
}

/**
 * The verification an entry written before the field existed showed: the date as stored, `curator`
 * as who (who verified was not recorded then; curators made nearly every such write), and the
 * status at the policy's cutoffs of the entry's time.
 */
function verificationOfOlderSnapshot(s: ResourceSnapshot, cutoffs: VerificationCutoffs) {
  const at = s.provenance.lastVerifiedAt;
  const safetyLine = followsSafetyLinePolicy({ kind: s.kind, line_roles: s.lineRoles ?? [], demo: s.provenance.demo });
  return {
    lastVerifiedAt: at,
    verifiedBy: at ? ('curator' as const) : null,
    status: verificationStatus(at ? new Date(at) : null, safetyLine, cutoffs),
  };
}
