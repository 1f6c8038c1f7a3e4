import { Module } from '@nestjs/common';
import { HsdsController } from './hsds.controller.js';
import { HsdsRepository } from './hsds.repository.js';
import { HsdsService } from './hsds.service.js';

/** The directory in Open Referral HSDS 3.0: the read API here; export and import are CLIs (scripts/hsds-*.ts). */
@Module({
  controllers: [HsdsController],
  providers: [HsdsService, HsdsRepository],
  exports: [HsdsService, HsdsRepository],
})
export class HsdsModule {}
