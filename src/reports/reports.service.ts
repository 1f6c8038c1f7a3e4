import { createHmac } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { Clock } from '../common/clock.js';
import { reporterNetwork } from '../common/http/client-network.js';
import { publishedNumbers } from '../common/text/contact-details.js';
import { apiKeySecret, Environment } from '../config/environment.js';
import type { Principal } from '../partners/principal.js';
import { ResourceCurationService } from '../resources/curation/resource-curation.service.js';
import type { ResourceResponse } from '../resources/dto/resource.response.js';
import type { VersionedResource } from '../resources/resource.mapper.js';
import { ResourcesService } from '../resources/resources.service.js';
import { isSafetyLine } from '../resources/verification.js';
import type { ReportReason } from '../taxonomy/taxonomy.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type {
  CreateReportRequest,
  DismissReportRequest,
  ListReportsQuery,
  ReportListResponse,
  ReportReceiptResponse,
  ReportResponse,
  ResolveReportRequest,
} from './dto/report.dto.js';
import { screenReportNote } from './note-screening.js';
import { reportCursors } from './report-cursor.js';
import { ReportErrors } from './reports.errors.js';
import { mapReceipt, mapReport } from './reports.mapper.js';
import { type ReportRow, ReportsRepository } from './reports.repository.js';

/** Reasons that, from several people, suspend a safety line: a number that does not connect, a service that is gone. */
export const SUSPENDING_REASONS: readonly ReportReason[] = ['phone_not_working', 'closed'];

export const REPORT_EVENTS = { created: 'resource.report_created' } as const;

const HOUR_MS = 3_600_000;

/** Who sent a report: the partner (attribution) and, for a visitor in a browser, a keyed hash of the IP address. */
export interface Reporter {
  principal?: Principal;
  ip: string;
}

/** A resolve's outcome: the closed report, and the listing when the resolve changed or re-verified it. */
export interface Resolution {
  report: ReportResponse;
  listing: VersionedResource | null;
}

/**
 * Reports from the field about a listing, and their triage by curators. A report is screened
 * (no contact details or names in its note), stored with who sent it (never an IP address), and
 * announced to curators' webhooks; several independent reports that a safety line's phone does not
 * work or that it closed suspend it from every safety list until a curator reviews it.
 */
@Injectable()
export class ReportsService {
  private readonly hashKey: string;

  constructor(
    private readonly reports: ReportsRepository,
    private readonly resources: ResourcesService,
    private readonly curation: ResourceCurationService,
    private readonly webhooks: WebhooksService,
    private readonly env: Environment,
    private readonly clock: Clock,
  ) {
    this.hashKey = apiKeySecret(env);
  }

  /** POST /v1/resources/{idOrSlug}/reports. */
  async createReport(idOrSlug: string, body: CreateReportRequest, reporter: Reporter): Promise<ReportReceiptResponse> {
    const { resource } = await this.resources.getResource(idOrSlug);
    const note = body.note?.trim() || null;
    if (note) {
      const countries = [...resource.serviceAreas, ...resource.locations.map((l) => l.country)].map((area) => area.slice(0, 2));
      const finding = screenReportNote(note, {
        ownPhones: publishedNumbers(resource),
        countries,
        names: [resource.name, resource.organization.name],
      });
      if (finding) throw ReportErrors.notePersonalData(finding);
    }
    const { principal } = reporter;
    const at = this.clock.now();
    let suspended = false;
    const created = await this.reports.transaction(async (tx) => {
      await this.reports.lockResourceReports(tx, resource.id);
      const row = await this.reports.insert(tx, {
        resourceId: resource.id,
        reason: body.reason,
        note,
        reporterPartnerId: principal?.partnerId ?? null,
        reporterKeyId: principal?.keyId ?? null,
        // A secret key is a partner's server: the partner is the reporter. A browser (no key, or a
        // publishable key shared by every visitor of the partner's page) is told apart by its IP.
        reporterHash: principal?.kind === 'secret' ? null : this.hashIp(reporter.ip),
        at,
      });
      const suspends = await this.suspendIfReported(tx, resource, row, at);
      suspended = suspends;
      await this.webhooks.queueCuratorEvent(tx, REPORT_EVENTS.created, {
        // The note stays in Mend: it is a stranger's free text, and webhooks land in partners'
        // systems and logs beyond Mend's retention. Curators read it in GET /v1/curation/reports.
        report: { id: row.id, reason: row.reason, hasNote: note !== null, createdAt: row.created_at.toISOString() },
        resource: { id: resource.id, slug: resource.slug, name: resource.name, kind: resource.kind },
        safetyLineSuspended: suspends,
      });
      return row;
    });
    if (suspended) await this.resources.catchUpAfterCommit(); // the line leaves this instance's safety lists before the answer
    return mapReceipt(created);
  }

  /**
   * Whether this report completes a suspension of the safety line: SAFETY_REPORT_SUSPEND_COUNT
   * distinct reporters of a suspending reason within SAFETY_REPORT_WINDOW_HOURS, counted since the
   * line was last verified and since a curator last closed such a report (a review starts over).
   */
  private async suspendIfReported(
    tx: Parameters<ReportsRepository['insert']>[0],
    resource: ResourceResponse,
    row: ReportRow,
    at: Date,
  ): Promise<boolean> {
    const safetyLine = isSafetyLine({ kind: resource.kind, line_roles: resource.lineRoles, demo: resource.provenance.demo });
    if (!safetyLine || resource.status !== 'active' || !SUSPENDING_REASONS.includes(row.reason)) return false;
    const windowStart = at.getTime() - this.env.SAFETY_REPORT_WINDOW_HOURS * HOUR_MS;
    const verifiedAt = resource.verification.lastVerifiedAt ? Date.parse(resource.verification.lastVerifiedAt) : -Infinity;
    const since = new Date(Math.max(windowStart, verifiedAt));
    const { ids, reporters } = await this.reports.independentReports(tx, resource.id, SUSPENDING_REASONS, since);
    if (reporters < this.env.SAFETY_REPORT_SUSPEND_COUNT) return false;
    await this.reports.markSuspending(tx, ids);
    await this.resources.setSafetyLineSuspended(tx, resource.id, true);
    return true;
  }

  /** GET /v1/curation/reports: newest first, keyset pages. */
  async listReports(query: ListReportsQuery): Promise<ReportListResponse> {
    const limit = query.limit ?? 20;
    const after = query.cursor ? reportCursors.decode(query.cursor) : undefined;
    let resourceId: string | undefined;
    if (query.resource) {
      resourceId = await this.resources.findId(query.resource);
      if (!resourceId) return { data: [], page: { limit, nextCursor: null } }; // no such resource: no reports about it
    }
    const rows = await this.reports.list({ status: query.status, reason: query.reason, resourceId, after, limit });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: await this.withResources(page),
      page: { limit, nextCursor: rows.length > limit && last ? reportCursors.encode({ createdAt: last.cursor_at, id: last.id }) : null },
    };
  }

  /**
   * POST /v1/curation/reports/{id}/resolve: closes the report as resolved, optionally re-verifying
   * the listing (verifiedBy report_review) and/or changing it through the curation update path
   * (If-Match, validation, audit), all in one transaction. Closing a suspending reason's report
   * lifts the line's suspension: a curator has reviewed it.
   */
  async resolveReport(id: string, body: ResolveReportRequest, ifMatch: string | undefined, principal: Principal): Promise<Resolution> {
    const at = this.clock.now();
    const changed: { listing: VersionedResource | null } = { listing: null };
    const lifted = { value: false };
    const closed = await this.reports.transaction(async (tx) => {
      const report = await this.openReport(tx, id);
      const reverify = body.reverify ? ('report_review' as const) : undefined;
      if (body.listing) {
        changed.listing = await this.curation.updateResource(report.resource_id, body.listing, ifMatch, principal, { tx, reverify });
      } else if (reverify) {
        changed.listing = await this.curation.markVerified(report.resource_id, reverify, principal, { tx, at });
      }
      return this.close(tx, report, lifted, {
        status: 'resolved',
        at,
        partnerId: principal.partnerId,
        keyId: principal.keyId,
        reverified: !!reverify,
        listingUpdated: !!body.listing && Object.keys(body.listing).length > 0,
        dismissReason: null,
      });
    });
    // Read-your-writes: the listing changed or re-verified, or the line back in the safety lists.
    if (changed.listing || lifted.value) await this.curation.catchUpAfterCommit();
    const [report] = await this.withResources([closed]);
    return { report, listing: changed.listing };
  }

  /** POST /v1/curation/reports/{id}/dismiss: closes the report as dismissed, with a reason code. */
  async dismissReport(id: string, body: DismissReportRequest, principal: Principal): Promise<ReportResponse> {
    const at = this.clock.now();
    const lifted = { value: false };
    const closed = await this.reports.transaction(async (tx) => {
      const report = await this.openReport(tx, id);
      return this.close(tx, report, lifted, {
        status: 'dismissed',
        at,
        partnerId: principal.partnerId,
        keyId: principal.keyId,
        reverified: false,
        listingUpdated: false,
        dismissReason: body.reason,
      });
    });
    if (lifted.value) await this.resources.catchUpAfterCommit(); // the line is back in this instance's safety lists
    const [report] = await this.withResources([closed]);
    return report;
  }

  private async openReport(tx: Parameters<ReportsRepository['insert']>[0], id: string): Promise<ReportRow> {
    const report = await this.reports.findById(id, tx, true);
    if (!report) throw ReportErrors.notFound();
    if (report.status !== 'open') throw ReportErrors.closed(report.status);
    return report;
  }

  /** Closes the report; closing one of a suspending reason lifts the line's suspension (`lifted` says whether it did). */
  private async close(
    tx: Parameters<ReportsRepository['insert']>[0],
    report: ReportRow,
    lifted: { value: boolean },
    closure: Parameters<ReportsRepository['close']>[2],
  ): Promise<ReportRow> {
    const closed = await this.reports.close(tx, report.id, closure);
    if (!closed) throw ReportErrors.closed('closed'); // closed meanwhile (the row was locked: not expected)
    if (SUSPENDING_REASONS.includes(report.reason)) {
      await this.reports.liftSuspension(tx, report.resource_id);
      lifted.value = await this.resources.setSafetyLineSuspended(tx, report.resource_id, false);
    }
    return closed;
  }

  private async withResources(rows: ReportRow[]): Promise<ReportResponse[]> {
    const summaries = await this.resources.findSummaries(rows.map((r) => r.resource_id));
    const byId = new Map(summaries.map((s) => [s.id, s]));
    return rows.map((row) => mapReport(row, byId.get(row.resource_id)));
  }

  /**
   * A keyed hash of the reporter's network (HMAC with the server secret): stable within the
   * suspension window, useless without the secret. The network (an IPv4 /24, an IPv6 /48), not the
   * address: one person holding a few addresses of one network must count as one reporter, or they
   * alone could suspend a real safety line.
   */
  private hashIp(ip: string): string {
    return createHmac('sha256', this.hashKey)
      .update(`resource_report:${reporterNetwork(ip)}`)
      .digest('base64url')
      .slice(0, 32);
  }
}
