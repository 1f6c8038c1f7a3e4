import type { TestApp } from '../support/test-app.js';
import type { FuzzClient, FuzzKeys, FuzzPools } from './fuzz-runner.js';

export const FUZZ_ORIGIN = 'https://partner.example';

export interface FuzzSetup {
  keys: FuzzKeys;
  pools: FuzzPools;
  /** HTTP requests made to build the pools (not counted per operation). */
  setupRequests: number;
}

/**
 * Real data for the fuzzer to aim at: a partner whose secret key holds every scope (admin
 * included) and whose publishable key comes from its allowed Origin, so most requests get past
 * authentication; seeded resource ids and slugs; intakes, referrals and page cursors made here.
 * Keys that the fuzzer may revoke or rotate are separate ones: the working keys are never in a pool.
 */
export async function prepareFuzzing(t: TestApp, client: FuzzClient): Promise<FuzzSetup> {
  let setupRequests = 0;
  const partner = await t.createPartner({
    name: 'fuzz partner',
    origins: [FUZZ_ORIGIN],
    scopes: ['directory:read', 'intakes:write', 'referrals:read', 'referrals:write', 'resources:write', 'admin'],
    rateLimitPerMinute: 100_000,
  });
  const other = await t.createPartner({ name: 'fuzz other partner', rateLimitPerMinute: 100_000 });
  const keys: FuzzKeys = { secret: partner.secretKey, publishable: partner.publishableKey, listing: '', origin: FUZZ_ORIGIN };
  const secret = { authorization: `Bearer ${keys.secret}`, 'content-type': 'application/json' };
  const call = async (method: string, path: string, body?: unknown) => {
    setupRequests++;
    const answer = await client.send(method, path, secret, body === undefined ? undefined : Buffer.from(JSON.stringify(body)));
    if (answer.status >= 300)
      throw new Error(`fuzz setup: ${method} ${path} answered ${answer.status} ${answer.body.toString('utf8').slice(0, 300)}`);
    return answer.body.length ? JSON.parse(answer.body.toString('utf8')) : undefined;
  };

  const pools: FuzzPools = {
    resourceIds: [],
    resourceSlugs: [],
    partnerIds: [partner.partnerId, other.partnerId],
    keyIds: [],
    intakeIds: [],
    referralIds: [],
    resourceCursors: [],
    referralCursors: [],
    etags: {},
  };
  const directory = await call('GET', '/v1/resources?limit=100');
  for (const r of directory.data) {
    pools.resourceIds.push(r.id);
    pools.resourceSlugs.push(r.slug);
  }
  for (const kind of ['secret', 'publishable', 'secret']) {
    pools.keyIds.push((await call('POST', `/v1/partners/${other.partnerId}/keys`, { kind, name: 'sacrificial' })).id);
  }
  pools.keyIds.push((await call('POST', `/v1/partners/${partner.partnerId}/keys`, { kind: 'secret', name: 'sacrificial own' })).id);
  for (const body of [
    { concerns: ['infidelity'], willingness: 'both', postalCode: '43215', budgetPerSession: 150 },
    { concerns: ['lying', 'financial_secrecy'], willingness: 'one_leaning_out', region: 'US-CA', formats: ['video'], languages: ['es'] },
    { concerns: ['jealousy_control'], willingness: 'both', safety: { feelsAfraid: true }, region: 'US-TX' },
  ]) {
    const intake = await call('POST', '/v1/intakes', body);
    pools.intakeIds.push(intake.id);
    const resourceId = intake.matches?.[0]?.resource?.id ?? pools.resourceIds[0];
    for (let i = 0; i < 2; i++)
      pools.referralIds.push((await call('POST', '/v1/referrals', { intakeId: intake.id, resourceId, clientReference: `fuzz-${i}` })).id);
  }
  // A provider's listing key (claim, redeem) for the first intake's first match, and referrals to
  // it that let the provider answer: the /v1/listing operations reach real records.
  const listedResource: string = (await call('GET', `/v1/referrals/${pools.referralIds[0]}`)).resourceId;
  const claim = await call('POST', `/v1/curation/resources/${listedResource}/claims`, {});
  keys.listing = (await call('POST', '/v1/listing-claims/redeem', { claimToken: claim.claimToken })).key;
  for (let i = 0; i < 3; i++)
    pools.referralIds.push(
      (await call('POST', '/v1/referrals', { intakeId: pools.intakeIds[0], resourceId: listedResource, allowProviderResponse: true })).id,
    );
  for (const query of [
    'limit=1&sort=name',
    'limit=1&sort=fee',
    'limit=2&q=affair',
    'limit=1&postalCode=43215&radiusKm=500',
    'limit=1&facets=kind,format&format=video',
  ]) {
    const page = await call('GET', `/v1/resources?${query}`);
    if (page.page.nextCursor) pools.resourceCursors.push(page.page.nextCursor);
  }
  const referrals = await call('GET', '/v1/referrals?limit=1');
  if (referrals.page.nextCursor) pools.referralCursors.push(referrals.page.nextCursor);
  return { keys, pools, setupRequests };
}
