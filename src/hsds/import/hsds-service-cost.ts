import type { ResourceDocument } from '../../resources/curation/resource-document.js';
import { CURRENCIES } from '../../resources/resource-record.js';
import { FEE_PERIODS } from '../../taxonomy/taxonomy.js';
import { arr, type ImportNote, type Json, num, obj, text } from './hsds-json.js';
import type { FactReader } from './hsds-service-attributes.js';

/* What a service costs: the `mend` facts when present (exact minor units); otherwise what its cost_options say. */

type Currency = ResourceDocument['cost']['currency'];

const INSURANCE_PAYMENTS = ['insurance', 'medicaid', 'medicare', 'military'];
/** USD, CAD and GBP all have 2 decimals. */
const MINOR_PER_MAJOR = 100;
const CURRENCY_OF_COUNTRY: Record<string, (typeof CURRENCIES)[number]> = { US: 'USD', CA: 'CAD', GB: 'GBP' };
/** A cost option saying the service costs nothing (an amount of 0, or "free" in its words). */
const isFreeOption = (c: Json) => num(c.amount) === 0 || /\bfree\b/i.test(`${text(c.option) ?? ''} ${text(c.amount_description) ?? ''}`);

/** Keeps `value`, or reports that Mend's default `otherwise` filled a field the data did not give. */
export type Fallback = <T>(field: string, value: T | undefined, otherwise: T, why: string) => T;

/** The fee range and currency, read before the listing is judged complete. */
export interface Fees {
  currency: Currency;
  feeMin?: number;
  feeMax?: number;
  /** Another directory's cost options all say free (undefined when it has none, or for Mend's exports). */
  freeFromOptions?: boolean;
}

/** What the fees are read from, and where what cannot be used is reported. */
export interface FeeSources {
  service: Json;
  facts: FactReader;
  /** Another directory's data: its cost options are read (Mend's exports carry the exact facts). */
  foreign: boolean;
  fallback: Fallback;
  skipped: ImportNote[];
}

/**
 * The fee range and currency from the mend facts, or from another directory's cost options (one
 * currency; without one, that of the first location's country).
 */
export function readFees({ service, facts, foreign, fallback, skipped }: FeeSources, firstCountry: string | undefined): Fees {
  const costOptions = arr(service.cost_options)
    .map(obj)
    .filter((c): c is Json => !!c);
  const optionCurrency = costOptions.map((c) => text(c.currency)?.toUpperCase()).find((c) => CURRENCIES.includes(c as never));
  const currency = (facts.text('currency') ??
    optionCurrency ??
    fallback('cost.currency', firstCountry && CURRENCY_OF_COUNTRY[firstCountry], 'USD', 'no currency: USD')) as Currency;
  const fees: Fees = { currency, feeMin: facts.integer('fee_min_minor'), feeMax: facts.integer('fee_max_minor') };
  if (!foreign || !costOptions.length) return fees;
  const amounts: number[] = [];
  costOptions.forEach((c, i) => {
    const amount = num(c.amount);
    const optionCurrencyCode = text(c.currency)?.toUpperCase() ?? currency;
    if (amount !== undefined && amount > 0 && optionCurrencyCode !== currency) {
      const reason = CURRENCIES.includes(optionCurrencyCode as never)
        ? `in ${optionCurrencyCode}: Mend keeps a resource's fees in one currency (${currency})`
        : `in ${optionCurrencyCode}: Mend takes fees in ${CURRENCIES.join(', ')}`;
      return skipped.push({ field: `cost_options[${i}]`, reason });
    }
    if (amount !== undefined && amount > 0) amounts.push(Math.round(amount * MINOR_PER_MAJOR));
    else if (!isFreeOption(c)) skipped.push({ field: `cost_options[${i}]`, reason: 'no amount' });
  });
  fees.freeFromOptions = !amounts.length && costOptions.every(isFreeOption);
  if (amounts.length) {
    fees.feeMin = Math.min(...amounts);
    fees.feeMax = Math.max(...amounts);
  }
  return fees;
}

/** The listing's cost: the fees, and what the facts or payment terms say (Mend's defaults, reported, for the rest). */
export function mapCost(
  fees: Fees,
  facts: FactReader,
  payments: string[],
  notes: string | undefined,
  fallback: Fallback,
): ResourceDocument['cost'] {
  return {
    free:
      facts.boolean('free') ??
      fallback('cost.free', fees.freeFromOptions ?? (payments.includes('free') ? true : undefined), false, 'no cost options: not free'),
    slidingScale:
      facts.boolean('sliding_scale') ??
      fallback('cost.slidingScale', payments.includes('sliding_scale') ? true : undefined, false, 'no sliding scale term: false'),
    ...(fees.feeMin !== undefined ? { feeMin: fees.feeMin } : {}),
    ...(fees.feeMax !== undefined ? { feeMax: fees.feeMax } : {}),
    currency: fees.currency,
    feePeriod: (FEE_PERIODS.codes.includes(facts.text('fee_period') as never)
      ? facts.text('fee_period')
      : 'per_session') as ResourceDocument['cost']['feePeriod'],
    insuranceAccepted: facts.boolean('insurance_accepted') ?? payments.some((p) => INSURANCE_PAYMENTS.includes(p)),
    insurers: facts.all('insurer'),
    noInsuranceNeeded: fallback('cost.noInsuranceNeeded', facts.boolean('no_insurance_needed'), true, 'unknown: true'),
    ...(notes ? { notes } : {}),
  };
}
