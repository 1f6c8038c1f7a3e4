import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';

import { FRAME_CSS } from './frame-stylesheet.js';

/** Where `tsc -p tsconfig.widget.json` puts the browser code (npm run build; jest's global setup). */
export const WIDGET_BUILD_DIR = resolve(process.cwd(), 'dist/widget');
const ASSET_NAME = /^[a-z][a-z0-9-]*\.(js|css)$/;

export interface WidgetAsset {
  body: string;
  contentType: string;
  etag: string;
}

const asset = (body: string, contentType: string): WidgetAsset => ({
  body,
  contentType,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`,
});

/** The compiled widget scripts and the frame's stylesheet, read once at start-up and served from memory. */
@Injectable()
export class WidgetAssets implements OnModuleInit {
  private readonly logger = new Logger('Widget');
  private assets = new Map<string, WidgetAsset>();

  onModuleInit(): void {
    const assets = new Map<string, WidgetAsset>([['frame.css', asset(FRAME_CSS, 'text/css; charset=utf-8')]]);
    if (existsSync(WIDGET_BUILD_DIR)) {
      for (const name of readdirSync(WIDGET_BUILD_DIR).filter((n) => n.endsWith('.js'))) {
        assets.set(name, asset(readFileSync(join(WIDGET_BUILD_DIR, name), 'utf8'), 'text/javascript; charset=utf-8'));
      }
    }
    if (!assets.has('loader.js') || !assets.has('frame.js')) {
      this.logger.warn(`The widget is not built (${WIDGET_BUILD_DIR}): run \`npm run build\`.`);
    }
    this.assets = assets;
  }

  /** By exact file name only: nothing outside the build directory can be asked for. */
  get(name: string): WidgetAsset | undefined {
    return ASSET_NAME.test(name) ? this.assets.get(name) : undefined;
  }
}
