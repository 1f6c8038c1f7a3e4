import { isDeepStrictEqual } from 'node:util';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { parseIfMatch } from '../../common/http/entity-tags.js';
import { createValidationPipe } from '../../common/problem/validation.js';
import type { Principal } from '../../partners/principal.js';
import { DirectorySearch } from '../directory-search.js';
import { mapResource, mapVersionedResource, type VersionedResource } from '../resource.mapper.js';
import type { ResourceRow } from '../resource.row.js';
import { ResourcesRepository } from '../resources.repository.js';
import { CurationErrors } from './curation.errors.js';
import type { UpdateListingRequest } from './dto/listing.request.js';
import { CreateResourceRequest, type UpdateResourceRequest, type VerifyResourceRequest } from './dto/resource.request.js';
import type { ResourceAuditEntryResponse } from './dto/resource-audit.response.js';
import { type AuditAction, type AuditActorType, ResourceCurationRepository } from './resource-curation.repository.js';
import { documentToWrite, isSafetyLine, mergePatch, type ResourceDocument, toResourceDocument } from './resource-document.js';
import { snapshotToResponse, toSnapshot } from './resource-snapshot.js';

/** The written version (and, when the change decides it, the audit action), none when the version moved on, or 'unchanged'. */
type Change = (
  tx: EntityManager,
  before: ResourceRow,
  versions: number[],
) => Promise<{ version: number; action?: AuditAction } | undefined | 'unchanged'>;

/** Who writes: a partner's key (curation), or a provider's listing key (its own listing only; no partner). */
export type WriteActor = { type: 'partner'; partnerId: string; keyId: string } | { type: 'provider'; keyId: string };

const partnerActor = (principal: Principal): WriteActor => ({ type: 'partner', partnerId: principal.partnerId, keyId: principal.keyId });

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
  ) {}

  async createResource(input: CreateResourceRequest, principal: Principal): Promise<VersionedResource> {
    const write = documentToWrite(input);
    const created = await this.curation.transaction(async (tx) => {
      const id = await this.curation.insert(tx, write);
      if (!id) throw CurationErrors.slugTaken(input.slug);
      const after = (await this.resources.findByIdOrSlug(id, tx))!;
      await this.audit(tx, partnerActor(principal), 'create', id, null, after);
      return mapVersionedResource(after);
    });
    await this.directory.catchUpAfterWrite(); // read-your-writes: a search right after finds it
    return created;
  }

  /** A patch that changes nothing (`{}`, or every value as stored) writes nothing: no new version, no audit entry. */
  async updateResource(
    id: string,
    patch: UpdateResourceRequest,
    ifMatch: string | undefined,
    principal: Principal,
  ): Promise<VersionedResource> {
    const { status, ...fields } = JSON.parse(JSON.stringify(patch)) as UpdateResourceRequest;
    // Safety flags have no "absent": null would silently read as false, so it is refused.
    for (const field of NOT_REMOVABLE) {
      if ((fields as Record<string, unknown>)[field] === null) {
        throw CurationErrors.notNullable(field);
      }
    }
    return this.write(id, ifMatch, partnerActor(principal), 'update', async (tx, before, versions) => {
      const current = toResourceDocument(before);
      const merged = mergePatch(current, fields);
      if (isDeepStrictEqual(merged, current) && (status ?? before.status) === before.status) return 'unchanged';
      // The pipe answers what it validated and transformed: a CreateResourceRequest, i.e. a ResourceDocument.
      const document = (await this.validation.transform(merged, {
        type: 'body',
        metatype: CreateResourceRequest,
        data: '',
      })) as ResourceDocument;
      const result = await this.curation.update(tx, id, versions, documentToWrite(document, status ?? before.status));
      if (result === 'slug_taken') throw CurationErrors.slugTaken(document.slug);
      return result;
    });
  }

  /** Soft delete: status inactive. Deleting an inactive resource again changes nothing. */
  async deleteResource(id: string, ifMatch: string | undefined, principal: Principal): Promise<VersionedResource> {
    return this.write(id, ifMatch, partnerActor(principal), 'delete', async (tx, before, versions) =>
      before.status === 'inactive' ? 'unchanged' : this.curation.deactivate(tx, id, versions),
    );
  }

  async verifyResource(
    id: string,
    body: VerifyResourceRequest,
    ifMatch: string | undefined,
    principal: Principal,
  ): Promise<VersionedResource> {
    return this.write(id, ifMatch, partnerActor(principal), 'verify', (tx, _before, versions) =>
      this.curation.markVerified(tx, id, versions, body.sourceUrl),
    );
  }

  /**
   * A provider's merge patch of its own listing (src/listings): the patch holds provider-owned
   * fields only (its DTO), the merged record is validated as a whole like a curator's, and the
   * write re-stamps the verification. A patch that changes nothing confirms the listing as it is:
   * a new version with the verification re-stamped, audited as a verify. Safety lines are never
   * the provider's to change, even if a claimed resource became one later.
   */
  async updateProviderListing(
    id: string,
    patch: UpdateListingRequest,
    ifMatch: string | undefined,
    keyId: string,
  ): Promise<VersionedResource> {
    const fields = JSON.parse(JSON.stringify(patch)) as UpdateListingRequest;
    return this.write(id, ifMatch, { type: 'provider', keyId }, 'update', async (tx, before, versions) => {
      if (isSafetyLine(before)) throw CurationErrors.safetyLineNotClaimable();
      const current = toResourceDocument(before);
      const merged = mergePatch(current, fields) as ResourceDocument;
      if (isDeepStrictEqual(merged, current)) {
        const verified = await this.curation.markVerified(tx, id, versions, undefined);
        if (verified) await this.curation.stampProviderVerification(tx, id);
        return verified && { ...verified, action: 'verify' };
      }
      const document = (await this.validation.transform(merged, {
        type: 'body',
        metatype: CreateResourceRequest,
        data: '',
      })) as ResourceDocument;
      const result = await this.curation.update(tx, id, versions, documentToWrite(document, before.status));
      if (result === 'slug_taken') throw CurationErrors.slugTaken(document.slug); // the slug is not the provider's: cannot happen
      if (result) await this.curation.stampProviderVerification(tx, id);
      return result;
    });
  }

  /** 404 for an unknown resource; 422 for a safety line (or any hotline), which no provider may claim. */
  async assertClaimable(id: string, manager?: EntityManager): Promise<void> {
    const row = await this.resources.findByIdOrSlug(id, manager);
    if (!row) throw CurationErrors.notFound(id);
    if (isSafetyLine(row)) throw CurationErrors.safetyLineNotClaimable();
  }

  async listAudit(id: string, limit: number): Promise<ResourceAuditEntryResponse[]> {
    if (!(await this.resources.findByIdOrSlug(id))) throw CurationErrors.notFound(id);
    const rows = await this.curation.listAudit(id, limit);
    return rows.map((row) => ({
      id: row.id,
      action: row.action,
      actorType: row.actor,
      actor: `${row.actor} key ${row.key_id ?? 'unknown'}`,
      partnerId: row.partner_id,
      keyId: row.key_id,
      before: row.before && snapshotToResponse(row.before),
      after: row.after && snapshotToResponse(row.after),
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }

  /**
   * A write to an existing resource under If-Match. The version is checked early (a stale
   * ETag fails before any work) and again, atomically, by the change itself: a concurrent
   * writer that got there first leaves the change with no row, which is a 412 as well.
   */
  private async write(
    id: string,
    ifMatch: string | undefined,
    actor: WriteActor,
    action: AuditAction,
    change: Change,
  ): Promise<VersionedResource> {
    const precondition = parseIfMatch(ifMatch);
    if (precondition.kind === 'missing') throw CurationErrors.preconditionRequired();
    if (precondition.kind === 'any') throw CurationErrors.wildcardNotAccepted();
    const { versions } = precondition;
    const written = await this.curation.transaction(async (tx) => {
      const before = await this.resources.findByIdOrSlug(id, tx);
      if (!before) throw CurationErrors.notFound(id);
      if (!versions.includes(before.version)) throw CurationErrors.preconditionFailed();
      const result = await change(tx, before, versions);
      if (result === 'unchanged') return mapVersionedResource(before);
      if (!result) throw CurationErrors.preconditionFailed();
      const after = (await this.resources.findByIdOrSlug(id, tx))!;
      await this.audit(tx, actor, result.action ?? action, id, before, after);
      return mapVersionedResource(after);
    });
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
  ): Promise<void> {
    return this.curation.insertAudit(tx, {
      resourceId,
      partnerId: actor.type === 'partner' ? actor.partnerId : null,
      keyId: actor.keyId,
      actor: actor.type satisfies AuditActorType,
      action,
      before: before && toSnapshot(mapResource(before)),
      after: toSnapshot(mapResource(after)),
    });
  }
}
