import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import type { Json } from './support/json.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

/** The curl commands of the README's bash blocks, in order, continuation lines joined. */
export function readmeCurlCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);
  const commands: string[] = [];
  for (const block of blocks) {
    let pending = '';
    for (const line of block.split('\n')) {
      pending = pending ? `${pending} ${line.trim()}` : line.trim();
      const openQuote = (pending.split('#')[0].match(/'/g) ?? []).length % 2 === 1 || (pending.match(/'/g) ?? []).length % 2 === 1;
      if (pending.endsWith('\\')) pending = pending.slice(0, -1).trim();
      else if (!openQuote || !pending.startsWith('curl ')) {
        if (pending.startsWith('curl ')) commands.push(pending);
        pending = '';
      }
    }
  }
  return commands;
}

/** Shell words of one command: quotes, $KEY inside double quotes, and a trailing # comment. */
export function shellWords(line: string, variables: Record<string, string>): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated quote in ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      const end = line.indexOf('"', i + 1);
      if (end < 0) throw new Error(`unterminated quote in ${line}`);
      word = (word ?? '') + line.slice(i + 1, end).replace(/\$([A-Z_]+)/g, (_m, name: string) => variables[name] ?? '');
      i = end;
    } else if (c === '$' && word !== undefined) {
      const name = /^[A-Z_]+/.exec(line.slice(i + 1))?.[0] ?? '';
      word += variables[name] ?? '';
      i += name.length;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      break;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** A listing to stand for the README's my-resource.json. */
const MY_RESOURCE = {
  slug: 'readme-example-practice',
  name: 'Readme Example Practice',
  description: 'Couples counseling, here to show the curation API.',
  organization: { name: 'Readme Example Practice' },
  url: 'https://readme-example.example',
  kind: 'practice',
  formats: ['video'],
  cost: {
    free: false,
    slidingScale: false,
    feeMin: 9000,
    feeMax: 12000,
    currency: 'USD',
    insuranceAccepted: false,
    insurers: [],
    noInsuranceNeeded: true,
  },
  specialties: ['infidelity'],
  approaches: [],
  languages: ['en'],
  audiences: [],
  credentials: ['licensed_clinician'],
  paymentOptions: ['cash'],
  locations: [],
  serviceAreas: ['US-OH'],
  acceptingNewClients: true,
  availability: [],
  jointSessions: true,
  demo: true,
};

describe('README: every curl example runs as written against a fresh instance', () => {
  let t: TestApp;
  let partner: TestPartner;
  beforeAll(async () => {
    t = await createTestApp();
    partner = await t.createPartner();
  });
  afterAll(() => t.close());

  it('answers each of them with a documented 2xx', async () => {
    const commands = readmeCurlCommands(readFileSync('README.md', 'utf8'));
    expect(commands.length).toBeGreaterThan(15);
    // Ids the examples write as placeholders, taken from the answers before them.
    const lastId = new Map<string, string>();
    const context: Record<string, string> = {};
    // What the examples `export` from earlier answers: the listing claim's token and the listing key.
    const variables: Record<string, string> = { KEY: partner.secretKey };
    const fill = (text: string, path?: string) =>
      text.replace(/<(id|resourceId|referralId|intakeId|claimId|reportId)>/g, (_m, name: string) => {
        const collection = path?.match(/^(\/v1\/(?:hsds\/)?[a-z-]+)\/<[A-Za-z]+>/)?.[1];
        const value =
          (collection && lastId.get(collection)) ?? context[name] ?? (name === 'referralId' ? lastId.get('/v1/referrals') : undefined);
        if (!value) throw new Error(`nothing earlier in the README gives <${name}> (${text})`);
        return value;
      });
    const failures: string[] = [];
    for (const command of commands) {
      const words = shellWords(command, variables);
      let method = 'GET';
      const headers: Record<string, string> = {};
      let data: string | undefined;
      let url: string | undefined;
      for (let i = 1; i < words.length; i++) {
        const w = words[i];
        if (w === '-X') method = words[++i];
        else if (w === '-H') {
          const [name, ...rest] = words[++i].split(':');
          headers[name.trim()] = rest.join(':').trim();
        } else if (w === '-d') data = words[++i];
        else if (w.startsWith('-')) continue;
        else url = w;
      }
      const target = new URL(url!);
      const pathname = decodeURIComponent(target.pathname);
      const path = fill(pathname, pathname);
      const request = t.http()[method.toLowerCase() as 'get'](`${path}${target.search}`);
      for (const [name, value] of Object.entries(headers)) void request.set(name, value);
      if (data !== undefined) {
        const body = data === '@my-resource.json' ? JSON.stringify(MY_RESOURCE) : fill(data);
        if (!headers['Content-Type']) void request.set('Content-Type', 'application/json');
        void request.send(body);
      }
      const res = await request;
      if (res.status >= 300) failures.push(`${command}\n  → ${res.status} ${JSON.stringify(res.body)}`);
      const body = res.body as Json;
      const collection = pathname.match(/^\/v1\/(?:hsds\/)?[a-z-]+/)?.[0];
      // A report is made under its resource's path, but is no resource: its id is <reportId>.
      if (method === 'POST' && pathname.endsWith('/reports') && typeof body?.id === 'string') context.reportId = body.id;
      else if (collection && typeof body?.id === 'string') lastId.set(collection, body.id);
      const list = body?.data ?? body?.contents;
      if (collection && Array.isArray(list) && typeof list[0]?.id === 'string' && !lastId.has(target.pathname))
        lastId.set(target.pathname, list[0].id);
      if (typeof body?.claimToken === 'string') {
        variables.CLAIM_TOKEN = body.claimToken;
        context.claimId = body.id;
      }
      if (target.pathname === '/v1/listing-claims/redeem' && typeof body?.key === 'string') variables.LISTING_KEY = body.key;
      if (target.pathname === '/v1/intakes' && method === 'POST') {
        context.intakeId = body.id;
        if (body.matches?.[0]) context.resourceId = body.matches[0].resource.id;
      }
    }
    expect(failures).toEqual([]);
  });
});
