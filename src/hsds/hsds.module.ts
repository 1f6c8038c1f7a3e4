import { Module } from '@nestjs/common';

import { ResourcesModule } from '../resources/resources.module.js';
import { HsdsController } from './hsds.controller.js';
import { HsdsService } from './hsds.service.js';
import { HsdsImporter } from './import/hsds-importer.js';

/**
 * The directory in Open Referral HSDS 3.0: the read API here; export and import are CLIs
 * (scripts/hsds-*.ts). The directory's tables are read and written through ResourcesModule.
 */
@Module({
  imports: [ResourcesModule],
  controllers: [HsdsController],
  providers: [HsdsService, HsdsImporter],
  exports: [HsdsService, HsdsImporter],
})
export class HsdsModule {}
