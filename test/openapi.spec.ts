import { describe, expect, it } from '@jest/globals';
import { Validator } from '@seriousme/openapi-schema-validator';
import { readFileSync } from 'node:fs';
import { generateOpenApiDocument, serializeOpenApi } from '../src/openapi.js';

describe('docs/openapi.json', () => {
  it('matches what the code generates (run `npm run openapi` after changing the API)', async () => {
    const generated = serializeOpenApi(await generateOpenApiDocument());
    const committed = readFileSync('docs/openapi.json', 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(generated));
  });

  it('is a valid OpenAPI 3 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(readFileSync('docs/openapi.json', 'utf8')));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
