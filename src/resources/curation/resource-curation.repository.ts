import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { DataSourceRepository, updateReturning } from '../../common/database/sql-repository.js';
import type { ResourceWrite } from '../resource.row.js';
import {
  replaceLocations,
  RESOURCE_WRITE_COLUMNS,
  resourceWritePlaceholders,
  resourceWriteValues,
  upsertOrganization,
} from '../resource-write.sql.js';
import type { VerifiedBy } from '../verification.js';
import type { ResourceSnapshot } from './resource-snapshot.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'verify';
/** A partner's key (curation) or a provider's listing key (its own listing; no partner). */
export type AuditActorType = 'partner' | 'provider';

export interface AuditEntry {
  resourceId: string;
  partnerId: string | null;
  keyId: string | null;
  actor: AuditActorType;
  action: AuditAction;
  before: ResourceSnapshot | null;
  after: ResourceSnapshot | null;
}

export interface AuditRow {
  id: string;
  resource_id: string;
  partner_id: string | null;
  key_id: string | null;
  actor: AuditActorType;
  action: AuditAction;
  before: ResourceSnapshot | null;
  after: ResourceSnapshot | null;
  created_at: Date;
}

/** Rows a versioned write changed: none when the id is unknown or the version moved on. */
type Versioned = { version: number } | undefined;

const isUniqueViolation = (error: unknown, constraint: string): boolean => {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  return (e.driverError?.code ?? e.code) === '23505' && (e.driverError?.constraint ?? e.constraint) === constraint;
};

/**
 * Curation's writes. Each changes a resource only at the versions the caller read
 * (`WHERE id = $1 AND version = ANY($2)`), so of two writers holding the same ETag exactly one
 * wins; every write bumps version and updated_at. Callers pass the transaction the audit
 * entry is written in.
 */
@Injectable()
export class ResourceCurationRepository extends DataSourceRepository {
  /** Inserts a new resource; undefined when the slug is taken (the unique index decides, race-free). */
  async insert(tx: EntityManager, r: ResourceWrite): Promise<string | undefined> {
    const organizationId = await upsertOrganization(tx, r);
    const [row] = await tx.query<({ id: string } | undefined)[]>(
      `INSERT INTO resource (${RESOURCE_WRITE_COLUMNS.join(', ')}) VALUES (${resourceWritePlaceholders()})
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      resourceWriteValues(r, organizationId),
    );
    if (!row) return undefined;
    await replaceLocations(tx, row.id, r.locations);
    return row.id;
  }

  /** Replaces every stored field of the resource; 'slug_taken' when the new slug is another resource's. */
  async update(tx: EntityManager, id: string, versions: number[], r: ResourceWrite): Promise<Versioned | 'slug_taken'> {
    const organizationId = await upsertOrganization(tx, r);
    const assignments = RESOURCE_WRITE_COLUMNS.map((c, i) => `${c} = $${i + 3}`).join(', ');
    let rows: { version: number }[];
    try {
      rows = await updateReturning(
        tx,
        `UPDATE resource SET ${assignments}, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = ANY($2::int[]) RETURNING version`,
        [id, versions, ...resourceWriteValues(r, organizationId)],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'resource_slug_key')) return 'slug_taken';
      throw error;
    }
    if (!rows[0]) return undefined;
    await replaceLocations(tx, id, r.locations);
    return rows[0];
  }

  /** Soft delete: the resource leaves every search (they read status = 'active') but stays readable by id. */
  async deactivate(tx: EntityManager, id: string, versions: number[]): Promise<Versioned> {
    const [row] = await updateReturning<{ version: number }>(
      tx,
      `UPDATE resource SET status = 'inactive', version = version + 1, updated_at = now()
       WHERE id = $1 AND version = ANY($2::int[]) RETURNING version`,
      [id, versions],
    );
    return row;
  }

  /** Marks the facts checked at `at` by `by`, optionally against a new source. */
  async markVerified(
    tx: EntityManager,
    id: string,
    versions: number[],
    verification: { sourceUrl?: string; by: VerifiedBy; at: Date },
  ): Promise<Versioned> {
    const [row] = await updateReturning<{ version: number }>(
      tx,
      `UPDATE resource SET last_verified_at = $3, verified_by = $4, source_url = COALESCE($5, source_url), version = version + 1, updated_at = now()
       WHERE id = $1 AND version = ANY($2::int[]) RETURNING version`,
      [id, versions, verification.at, verification.by, verification.sourceUrl ?? null],
    );
    return row;
  }

  async insertAudit(tx: EntityManager, entry: AuditEntry): Promise<void> {
    await tx.query(
      `INSERT INTO resource_audit (resource_id, partner_id, key_id, actor, action, before, after)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
      [
        entry.resourceId,
        entry.partnerId,
        entry.keyId,
        entry.actor,
        entry.action,
        entry.before === null ? null : JSON.stringify(entry.before),
        entry.after === null ? null : JSON.stringify(entry.after),
      ],
    );
  }

  /** A resource's audit entries, newest first (index resource_audit_resource_idx). */
  async listAudit(resourceId: string, limit: number): Promise<AuditRow[]> {
    return this.dataSource.query(
      `SELECT id, resource_id, partner_id, key_id, actor, action, before, after, created_at
       FROM resource_audit WHERE resource_id = $1
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      [resourceId, limit],
    );
  }
}
