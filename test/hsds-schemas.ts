import { readFileSync } from 'node:fs';

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

/**
 * The vendored HSDS 3.0 schemas (test/fixtures/hsds/compiled, CC BY-SA 4.0), compiled with
 * ajv. They declare no $schema and use draft-07 keywords, so ajv's default (draft-07) class
 * reads them; the Frictionless Data annotations they carry are declared as keywords, so
 * strict mode still rejects any keyword it does not know.
 */
export type HsdsSchema = 'service' | 'organization' | 'service_list' | 'organization_list';

const ANNOTATIONS = ['name', 'path', 'datapackage_metadata', 'datapackage_type', 'constraints', 'example', 'core', 'tabular_required'];

// ajv-formats is CommonJS with `exports.default`: under NodeNext the default import is the module object.
const addFormats = formats.default ?? (formats as unknown as typeof formats.default);

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);
ajv.addVocabulary(ANNOTATIONS);
const compiled = new Map<HsdsSchema, ValidateFunction>();

export function hsdsValidator(schema: HsdsSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(`test/fixtures/hsds/compiled/${schema}.json`, 'utf8')));
    compiled.set(schema, validate);
  }
  return validate;
}

/** Schema errors of one record, readable in a failed expectation ([] when valid). */
export function hsdsErrors(schema: HsdsSchema, record: unknown): string[] {
  const validate = hsdsValidator(schema);
  return validate(record)
    ? []
    : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
