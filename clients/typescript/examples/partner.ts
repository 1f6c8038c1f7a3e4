/**
 * An example partner program on the typed client: search the directory with filters and pages,
 * submit an intake with an Idempotency-Key (and retry it safely), refer the couple, move the
 * referral along, handle errors by their typed problem codes, and back off on 429 with
 * Retry-After. The test suite runs it against a real instance (test/client.e2e-spec.ts).
 *
 *   import { runPartnerExample } from './examples/partner.js';
 *   await runPartnerExample({ baseUrl: 'http://localhost:3000', secretKey: process.env.MEND_SECRET_KEY! });
 */
import { randomUUID } from 'node:crypto';

import { type components, createMendClient, type MendClient, type Problem, retryAfterSeconds } from '../src/index.js';

type Resource = components['schemas']['ResourceResponse'];

export interface PartnerExampleOptions {
  baseUrl: string;
  /** A secret key with directory:read, intakes:write, referrals:read and referrals:write. */
  secretKey: string;
  /** Longest Retry-After the program will sleep through before giving up (seconds). */
  maxWaitSeconds?: number;
  /** Searches to send in the rate-limit demonstration (0 skips it). */
  burst?: number;
  log?: (line: string) => void;
}

export interface PartnerExampleResult {
  pages: number;
  resourcesSeen: number;
  facetKinds: string[];
  intakeId: string;
  intakeReplayed: boolean;
  referralId: string;
  referralStatus: string;
  invalidTransition: { code: string; currentStatus?: string; allowedTransitions?: string[] } | undefined;
  rateLimited: { retryAfterSeconds: number; rateLimit: string | null } | undefined;
}

/** A problem's code, typed: every documented error of every operation is a Problem. */
function describe(problem: Problem): string {
  return `${problem.status} ${problem.code}${problem.errors?.length ? ` (${problem.errors.map((e) => e.field).join(', ')})` : ''}`;
}

/** Search with filters, following page.nextCursor (the same as the Link header) for up to `maxPages`. */
async function searchAllPages(
  client: MendClient,
  maxPages: number,
): Promise<{ resources: Resource[]; pages: number; facetKinds: string[] }> {
  const resources: Resource[] = [];
  let cursor: string | undefined;
  let facetKinds: string[] = [];
  let pages = 0;
  do {
    const { data, error } = await client.GET('/v1/resources', {
      params: { query: { serves: 'US-OH', format: ['video', 'phone'], acceptingNewClients: true, limit: 2, facets: ['kind'], cursor } },
    });
    if (error) throw new Error(`search failed: ${describe(error)}`);
    pages++;
    resources.push(...data.data);
    if (pages === 1) facetKinds = (data.facets?.kind ?? []).map((f) => f.value);
    cursor = data.page.nextCursor ?? undefined;
  } while (cursor && pages < maxPages);
  return { resources, pages, facetKinds };
}

export async function runPartnerExample(options: PartnerExampleOptions): Promise<PartnerExampleResult> {
  const log = options.log ?? (() => {});
  const client = createMendClient({ baseUrl: options.baseUrl, apiKey: options.secretKey });

  const { resources, pages, facetKinds } = await searchAllPages(client, 3);
  log(`search: ${resources.length} resources over ${pages} page(s); kinds ${facetKinds.join(', ')}`);

  // One key per intake attempt: a retry after a timeout sends the same key and body and gets the
  // first answer back (Idempotent-Replayed: true) instead of a second intake.
  const idempotencyKey = randomUUID();
  const intakeBody: components['schemas']['CreateIntakeRequest'] = {
    concerns: ['infidelity'],
    willingness: 'both',
    region: 'US-OH',
    formats: ['video'],
    safety: { feelsAfraid: false, physicalViolence: false, coerciveControl: false, selfHarmRisk: false },
  };
  const first = await client.POST('/v1/intakes', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: intakeBody });
  if (first.error) throw new Error(`intake failed: ${describe(first.error)}`);
  const retry = await client.POST('/v1/intakes', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: intakeBody });
  if (retry.error) throw new Error(`intake retry failed: ${describe(retry.error)}`);
  const intake = first.data;
  log(
    `intake ${intake.id}: ${intake.recommendation.type}, ${intake.matches.length} matches; retry replayed: ${retry.data.id === intake.id}`,
  );

  const resourceId = intake.matches[0]?.resource.id ?? resources[0]?.id;
  if (!resourceId) throw new Error('nothing to refer to');
  const referral = await client.POST('/v1/referrals', { body: { intakeId: intake.id, resourceId, clientReference: 'case-1042' } });
  if (referral.error) {
    // Typed: a 422 referral_unsafe carries `reason`; the others name the field in errors[].
    throw new Error(`referral failed: ${describe(referral.error)}${referral.error.reason ? ` because ${referral.error.reason}` : ''}`);
  }
  const updated = await client.PATCH('/v1/referrals/{referralId}', {
    params: { path: { referralId: referral.data.id } },
    body: { status: 'accepted', reason: 'first_session_booked' },
  });
  if (updated.error) throw new Error(`status update failed: ${describe(updated.error)}`);
  log(`referral ${updated.data.id}: ${updated.data.status}; next: ${updated.data.allowedTransitions.join(', ')}`);

  // A transition the lifecycle does not allow: a typed 409 problem with its extension members.
  const backwards = await client.PATCH('/v1/referrals/{referralId}', {
    params: { path: { referralId: updated.data.id } },
    body: { status: 'requested' },
  });
  const invalidTransition = backwards.error
    ? { code: backwards.error.code, currentStatus: backwards.error.currentStatus, allowedTransitions: backwards.error.allowedTransitions }
    : undefined;
  if (backwards.error?.code === 'invalid_transition')
    log(`cannot go back: now ${backwards.error.currentStatus}, allowed ${backwards.error.allowedTransitions?.join(', ')}`);

  // Too many requests: the answer says how long to wait; wait (within reason) and try again.
  let rateLimited: PartnerExampleResult['rateLimited'];
  for (let i = 0; i < (options.burst ?? 0) && !rateLimited; i++) {
    const { error, response } = await client.GET('/v1/taxonomy');
    if (error && response.status === 429) {
      const wait = retryAfterSeconds(response) ?? 1;
      rateLimited = { retryAfterSeconds: wait, rateLimit: response.headers.get('ratelimit') };
      log(`429 ${error.code}: retry after ${wait} s (${response.headers.get('ratelimit-policy')})`);
      if (wait <= (options.maxWaitSeconds ?? 0)) await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    } else if (error) {
      throw new Error(`taxonomy failed: ${describe(error)}`);
    }
  }

  return {
    pages,
    resourcesSeen: resources.length,
    facetKinds,
    intakeId: intake.id,
    intakeReplayed: retry.response.headers.get('idempotent-replayed') === 'true' && retry.data.id === intake.id,
    referralId: updated.data.id,
    referralStatus: updated.data.status,
    invalidTransition,
    rateLimited,
  };
}
