import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { createValidationPipe } from '../src/common/problem/validation.js';
import { Environment } from '../src/config/environment.js';
import { CreateIntakeRequest } from '../src/intake/dto/create-intake.request.js';
import type { IntakeResponse } from '../src/intake/dto/intake.response.js';
import { toMatchable } from '../src/intake/intake.mapper.js';
import { IntakeRepository } from '../src/intake/intake.repository.js';
import { IntakeService } from '../src/intake/intake.service.js';
import { rankCandidates } from '../src/intake/matching/rank.js';
import { assessSafety, recommendHelp } from '../src/intake/matching/safety.js';
import type { Candidate } from '../src/intake/matching/types.js';
import { DEFAULT_MATCH_COUNT } from '../src/intake/matching/weights.js';
import { mapResource } from '../src/resources/resource.mapper.js';
import { verificationCutoffs, verificationPolicy } from '../src/resources/verification.js';

/*
 * bench:intake --explain, part 1: each body through the running app's own IntakeService (as the
 * controller calls it), one at a time, with every statement recorded and timed. Part 2, the
 * plans of the recorded statements, is intake-explain.ts.
 */

/** One candidate or hotline statement as the app sent it. */
export interface Recorded {
  label: string;
  text: string;
  values: unknown[];
  ms: number;
  rows: unknown[];
}

/** Where one body's request time goes (medians over its runs, ms). */
export interface Profiled {
  name: string;
  totalMs: number;
  statements: { label: string; ms: number; rows: number }[];
  insertMs: number;
  commitMs: number;
  mapMs: number;
  rankMs: number;
  hotlineMapMs: number;
  stringifyMs: number;
  responseKiB: number;
  recorded: Recorded[];
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/** Median over `n` runs of a synchronous step, ms. */
function timeSync<T>(n: number, fn: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), value };
}

/**
 * The app's DataSource and IntakeRepository, instrumented until restore(): `query` records and
 * times the candidate and hotline statements (both repositories send them that way),
 * `transaction` times the COMMIT, and IntakeRepository.save times the INSERT.
 */
class StatementRecorder {
  recording: Recorded[] = [];
  insertMs = 0;
  commitMs = 0;
  readonly restore: () => void;

  constructor(app: INestApplication) {
    const dataSource = app.get(DataSource);
    const intakes = app.get(IntakeRepository);
    /* eslint-disable @typescript-eslint/unbound-method -- kept for restore(), and called with .call/.apply on their own object */
    const originalQuery = dataSource.query;
    const originalTransaction = dataSource.transaction;
    const originalSave = intakes.save;
    /* eslint-enable @typescript-eslint/unbound-method */
    dataSource.query = (async (text: string, values?: unknown[], ...rest: unknown[]) => {
      const t0 = performance.now();
      const rows = await (originalQuery as (...a: unknown[]) => Promise<unknown>).call(dataSource, text, values, ...rest);
      const label = /r\.kind = 'hotline'/.test(text) ? 'hotlines' : /r\.kind <> 'hotline'/.test(text) ? 'candidates' : undefined;
      if (label) this.recording.push({ label, text, values: values ?? [], ms: performance.now() - t0, rows: rows as unknown[] });
      return rows;
    }) as typeof dataSource.query;
    dataSource.transaction = async (...args: unknown[]) => {
      const work = args[args.length - 1] as (manager: unknown) => Promise<unknown>;
      let workEnd = 0;
      const result = await (originalTransaction as (...a: unknown[]) => Promise<unknown>).call(
        dataSource,
        ...args.slice(0, -1),
        async (manager: unknown) => {
          const done = await work(manager);
          workEnd = performance.now();
          return done;
        },
      );
      this.commitMs = performance.now() - workEnd;
      return result;
    };
    intakes.save = async (...args: Parameters<IntakeRepository['save']>) => {
      const t0 = performance.now();
      const stored = await originalSave.apply(intakes, args);
      this.insertMs = performance.now() - t0;
      return stored;
    };
    this.restore = () => {
      dataSource.query = originalQuery;
      dataSource.transaction = originalTransaction;
      intakes.save = originalSave;
    };
  }
}

type Submit = (dto: CreateIntakeRequest) => Promise<IntakeResponse>;

/** Each body of the mix through the running app's IntakeService, one at a time: see Profiled. */
export async function profileBodies(
  app: INestApplication,
  partnerId: string | null,
  mix: { name: string; body: Record<string, unknown> }[],
): Promise<Profiled[]> {
  const service = app.get(IntakeService);
  const recorder = new StatementRecorder(app);
  try {
    const pipe = createValidationPipe();
    // No Idempotency-Key: the key id is unused.
    const submit: Submit = async (dto) =>
      (
        await service.submitIntake(dto, { partnerId: partnerId as string, keyId: partnerId as string }, undefined, {
          locale: 'en',
          explicit: false,
        })
      ).body;
    const out: Profiled[] = [];
    for (const m of mix) {
      const dto = (await pipe.transform(structuredClone(m.body), { type: 'body', metatype: CreateIntakeRequest })) as CreateIntakeRequest;
      out.push(await profileBody(m.name, dto, service, recorder, submit));
    }
    return out;
  } finally {
    recorder.restore();
  }
}

async function profileBody(
  name: string,
  dto: CreateIntakeRequest,
  service: IntakeService,
  recorder: StatementRecorder,
  submit: Submit,
): Promise<Profiled> {
  for (let i = 0; i < 3; i++) await submit(dto); // warm caches and the JIT
  const runs: { total: number; statements: Recorded[]; insert: number; commit: number; response: IntakeResponse }[] = [];
  for (let i = 0; i < 7; i++) {
    recorder.recording = [];
    const t0 = performance.now();
    const response = await submit(dto);
    runs.push({
      total: performance.now() - t0,
      statements: [...recorder.recording],
      insert: recorder.insertMs,
      commit: recorder.commitMs,
      response,
    });
  }
  const last = runs[runs.length - 1];
  // Statement i of every run is the same statement (same constraints, same relaxation path).
  // The hotline query runs alongside the first candidate query, so it may be recorded before or after
  // it: statements are matched across runs by label (hotlines; candidates; candidates (widened n)).
  const labelled = (recorded: Recorded[]) => {
    let n = 0;
    return recorded.map((s) => ({
      ...s,
      label: s.label === 'candidates' ? (n++ ? `candidates (widened ${n - 1})` : 'candidates') : s.label,
    }));
  };
  const statements = labelled(last.statements).map((s) => ({
    label: s.label,
    ms: median(runs.map((r) => labelled(r.statements).find((x) => x.label === s.label)?.ms ?? NaN)),
    rows: s.rows.length,
  }));
  const steps = timeCpuSteps(service, dto, last.statements, last.response);
  return {
    name,
    totalMs: median(runs.map((r) => r.total)),
    statements,
    insertMs: median(runs.map((r) => r.insert)),
    commitMs: median(runs.map((r) => r.commit)),
    ...steps,
    recorded: last.statements,
  };
}

/** The CPU steps between the queries, timed on the rows of a run: rows → responses, ranking, hotlines, JSON. */
function timeCpuSteps(service: IntakeService, dto: CreateIntakeRequest, statements: Recorded[], response: IntakeResponse) {
  const profile = service.toProfile(dto);
  const safety = assessSafety(profile.safety);
  const recommendation = recommendHelp(profile.willingness, safety);
  const candidateRows = [...statements].reverse().find((s) => s.label === 'candidates')!.rows as Parameters<typeof mapResource>[0][];
  const hotlineRows = (statements.find((s) => s.label === 'hotlines')?.rows ?? []) as Parameters<typeof mapResource>[0][];
  const now = new Date();
  const cutoffs = verificationCutoffs({ policy: verificationPolicy(new Environment()), now });
  const mapped = timeSync(9, () =>
    candidateRows.map((row): Candidate => ({
      resource: toMatchable(mapResource(row, cutoffs), now),
      distanceMeters: (row as { distance_m?: number | null }).distance_m ?? undefined,
    })),
  );
  const ranked = timeSync(9, () => rankCandidates(profile, recommendation.type, mapped.value, dto.limit ?? DEFAULT_MATCH_COUNT));
  const hotlineMap = timeSync(9, () => hotlineRows.map((row) => mapResource(row, cutoffs)));
  const json = timeSync(9, () => JSON.stringify(response));
  return { mapMs: mapped.ms, rankMs: ranked.ms, hotlineMapMs: hotlineMap.ms, stringifyMs: json.ms, responseKiB: json.value.length / 1024 };
}
