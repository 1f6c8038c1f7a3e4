import { boundingBoxes, chordOf, EARTH_RADIUS_M, earthDistance, earthPoint } from './earth.js';

const distance = (a: [number, number], b: [number, number]) => earthDistance(...earthPoint(...a), ...earthPoint(...b));

describe('earth arithmetic (PostgreSQL earthdistance)', () => {
  it('measures great circles on a sphere of 6,378,168 m', () => {
    expect(distance([0, 0], [0, 90])).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_M, 3);
    expect(distance([0, 0], [0, 180])).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
    expect(distance([40, -83], [40, -83])).toBe(0);
  });

  it('agrees with PostgreSQL on a known pair (Columbus → Chicago)', () => {
    // SELECT earth_distance(ll_to_earth(39.9612,-82.9988), ll_to_earth(41.8781,-87.6298)) = 444069.95614418935
    expect(distance([39.9612, -82.9988], [41.8781, -87.6298])).toBeCloseTo(444069.95614418935, 6);
  });

  it('gives the chord of a distance (the half side of earth_box)', () => {
    expect(chordOf(0)).toBe(0);
    expect(chordOf(-5)).toBe(0);
    expect(chordOf(40000)).toBeCloseTo(40000, 0);
    expect(chordOf(40000)).toBeLessThan(40000);
  });

  it('boxes a circle, split at the antimeridian, widened at the poles', () => {
    expect(boundingBoxes(10, 0, 0.01)).toHaveLength(1);
    expect(boundingBoxes(10, 179.9, 0.01)).toHaveLength(2);
    expect(boundingBoxes(89.9, 0, 0.01)[0][0]).toBe(-180);
  });
});
