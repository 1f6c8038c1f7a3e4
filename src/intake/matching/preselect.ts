// Types only: the engine reads the directory's answer as data and imports no code of it.
import type { CandidateFacts } from '../../resources/candidate-criteria.js';
import { Heap } from './heap.js';
import { FITS_HELP, helpTypeFit } from './help-type.js';
import {
  advocateFor,
  byName,
  compareIds,
  compareRankKeys,
  rankCandidates,
  type RankKey,
  rankKey,
  strongPreferencesMet,
  waitlistedFor,
  workshopAfterCounselors,
} from './rank.js';
import { favourableResource, type ResourceFact } from './ranking-facts.js';
import { scoreCandidate } from './score.js';
import type { Candidate, HelpType, IntakeProfile, Match, MatchableResource } from './types.js';

/**
 * Ranking every eligible candidate without reading every one (docs/matching.md, "Every candidate,
 * ranked"). The directory reports, for each candidate, its kind, name, distance and a few yes/no
 * facts from its index (ResourceFact); from those alone this module builds the most favourable
 * resource they allow and scores it with the engine's own functions: an upper bound of the
 * candidate's place in the ranking. Candidates are then read and ranked in bound order, and the
 * reading stops once the next bound cannot reach the top N.
 */

// The facts a pool is asked for (ranking-facts.ts), where preselect.spec has always found them.
export { rankingFacts, type ResourceFact } from './ranking-facts.js';

/**
 * Every candidate of a query, by position, with what the bounds need: the directory's answer
 * (bit k of word k >> 5 is set when facts[k] holds; a NaN distance is Candidate.distanceMeters
 * undefined), and `read`, the costly part.
 */
export interface CandidatePool<C extends Candidate> extends CandidateFacts {
  /** The candidate itself (decodes its row). */
  read(i: number): C;
}

const EMPTY_MEMBERS = new Int32Array(0);

/** More facts than this and a pool is read whole (still exact, only slower). */
export const MAX_FACTS = 64;

/** Candidates with the same kind, facts and nearness: one favourable resource, fit and strong preferences for all. */
interface FactClass {
  resource: MatchableResource;
  fits: boolean;
  waitlisted: number;
  advocate: number;
  workshop: number;
  strong: number;
  /** Its candidates have a distance (then the bound score depends on it). */
  near: boolean;
  /** Positions of its candidates, ascending. */
  members: Int32Array;
  /** Bound scores by distance step (-1: no distance). */
  scores: Map<number, number>;
}

/** What the bounds and the counts of one pool share: each candidate's fact class, made once per distinct kind and facts. */
class Bounds<C extends Candidate> {
  /** Per candidate, its class. */
  readonly classOf: Int32Array;
  readonly classes: FactClass[] = [];
  private readonly step: number;

  constructor(
    private readonly profile: IntakeProfile,
    private readonly help: HelpType,
    private readonly facts: readonly ResourceFact[],
    private readonly pool: CandidatePool<C>,
  ) {
    this.step = (Math.max(profile.maxTravelKm, 1) * 1000) / 64;
    this.classOf = new Int32Array(pool.size);
    // Candidates → classes by (kind and nearness, fact words) in an open-addressing table of typed
    // arrays: a Map keyed by numbers above 2^31 boxed one per candidate (the table took ~10% off an
    // intake's CPU at 100k resources).
    const kindNumbers = new Map<string, number>();
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, pool.size * 2)));
    const mask = capacity - 1;
    const tableKeys = new Int32Array(capacity * 3);
    const tableIds = new Int32Array(capacity).fill(-1);
    const sizes: number[] = [];
    let lastKind: string | undefined;
    let lastKindNumber = 0;
    for (let i = 0; i < pool.size; i++) {
      const kind = pool.kinds[i];
      if (kind !== lastKind) {
        let kindNumber = kindNumbers.get(kind);
        if (kindNumber === undefined) kindNumbers.set(kind, (kindNumber = kindNumbers.size));
        lastKind = kind;
        lastKindNumber = kindNumber;
      }
      const near = !Number.isNaN(pool.distances[i]);
      const kindNear = lastKindNumber * 2 + (near ? 1 : 0);
      const lo = pool.facts[i * 2] | 0;
      const hi = pool.facts[i * 2 + 1] | 0;
      let slot = (Math.imul(kindNear, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca6b) ^ Math.imul(hi ^ 0x27d4eb2f, 0xc2b2ae35)) & mask;
      let id = tableIds[slot];
      while (id !== -1 && !(tableKeys[slot * 3] === kindNear && tableKeys[slot * 3 + 1] === lo && tableKeys[slot * 3 + 2] === hi)) {
        slot = (slot + 1) & mask;
        id = tableIds[slot];
      }
      if (id === -1) {
        const resource = favourableResource(profile, kind, facts, (k) => ((k < 32 ? lo : hi) & (1 << (k & 31))) !== 0);
        id = this.classes.length;
        this.classes.push({
          resource,
          // Exact: helpTypeFit and strongPreferencesMet read only facts the favourable resource has as given.
          fits: helpTypeFit(resource, help, profile.concerns).fit >= FITS_HELP,
          // Exact too: kind, accepting new clients and the domestic_violence specialty are facts.
          waitlisted: waitlistedFor(help, resource),
          advocate: advocateFor(help, resource),
          // Exact: the kind is a fact.
          workshop: workshopAfterCounselors(resource),
          strong: strongPreferencesMet(profile, resource),
          near,
          members: EMPTY_MEMBERS,
          scores: new Map(),
        });
        sizes.push(0);
        tableIds[slot] = id;
        tableKeys[slot * 3] = kindNear;
        tableKeys[slot * 3 + 1] = lo;
        tableKeys[slot * 3 + 2] = hi;
      }
      this.classOf[i] = id;
      sizes[id]++;
    }
    // Members of every class in one array (a counting sort by class), each class a view of its part.
    const members = new Int32Array(pool.size);
    const next = new Int32Array(this.classes.length);
    for (let c = 0, start = 0; c < this.classes.length; start += sizes[c++]) {
      next[c] = start;
      this.classes[c].members = members.subarray(start, start + sizes[c]);
    }
    for (let i = 0; i < pool.size; i++) members[next[this.classOf[i]]++] = i;
  }

  /**
   * The order of the bounds of one class's members, without making them: they differ only in
   * score, distance, name and id, and the score only falls as the distance grows (one step of
   * maxTravelKm / 64 at a time), so compareRankKeys orders them nearest first, then by name and id.
   * (Making a RankKey per member was most of an intake's garbage at 100k resources.)
   */
  readonly compareMembers = (a: number, b: number): number => {
    const { distances } = this.pool;
    const da = Number.isNaN(distances[a]) ? Infinity : distances[a];
    const db = Number.isNaN(distances[b]) ? Infinity : distances[b];
    if (da !== db) return da - db;
    return byName(this.pool.name(a), this.pool.name(b)) || compareIds(this.pool.id(a), this.pool.id(b));
  };

  isFor(profile: IntakeProfile, help: HelpType, facts: readonly ResourceFact[]): boolean {
    return this.profile === profile && this.help === help && this.facts === facts;
  }

  /** The favourable resource of candidate i (shared by every candidate with the same kind and facts). */
  resource(i: number): MatchableResource {
    return this.classes[this.classOf[i]].resource;
  }

  fits(i: number): boolean {
    return this.classes[this.classOf[i]].fits;
  }

  /**
   * An upper bound of the scores of a class's candidates at this distance or farther: the
   * favourable resource's at the distance rounded down to a step of maxTravelKm / 64 (proximity
   * only grows as the distance shrinks). NaN: no distance.
   */
  score(cls: FactClass, distance: number): number {
    const steps = Number.isNaN(distance) ? -1 : Math.floor(distance / this.step);
    let score = cls.scores.get(steps);
    if (score === undefined) {
      const distanceMeters = steps < 0 ? undefined : steps * this.step;
      score = scoreCandidate(this.profile, this.help, { resource: cls.resource, distanceMeters }).score;
      cls.scores.set(steps, score);
    }
    return score;
  }

  /**
   * The bound of candidate i's rank key: fit, strong preferences and the directory rule exact,
   * the score at most. With i undefined, a bound for every candidate of the class (nearest
   * possible, first possible name and id).
   */
  key(cls: FactClass, i: number | undefined, providerFits: boolean): RankKey {
    const distance = i === undefined ? (cls.near ? 0 : NaN) : this.pool.distances[i];
    return {
      fits: cls.fits ? 1 : 0,
      waitlisted: cls.waitlisted,
      advocate: cls.advocate,
      workshop: cls.workshop,
      strong: cls.strong,
      directoryLast: providerFits && cls.resource.kind === 'directory' ? 1 : 0,
      score: this.score(cls, distance),
      distance: i === undefined ? -Infinity : Number.isNaN(distance) ? Infinity : distance,
      name: i === undefined ? '' : this.pool.name(i),
      id: i === undefined ? '' : this.pool.id(i),
    };
  }
}

/** The Bounds of a pool, made once when the pool is counted and then ranked for the same intake and help. */
const boundsOfPool = new WeakMap<object, Bounds<Candidate>>();
function boundsOf<C extends Candidate>(
  profile: IntakeProfile,
  help: HelpType,
  facts: readonly ResourceFact[],
  pool: CandidatePool<C>,
): Bounds<C> {
  let bounds = boundsOfPool.get(pool) as Bounds<C> | undefined;
  if (!bounds?.isFor(profile, help, facts)) boundsOfPool.set(pool, (bounds = new Bounds(profile, help, facts, pool)));
  return bounds;
}

/**
 * The engine's top `limit` over every candidate of the pool that `keep` admits: exactly
 * rankCandidates(profile, help, every kept candidate, limit), reading only the candidates whose
 * bound could reach it. Returns the matches and every candidate read (for their responses).
 */
export function rankPool<C extends Candidate>(
  profile: IntakeProfile,
  help: HelpType,
  pool: CandidatePool<C>,
  facts: readonly ResourceFact[],
  limit: number,
  keep: (c: C) => boolean,
): { matches: Match[]; read: C[] } {
  const read = new Map<number, C>();
  const readAt = (i: number) => {
    let c = read.get(i);
    if (!c) read.set(i, (c = pool.read(i)));
    return c;
  };
  if (facts.length > MAX_FACTS) {
    const kept = Array.from({ length: pool.size }, (_, i) => readAt(i)).filter(keep);
    return { matches: rankCandidates(profile, help, kept, limit), read: [...read.values()] };
  }
  const bounds = boundsOf(profile, help, facts, pool);

  // Directories rank last when any kept candidate that is not one fits: fit is exact from the facts, `keep` needs the candidate.
  let providerFits = false;
  for (let i = 0; i < pool.size && !providerFits; i++) {
    providerFits = pool.kinds[i] !== 'directory' && bounds.fits(i) && keep(readAt(i));
  }

  // One queue of bounds in ranking order. A class enters with a bound for all its candidates; when
  // it comes first, its candidates enter one at a time, nearest (then by name, id) first: their
  // bounds only worsen along that order, so the queue pops bounds in ranking order.
  type Entry = { key: RankKey; cls: FactClass; members?: Heap<number> };
  const queue = new Heap<Entry>(
    bounds.classes.map((cls) => ({ key: bounds.key(cls, undefined, providerFits), cls })),
    (a, b) => compareRankKeys(a.key, b.key),
  );
  const top: { key: RankKey; candidate: C }[] = [];
  const kept: C[] = [];
  while (queue.size) {
    // Every candidate left ranks at best at its bound: none can enter a full top.
    if (top.length >= limit && compareRankKeys(queue.peek().key, top[limit - 1].key) > 0) break;
    const entry = queue.pop();
    const { cls } = entry;
    let members = entry.members;
    if (!members) {
      members = new Heap(Array.from(cls.members), bounds.compareMembers);
    } else {
      const candidate = readAt(members.pop());
      if (keep(candidate)) {
        kept.push(candidate);
        const key = rankKey(profile, help, candidate, providerFits, scoreCandidate(profile, help, candidate).score);
        top.splice(upperBound(top, key), 0, { key, candidate });
        if (top.length > limit) top.pop();
      }
    }
    if (members.size) queue.push({ key: bounds.key(cls, members.peek(), providerFits), cls, members });
  }
  return { matches: rankCandidates(profile, help, kept, limit, providerFits), read: [...read.values()] };
}

function upperBound(top: { key: RankKey }[], key: RankKey): number {
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRankKeys(top[mid].key, key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many candidates satisfy `test`, judged on each one's favourable resource (exact for tests that read only facts); stops at `enough`. */
export function countByFacts<C extends Candidate>(
  profile: IntakeProfile,
  help: HelpType,
  pool: CandidatePool<C>,
  facts: readonly ResourceFact[],
  test: (r: MatchableResource) => boolean,
  enough: number,
): number {
  const bounds = boundsOf(profile, help, facts, pool);
  let count = 0;
  for (const cls of bounds.classes) {
    if (test(cls.resource)) count += cls.members.length;
    if (count >= enough) break;
  }
  return count;
}
