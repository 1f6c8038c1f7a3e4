import { Injectable, Logger } from '@nestjs/common';

import { Environment } from '../config/environment.js';
import { ApiKeysService } from '../partners/api-keys.service.js';
import { DEMO_PARTNER_NAME } from '../partners/demo-partner.js';
import { PartnersService } from '../partners/partners.service.js';
import { widgetLang } from './client/messages.js';
import { demoPage, framePage, unavailablePage } from './widget-pages.js';

const PUBLISHABLE_KEY = /^mend_pk_(live|test)_[0-9A-Za-z]{38}$/;
const ACCENT = /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/;
/** Same rule as a partner's allowedOrigins (CreatePartnerRequest): safe to put in a CSP header. */
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;
const DEMO_KEY_LIFETIME_MS = 24 * 3_600_000;

/** The frame's query string as received: repeated parameters arrive as arrays and are ignored. */
export interface FrameQuery {
  key?: unknown;
  mode?: unknown;
  accent?: unknown;
  exit?: unknown;
  /** en or es (the loader sends the embed's data-lang or the page's <html lang>); anything else: en. */
  lang?: unknown;
  /** The region of that language tag (es-MX → MX), two letters; the intake preselects it. */
  region?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export interface WidgetPage {
  status: number;
  html: string;
  headers: Record<string, string>;
}

/** What the frame itself may load: Mend's own scripts, styles and API, nothing else. */
const FRAME_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];

function httpsUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

@Injectable()
export class WidgetService {
  private readonly logger = new Logger('Widget');
  private demoKey?: Promise<string | undefined>;
  private demoKeyIssuedAt = 0;

  constructor(
    private readonly env: Environment,
    private readonly keys: ApiKeysService,
    private readonly partners: PartnersService,
  ) {}

  /**
   * The frame for a publishable key. Framing is allowed exactly on the key's partner's origins
   * (CSP frame-ancestors). Unknown, revoked and expired keys, suspended partners and secret keys
   * get one "unavailable" page that nobody may frame.
   */
  async framePage(query: FrameQuery): Promise<WidgetPage> {
    const key = text(query.key);
    const accent = text(query.accent);
    const lang = widgetLang(text(query.lang)) ?? 'en';
    const principal = key && PUBLISHABLE_KEY.test(key) ? await this.keys.authenticate(key) : undefined;
    const origins = principal?.kind === 'publishable' ? principal.allowedOrigins.filter((o) => ORIGIN.test(o)) : [];
    if (!principal || principal.kind !== 'publishable') {
      return {
        status: 403,
        html: unavailablePage(lang),
        headers: {
          'content-security-policy': [
            "default-src 'none'",
            "style-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
          ].join('; '),
          'x-frame-options': 'DENY',
          'cache-control': 'no-store',
        },
      };
    }
    return {
      status: 200,
      html: framePage({
        key: key as string,
        mode: query.mode === 'intake' ? 'intake' : 'search',
        lang,
        accent: accent && ACCENT.test(accent) ? accent : undefined,
        exitUrl: httpsUrl(text(query.exit)),
        region: /^[A-Z]{2}$/.test(text(query.region) ?? '') ? (query.region as string) : undefined,
        origins,
      }),
      headers: {
        'content-security-policy': [...FRAME_CSP, `frame-ancestors ${origins.length ? origins.join(' ') : "'none'"}`].join('; '),
        // Not cached: a revoked key or a changed origin list takes effect on the next load.
        'cache-control': 'no-store',
      },
    };
  }

  /** The demo partner page; not served in production. */
  async demoPage(baseUrl: string, key: string | undefined, lang?: string): Promise<string | undefined> {
    if (this.env.NODE_ENV === 'production') return undefined;
    const publishable = key && PUBLISHABLE_KEY.test(key) ? key : await this.ensureDemoKey();
    return demoPage({ baseUrl, key: publishable, lang: widgetLang(lang) ?? 'en' });
  }

  /**
   * Keys are stored hashed, so the demo partner's printed key cannot be read back. Instead the
   * page gets its own publishable test key of the `demo` partner, issued on the first visit,
   * kept in this process's memory only, expiring after a day. Development only (never in
   * production, only with DEMO_PARTNER, and only where the demo partner exists: embedded database).
   */
  private ensureDemoKey(): Promise<string | undefined> {
    if (!this.env.DEMO_PARTNER) return Promise.resolve(undefined);
    if (Date.now() - this.demoKeyIssuedAt > DEMO_KEY_LIFETIME_MS / 2) this.demoKey = undefined; // renew well before it expires
    this.demoKey ??= (async () => {
      this.demoKeyIssuedAt = Date.now();
      const partner = await this.partners.findByName(DEMO_PARTNER_NAME);
      if (!partner) return undefined;
      const { plaintext } = await this.keys.issueKey({
        partnerId: partner.id,
        kind: 'publishable',
        environment: 'test',
        name: 'widget demo page (in memory)',
        expiresAt: new Date(Date.now() + DEMO_KEY_LIFETIME_MS),
      });
      this.logger.log('Issued a publishable test key of the demo partner for /widget/demo (expires in 24 h)');
      return plaintext;
    })().catch((error: Error) => {
      this.demoKey = undefined;
      this.logger.warn(`No demo key: ${error.message}`);
      return undefined;
    });
    return this.demoKey;
  }
}
