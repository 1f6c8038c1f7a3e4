import 'reflect-metadata';

import { PartnersModule } from '../src/partners/partners.module.js';
import { PartnersService } from '../src/partners/partners.service.js';
import { type Scope, SCOPES } from '../src/partners/scopes.js';
import { parseCliArgs, usageError } from './cli-args.js';
import { withApplicationContext } from './with-database.js';

/**
 * `npm run partner:create -- --name "Second Chances" --origins https://a.example,https://b.example [--admin] [--test]`
 * Creates a partner with a secret and a publishable key and prints them once. The first admin
 * key is made this way (`--admin` gives the secret key every scope): none is ever hard-coded.
 */
const USAGE = `Usage: npm run partner:create -- --name <name> [options]

Creates a partner with a secret and a publishable key on the configured database and prints both keys once.

  --origins <list>     Comma-separated origins allowed to use the publishable key (https://a.example,https://b.example).
  --admin              Give the secret key every scope (the first admin key is made this way).
  --test               Test keys (mend_sk_test_…) instead of live ones.
  --rate-limit <n>     Requests per minute for the partner's keys (default: RATE_LIMIT_PER_MINUTE).`;

const { values } = parseCliArgs(
  {
    options: {
      name: { type: 'string' },
      origins: { type: 'string', default: '' },
      admin: { type: 'boolean', default: false },
      test: { type: 'boolean', default: false },
      'rate-limit': { type: 'string' },
    },
  },
  USAGE,
);
const name = values.name?.trim();
if (!name) usageError('--name is required.', USAGE);
const rateLimit = values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']);
if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit >= 1))
  usageError('--rate-limit must be a positive whole number.', USAGE);
// On the running embedded server when `npm start` runs, hashing keys with the same API key secret
// as the running app (the embedded one, adopted by openCliDatabase, unless API_KEY_SECRET is set).
await withApplicationContext(PartnersModule, async (app) => {
  const origins = values.origins
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const scopes: Scope[] | undefined = values.admin ? [...SCOPES] : undefined;
  const { partner, keys } = await app
    .get(PartnersService)
    .createPartner({ name, allowedOrigins: origins, rateLimitPerMinute: rateLimit }, values.test ? 'test' : 'live', scopes);
  console.log(`Partner ${partner.name} (${partner.id})`);
  console.log(`  secret key (${keys[0].key.scopes.join(', ')}):\n    ${keys[0].plaintext}`);
  console.log(`  publishable key (origins: ${origins.join(', ') || 'none yet'}):\n    ${keys[1].plaintext}`);
  console.log('Store them now: they are shown once and kept only as hashes.');
});
