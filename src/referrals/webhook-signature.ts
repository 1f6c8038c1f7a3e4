import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, as payment platforms do them: `Mend-Signature: t=<unix seconds>,v1=<hex>`
 * where v1 = HMAC-SHA-256(signing secret, `${t}.${raw body}`). Receivers recompute it and
 * reject old timestamps (replay protection).
 */
export function signWebhook(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

export function verifyWebhook(secret: string, body: string, header: string, toleranceSeconds = 300, now = Date.now()): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(signWebhook(secret, body, t).split('v1=')[1], 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Each partner's signing secret, derived from the server secret: nothing extra to store or leak. */
export function webhookSigningSecret(serverSecret: string, partnerId: string): string {
  return 'whsec_' + createHmac('sha256', serverSecret).update(`webhook-signing:${partnerId}`).digest('base64url');
}
