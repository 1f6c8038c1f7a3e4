import { describe, expect, it } from '@jest/globals';

import { sourceFiles } from '../testing.js';

/**
 * Problems are built only by the factories in `*.errors.ts`, from the module's union of codes:
 * a code written inline in a service, guard or controller escapes the union (and its review).
 */
describe('where problems are built', () => {
  const files = sourceFiles();

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
