import { randomUUID } from 'node:crypto';

import { withDerivedAccessibility } from '../../src/resources/accessibility.js';
import { searchKeywords } from '../../src/resources/search-text.js';
import { APPROACHES, FORMATS, PAYMENT_OPTIONS, SPECIALTIES } from '../../src/taxonomy/taxonomy.js';
import type { Batch, SyntheticRow } from './batch.js';
import { loadGeography, type Zip } from './geography.js';
import type { Random } from './random.js';
import {
  ACCESSIBILITY_CHANCES,
  APPROACH_WEIGHTS,
  AUDIENCE_WEIGHTS,
  CLINICAL_CREDENTIALS,
  CLOSERS,
  EXTRA_PAYMENTS,
  HOTLINE_SPECIALTIES,
  HOW,
  INSURERS,
  type Kind,
  KINDS,
  LOCATED,
  NAME_CLINIC,
  NAME_FIRST,
  NAME_GROUP,
  NAME_HOTLINE,
  NAME_ONLINE,
  NAME_PRACTICE,
  NAME_SELF,
  NAME_WORKSHOP,
  OPENERS,
  OTHER_LANGUAGES,
  SPECIALTY_WEIGHTS,
  STREETS,
  SURNAMES,
} from './vocabulary.js';

export const SYNTHETIC_SLUG_PREFIX = 'synthetic-';
export const SYNTHETIC_WEBSITE_PREFIX = 'https://example.org/synthetic/';

/** What a listing costs, in cents. */
interface Cost {
  free: boolean;
  slidingScale: boolean;
  feeMin: number | null;
  feeMax: number | null;
  insuranceAccepted: boolean;
  insurers: string[];
  noInsuranceNeeded: boolean;
}

/** What a listing is about and who provides it. */
interface Topics {
  specialties: string[];
  approaches: string[];
  languages: string[];
  audiences: string[];
  credentials: string[];
}

/**
 * Plausible listings drawn from one seeded Random. Every draw happens in a fixed order (the
 * methods of addResource run in sequence), so a seed always gives the same rows. Accessibility
 * is drawn from a second Random, so adding it left every other column of a seed's rows as it was.
 */
export class Generator {
  private readonly geo = loadGeography();
  constructor(
    private readonly rnd: Random,
    private readonly access: Random,
  ) {}

  /** One organization and its 1–3 resources (numbers n, n+1, …), appended to the batch. */
  addOrganization(batch: Batch, n: number, room: number): number {
    const r = this.rnd;
    const resources = Math.min(
      room,
      r.weighted([
        [1, 75],
        [2, 18],
        [3, 7],
      ] as const),
    );
    const firstKind = r.weighted(KINDS);
    const home = LOCATED[firstKind] > 0 || r.chance(0.5) ? this.place() : undefined;
    const base = this.orgBaseName(firstKind, home?.city);
    const organizationName = `${base} (synthetic ${n})`;
    const orgId = randomUUID();
    batch.addOrganization(orgId, organizationName, `${SYNTHETIC_WEBSITE_PREFIX}o${n}`);
    for (let i = 0; i < resources; i++) {
      const kind = i === 0 ? firstKind : r.weighted(KINDS);
      batch.addResource(this.resource(n + i, orgId, organizationName, i === 0 ? base : `${base} ${this.variantName(kind)}`, kind, home));
    }
    return resources;
  }

  private place(): Zip {
    const { rnd, geo } = this;
    return rnd.chance(0.78) ? rnd.pick(rnd.weighted(geo.metros)) : rnd.pick(geo.all);
  }

  private orgBaseName(kind: Kind, city: string | undefined): string {
    const r = this.rnd;
    const first = r.chance(0.3) ? r.pick(SURNAMES) : r.pick(NAME_FIRST);
    switch (kind) {
      case 'practice':
        return `${first} ${r.pick(NAME_PRACTICE)}`;
      case 'clinic':
        return `${city && r.chance(0.6) ? city : first} ${r.pick(NAME_CLINIC)}`;
      case 'online_service':
        return `${first} ${r.pick(NAME_ONLINE)}`;
      case 'workshop':
        return `${first} ${r.pick(NAME_WORKSHOP)}`;
      case 'self_guided':
        return `${first} ${r.pick(NAME_SELF)}`;
      case 'support_group':
        return `${city && r.chance(0.5) ? city : first} ${r.pick(NAME_GROUP)}`;
      case 'hotline':
        return `${city && r.chance(0.5) ? city : first} ${r.pick(NAME_HOTLINE)}`;
      case 'directory':
        return `${first} Therapist Finder`;
    }
  }

  private variantName(kind: Kind): string {
    return {
      practice: 'Practice',
      clinic: 'Clinic',
      online_service: 'Online',
      workshop: 'Intensive',
      self_guided: 'Course',
      support_group: 'Group',
      hotline: 'Line',
      directory: 'Finder',
    }[kind];
  }

  private resource(
    n: number,
    organizationId: string,
    organizationName: string,
    name: string,
    kind: Kind,
    home: Zip | undefined,
  ): SyntheticRow {
    const r = this.rnd;
    const id = randomUUID();
    const located = r.chance(LOCATED[kind]);
    const zip = located ? (home && r.chance(0.7) ? home : this.place()) : undefined;
    const region = zip ? `US-${zip.state}` : undefined;
    const formats = this.formats(kind, zip);
    const cost = this.cost(kind);
    const topics = this.topics(kind);
    const paymentOptions = this.paymentOptions(cost);
    const serviceAreas = this.serviceAreas(kind, region);
    const availability: string[] = [];
    if (kind === 'hotline') availability.push('around_the_clock');
    else {
      if (r.chance(0.5)) availability.push('evenings');
      if (r.chance(0.3)) availability.push('weekends');
    }
    const jointSessions = kind === 'self_guided' || kind === 'hotline' ? false : kind === 'support_group' ? r.chance(0.4) : r.chance(0.88);
    const acceptingNewClients = r.chance(0.82);
    const waitTimeDays = kind === 'practice' || kind === 'clinic' ? (r.chance(0.6) ? r.int(0, 60) : null) : null;
    const description = this.description(kind, zip, formats, topics);
    return {
      id,
      slug: `${SYNTHETIC_SLUG_PREFIX}${n}`,
      organizationId,
      name,
      description,
      url: `${SYNTHETIC_WEBSITE_PREFIX}${n}`,
      phone: r.chance(0.8) ? `${r.int(201, 989)}-555-01${String(r.int(0, 99)).padStart(2, '0')}` : null,
      email: r.chance(0.6) ? `hello+${n}@example.org` : null,
      kind,
      formats,
      ...cost,
      costNotes: r.chance(0.2)
        ? cost.free
          ? 'Synthetic demo listing; free of charge.'
          : 'Synthetic demo listing; fees as published.'
        : null,
      ...topics,
      paymentOptions,
      serviceAreas,
      locationRegions: region ? [region, 'US'] : [],
      acceptingNewClients,
      waitTimeDays,
      availability,
      accessibility: this.accessibility(kind, formats, !!zip),
      jointSessions,
      status: r.chance(0.03) ? 'inactive' : 'active',
      searchKeywords: searchKeywords({
        organizationName,
        kind,
        formats,
        specialties: topics.specialties,
        approaches: topics.approaches,
        audiences: topics.audiences,
      }),
      ...(zip ? { location: this.location(zip, region!) } : {}),
    };
  }

  /** Codes a listing of this kind states, with text_based for chat sessions; wheelchair access only at a location. */
  private accessibility(kind: Kind, formats: string[], located: boolean): string[] {
    const drawn = ACCESSIBILITY_CHANCES[kind]
      .filter(([code, chance]) => this.access.chance(chance) && (code !== 'wheelchair_access' || located))
      .map(([code]) => code);
    return withDerivedAccessibility(drawn, [], formats);
  }

  /** How sessions happen, in vocabulary order. */
  private formats(kind: Kind, zip: Zip | undefined): string[] {
    const r = this.rnd;
    const formats = new Set<string>();
    if (zip && kind !== 'hotline') formats.add('in_person');
    switch (kind) {
      case 'practice':
      case 'clinic':
        if (r.chance(0.65)) formats.add('video');
        if (r.chance(0.15)) formats.add('phone');
        break;
      case 'online_service':
        formats.add('video');
        if (r.chance(0.35)) formats.add('phone');
        if (r.chance(0.45)) formats.add('chat');
        break;
      case 'workshop':
        if (!zip || r.chance(0.25)) formats.add('video');
        break;
      case 'self_guided':
        if (r.chance(0.7)) formats.add('video');
        if (r.chance(0.2)) formats.add('chat');
        break;
      case 'support_group':
        if (!zip || r.chance(0.3)) formats.add('video');
        break;
      case 'hotline':
        formats.add('phone');
        if (r.chance(0.5)) formats.add('chat');
        break;
    }
    return FORMATS.codes.filter((f) => formats.has(f));
  }

  private cost(kind: Kind): Cost {
    const r = this.rnd;
    let free = false;
    let slidingScale = false;
    let feeMin: number | null = null;
    let feeMax: number | null = null;
    let insuranceAccepted = false;
    switch (kind) {
      case 'practice':
        feeMin = r.step(9000, 22000, 500);
        feeMax = r.chance(0.6) ? feeMin + r.step(0, 8000, 500) : null;
        slidingScale = r.chance(0.25);
        insuranceAccepted = r.chance(0.45);
        break;
      case 'clinic':
        slidingScale = r.chance(0.75);
        feeMin = slidingScale && r.chance(0.3) ? null : r.step(0, 8000, 500);
        feeMax = feeMin !== null ? feeMin + r.step(2000, 10000, 500) : r.step(6000, 15000, 500);
        insuranceAccepted = r.chance(0.6);
        free = feeMin === 0 && r.chance(0.3);
        break;
      case 'online_service':
        feeMin = r.step(6000, 16000, 500);
        feeMax = r.chance(0.5) ? feeMin + r.step(0, 6000, 500) : null;
        insuranceAccepted = r.chance(0.35);
        break;
      case 'workshop':
        feeMin = r.step(25000, 200000, 5000);
        feeMax = r.chance(0.4) ? feeMin + r.step(0, 100000, 5000) : null;
        slidingScale = r.chance(0.1);
        break;
      case 'self_guided':
        free = r.chance(0.3);
        if (!free) {
          feeMin = r.step(1000, 40000, 500);
          feeMax = r.chance(0.3) ? feeMin + r.step(0, 20000, 500) : null;
        }
        break;
      case 'support_group':
        free = r.chance(0.8);
        if (!free) {
          feeMin = r.step(500, 3000, 500);
          feeMax = feeMin;
        }
        break;
      case 'hotline':
        free = true;
        break;
    }
    if (free) {
      feeMin = 0;
      feeMax = 0;
      slidingScale = false;
      insuranceAccepted = false;
    }
    const insurers = insuranceAccepted
      ? r.some(
          INSURERS.map((i) => [i, 1] as const),
          r.int(1, 5),
        )
      : [];
    const noInsuranceNeeded = !(insuranceAccepted && r.chance(0.08));
    return { free, slidingScale, feeMin, feeMax, insuranceAccepted, insurers, noInsuranceNeeded };
  }

  private topics(kind: Kind): Topics {
    const r = this.rnd;
    const specialties = kind === 'hotline' ? r.some(HOTLINE_SPECIALTIES, r.int(1, 2)) : r.some(SPECIALTY_WEIGHTS, r.int(1, 4));
    const approaches =
      kind === 'hotline'
        ? []
        : kind === 'support_group'
          ? r.some(
              APPROACH_WEIGHTS.filter(([a]) => a === 'peer_support' || a === 'faith_based'),
              1,
            )
          : r.chance(0.85)
            ? r.some(APPROACH_WEIGHTS, r.int(1, 3))
            : [];
    const languages = ['en', ...(r.chance(0.2) ? r.some(OTHER_LANGUAGES, r.int(1, 2)) : [])];
    const audiences = r.chance(0.55) ? r.some(AUDIENCE_WEIGHTS, r.int(1, 2)) : [];
    const credentials: string[] = [];
    if (kind === 'practice' || kind === 'online_service' || kind === 'workshop') {
      credentials.push('licensed_clinician', ...r.some(CLINICAL_CREDENTIALS, r.int(0, 2)));
    } else if (kind === 'clinic') {
      credentials.push('licensed_clinician');
      if (r.chance(0.5)) credentials.push('supervised_trainee');
    } else if (kind === 'hotline') {
      credentials.push('trained_advocate');
    }
    return { specialties, approaches, languages, audiences, credentials };
  }

  /** Payment options that follow from the cost, plus a few extras, in vocabulary order. */
  private paymentOptions({ insuranceAccepted, slidingScale, free }: Cost): string[] {
    const paymentOptions = new Set<string>();
    if (insuranceAccepted) paymentOptions.add('insurance');
    if (slidingScale) paymentOptions.add('sliding_scale');
    if (free) paymentOptions.add('free');
    else paymentOptions.add('cash');
    if (!free && this.rnd.chance(0.4)) for (const p of this.rnd.some(EXTRA_PAYMENTS, this.rnd.int(1, 2))) paymentOptions.add(p);
    return PAYMENT_OPTIONS.codes.filter((p) => paymentOptions.has(p));
  }

  /** Whom it can serve: the whole country, some states, or its own state (sometimes one more). */
  private serviceAreas(kind: Kind, region: string | undefined): string[] {
    const r = this.rnd;
    if (kind === 'hotline' || kind === 'self_guided' || (kind === 'online_service' && r.chance(0.25))) return ['US'];
    if (kind === 'online_service')
      return r
        .some(
          this.geo.states.map((s) => [`US-${s}`, 1] as const),
          r.int(1, 8),
        )
        .sort();
    if (region) return r.chance(0.2) ? [region, `US-${r.pick(this.geo.states)}`].filter((v, i, a) => a.indexOf(v) === i) : [region];
    return [`US-${r.pick(this.geo.states)}`];
  }

  private description(kind: Kind, zip: Zip | undefined, formats: string[], { specialties, approaches }: Topics): string {
    const r = this.rnd;
    const specialtyLabels = SPECIALTIES.terms.filter((t) => specialties.includes(t.code)).map((t) => t.label.toLowerCase());
    const approachLabel = APPROACHES.terms.find((t) => t.code === approaches[0])?.label;
    const where = zip ? ` in ${zip.city}, ${zip.state}` : '';
    const how = formats.length ? ` ${kind === 'hotline' ? 'Reach it' : 'Sessions'} ${formats.map((f) => HOW[f]).join(' or ')}.` : '';
    return (
      `${r.pick(OPENERS[kind])}${where} helping couples with ${specialtyLabels.join(', ')}` +
      `${approachLabel ? `, drawing on ${approachLabel}` : ''}.${how} ${r.pick(CLOSERS[kind])}`
    );
  }

  private location(zip: Zip, region: string): NonNullable<SyntheticRow['location']> {
    const r = this.rnd;
    return {
      address: `${r.int(10, 9999)} ${r.pick(STREETS)}`,
      city: zip.city,
      region,
      postalCode: zip.zip,
      // Spread listings around the ZIP's centroid (±~1 km), rounded like a geocoder would.
      latitude: Math.round((zip.latitude + (r.next() - 0.5) * 0.02) * 1e5) / 1e5,
      longitude: Math.round((zip.longitude + (r.next() - 0.5) * 0.025) * 1e5) / 1e5,
    };
  }
}
