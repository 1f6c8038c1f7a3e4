import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { PartnersService } from '../src/partners/partners.service.js';
import { SCOPES, type Scope } from '../src/partners/scopes.js';
import { openCliDatabase } from './with-database.js';

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
if (!values.name) {
  console.error('Usage: npm run partner:create -- --name <name> [--origins https://a.example,https://b.example] [--admin] [--test] [--rate-limit 600]');
  process.exit(2);
}
// The database first (the running embedded server when `npm start` runs), then the app on it,
// hashing keys with the same API key secret as the running app (adopted by openCliDatabase).
const database = await openCliDatabase({ defaults: { LOG_LEVEL: 'warn' }, overrides: { SEED_ON_START: 'false', DEMO_PARTNER: 'false' } });
const { env } = database;
env.DATABASE_URL = database.resolved.url;
const app = await NestFactory.createApplicationContext(AppModule.forRoot(env), { logger: ['error', 'warn'] }).catch(async (error: unknown) => {
  await database.close();
  throw error;
});
try {
  const origins = values.origins.split(',').map((o) => o.trim()).filter(Boolean);
  const scopes: Scope[] | undefined = values.admin ? [...SCOPES] : undefined;
  const { partner, keys } = await app.get(PartnersService).createPartner(
    { name: values.name, allowedOrigins: origins, rateLimitPerMinute: values['rate-limit'] ? Number(values['rate-limit']) : undefined },
    values.test ? 'test' : 'live',
    scopes,
  );
  console.log(`Partner ${partner.name} (${partner.id})`);
  console.log(`  secret key (${keys[0].key.scopes.join(', ')}):\n    ${keys[0].plaintext}`);
  console.log(`  publishable key (origins: ${origins.join(', ') || 'none yet'}):\n    ${keys[1].plaintext}`);
  console.log('Store them now: they are shown once and kept only as hashes.');
} finally {
  await app.close();
  await database.close();
}
