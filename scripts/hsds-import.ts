import { writeFile } from 'node:fs/promises';

import { isURL } from 'class-validator';
import { SingleBar } from 'cli-progress';

import { HsdsModule } from '../src/hsds/hsds.module.js';
import { HsdsImporter, type HsdsImportReport } from '../src/hsds/import/hsds-importer.js';
import { RESOURCE_KINDS, type ResourceKind } from '../src/taxonomy/taxonomy.js';
import { parseCliArgs, usageError } from './cli-args.js';
import { withApplicationContext } from './with-database.js';

const USAGE = `Usage: npm run hsds:import -- <file-or-dir> [options]

Loads an HSDS 3.0 export (Mend's own, or another directory's) into the configured database.
Re-running it updates the same resources; it never duplicates them.

  --source-url <url>     Where this HSDS data is published: the sourceUrl of its listings
                         (Mend's own exports carry their own; others need it).
  --default-kind <kind>  Kind of services with no term Mend recognises as a kind
                         (${RESOURCE_KINDS.codes.join(', ')}); without it they are skipped.
  --slug-prefix <p>      Prefix of the slugs of other directories' services (default hsds).
  --dry-run              Map and validate, write nothing.
  --report <file>        Write the full report (every service, every skipped field) as JSON.`;

const { values, positionals } = parseCliArgs(
  {
    allowPositionals: true,
    options: {
      'source-url': { type: 'string' },
      'default-kind': { type: 'string' },
      'slug-prefix': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      report: { type: 'string' },
    },
  },
  USAGE,
);
const fail = (message: string) => usageError(message, USAGE);
if (positionals.length !== 1) fail('Give one file or directory to import.');
const defaultKind = values['default-kind'];
if (defaultKind !== undefined && !RESOURCE_KINDS.codes.includes(defaultKind as ResourceKind))
  fail(`--default-kind must be one of ${RESOURCE_KINDS.codes.join(', ')}`);
const sourceUrl = values['source-url'];
if (sourceUrl !== undefined && !isURL(sourceUrl, { protocols: ['http', 'https'], require_protocol: true }))
  fail('--source-url must be an http(s) URL');
const slugPrefix = values['slug-prefix'];
if (slugPrefix !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slugPrefix)) fail('--slug-prefix must be kebab-case');

/** Counts per outcome, then why services were skipped and which fields were left out (grouped). */
function summarise(report: HsdsImportReport): string {
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written): ' : ''}${report.services.length} services read from ${report.files.length} file(s).`,
  ];
  lines.push(
    Object.entries(report.counts)
      .map(([outcome, n]) => `${outcome.replace('_', ' ')}: ${n}`)
      .join(', '),
  );
  if (report.counts.kept_curated) lines.push('  (kept curated: changed through the API since; imports never undo curation)');
  for (const note of report.notes) lines.push(`File: ${note}`);
  const skipped = report.services.filter((s) => s.outcome === 'skipped');
  if (skipped.length) lines.push('', 'Skipped services:');
  for (const s of skipped) lines.push(`  ${s.source} ${s.name ? `"${s.name}"` : ''}: ${s.reasons.join('; ')}`);
  const grouped = new Map<string, number>();
  for (const s of report.services) {
    for (const note of s.skipped) {
      const key = `${note.field.replace(/\[\d+\]/g, '[]')}: ${note.reason}`;
      grouped.set(key, (grouped.get(key) ?? 0) + 1);
    }
  }
  if (grouped.size) lines.push('', 'Fields left out:');
  for (const [key, n] of [...grouped].sort((a, b) => b[1] - a[1])) lines.push(`  ${n}× ${key}`);
  return lines.join('\n');
}

await withApplicationContext(HsdsModule, async (app) => {
  const bar = new SingleBar({ format: 'HSDS import [{bar}] {value}/{total} services', stream: process.stderr, hideCursor: true });
  let started = false;
  const report = await app.get(HsdsImporter).importHsds(positionals[0], {
    sourceUrl,
    defaultKind: defaultKind as ResourceKind | undefined,
    slugPrefix,
    dryRun: values['dry-run'],
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
  });
  if (started) bar.stop();
  console.log(summarise(report));
  if (values.report) {
    await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nFull report: ${values.report}`);
  }
});
