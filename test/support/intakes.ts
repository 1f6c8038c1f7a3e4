import { expect } from '@jest/globals';

import type { TestApp } from './test-app.js';

/** Every safety question answered no: a screened couple with no safety concern. */
export const ALL_SAFETY_NO = {
  physicalViolence: false,
  feelsAfraid: false,
  coerciveControl: false,
  sexualViolence: false,
  selfHarmRisk: false,
} as const;

/** POST /v1/intakes that must succeed (201, no problem detail); the body, typed by the caller. */
export async function submitIntake<T>(t: TestApp, auth: string, body: Record<string, unknown>): Promise<T> {
  const res = await t.http().post('/v1/intakes').set('Authorization', auth).send(body);
  expect([res.status, res.body.detail]).toEqual([201, undefined]);
  return res.body as T;
}
