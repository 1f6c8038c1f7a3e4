import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { DataSourceRepository, updateReturning } from '../common/database/sql-repository.js';
import { cursorTimeSql } from '../common/pagination/cursor-time.js';
import type { ReportReason } from '../taxonomy/taxonomy.js';
import type { DismissReason, ReportStatus } from './dto/report.dto.js';

/** A resource_report row as the queries return it. */
export interface ReportRow {
  id: string;
  resource_id: string;
  reason: ReportReason;
  note: string | null;
  status: ReportStatus;
  reporter_partner_id: string | null;
  suspends: boolean;
  created_at: Date;
  closed_at: Date | null;
  closed_by_partner_id: string | null;
  closed_by_key_id: string | null;
  reverified: boolean;
  listing_updated: boolean;
  dismiss_reason: DismissReason | null;
  /** Microsecond text of created_at, for keyset cursors. */
  cursor_at: string;
}

export interface NewReport {
  resourceId: string;
  reason: ReportReason;
  note: string | null;
  reporterPartnerId: string | null;
  reporterKeyId: string | null;
  /** Keyed hash of a visitor's IP address (never the address), to tell independent reporters apart. */
  reporterHash: string | null;
  at: Date;
}

export interface ReportFilter {
  status?: ReportStatus;
  reason?: ReportReason;
  resourceId?: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

export interface Closure {
  status: 'resolved' | 'dismissed';
  at: Date;
  partnerId: string | null;
  keyId: string | null;
  reverified: boolean;
  listingUpdated: boolean;
  dismissReason: DismissReason | null;
}

const COLUMNS = `id, resource_id, reason, note, status, reporter_partner_id, suspends, created_at, closed_at, closed_by_partner_id,
  closed_by_key_id, reverified, listing_updated, dismiss_reason, ${cursorTimeSql('created_at')} AS cursor_at`;

/**
 * resource_report, as plain parameterised SQL: reports from the field, their triage, and the
 * suspension of safety lines they can cause. Indexes: resource_report_status_idx (curator list),
 * resource_report_resource_idx (a resource's reports), resource_report_suspended_idx (safety lists).
 */
@Injectable()
export class ReportsRepository extends DataSourceRepository {
  /**
   * Serialises the reports of one resource until the transaction ends, so two reports arriving at
   * once cannot both count two reporters and miss the third (a transaction-scoped advisory lock).
   */
  async lockResourceReports(tx: EntityManager, resourceId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('resource_report:' || $1::text, 0))`, [resourceId]);
  }

  async insert(tx: EntityManager, r: NewReport): Promise<ReportRow> {
    const [row] = await tx.query<ReportRow[]>(
      `INSERT INTO resource_report (resource_id, reason, note, reporter_partner_id, reporter_key_id, reporter_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [r.resourceId, r.reason, r.note, r.reporterPartnerId, r.reporterKeyId, r.reporterHash, r.at],
    );
    return row;
  }

  /**
   * The open reports of these reasons about the resource made after `since` and after the last time
   * a curator closed one of them (a review starts the count again): their ids and how many distinct
   * reporters sent them (a visitor's IP hash, else the partner; one partner's server counts once).
   */
  async independentReports(
    tx: EntityManager,
    resourceId: string,
    reasons: readonly ReportReason[],
    since: Date,
  ): Promise<{ ids: string[]; reporters: number }> {
    const [row] = await tx.query<{ ids: string[]; reporters: number }[]>(
      `SELECT coalesce(array_agg(id), '{}') AS ids,
              count(DISTINCT coalesce(reporter_hash, 'partner:' || reporter_partner_id::text, 'report:' || id::text))::int AS reporters
       FROM resource_report
       WHERE resource_id = $1 AND status = 'open' AND reason = ANY($2::text[]) AND created_at > $3
         AND created_at > coalesce((SELECT max(closed_at) FROM resource_report
                                    WHERE resource_id = $1 AND status <> 'open' AND reason = ANY($2::text[])), '-infinity')`,
      [resourceId, reasons, since],
    );
    return row;
  }

  async markSuspending(tx: EntityManager, ids: string[]): Promise<void> {
    await tx.query(`UPDATE resource_report SET suspends = true WHERE id = ANY($1::uuid[]) AND status = 'open'`, [ids]);
  }

  /** A curator reviewed the line: none of its open reports suspends it any more (they stay open for triage). */
  async liftSuspension(tx: EntityManager, resourceId: string): Promise<void> {
    await tx.query(`UPDATE resource_report SET suspends = false WHERE resource_id = $1 AND status = 'open' AND suspends`, [resourceId]);
  }

  /** Every resource an open report currently suspends. */
  async suspendedResourceIds(): Promise<string[]> {
    const rows = await this.dataSource.query<{ resource_id: string }[]>(
      `SELECT DISTINCT resource_id FROM resource_report WHERE status = 'open' AND suspends`,
    );
    return rows.map((r) => r.resource_id);
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager, forUpdate = false): Promise<ReportRow | undefined> {
    const [row] = await manager.query<ReportRow[]>(
      `SELECT ${COLUMNS} FROM resource_report WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row;
  }

  /** Keyset page, newest first, on (created_at, id); one more row than the limit tells whether a next page exists. */
  async list(f: ReportFilter): Promise<ReportRow[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    if (f.status) where.push(`status = ${param(f.status)}`);
    if (f.reason) where.push(`reason = ${param(f.reason)}`);
    if (f.resourceId) where.push(`resource_id = ${param(f.resourceId)}::uuid`);
    if (f.after) where.push(`(created_at, id) < (${param(f.after.createdAt)}::timestamptz, ${param(f.after.id)}::uuid)`);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM resource_report ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT ${param(f.limit + 1)}`,
      values,
    );
  }

  /** Closes an open report; undefined when it was not open (closed meanwhile by someone else). */
  async close(tx: EntityManager, id: string, c: Closure): Promise<ReportRow | undefined> {
    const [row] = await updateReturning<ReportRow>(
      tx,
      `UPDATE resource_report SET status = $2, closed_at = $3, closed_by_partner_id = $4, closed_by_key_id = $5,
              reverified = $6, listing_updated = $7, dismiss_reason = $8, suspends = false
       WHERE id = $1 AND status = 'open' RETURNING ${COLUMNS}`,
      [id, c.status, c.at, c.partnerId, c.keyId, c.reverified, c.listingUpdated, c.dismissReason],
    );
    return row;
  }

  /** Open reports per reason, by age at `now`: under a day, one to seven days, over seven days. */
  async openByReasonAndAge(now: Date): Promise<{ reason: ReportReason; total: number; under1: number; days1to7: number; over7: number }[]> {
    return this.dataSource.query(
      `SELECT reason, count(*)::int AS total,
              count(*) FILTER (WHERE created_at > $1::timestamptz - interval '1 day')::int AS under1,
              count(*) FILTER (WHERE created_at <= $1::timestamptz - interval '1 day' AND created_at >= $1::timestamptz - interval '7 days')::int AS "days1to7",
              count(*) FILTER (WHERE created_at < $1::timestamptz - interval '7 days')::int AS over7
       FROM resource_report WHERE status = 'open' GROUP BY reason ORDER BY reason`,
      [now],
    );
  }

  /** Reports closed (resolved or dismissed) in the 90 days before `now`, and the median hours they were open. */
  async resolutionLast90Days(now: Date): Promise<{ closed: number; median_hours: number | null }> {
    const [row] = await this.dataSource.query<{ closed: number; median_hours: number | null }[]>(
      `SELECT count(*)::int AS closed,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - created_at) / 3600) AS median_hours
       FROM resource_report WHERE status <> 'open' AND closed_at > $1::timestamptz - interval '90 days' AND closed_at <= $1::timestamptz`,
      [now],
    );
    return { closed: row.closed, median_hours: row.median_hours === null ? null : Number(row.median_hours) };
  }

  /**
   * Retention: visitors' IP hashes are erased once the suspension window is over (they only tell
   * reporters apart within it), and notes once their report has been closed for `noteDays`.
   * Returns how many reports lost either.
   */
  async erasePastRetention(now: Date, hashHours: number, noteDays: number): Promise<number> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE resource_report
       SET reporter_hash = CASE WHEN created_at <= $1::timestamptz - make_interval(hours => $2) THEN NULL ELSE reporter_hash END,
           note = CASE WHEN closed_at <= $1::timestamptz - make_interval(days => $3) THEN NULL ELSE note END
       WHERE (reporter_hash IS NOT NULL AND created_at <= $1::timestamptz - make_interval(hours => $2))
          OR (note IS NOT NULL AND closed_at <= $1::timestamptz - make_interval(days => $3))
       RETURNING id`,
      [now, hashHours, noteDays],
    );
    return rows.length;
  }
}
