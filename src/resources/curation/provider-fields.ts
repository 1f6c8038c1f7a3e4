/**
 * The fields of a listing its provider owns and may change with a listing key: the facts only
 * the provider knows first (capacity, wait, fees, formats, languages, hours, description).
 * Everything else (name, slug, kind, organization, contact details, locations and service areas,
 * audiences, eligibility, specialties and credentials, safety flags and line roles, demo, source,
 * verification date, status) stays with curators: those decide who is shown the listing and
 * whether it is safe to show, and a wrong phone number sends a person nowhere.
 *
 * "Hours" are `availability` (evenings, weekends, around the clock): the directory keeps no
 * opening times. Of `cost`, the fees and how they are charged; insurance and currency stay with
 * curators. Of `translations`, the description and cost notes in other languages (not the name).
 */
export const PROVIDER_OWNED_FIELDS = [
  'acceptingNewClients',
  'waitTimeDays',
  'cost',
  'formats',
  'languages',
  'availability',
  'description',
  'translations',
] as const;
export const PROVIDER_OWNED_COST_FIELDS = ['free', 'slidingScale', 'feeMin', 'feeMax', 'feePeriod', 'notes'] as const;
/** Of a translation, the texts the provider writes in English too; the name stays the curators'. */
export const PROVIDER_OWNED_TEXT_FIELDS = ['description', 'costNotes'] as const;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields of a listing patch that are not the provider's (dotted for cost: `cost.currency`),
 * in the order given. A body that is not an object has none here: the DTO's validation answers it.
 */
export function refusedProviderFields(body: unknown): string[] {
  if (!isPlainObject(body)) return [];
  const refused: string[] = [];
  for (const [field, value] of Object.entries(body)) {
    if (!(PROVIDER_OWNED_FIELDS as readonly string[]).includes(field)) refused.push(field);
    else if (field === 'cost' && isPlainObject(value)) {
      for (const costField of Object.keys(value)) {
        if (!(PROVIDER_OWNED_COST_FIELDS as readonly string[]).includes(costField)) refused.push(`cost.${costField}`);
      }
    } else if (field === 'translations' && isPlainObject(value)) {
      for (const [locale, texts] of Object.entries(value)) {
        if (!isPlainObject(texts)) continue;
        for (const textField of Object.keys(texts))
          if (!(PROVIDER_OWNED_TEXT_FIELDS as readonly string[]).includes(textField)) refused.push(`translations.${locale}.${textField}`);
      }
    }
  }
  return refused;
}
