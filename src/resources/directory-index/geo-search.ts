import { roundCoordinate } from '../resource-search.sql.js';
import { Bitmap } from './bitmap.js';
import { angleOf, chordOf, earthBoxAngle, earthDistance, earthPoint } from './earth.js';
import { GeoIndex, type SlotLocation } from './geo-index.js';
import type { SlotKeys } from './slot-keys.js';

/**
 * The `nearby` CTE (earth_box ∩ earth_distance) without PostgreSQL: the location points
 * (GeoIndex) and, per query, each slot's nearest distance in a scratch array reused across
 * queries. Locations given while building are indexed together by `seal()`.
 */
export class GeoSearch {
  private points = new GeoIndex([]);
  /** Locations given before `seal()`; undefined after it. */
  private pending: SlotLocation[] | undefined = [];
  private geoMeters = new Float64Array(0);
  private geoStamps = new Uint32Array(0);
  private geoStamp = 0;

  constructor(private readonly keys: SlotKeys) {}

  add(location: SlotLocation): void {
    if (this.pending) this.pending.push(location);
    else this.points.add(location);
  }

  /** Builds the kd-tree over the locations given so far; later ones are scanned in full (GeoIndex). */
  seal(): void {
    this.points = new GeoIndex(this.pending ?? []);
    this.pending = undefined;
  }

  /** Location points held. */
  get size(): number {
    return this.points.size;
  }

  /** Bytes of the per-slot scratch. */
  get scratchBytes(): number {
    return this.geoMeters.byteLength + this.geoStamps.byteLength;
  }

  /** Scratch per-slot metres, stamped per lookup so it is never cleared. */
  private nextGeoStamp(): number {
    if (this.geoMeters.length < this.keys.count) {
      this.geoMeters = new Float64Array(Math.max(this.keys.count, this.geoMeters.length * 2));
      this.geoStamps = new Uint32Array(this.geoMeters.length);
      this.geoStamp = 0;
    }
    return ++this.geoStamp;
  }

  /**
   * Visits the locations within `angle` of the point; per slot, keeps in geoMeters (stamped for
   * this query) the least distance `measure` gives its locations, a negative one leaving the
   * location out. Returns the slots found, in visit order.
   */
  private nearestPerSlot(lat: number, lng: number, angle: number, measure: (x: number, y: number, z: number) => number): number[] {
    const stamp = this.nextGeoStamp();
    const { geoMeters, geoStamps } = this;
    const found: number[] = [];
    this.points.visitNear(roundCoordinate(lat), roundCoordinate(lng), angle, (slot, x, y, z) => {
      const d = measure(x, y, z);
      if (d < 0) return;
      if (geoStamps[slot] !== stamp) {
        geoStamps[slot] = stamp;
        geoMeters[slot] = d;
        found.push(slot);
      } else if (d < geoMeters[slot]) {
        geoMeters[slot] = d;
      }
    });
    return found;
  }

  /** Resources with a location within `radius` metres, and their nearest distance (search's `near`). */
  withinRadius(lat: number, lng: number, radius: number): { bitmap: Bitmap; meters: (slot: number) => number } {
    const [px, py, pz] = earthPoint(roundCoordinate(lat), roundCoordinate(lng));
    const found = this.nearestPerSlot(lat, lng, angleOf(radius), (x, y, z) => {
      const d = earthDistance(px, py, pz, x, y, z);
      return d > radius ? -1 : d;
    });
    const { geoMeters } = this;
    return { bitmap: new Bitmap(found), meters: (slot) => geoMeters[slot] };
  }

  /**
   * Resources with a location inside earth_box(point, radius) — a cube around the point, so some
   * lie beyond the radius — with the nearest distance among those locations: findCandidates'
   * `nearby`. Returned as sorted slots with their metres (kept by the candidate set).
   */
  inEarthBox(lat: number, lng: number, radius: number): { slots: Uint32Array; meters: Float64Array; withinRadius: Bitmap } {
    const [px, py, pz] = earthPoint(roundCoordinate(lat), roundCoordinate(lng));
    const half = chordOf(radius);
    const [loX, hiX, loY, hiY, loZ, hiZ] = [px - half, px + half, py - half, py + half, pz - half, pz + half];
    const found = this.nearestPerSlot(lat, lng, earthBoxAngle(radius), (x, y, z) =>
      x < loX || x > hiX || y < loY || y > hiY || z < loZ || z > hiZ ? -1 : earthDistance(px, py, pz, x, y, z),
    );
    const { geoMeters } = this;
    const slots = Uint32Array.from(found).sort();
    const meters = new Float64Array(slots.length);
    const within: number[] = [];
    slots.forEach((slot, i) => {
      meters[i] = geoMeters[slot];
      if (meters[i] <= radius) within.push(slot);
    });
    return { slots, meters, withinRadius: new Bitmap(within) };
  }
}
