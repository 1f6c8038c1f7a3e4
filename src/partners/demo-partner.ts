import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { Environment } from '../config/environment.js';
import { DatabaseServer } from '../database/database-server.js';
import { PartnersService } from './partners.service.js';
import { PARTNER_SCOPES } from './scopes.js';

export const DEMO_PARTNER_NAME = 'demo';

/**
 * A newcomer's first `npm start` (embedded database, not production) gets a `demo` partner
 * with test keys printed once, so every endpoint can be tried from Swagger straight away.
 */
@Injectable()
export class DemoPartnerBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoPartner');

  constructor(
    private readonly env: Environment,
    private readonly database: DatabaseServer,
    private readonly partners: PartnersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.DEMO_PARTNER || this.env.NODE_ENV === 'production' || !this.database.isEmbedded) return;
    if (await this.partners.findByName(DEMO_PARTNER_NAME)) return;
    const origin = `http://localhost:${this.env.PORT}`;
    const { keys } = await this.partners.createPartner(
      { name: DEMO_PARTNER_NAME, allowedOrigins: [origin, `http://127.0.0.1:${this.env.PORT}`] },
      'test',
      [...PARTNER_SCOPES],
    );
    const [secret, publishable] = keys;
    // Printed to the console on purpose (test keys on a developer's own embedded database), once.
    console.log(
      [
        '',
        'Created the demo partner with test keys (shown once; they live in your local .data/ database):',
        `  secret key (all scopes):  ${secret.plaintext}`,
        `  publishable key (${origin}):  ${publishable.plaintext}`,
        `Use the secret key with "Authorize" at ${origin}/docs.`,
        `See the embeddable widget at ${origin}/widget/demo.`,
        '',
      ].join('\n'),
    );
    this.logger.log('Demo partner created');
  }
}
