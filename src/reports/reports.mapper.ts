import type { ReportReceiptResponse, ReportResponse } from './dto/report.dto.js';
import type { ReportRow } from './reports.repository.js';

const iso = (d: Date | string) => new Date(d).toISOString();

/** What the reporter gets back. */
export function mapReceipt(row: ReportRow): ReportReceiptResponse {
  return { id: row.id, resourceId: row.resource_id, reason: row.reason, status: 'open', createdAt: iso(row.created_at) };
}

/** A report as curators see it, with the listing it is about (by name; a removed one keeps its id). */
export function mapReport(row: ReportRow, resource: { id: string; slug: string; name: string; kind: string } | undefined): ReportResponse {
  return {
    id: row.id,
    resource: resource ?? { id: row.resource_id, slug: '', name: '', kind: '' },
    reason: row.reason,
    note: row.note,
    status: row.status,
    reporterPartnerId: row.reporter_partner_id,
    suspendsSafetyLine: row.suspends,
    createdAt: iso(row.created_at),
    closed:
      row.closed_at === null
        ? null
        : {
            at: iso(row.closed_at),
            partnerId: row.closed_by_partner_id,
            keyId: row.closed_by_key_id,
            reverified: row.reverified,
            listingUpdated: row.listing_updated,
            dismissReason: row.dismiss_reason,
          },
  };
}
