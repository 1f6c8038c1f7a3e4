import { Injectable } from '@nestjs/common';

import { Clock } from '../common/clock.js';
import { ResourcesService } from '../resources/resources.service.js';
import { RESOURCE_KINDS } from '../taxonomy/taxonomy.js';
import type { CurationStatsResponse } from './dto/curation-stats.dto.js';
import { ReportsRepository } from './reports.repository.js';

/** GET /v1/curation/stats: how fresh the directory is and how the reports from the field stand, at one moment. */
@Injectable()
export class CurationStatsService {
  constructor(
    private readonly resources: ResourcesService,
    private readonly reports: ReportsRepository,
    private readonly clock: Clock,
  ) {}

  async stats(): Promise<CurationStatsResponse> {
    const now = this.clock.now();
    const cutoffs = this.resources.verificationCutoffs(now);
    const [listings, open, resolution, suspended, safetyLineIds] = await Promise.all([
      this.resources.countByVerification(cutoffs),
      this.reports.openByReasonAndAge(now),
      this.reports.resolutionLast90Days(now),
      this.reports.suspendedResourceIds(),
      this.resources.findActiveSafetyLineIds(),
    ]);
    const byKind = RESOURCE_KINDS.codes
      .filter((kind) => listings.byKind.has(kind))
      .map((kind) => ({ kind, ...listings.byKind.get(kind)! }));
    const byStatus = { current: 0, due: 0, stale: 0 };
    for (const counts of byKind) for (const status of ['current', 'due', 'stale'] as const) byStatus[status] += counts[status];
    const activeSafetyLines = new Set(safetyLineIds);
    return {
      asOf: now.toISOString(),
      policy: this.resources.verificationPolicy(),
      listings: { total: byStatus.current + byStatus.due + byStatus.stale, byStatus, byKind },
      reports: {
        open: open.reduce((sum, r) => sum + r.total, 0),
        openByReason: open.map((r) => ({
          reason: r.reason,
          total: r.total,
          underOneDay: r.under1,
          oneToSevenDays: r.days1to7,
          overSevenDays: r.over7,
        })),
        last90Days: {
          closed: resolution.closed,
          medianHours: resolution.median_hours === null ? null : Math.round(resolution.median_hours * 10) / 10,
        },
      },
      safetyLines: {
        total: activeSafetyLines.size,
        ...listings.safetyLines,
        suspended: suspended.filter((id) => activeSafetyLines.has(id)).length,
      },
    };
  }
}
