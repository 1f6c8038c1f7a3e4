import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from '@jest/globals';

const SRC = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Problems are built only by the factories in `*.errors.ts`, from the module's union of codes:
 * a code written inline in a service, guard or controller escapes the union (and its review).
 */
describe('where problems are built', () => {
  const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

  it('ProblemException is constructed only by problemsOf()', () => {
    const constructing = files.filter((f) => /new ProblemException\b|ProblemException\.\w+\(/.test(f.text)).map((f) => f.path);
    expect(constructing).toEqual(['common/problem/problem.ts']);
  });

  it('problemsOf() is used only in *.errors.ts files', () => {
    const using = files.filter((f) => /problemsOf</.test(f.text) && f.path !== 'common/problem/problem.ts').map((f) => f.path);
    expect(using.length).toBeGreaterThan(0);
    expect(using.filter((path) => !path.endsWith('.errors.ts'))).toEqual([]);
  });
});
