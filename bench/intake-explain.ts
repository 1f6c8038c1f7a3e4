import pg from 'pg';

import { median, type Profiled } from './intake-profile.js';

/*
 * bench:intake --explain, part 2: EXPLAIN (ANALYZE, BUFFERS) of every statement intake-profile.ts
 * recorded, which indexes they use, what an INSERT costs on this server, and where a request's
 * time goes.
 */

interface PlanFinding {
  body: string;
  statement: string;
  rows: number;
  ms: number;
  indexes: string[];
  seqScans: { relation: string; rows: number; removed: number }[];
  sort: string;
}

function readPlan(text: string): Omit<PlanFinding, 'body' | 'statement' | 'rows'> {
  const indexes = [...text.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\S+)/g)].map((x) => x[1]);
  // PostgreSQL 18 prints average rows per loop with decimals (rows=23222.67 loops=3).
  const seqScans = [
    ...text.matchAll(
      /Seq Scan on (\S+) \S+ .*?\(actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+) loops=(\d+)\)(?:\n\s+Filter: [^\n]*\n\s+Rows Removed by Filter: (\d+))?/g,
    ),
  ].map((x) => ({ relation: x[1], rows: Math.round(Number(x[2]) * Number(x[3])), removed: Number(x[4] ?? 0) * Number(x[3]) }));
  const sort = /Sort Method: ([^\n]+)/.exec(text)?.[1]?.trim() ?? '';
  return { indexes: [...new Set(indexes)], seqScans, ms: Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN), sort };
}

/** Prints the plans and the findings of the profiled bodies' statements; returns the findings. */
export async function explain(databaseUrl: string, profiled: Profiled[]): Promise<PlanFinding[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let findings: PlanFinding[];
  try {
    findings = await explainStatements(client, profiled);
    await timeIntakeInsert(client);
  } finally {
    await client.end();
  }
  printPlanSummary(findings);
  printTimeBreakdown(profiled, findings);
  return findings;
}

async function explainStatements(client: pg.Client, profiled: Profiled[]): Promise<PlanFinding[]> {
  const findings: PlanFinding[] = [];
  for (const p of profiled) {
    for (const [i, s] of p.recorded.entries()) {
      const label = p.statements[i].label;
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values);
      const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      console.log(`\n-- ${p.name} / ${label} (${s.rows.length} rows)\n${plan}`);
      findings.push({ body: p.name, statement: label, rows: s.rows.length, ...readPlan(plan) });
    }
  }
  return findings;
}

/** The INSERT: what a durable commit costs on this server, against one that does not wait for the WAL flush. */
async function timeIntakeInsert(client: pg.Client): Promise<void> {
  const insert = `INSERT INTO intake (partner_id, answers, safety_level, recommendation, do_not_contact, matched_resource_ids, expires_at)
      VALUES (NULL, '{"concerns":["infidelity"]}', 'none', 'couples_counseling', true, '{}', now() + interval '30 days')`;
  const timeInserts = async (n: number) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await client.query(insert);
      times.push(performance.now() - t0);
    }
    return median(times);
  };
  await timeInserts(5);
  const durable = await timeInserts(50);
  await client.query('SET synchronous_commit = off');
  const async = await timeInserts(50);
  await client.query('RESET synchronous_commit');
  const {
    rows: [settings],
  } = await client.query<{ sc: string; fsync: string; wsm: string }>(
    `SELECT current_setting('synchronous_commit') AS sc, current_setting('fsync') AS fsync, current_setting('wal_sync_method') AS wsm`,
  );
  console.log(
    `\nINSERT INTO intake (one row, autocommit, median of 50): ${durable.toFixed(2)} ms with synchronous_commit=${settings.sc}` +
      ` (fsync=${settings.fsync}, wal_sync_method=${settings.wsm}); ${async.toFixed(2)} ms with synchronous_commit=off.`,
  );
}

function printPlanSummary(findings: PlanFinding[]): void {
  console.log('\nPlan summary (warm cache, one client):');
  console.log(`  ${'body'.padEnd(32)} ${'statement'.padEnd(22)} ${'rows'.padStart(5)} ${'ms'.padStart(8)}  sort / indexes / seq scans`);
  for (const f of findings) {
    const seq = f.seqScans.map((s) => `SEQ SCAN ${s.relation} (${s.rows} rows kept, ${s.removed} removed)`);
    console.log(
      `  ${f.body.padEnd(32)} ${f.statement.padEnd(22)} ${String(f.rows).padStart(5)} ${f.ms.toFixed(2).padStart(8)}  ${[f.sort && `sort: ${f.sort}`, ...f.indexes, ...seq].filter(Boolean).join(', ') || '-'}`,
    );
  }
  const scans = findings.filter((f) => f.seqScans.some((s) => s.relation === 'resource' || s.relation === 'resource_location'));
  console.log(
    scans.length
      ? `\n  ${scans.length} statement(s) scan resource or resource_location sequentially: ${[...new Set(scans.map((f) => f.body))].join('; ')}.`
      : '\n  No sequential scans of resource or resource_location: every statement is index-driven.',
  );
  const orgs = findings.filter((f) => f.seqScans.some((s) => s.relation === 'organization' && s.rows > 1000));
  if (orgs.length) {
    console.log(
      `  ${orgs.length} statement(s) read the whole organization table (hash join before ORDER BY … LIMIT), whatever they return.`,
    );
  }
  const sorted = findings.filter((f) => f.statement.startsWith('candidates'));
  // resource_location_resource_idx only serves the per-row locations subquery, organization_pkey the join.
  const filtering = (f: PlanFinding) => f.indexes.some((i) => i !== 'resource_location_resource_idx' && i !== 'organization_pkey');
  console.log(
    `  Candidate statements: ${sorted.filter(filtering).length} of ${sorted.length} find rows through an index (GIN, GiST or the partial kind btree); ` +
      'every one sorts all its matches on (distance, accepting_new_clients, id) before LIMIT 300, so its cost follows the number of matches.',
  );
}

function printTimeBreakdown(profiled: Profiled[], findings: PlanFinding[]): void {
  console.log("\nWhere one request's time goes (the app's IntakeService.submitIntake in-process, one at a time, warm, medians of 7; ms):");
  console.log(
    `  ${'body'.padEnd(32)} ${'total'.padStart(6)} ${'SQL: statement ms (rows) [server exec ms]'.padEnd(62)} ${'map'.padStart(5)} ${'rank'.padStart(5)} ${'hotl.'.padStart(5)} ${'INSERT'.padStart(6)} ${'COMMIT'.padStart(6)} ${'JSON'.padStart(5)} ${'KiB'.padStart(6)}`,
  );
  for (const p of profiled) {
    const sql = p.statements
      .map((s) => {
        const f = findings.find((x) => x.body === p.name && x.statement === s.label);
        return `${s.label === 'hotlines' ? 'H' : s.label.includes('widened') ? 'W' : 'C'} ${s.ms.toFixed(1)} (${s.rows})${f ? ` [${f.ms.toFixed(1)}]` : ''}`;
      })
      .join(', ');
    console.log(
      `  ${p.name.padEnd(32)} ${p.totalMs.toFixed(1).padStart(6)} ${sql.padEnd(62)} ${p.mapMs.toFixed(2).padStart(5)} ${p.rankMs.toFixed(2).padStart(5)} ${p.hotlineMapMs.toFixed(2).padStart(5)} ${p.insertMs.toFixed(2).padStart(6)} ${p.commitMs.toFixed(2).padStart(6)} ${p.stringifyMs.toFixed(2).padStart(5)} ${p.responseKiB.toFixed(1).padStart(6)}`,
    );
  }
  console.log(
    '  C = candidate query, W = candidate query after a widening step, H = hotline query; client ms include transfer and row parsing,\n' +
      "  [server exec ms] is EXPLAIN ANALYZE's Execution Time. map = 300 rows → ResourceResponse, rank = score + sort, hotl. = hotline rows → responses.",
  );
}
