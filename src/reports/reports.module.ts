import { Module } from '@nestjs/common';

import { ResourcesModule } from '../resources/resources.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { CurationReportsController } from './curation-reports.controller.js';
import { CurationStatsService } from './curation-stats.service.js';
import { ReportRetentionJob } from './report-retention.job.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

/**
 * Reports from the field (the only owner of resource_report): visitors and partners say what is
 * wrong with a listing, curators triage them (resolving through the directory's curation path, so
 * listing changes are audited there), several reports can suspend a safety line, and curators'
 * webhooks hear of each one. Also the curators' numbers (GET /v1/curation/stats). IntakeModule asks
 * it which safety lines are suspended.
 */
@Module({
  imports: [ResourcesModule, WebhooksModule],
  controllers: [ReportsController, CurationReportsController],
  providers: [ReportsService, ReportsRepository, CurationStatsService, ReportRetentionJob],
  exports: [ReportsService],
})
export class ReportsModule {}
