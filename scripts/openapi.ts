import 'reflect-metadata';

import { mkdirSync, writeFileSync } from 'node:fs';

import { generateOpenApiDocument, serializeOpenApi } from '../src/openapi.js';

/** `npm run openapi`: writes docs/openapi.json (committed; a test fails when it is stale). */
const document = await generateOpenApiDocument();
mkdirSync('docs', { recursive: true });
writeFileSync('docs/openapi.json', serializeOpenApi(document));
console.log(`docs/openapi.json written: ${Object.keys(document.paths).length} paths`);
process.exit(0);
