import { Controller, Get, Param, Query, Req, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { ifNoneMatchHolds } from '../common/http/entity-tags.js';
import { Environment } from '../config/environment.js';
import { WidgetErrors } from './widget.errors.js';
import { type FrameQuery, WidgetService } from './widget.service.js';
import { type WidgetAsset, WidgetAssets } from './widget-assets.js';

/**
 * Per-route helmet settings (@fastify/helmet reads them from the route config); every other
 * route keeps the global ones, including frame-ancestors 'none' and X-Frame-Options.
 * - widget.js is loaded by partner pages on other sites: Cross-Origin-Resource-Policy must allow it.
 * - the frame sets its own CSP (frame-ancestors from the key's partner), so helmet's CSP and
 *   X-Frame-Options are off there; Referrer-Policy stays helmet's no-referrer.
 */
const LOADER_HELMET = { helmet: { crossOriginResourcePolicy: { policy: 'cross-origin' } } };
const FRAME_HELMET = { helmet: { contentSecurityPolicy: false, xFrameOptions: false } };
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The embeddable widget: loader, frame, frame assets and the demo page. Not part of the API (no Swagger). */
@ApiExcludeController()
@Controller({ version: VERSION_NEUTRAL })
export class WidgetController {
  constructor(
    private readonly widget: WidgetService,
    private readonly assets: WidgetAssets,
    private readonly env: Environment,
  ) {}

  @Get('widget.js')
  @RouteConfig(LOADER_HELMET)
  getLoader(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.sendAsset(request, reply, this.assets.get('loader.js'));
  }

  @Get('widget/frame')
  @RouteConfig(FRAME_HELMET)
  async getFrame(@Query() query: FrameQuery, @Res() reply: FastifyReply): Promise<void> {
    const page = await this.widget.framePage(query);
    void reply.status(page.status).headers(page.headers).type('text/html; charset=utf-8').send(page.html);
  }

  @Get('widget/demo')
  async getDemo(
    @Query('key') key: string | undefined,
    @Query('lang') lang: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const html = await this.widget.demoPage(this.baseUrl(request), text(key), text(lang));
    if (!html) throw WidgetErrors.pageNotFound();
    void reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  }

  @Get('widget/:file')
  getAsset(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.sendAsset(request, reply, this.assets.get(file));
  }

  private sendAsset(request: FastifyRequest, reply: FastifyReply, asset: WidgetAsset | undefined): void {
    if (!asset) throw WidgetErrors.fileNotFound();
    void reply.header('cache-control', 'public, max-age=300').header('etag', asset.etag);
    if (ifNoneMatchHolds(request.headers['if-none-match'], asset.etag)) {
      void reply.status(304).send();
      return;
    }
    void reply.type(asset.contentType).send(asset.body);
  }

  /** Where this server is reached, for the demo page's absolute snippet URLs. */
  private baseUrl(request: FastifyRequest): string {
    const host = HOST.test(request.host) ? request.host : `localhost:${this.env.PORT}`;
    return `${request.protocol}://${host}`;
  }
}
