import 'reflect-metadata';

import { parseArgs } from 'node:util';

import { PartnersModule } from '../src/partners/partners.module.js';
import { PartnersService } from '../src/partners/partners.service.js';
import { type Scope, SCOPES } from '../src/partners/scopes.js';
import { withApplicationContext } from './with-database.js';

/**
 * `npm run partner:create -- --name "Second Chances" --origins https://a.example,https://b.example [--admin] [--test]`
 * Creates a partner with a secret and a publishable key and prints them once. The first admin
 * key is made this way (`--admin` gives the secret key every scope): none is ever hard-coded.
 */
const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    origins: { type: 'string', default: '' },
    admin: { type: 'boolean', default: false },
    test: { type: 'boolean', default: false },
    'rate-limit': { type: 'string' },
  },
});
const name = values.name;
if (!name) {
  console.error(
    'Usage: npm run partner:create -- --name <name> [--origins https://a.example,https://b.example] [--admin] [--test] [--rate-limit 600]',
  );
  process.exit(2);
}
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
    .createPartner(
      { name, allowedOrigins: origins, rateLimitPerMinute: values['rate-limit'] ? Number(values['rate-limit']) : undefined },
      values.test ? 'test' : 'live',
      scopes,
    );
  console.log(`Partner ${partner.name} (${partner.id})`);
  console.log(`  secret key (${keys[0].key.scopes.join(', ')}):\n    ${keys[0].plaintext}`);
  console.log(`  publishable key (origins: ${origins.join(', ') || 'none yet'}):\n    ${keys[1].plaintext}`);
  console.log('Store them now: they are shown once and kept only as hashes.');
});
