import { Module } from '@nestjs/common';

import { PartnersModule } from '../partners/partners.module.js';
import { WidgetController } from './widget.controller.js';
import { WidgetService } from './widget.service.js';
import { WidgetAssets } from './widget-assets.js';

/** The embeddable finder for partner websites (client code in ./client, built by tsconfig.widget.json). */
@Module({
  imports: [PartnersModule],
  controllers: [WidgetController],
  providers: [WidgetService, WidgetAssets],
})
export class WidgetModule {}
