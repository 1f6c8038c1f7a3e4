import type { ResourceDocument } from '../../resources/curation/resource-document.js';
import { type ResourceTranslations, translationsProblem } from '../../resources/resource-texts.js';
import { CONTACT_CHANNELS, type TaxonomyName } from '../../taxonomy/taxonomy.js';
import { type ForeignTerm, MEND_FACTS, type MendFact, recogniseTerm, VOCABULARIES } from '../hsds-taxonomy.js';
import { arr, type ImportNote, type Json, obj, text } from './hsds-json.js';

/** What the attributes say: codes per Mend vocabulary, in order, and the `mend` facts. */
export function readAttributes(service: Json, skipped: ImportNote[]) {
  const codes = Object.fromEntries(VOCABULARIES.map((v) => [v, [] as string[]])) as Record<TaxonomyName, string[]>;
  const facts = new Map<MendFact, string[]>();
  arr(service.attributes).forEach((raw, i) => {
    const attribute = obj(raw);
    const field = `attributes[${i}]`;
    if (!attribute) return skipped.push({ field, reason: 'not an object' });
    const term = (obj(attribute.taxonomy_term) ?? (text(attribute.taxonomy_term_id) ? { id: attribute.taxonomy_term_id } : undefined)) as
      ForeignTerm | undefined;
    const recognised = recogniseTerm(term);
    if (recognised.kind === 'unknown') return skipped.push({ field, reason: recognised.reason });
    if (recognised.vocabulary === 'mend') {
      const value = typeof attribute.value === 'string' ? attribute.value : undefined;
      if (value === undefined) return skipped.push({ field, reason: `mend ${recognised.code} has no value` });
      const fact = recognised.code as MendFact;
      facts.set(fact, [...(facts.get(fact) ?? []), value]);
      return;
    }
    const list = codes[recognised.vocabulary];
    if (!list.includes(recognised.code)) list.push(recognised.code);
  });
  return { codes, facts };
}

export type FactReader = ReturnType<typeof factReader>;

/**
 * Typed reads of the `mend` facts; a malformed value is reported (each time it is read) and
 * ignored.
 */
export function factReader(facts: Map<MendFact, string[]>, skipped: ImportNote[]) {
  const first = (fact: MendFact) => facts.get(fact)?.[0];
  const bad = (fact: MendFact, value: string) => {
    skipped.push({
      field: `attributes(mend ${fact})`,
      reason: `value "${value}" is not ${MEND_FACTS[fact].value === 'boolean' ? 'true or false' : 'a whole number'}`,
    });
    return undefined;
  };
  return {
    has: (fact: MendFact) => facts.has(fact),
    text: (fact: MendFact) => first(fact),
    all: (fact: MendFact) => facts.get(fact) ?? [],
    boolean: (fact: MendFact): boolean | undefined => {
      const v = first(fact);
      return v === undefined ? undefined : v === 'true' ? true : v === 'false' ? false : bad(fact, v);
    },
    integer: (fact: MendFact): number | undefined => {
      const v = first(fact);
      return v === undefined ? undefined : /^\d{1,9}$/.test(v) ? Number(v) : bad(fact, v);
    },
  };
}

/** The mend contact_channel facts (JSON each); malformed ones are skipped with a note. */
export function contactChannels(values: string[], skipped: ImportNote[]): NonNullable<ResourceDocument['contactChannels']> {
  const channels: NonNullable<ResourceDocument['contactChannels']> = [];
  values.forEach((value, i) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    const c = parsed as { type?: unknown; value?: unknown; keyword?: unknown } | undefined;
    if (!c || typeof c !== 'object' || !CONTACT_CHANNELS.codes.includes(c.type as never) || typeof c.value !== 'string' || !c.value) {
      skipped.push({ field: `attributes(mend contact_channel)[${i}]`, reason: 'not a JSON object with a known type and a value' });
      return;
    }
    channels.push({ type: c.type as never, value: c.value, ...(typeof c.keyword === 'string' && c.keyword ? { keyword: c.keyword } : {}) });
  });
  return channels;
}

/** The mend translations fact (Mend's own exports): kept when well formed (translationsProblem), otherwise skipped with a note. */
export function importedTranslations(
  values: string[],
  hasCostNotes: boolean,
  skipped: ImportNote[],
): { translations?: ResourceTranslations } {
  if (!values.length) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(values[0]);
  } catch {
    parsed = undefined;
  }
  const problem = parsed === undefined ? 'not JSON' : translationsProblem(parsed, hasCostNotes);
  if (problem) {
    skipped.push({ field: 'attributes(mend translations)', reason: problem });
    return {};
  }
  return { translations: parsed as ResourceTranslations };
}
