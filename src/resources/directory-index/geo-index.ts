import KDBush from 'kdbush';

import { boundingBoxes, earthPoint } from './earth.js';

/** One location of a resource: its slot, latitude and longitude. */
export interface SlotLocation {
  slot: number;
  lat: number;
  lng: number;
}

/**
 * The location points of the directory: a static kd-tree (kdbush, flat typed arrays) over the
 * points present at build, plus a short list of points added since (upserts), scanned in full.
 * Each point keeps its earth-centred x/y/z so exact tests need no trigonometry per query.
 * Points of removed resources stay until the next build; callers drop them with the live set.
 */
export class GeoIndex {
  private readonly tree: KDBush | undefined;
  private readonly slots: Uint32Array;
  private readonly xyz: Float64Array;
  private readonly tail: { slot: number; lat: number; lng: number; x: number; y: number; z: number }[] = [];

  constructor(locations: readonly SlotLocation[]) {
    this.slots = new Uint32Array(locations.length);
    this.xyz = new Float64Array(locations.length * 3);
    if (locations.length === 0) return;
    const tree = new KDBush(locations.length, 64, Float64Array);
    locations.forEach((l, i) => {
      tree.add(l.lng, l.lat);
      this.slots[i] = l.slot;
      const [x, y, z] = earthPoint(l.lat, l.lng);
      this.xyz[i * 3] = x;
      this.xyz[i * 3 + 1] = y;
      this.xyz[i * 3 + 2] = z;
    });
    this.tree = tree.finish();
  }

  add(location: SlotLocation): void {
    const [x, y, z] = earthPoint(location.lat, location.lng);
    this.tail.push({ ...location, x, y, z });
  }

  get size(): number {
    return this.slots.length + this.tail.length;
  }

  /**
   * Calls `visit` with every point within `angle` radians of (lat, lng), and some points a little
   * beyond (the box around the circle): callers apply the exact test.
   */
  visitNear(lat: number, lng: number, angle: number, visit: (slot: number, x: number, y: number, z: number) => void): void {
    if (this.tree) {
      const { slots, xyz } = this;
      for (const [minLng, minLat, maxLng, maxLat] of boundingBoxes(lat, lng, angle)) {
        for (const i of this.tree.range(minLng, minLat, maxLng, maxLat)) visit(slots[i], xyz[i * 3], xyz[i * 3 + 1], xyz[i * 3 + 2]);
      }
    }
    for (const p of this.tail) visit(p.slot, p.x, p.y, p.z);
  }
}
