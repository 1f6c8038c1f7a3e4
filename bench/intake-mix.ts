/** The fixed mix of bench:intake: realistic intakes, one of each situation the engine handles differently. */
export const MIX: { name: string; body: Record<string, unknown> }[] = [
  {
    name: 'both willing, 43215, $150',
    body: { concerns: ['infidelity'], willingness: 'both', relationship: 'married', postalCode: '43215', budgetPerSession: 150 },
  },
  {
    name: 'one unsure, US-MI, video',
    body: {
      concerns: ['infidelity', 'lying'],
      willingness: 'one_leaning_out',
      relationship: 'separated',
      region: 'US-MI',
      formats: ['video'],
    },
  },
  {
    name: 'one unwilling, US-IL',
    body: { concerns: ['hidden_substance_use'], willingness: 'one_unwilling', region: 'US-IL' },
  },
  {
    name: 'safety: feels afraid, US-TX',
    body: { concerns: ['jealousy_control'], willingness: 'both', safety: { feelsAfraid: true }, region: 'US-TX' },
  },
  {
    name: 'self-harm risk, US-OH',
    body: { concerns: ['infidelity'], willingness: 'both', safety: { selfHarmRisk: true }, region: 'US-OH' },
  },
  {
    name: 'Spanish, US-CA',
    body: { concerns: ['communication_breakdown'], willingness: 'both', region: 'US-CA', languages: ['es'], budgetPerSession: 80 },
  },
  {
    name: 'rural 59501, in person, 10 km',
    body: { concerns: ['infidelity'], willingness: 'both', postalCode: '59501', formats: ['in_person'], maxTravelKm: 10 },
  },
  {
    // Self-guided programmes always qualify for a couple without safety concerns, so at 100k rows the plain rural
    // body above never has fewer than 5 candidates; without self-guided help (safety cases) the search must widen.
    name: 'rural 59501, in person, control',
    body: {
      concerns: ['jealousy_control'],
      willingness: 'both',
      safety: { coerciveControl: true },
      postalCode: '59501',
      formats: ['in_person'],
      maxTravelKm: 10,
    },
  },
  {
    name: 'LGBTQ+, 10001, Aetna',
    body: {
      concerns: ['financial_secrecy'],
      willingness: 'both',
      relationship: 'unmarried',
      postalCode: '10001',
      insurance: 'Aetna',
      preferences: { audiences: ['lgbtq_affirming'] },
    },
  },
];
