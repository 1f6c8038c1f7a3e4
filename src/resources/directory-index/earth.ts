/**
 * PostgreSQL's earthdistance arithmetic (contrib/earthdistance, cube), step for step, so radius
 * membership and distances in the index are those of `earth_distance(ll_to_earth(…), l.earth)`:
 * points on a sphere of radius earth() = 6,378,168 m in earth-centred x/y/z, the straight-line
 * (chord) distance between them, turned into a great-circle distance. JavaScript's Math.sin/cos
 * may differ from glibc's in the last bit, so a distance can differ by about 1e-9 m: figures and
 * order agree, and a point exactly on the boundary (to a nanometre) may fall either way.
 */

/** earth(): the sphere's radius in metres. */
export const EARTH_RADIUS_M = 6378168;
/** radians(): PostgreSQL multiplies by the same double. */
const RADIANS_PER_DEGREE = Math.PI / 180;
const TWO_R = 2 * EARTH_RADIUS_M;

/** ll_to_earth(lat, lng): x, y, z in metres. */
export function earthPoint(lat: number, lng: number): [number, number, number] {
  const la = lat * RADIANS_PER_DEGREE;
  const lo = lng * RADIANS_PER_DEGREE;
  return [EARTH_RADIUS_M * Math.cos(la) * Math.cos(lo), EARTH_RADIUS_M * Math.cos(la) * Math.sin(lo), EARTH_RADIUS_M * Math.sin(la)];
}

/** sec_to_gc(cube_distance(a, b)): great-circle metres between two earth points. */
export function earthDistance(ax: number, ay: number, az: number, bx: number, by: number, bz: number): number {
  const dx = ax - bx;
  const dy = ay - by;
  const dz = az - bz;
  const chord = Math.sqrt(0 + dx * dx + dy * dy + dz * dz);
  if (chord / TWO_R > 1) return Math.PI * EARTH_RADIUS_M;
  return TWO_R * Math.asin(chord / TWO_R);
}

/** gc_to_sec(metres): the chord of a great-circle distance, the half side of earth_box(). */
export function chordOf(meters: number): number {
  if (meters < 0) return 0;
  if (meters / EARTH_RADIUS_M > Math.PI) return TWO_R;
  return TWO_R * Math.sin(meters / TWO_R);
}

/**
 * A latitude/longitude box holding every point within `angle` radians (great circle) of the
 * point, plus a hair, for the kd-tree to narrow the candidates the exact tests then decide.
 * Two boxes when it crosses the antimeridian; the whole band of longitudes near a pole.
 */
export function boundingBoxes(lat: number, lng: number, angle: number): [number, number, number, number][] {
  const margin = 1e-9;
  const deg = angle / RADIANS_PER_DEGREE + margin;
  const minLat = lat - deg;
  const maxLat = lat + deg;
  if (minLat <= -90 || maxLat >= 90 || angle >= Math.PI / 2) return [[-180, Math.max(-90, minLat), 180, Math.min(90, maxLat)]];
  const sinRatio = Math.sin(angle) / Math.cos(lat * RADIANS_PER_DEGREE);
  if (sinRatio >= 1) return [[-180, minLat, 180, maxLat]];
  const dLng = Math.asin(sinRatio) / RADIANS_PER_DEGREE + margin;
  const west = lng - dLng;
  const east = lng + dLng;
  if (west < -180)
    return [
      [west + 360, minLat, 180, maxLat],
      [-180, minLat, east, maxLat],
    ];
  if (east > 180)
    return [
      [west, minLat, 180, maxLat],
      [-180, minLat, east - 360, maxLat],
    ];
  return [[west, minLat, east, maxLat]];
}

/** The angle (radians) a great-circle distance spans. */
export function angleOf(meters: number): number {
  return meters / EARTH_RADIUS_M;
}

/** The widest angle a point inside earth_box(p, meters) can be from p: the cube's corner, √3 × its half side. */
export function earthBoxAngle(meters: number): number {
  const corner = (chordOf(meters) * Math.sqrt(3)) / TWO_R;
  return corner >= 1 ? Math.PI : 2 * Math.asin(corner);
}
