import { TAXONOMY, type TaxonomyName, type TaxonomyTerm } from '../taxonomy/taxonomy.js';
import { hsdsId } from './hsds-ids.js';

/**
 * How Mend's vocabularies appear in HSDS: each one (src/taxonomy/taxonomy.ts) is a taxonomy
 * named `mend:<name>` whose terms are its codes, attached to a service as attributes; the facts
 * HSDS has no field for (sliding scale, insurers, capacity, demo, fees in minor units, …) are
 * terms of the `mend` taxonomy with the fact in the attribute's `value`. Term and taxonomy ids
 * are name-based UUIDs, identical in every export, so an importer can recognise them by id or
 * by name.
 */
export const MEND_TAXONOMY_URI = 'https://mend.dev/hsds/taxonomies';

/** American Sign Language: ISO 639-3 `ase` (no ISO 639-1 code), as HSDS language codes allow. */
export const ASL_LANGUAGE = { code: 'ase', name: 'American Sign Language' } as const;

const VOCABULARY_DESCRIPTIONS: Record<TaxonomyName, string> = {
  kind: 'What kind of help a resource is (Mend resource kinds).',
  format: 'How sessions or support happen.',
  specialty: 'Relationship problems the resource specialises in.',
  approach: 'Therapeutic approaches used.',
  audience: 'People the resource explicitly welcomes.',
  accessibility:
    'How a person with a disability can reach and use the resource (ASL, videophone, TTY, relay, captions, text, interpreters, wheelchair access).',
  credential: 'Credentials of the clinicians or staff.',
  payment: 'Ways to pay.',
  availability: 'When the resource can be reached.',
  eligibility: 'Who the resource is ONLY for (as opposed to the audiences it welcomes).',
  lineRole:
    'What a hotline is for: crisis, domestic violence, sexual assault, substance use, gambling, information and referral, family support.',
  contactChannel: 'Ways to reach a resource besides its main phone (values live in the mend contact_channel fact).',
};

/** The facts of the `mend` taxonomy, with the form of their attribute value. */
export const MEND_FACTS = {
  slug: { name: 'Mend slug', description: "The resource's slug in Mend (stable URL key).", value: 'text' },
  free: { name: 'Free', description: 'Costs the couple nothing.', value: 'boolean' },
  sliding_scale: { name: 'Sliding scale', description: 'Fees adjusted to income.', value: 'boolean' },
  fee_min_minor: {
    name: 'Lowest fee (minor units)',
    description: 'Lowest fee per session, in integer minor units (cents, pence) of the currency.',
    value: 'integer',
  },
  fee_max_minor: {
    name: 'Highest fee (minor units)',
    description: 'Highest fee per session, in integer minor units (cents, pence) of the currency.',
    value: 'integer',
  },
  fee_period: {
    name: 'Fee period',
    description: 'What one fee buys: per_session, per_week, per_month, one_time or per_program.',
    value: 'text',
  },
  currency: { name: 'Currency', description: 'ISO 4217 currency of the fees.', value: 'text' },
  insurance_accepted: { name: 'Insurance accepted', description: 'Bills health insurance.', value: 'boolean' },
  insurer: { name: 'Insurer', description: 'One insurer the provider lists (one attribute each, in order).', value: 'text' },
  no_insurance_needed: { name: 'No insurance needed', description: 'Can be used with no insurance at all.', value: 'boolean' },
  accepting_new_clients: { name: 'Accepting new clients', description: 'Capacity: takes new clients now.', value: 'boolean' },
  wait_time_days: { name: 'Wait time (days)', description: 'Capacity: typical wait before a first session, in days.', value: 'integer' },
  joint_sessions: { name: 'Joint sessions', description: 'Both partners can join one live session together.', value: 'boolean' },
  safe_relationships_only: {
    name: 'Safe relationships only',
    description:
      'The provider says it is not for relationships with abuse or coercive control; Mend never suggests it when safety is at stake.',
    value: 'boolean',
  },
  not_for_crisis: {
    name: 'Not for people in crisis',
    description: 'The provider says it is not for people in an acute crisis; Mend never suggests it when self-harm risk is reported.',
    value: 'boolean',
  },
  contact_channel: {
    name: 'Contact channel',
    description: 'One other way in, as JSON {"type","value","keyword"?} (one attribute each, in order).',
    value: 'text',
  },
  translations: {
    name: 'Translations',
    description:
      'Name, description and cost notes written in other languages, as JSON {"es":{"name"?,"description"?,"costNotes"?}}: HSDS has one text per field, these are English.',
    value: 'text',
  },
  demo: { name: 'Demo listing', description: 'A fictional listing for demonstration.', value: 'boolean' },
  source_url: { name: 'Source URL', description: 'Where the facts come from.', value: 'text' },
  last_verified_at: { name: 'Last verified', description: 'When the facts were last checked (ISO 8601 date-time).', value: 'text' },
  verified_by: {
    name: 'Verified by',
    description:
      'Who last checked the facts: curator, provider, import or report_review (a Mend export; an import from elsewhere is import).',
    value: 'text',
  },
} as const;
export type MendFact = keyof typeof MEND_FACTS;

/** A vocabulary name of src/taxonomy, or 'mend' for the facts. */
export type HsdsVocabulary = TaxonomyName | 'mend';

export interface HsdsTaxonomyDetail {
  id: string;
  name: string;
  description: string;
  uri: string;
  version: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  term_uri: string;
  language: string;
  taxonomy_detail: HsdsTaxonomyDetail;
}

export const taxonomyName = (vocabulary: HsdsVocabulary) => (vocabulary === 'mend' ? 'mend' : `mend:${vocabulary}`);
export const taxonomyId = (vocabulary: HsdsVocabulary) => hsdsId('taxonomy', taxonomyName(vocabulary));
export const termId = (vocabulary: HsdsVocabulary, code: string) => hsdsId('taxonomy_term', taxonomyName(vocabulary), code);

const details = new Map<HsdsVocabulary, HsdsTaxonomyDetail>();

export function taxonomyDetail(vocabulary: HsdsVocabulary): HsdsTaxonomyDetail {
  let detail = details.get(vocabulary);
  if (!detail) {
    detail = {
      id: taxonomyId(vocabulary),
      name: taxonomyName(vocabulary),
      description:
        vocabulary === 'mend'
          ? 'Facts about a Mend resource that HSDS has no field for; the fact is in the attribute value.'
          : VOCABULARY_DESCRIPTIONS[vocabulary],
      uri: `${MEND_TAXONOMY_URI}/${taxonomyName(vocabulary)}`,
      version: '1',
    };
    details.set(vocabulary, detail);
  }
  return detail;
}

function termText(vocabulary: HsdsVocabulary, code: string): { name: string; description: string } | undefined {
  if (vocabulary === 'mend') return Object.hasOwn(MEND_FACTS, code) ? MEND_FACTS[code as MendFact] : undefined;
  const term = (TAXONOMY[vocabulary].terms as readonly TaxonomyTerm[]).find((t) => t.code === code);
  return term && { name: term.label, description: term.description };
}

/** The HSDS taxonomy_term of a Mend code (a vocabulary code, or a `mend` fact). */
export function taxonomyTerm(vocabulary: HsdsVocabulary, code: string): HsdsTaxonomyTerm {
  const text = termText(vocabulary, code);
  if (!text) throw new Error(`${code} is not a term of ${taxonomyName(vocabulary)}`);
  const detail = taxonomyDetail(vocabulary);
  return {
    id: termId(vocabulary, code),
    code,
    name: text.name,
    description: text.description,
    taxonomy: detail.name,
    taxonomy_id: detail.id,
    term_uri: `${detail.uri}/${code}`,
    language: 'en',
    taxonomy_detail: detail,
  };
}

/** Every Mend vocabulary (not the facts), by the name the API uses. */
export const VOCABULARIES = Object.keys(TAXONOMY) as TaxonomyName[];

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** term id → vocabulary and code, for every Mend term. */
const BY_TERM_ID = new Map<string, { vocabulary: HsdsVocabulary; code: string }>();
/** taxonomy name or id → vocabulary. */
const BY_TAXONOMY = new Map<string, HsdsVocabulary>();
/** Normalised code or label of a vocabulary term → the vocabularies and codes it names. */
const BY_WORDS = new Map<string, { vocabulary: TaxonomyName; code: string }[]>();

for (const vocabulary of [...VOCABULARIES, 'mend'] as HsdsVocabulary[]) {
  BY_TAXONOMY.set(taxonomyName(vocabulary), vocabulary);
  BY_TAXONOMY.set(taxonomyId(vocabulary), vocabulary);
  const codes = vocabulary === 'mend' ? Object.keys(MEND_FACTS) : TAXONOMY[vocabulary].codes;
  for (const code of codes) BY_TERM_ID.set(termId(vocabulary, code), { vocabulary, code });
}
// Contact channel terms carry no number, so another directory's "TTY" or "Videophone" is read as accessibility.
for (const vocabulary of VOCABULARIES.filter((v) => v !== 'contactChannel')) {
  for (const term of TAXONOMY[vocabulary].terms as readonly TaxonomyTerm[]) {
    for (const words of new Set([normalise(term.code), normalise(term.label)])) {
      const list = BY_WORDS.get(words) ?? [];
      if (!list.some((m) => m.vocabulary === vocabulary && m.code === term.code)) list.push({ vocabulary, code: term.code });
      BY_WORDS.set(words, list);
    }
  }
}

export type RecognisedTerm =
  | { kind: 'mend'; vocabulary: HsdsVocabulary; code: string }
  | { kind: 'matched'; vocabulary: TaxonomyName; code: string }
  | { kind: 'unknown'; reason: string };

/** The parts of an HSDS attribute an importer reads (all optional in foreign data). */
export interface ForeignTerm {
  id?: unknown;
  code?: unknown;
  name?: unknown;
  taxonomy?: unknown;
  taxonomy_id?: unknown;
  taxonomy_detail?: { id?: unknown; name?: unknown } | null;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Which Mend term an HSDS taxonomy term is: one of Mend's own (by term id, or by taxonomy
 * name or id plus code), else a foreign term whose code or name is exactly one Mend term's code
 * or label ("Video", "in_person", "Infidelity recovery"). Anything else is unknown, with why.
 */
export function recogniseTerm(term: ForeignTerm | undefined): RecognisedTerm {
  if (!term) return { kind: 'unknown', reason: 'attribute without a taxonomy_term' };
  const byId = text(term.id) && BY_TERM_ID.get(text(term.id)!.toLowerCase());
  if (byId) return { kind: 'mend', ...byId };
  const taxonomyKeys = [term.taxonomy, term.taxonomy_id, term.taxonomy_detail?.name, term.taxonomy_detail?.id]
    .map(text)
    .filter(Boolean) as string[];
  const vocabulary = taxonomyKeys.map((k) => BY_TAXONOMY.get(k) ?? BY_TAXONOMY.get(k.toLowerCase())).find(Boolean);
  const code = text(term.code);
  const label = text(term.name);
  if (vocabulary) {
    if (code && BY_TERM_ID.has(termId(vocabulary, code))) return { kind: 'mend', vocabulary, code };
    return { kind: 'unknown', reason: `${taxonomyName(vocabulary)} has no term ${code ?? label ?? '(no code)'}` };
  }
  const taxonomy = taxonomyKeys[0] ? ` (taxonomy ${taxonomyKeys[0]})` : '';
  for (const words of [code, label].filter(Boolean).map((w) => normalise(w!))) {
    const matches = BY_WORDS.get(words) ?? [];
    if (matches.length === 1) return { kind: 'matched', ...matches[0] };
    if (matches.length > 1) {
      return {
        kind: 'unknown',
        reason: `term "${label ?? code}"${taxonomy} is ambiguous: it names ${matches.map((m) => `${m.vocabulary} ${m.code}`).join(' and ')}`,
      };
    }
  }
  return { kind: 'unknown', reason: `no Mend term for "${label ?? code ?? '(unnamed)'}"${taxonomy}` };
}
