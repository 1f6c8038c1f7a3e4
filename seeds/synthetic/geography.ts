import zipcodes from 'zipcodes';

// Metro areas (a central ZIP and a rough weight): most located listings sit within ~30 miles of one.
const METROS: [string, number][] = [
  ['10001', 19],
  ['90012', 13],
  ['60601', 9.5],
  ['75201', 7.6],
  ['77002', 7.1],
  ['20001', 6.3],
  ['19103', 6.2],
  ['33130', 6.1],
  ['30303', 6.1],
  ['02108', 4.9],
  ['85004', 4.9],
  ['94103', 4.7],
  ['92501', 4.6],
  ['48226', 4.4],
  ['98101', 4.0],
  ['55401', 3.7],
  ['92101', 3.3],
  ['33602', 3.2],
  ['80202', 3.0],
  ['21201', 2.8],
  ['63101', 2.8],
  ['32801', 2.7],
  ['28202', 2.7],
  ['78205', 2.6],
  ['97204', 2.5],
  ['95814', 2.4],
  ['15222', 2.4],
  ['78701', 2.4],
  ['89101', 2.3],
  ['45202', 2.3],
  ['64106', 2.2],
  ['43215', 2.1],
  ['46204', 2.1],
  ['44113', 2.1],
  ['95113', 2.0],
  ['37203', 2.0],
  ['23451', 1.8],
  ['02903', 1.7],
  ['32202', 1.6],
  ['53202', 1.6],
  ['27601', 1.4],
  ['73102', 1.4],
  ['38103', 1.3],
  ['23219', 1.3],
  ['40202', 1.3],
  ['70112', 1.3],
  ['84101', 1.2],
  ['06103', 1.2],
  ['14202', 1.1],
  ['35203', 1.1],
  ['87102', 0.9],
  ['68102', 1.0],
  ['85701', 1.0],
  ['83702', 0.8],
  ['50309', 0.7],
  ['99501', 0.4],
  ['96813', 1.0],
];

export interface Zip {
  zip: string;
  latitude: number;
  longitude: number;
  city: string;
  state: string;
}

// The 50 states, DC and Puerto Rico: no military post offices (AA/AE/AP, one of which sits at the South Pole).
const STATES = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
    'PR RI SC SD TN TX UT VT VA WA WV WI WY'
  ).split(' '),
);

let geography: { metros: [Zip[], number][]; all: Zip[]; states: string[] } | undefined;
/** US ZIP codes (real ones, from the zipcodes package) by metro area, loaded once. */
export function loadGeography() {
  if (geography) return geography;
  const all = (Object.values(zipcodes.codes) as Zip[] & { country: string }[]).filter(
    (z) =>
      (z as { country?: string }).country === 'US' && Number.isFinite(z.latitude) && Number.isFinite(z.longitude) && STATES.has(z.state),
  );
  const metros: [Zip[], number][] = [];
  for (const [zip, weight] of METROS) {
    const near = (zipcodes.radius(zip, 30, true) as Zip[]).filter(
      (z) => Number.isFinite(z.latitude) && Number.isFinite(z.longitude) && STATES.has(z.state),
    );
    if (near.length) metros.push([near, weight]);
  }
  const states = [...new Set(all.map((z) => z.state))].sort();
  geography = { metros, all, states };
  return geography;
}
