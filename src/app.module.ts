import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { ConfigModule } from './config/config.module.js';
import type { Environment } from './config/environment.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { HsdsModule } from './hsds/hsds.module.js';
import { IntakeModule } from './intake/intake.module.js';
import { ListingsModule } from './listings/listings.module.js';
import { PartnersModule } from './partners/partners.module.js';
import { ReferralsModule } from './referrals/referrals.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { DirectoryRetentionModule } from './resources/directory-retention.module.js';
import { ResourcesModule } from './resources/resources.module.js';
import { SeedingModule } from './seeding/seeding.module.js';
import { TaxonomyModule } from './taxonomy/taxonomy.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { WidgetModule } from './widget/widget.module.js';

@Module({
  imports: [
    DatabaseModule,
    ScheduleModule.forRoot(),
    HealthModule,
    PartnersModule,
    TaxonomyModule,
    ResourcesModule,
    DirectoryRetentionModule,
    HsdsModule,
    IntakeModule,
    ReferralsModule,
    ReportsModule,
    ListingsModule,
    WebhooksModule,
    SeedingModule,
    WidgetModule,
  ],
})
export class AppModule {
  /** The app on one validated Environment, which every module receives (ConfigModule). */
  static forRoot(env: Environment): DynamicModule {
    return { module: AppModule, imports: [ConfigModule.forRoot(env)] };
  }
}
