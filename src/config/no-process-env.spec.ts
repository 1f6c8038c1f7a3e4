import { describe, expect, it } from '@jest/globals';

import { sourceFiles } from '../common/testing.js';

describe('one validated Environment', () => {
  it('is the only way src/ gets its settings: only main.ts reads process.env', () => {
    const readers = sourceFiles()
      .filter((file) => /\bprocess\.env\b/.test(file.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map((file) => file.path);
    expect(readers).toEqual(['main.ts']);
  });
});
