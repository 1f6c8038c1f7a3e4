import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, as payment platforms do them: `Mend-Signature: t=<unix seconds>,v1=<hex>`
 * where v1 = HMAC-SHA-256(signing secret, `${t}.${raw body}`). Receivers recompute it and
 * reject old timestamps (replay protection). While a rotated secret's overlap lasts, the header
 * carries one v1 per secret (`t=…,v1=<new>,v1=<old>`): a receiver accepts if any v1 matches.
 */
export function signWebhook(secrets: string | string[], body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1s = (Array.isArray(secrets) ? secrets : [secrets]).map((secret) => `v1=${hmac(secret, timestamp, body)}`);
  return [`t=${timestamp}`, ...v1s].join(',');
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function verifyWebhook(secret: string, body: string, header: string, toleranceSeconds = 300, now = Date.now()): boolean {
  const pairs = header.split(',').map((p) => p.trim().split('='));
  const t = Number(pairs.find(([name]) => name === 't')?.[1]);
  const given = pairs.filter(([name, value]) => name === 'v1' && value).map(([, value]) => Buffer.from(value, 'hex'));
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds || given.length === 0) return false;
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  return given.some((g) => g.length === expected.length && timingSafeEqual(expected, g));
}

/** A new partner's (or a rotation's) signing secret: 256 random bits. */
export function newWebhookSigningSecret(): string {
  return 'whsec_' + randomBytes(32).toString('base64url');
}

/**
 * The secret partners created before per-partner secrets had, derived from the server secret.
 * Used once, at start-up, to store it for such partners so their receivers keep verifying; after
 * that nothing depends on API_KEY_SECRET and each partner rotates its own.
 */
export function legacyWebhookSigningSecret(serverSecret: string, partnerId: string): string {
  return 'whsec_' + createHmac('sha256', serverSecret).update(`webhook-signing:${partnerId}`).digest('base64url');
}
