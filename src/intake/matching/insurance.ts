import type { MatchableResource } from './types.js';

/**
 * Insurance by plan type and by name, not by exact text: "Medicaid" matches "Pennsylvania
 * Medicaid (HealthChoices) plans" and a clinic whose payment options include Medicaid; "Blue
 * Cross" matches "Blue Cross Blue Shield of Illinois". A resource that takes insurance but names
 * no insurer is "ask whether your plan is accepted", not "does not list your insurer".
 */
export type PlanType = 'medicaid' | 'medicare' | 'tricare' | 'marketplace' | 'employer';

const PLAN_KEYWORDS: Record<PlanType, string[]> = {
  medicaid: ['medicaid', 'medi cal', 'healthchoices', 'masshealth', 'chip', 'soonercare', 'tenncare', 'badgercare', 'husky'],
  medicare: ['medicare'],
  tricare: ['tricare', 'champva'],
  marketplace: ['marketplace', 'obamacare', 'affordable care act', 'aca', 'healthcare gov', 'covered california'],
  employer: ['employer', 'eap', 'employee assistance'],
};

/** What a payment option says about plan types (paymentOptions codes). */
const PLAN_PAYMENT_OPTIONS: Partial<Record<PlanType, string>> = {
  medicaid: 'medicaid',
  medicare: 'medicare',
  tricare: 'military',
  employer: 'eap',
};

const ALIASES: Record<string, string> = { bcbs: 'blue cross blue shield', uhc: 'united healthcare', unitedhealthcare: 'united healthcare' };
const FILLER = new Set([
  'insurance',
  'health',
  'healthcare',
  'plan',
  'plans',
  'of',
  'the',
  'inc',
  'co',
  'company',
  'network',
  'ppo',
  'hmo',
  'epo',
  'and',
]);

const normalise = (text: string) => {
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return Object.hasOwn(ALIASES, words) ? ALIASES[words] : words;
};
const significant = (text: string) =>
  normalise(text)
    .split(' ')
    .filter((w) => w && !FILLER.has(w));

export function planTypeOf(name: string): PlanType | undefined {
  const text = ` ${normalise(name)} `;
  return (Object.keys(PLAN_KEYWORDS) as PlanType[]).find((type) => PLAN_KEYWORDS[type].some((k) => text.includes(` ${k} `)));
}

/** The name given to employer assistance programs accepted as a payment option (said in the reader's words). */
export const EMPLOYER_PROGRAMS = 'employer assistance programs';

export type InsuranceFit = { status: 'accepted'; name: string } | { status: 'ask' } | { status: 'not_listed' } | { status: 'not_accepted' };

/** How a resource fits the insurance the couple named. */
export function insuranceFit(asked: string, r: Pick<MatchableResource, 'cost' | 'paymentOptions'>): InsuranceFit {
  const type = planTypeOf(asked);
  const listed = r.cost.insurers;
  if (type) {
    const viaOption = PLAN_PAYMENT_OPTIONS[type] && r.paymentOptions.includes(PLAN_PAYMENT_OPTIONS[type]);
    const viaName = listed.find((insurer) => planTypeOf(insurer) === type);
    if (viaName) return { status: 'accepted', name: viaName };
    if (viaOption)
      return {
        status: 'accepted',
        name: type === 'tricare' ? 'TRICARE' : type === 'employer' ? EMPLOYER_PROGRAMS : type[0].toUpperCase() + type.slice(1),
      };
    // Public plans are listed as payment options when taken: not listed means not taken ("ask" is for private insurers).
    if (r.cost.insuranceAccepted || listed.length) return { status: 'not_listed' };
  } else {
    const words = significant(asked);
    const match = words.length
      ? listed.find((insurer) => {
          const theirs = significant(insurer);
          return words.every((w) => theirs.some((t) => t === w || t.startsWith(w))) || theirs.join(' ').includes(words.join(' '));
        })
      : undefined;
    if (match) return { status: 'accepted', name: match };
  }
  if (!r.cost.insuranceAccepted && !r.paymentOptions.some((p) => ['insurance', 'medicaid', 'medicare', 'military'].includes(p)))
    return { status: 'not_accepted' };
  return listed.length ? { status: 'not_listed' } : { status: 'ask' };
}
