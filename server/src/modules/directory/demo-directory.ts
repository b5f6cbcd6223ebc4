import {
  ACCESSIBILITY_SUPPORT,
  DISTRICTS,
  NEED_CODES,
  type Registration,
  londonToday,
} from '@harbour/shared';
import type { DirectoryService, ServiceInput } from './directory.service';

/**
 * A fictional directory for the demo (run once per database by the demo-seed step, so it
 * creates without looking up external ids first): `count` providers spread over every district and town
 * of the handbook's Devon places, with a realistic mix of services, registrations, ratings,
 * needs, ages and costs. Deterministic (seeded), so the demo looks the same everywhere.
 */

const NAME_STARTS = [
  'Otterbrook',
  'Kingfisher',
  'Moorland',
  'Tamar',
  'Heron',
  'Bracken',
  'Sea Thrift',
  'Willow',
  'Tor View',
  'Lundy',
  'Estuary',
  'Granite',
  'Skylark',
  'Coombe',
  'Driftwood',
  'Foxglove',
];

const KINDS = [
  { name: 'Play Club', type: 'AFTER_SCHOOL_CLUB', ages: [5, 14], regulated: 'CR' },
  { name: 'Weekend Club', type: 'WEEKEND_CLUB', ages: [8, 18], regulated: null },
  { name: 'Short Breaks House', type: 'OVERNIGHT_SHORT_BREAK', ages: [8, 19], regulated: 'SC' },
  { name: 'Holiday Adventures', type: 'HOLIDAY_SCHEME', ages: [6, 17], regulated: 'CR' },
  { name: 'Inclusive Sports', type: 'INCLUSIVE_ACTIVITY', ages: [5, 25], regulated: null },
  { name: 'Befriending', type: 'SITTING_BEFRIENDING', ages: [10, 25], regulated: null },
  { name: 'Day Care', type: 'DAY_CARE', ages: [2, 12], regulated: 'EY' },
  { name: 'Home Support', type: 'HOME_SUPPORT', ages: [14, 25], regulated: 'CQC' },
] as const;

const FUNDING = [
  'PERSONAL_BUDGET',
  'DIRECT_PAYMENT',
  'PERSONAL_HEALTH_BUDGET',
  'POOLED_FUND',
  'SELF_PAY',
  'FREE',
];
const FEATURES = [
  'STEP_FREE',
  'CHANGING_PLACES',
  'QUIET_SPACE',
  'HOIST',
  'ACCESSIBLE_PARKING',
  'HEARING_LOOP',
];
const SKILLS = [
  'EPILEPSY_RESCUE_MEDICATION',
  'TUBE_FEEDING',
  'MAKATON',
  'BSL',
  'PECS_AAC',
  'MOVING_AND_HANDLING',
  'POSITIVE_BEHAVIOUR_SUPPORT',
  'OXYGEN',
];
const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const WEEKDAYS = DAYS.slice(0, 5);
const STREETS = [
  'High Street',
  'Station Road',
  'Church Lane',
  'Quay Road',
  'Mill Lane',
  'Fore Street',
];

/** Ofsted's register for each kind of regulated demo provider. */
const OFSTED_REGISTERS: Record<string, string> = {
  SC: "Children's home",
  EY: 'Early Years Register',
  CR: 'Childcare Register',
};
const RATINGS = [
  'OUTSTANDING',
  'GOOD',
  'GOOD',
  'GOOD',
  'GOOD',
  'REQUIRES_IMPROVEMENT',
  'INADEQUATE',
];

/** mulberry32: a small seeded generator, so the demo is the same on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    some: <T>(items: readonly T[], min: number, max: number): T[] =>
      [...items].sort(() => next() - 0.5).slice(0, min + Math.floor(next() * (max - min + 1))),
    chance: (p: number) => next() < p,
  };
}

/** The item at `index`, wrapping round; the lists here are never empty. */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('demo data list is empty');
  return item;
}

const towns = DISTRICTS.flatMap((district) =>
  district.towns.map((town) => ({ ...town, district: district.name })),
);

function registration(
  rng: ReturnType<typeof random>,
  kind: string,
  n: number,
  ages: readonly number[],
): Registration[] {
  const inspectedOn = `${rng.int(2020, 2026)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const status = rng.chance(0.04) ? 'CANCELLED' : 'ACTIVE';
  if (kind === 'CQC') {
    return [
      {
        regulator: 'CQC',
        identifier: `1-${900000000 + n}`,
        registrationType: 'Homecare agencies',
        status,
        rating: rng.pick(RATINGS),
        inspectedOn,
        minAge: 18,
        maxAge: null,
      },
    ];
  }
  const ofsted: Registration = {
    regulator: 'OFSTED',
    identifier: `${kind === 'SC' ? 'SC' : 'EY'}${String(700000 + n)}`,
    registrationType: OFSTED_REGISTERS[kind] ?? 'Early Years Register',
    status,
    rating: rng.pick(RATINGS),
    inspectedOn,
    minAge: ages[0] ?? 0,
    maxAge: 17,
  };
  // Some short-break houses keep young adults past 18 and hold both registrations.
  if (kind === 'SC' && (ages[1] ?? 0) >= 18 && rng.chance(0.5)) {
    return [
      ofsted,
      {
        regulator: 'CQC',
        identifier: `1-${800000000 + n}`,
        registrationType: 'Care home service without nursing',
        status: 'ACTIVE',
        rating: rng.pick(RATINGS),
        inspectedOn,
        minAge: 18,
        maxAge: 25,
      },
    ];
  }
  return [ofsted];
}

export function demoServiceInput(
  rng: ReturnType<typeof random>,
  kind: (typeof KINDS)[number],
  organisationId: string,
  locationIds: string[],
  label: string,
): ServiceInput {
  const ages = kind.ages;
  return {
    organisationId,
    locationIds,
    name: `${label} ${kind.name}`,
    description: `${kind.name} for disabled children and young people, run by ${label} (a fictional demo provider).`,
    type: kind.type,
    needs: rng.some(NEED_CODES, 2, 6),
    minAge: ages[0],
    maxAge: ages[1],
    accessibilitySupport: rng.some(
      ACCESSIBILITY_SUPPORT.map((concept) => concept.id),
      1,
      4,
    ),
    ratios: rng.some(['GROUP', 'ONE_TO_ONE', 'TWO_TO_ONE'], 1, 3),
    skills: rng.some(SKILLS, 1, 4),
    costOptions:
      kind.type === 'SITTING_BEFRIENDING'
        ? [{ label: 'Per hour', amountPence: rng.int(16, 28) * 100, unit: 'HOUR' }]
        : kind.type === 'OVERNIGHT_SHORT_BREAK'
          ? [{ label: 'Per night', amountPence: rng.int(180, 420) * 100, unit: 'NIGHT' }]
          : [
              {
                label: 'Per session',
                amountPence: rng.int(8, 60) * 100 + rng.pick([0, 50]),
                unit: 'SESSION',
              },
            ],
    funding: rng.some(FUNDING, 2, 5),
    ...demoSchedule(rng, kind.type),
  };
}

type Schedule = Pick<ServiceInput, 'days' | 'startTime' | 'endTime' | 'scheduleSummary'>;

/** Some of `days`, in week order. */
const someDays = (
  rng: ReturnType<typeof random>,
  days: readonly string[],
  min: number,
  max: number,
) => rng.some(days, min, max).sort((a, b) => DAYS.indexOf(a) - DAYS.indexOf(b));

/** When each kind of service runs, as families would expect: after-school clubs after school. */
function demoSchedule(rng: ReturnType<typeof random>, type: string): Schedule {
  switch (type) {
    case 'AFTER_SCHOOL_CLUB':
      return {
        days: someDays(rng, WEEKDAYS, 2, 5),
        startTime: rng.pick(['15:15', '15:30']),
        endTime: rng.pick(['17:30', '18:00']),
        scheduleSummary: 'After school in term time; closed in the school holidays.',
      };
    case 'WEEKEND_CLUB': {
      const start = rng.pick([10, 13]);
      return {
        days: someDays(rng, ['SAT', 'SUN'], 1, 2),
        startTime: `${start}:00`,
        endTime: `${start + 3}:00`,
        scheduleSummary: 'Weekends all year; closed on bank holidays.',
      };
    }
    case 'HOLIDAY_SCHEME':
      return {
        days: WEEKDAYS,
        startTime: rng.pick(['09:30', '10:00']),
        endTime: rng.pick(['15:30', '16:00']),
        scheduleSummary: 'Weekdays in the Easter, summer and October half-term school holidays.',
      };
    case 'OVERNIGHT_SHORT_BREAK':
      return {
        days: someDays(rng, ['FRI', 'SAT', 'SUN'], 1, 3),
        startTime: '17:00',
        endTime: null,
        scheduleSummary: 'Overnight stays from 5pm, home by 10am the next day.',
      };
    case 'INCLUSIVE_ACTIVITY': {
      const weekend = rng.chance(0.4);
      return weekend
        ? {
            days: someDays(rng, ['SAT', 'SUN'], 1, 1),
            startTime: '10:00',
            endTime: '11:30',
            scheduleSummary: 'Weekend mornings all year.',
          }
        : {
            days: someDays(rng, WEEKDAYS, 1, 2),
            startTime: rng.pick(['17:30', '18:00']),
            endTime: rng.pick(['19:00', '19:30']),
            scheduleSummary: 'Weekday evenings in term time.',
          };
    }
    case 'DAY_CARE':
      return {
        days: WEEKDAYS,
        startTime: '08:00',
        endTime: '18:00',
        scheduleSummary: 'Weekdays all year, except bank holidays.',
      };
    default:
      // Sitting, befriending and home support: at times agreed with each family.
      return {
        days: someDays(rng, DAYS, 3, 7),
        startTime: '09:00',
        endTime: '20:00',
        scheduleSummary: 'At times agreed with each family, between 9am and 8pm.',
      };
  }
}

export async function seedDemoDirectory(directory: DirectoryService, count: number): Promise<void> {
  const rng = random(2026);
  for (let n = 0; n < count; n += 1) {
    const town = at(towns, n);
    const kind = at(KINDS, n * 7 + Math.floor(n / towns.length));
    const label = `${NAME_STARTS[n % NAME_STARTS.length]} ${town.name}`;
    const registrations = kind.regulated ? registration(rng, kind.regulated, n, kind.ages) : [];
    const { organisationId } = await directory.upsertProvider({
      name: `${label} ${kind.name} (demo)`,
      description: 'A fictional provider for demonstrating Harbour.',
      phone: `01${rng.int(200, 999)} ${rng.int(100000, 999999)}`,
      email: `hello@provider${n}.demo.harbour.test`,
      registrations,
      source: 'DEMO',
    });
    const postcode = `${town.postcodes[0]} ${rng.int(1, 9)}${rng.pick(['AA', 'BD', 'HJ', 'QT', 'XY'])}`;
    const { locationId } = await directory.upsertLocation({
      organisationId,
      name: `${town.name} ${rng.pick(['Community Hall', 'Centre', 'Hub', 'House', 'Leisure Centre'])}`,
      addressLine: `${rng.int(1, 120)} ${rng.pick(STREETS)}`,
      town: town.name,
      postcode,
      district: town.district,
      lat: town.lat + (rng.next() - 0.5) * 0.04,
      lng: town.lng + (rng.next() - 0.5) * 0.06,
      features: rng.some(FEATURES, 1, 4),
    });
    await directory.upsertService(demoServiceInput(rng, kind, organisationId, [locationId], label));
  }
}

/** Services for the demo provider account's own organisation, so its console is not empty. */
export async function seedDemoProviderServices(
  directory: DirectoryService,
  organisationId: string,
): Promise<void> {
  const rng = random(7);
  await directory.upsertProvider(
    {
      name: 'Sunrise Play (demo)',
      description: 'Inclusive play and short breaks in North Devon (a fictional demo provider).',
      phone: '01237 400000',
      email: 'hello@sunrise.demo.harbour.test',
      website: 'https://sunrise.demo.harbour.test',
      registrations: [
        {
          regulator: 'OFSTED',
          identifier: 'EY555001',
          // Its play club and holiday scheme take school-age children too.
          registrationType: 'Early Years Register and Childcare Register',
          status: 'ACTIVE',
          rating: 'GOOD',
          inspectedOn: '2024-05-14',
        },
      ],
      source: 'DEMO',
    },
    organisationId,
  );
  const places = [
    {
      name: 'Sunrise Bideford',
      town: at(
        towns.filter((t) => t.name === 'Bideford'),
        0,
      ),
      addressLine: '14 Mill Street',
      postcode: 'EX39 2QT',
    },
    {
      name: 'Sunrise Barnstaple',
      town: at(
        towns.filter((t) => t.name === 'Barnstaple'),
        0,
      ),
      addressLine: '3 Boutport Street',
      postcode: 'EX31 1HJ',
    },
  ];
  const locationIds: string[] = [];
  for (const place of places) {
    const { locationId } = await directory.upsertLocation({
      organisationId,
      name: place.name,
      addressLine: place.addressLine,
      town: place.town.name,
      postcode: place.postcode,
      district: place.town.district,
      lat: place.town.lat,
      lng: place.town.lng,
      features: ['STEP_FREE', 'QUIET_SPACE', 'CHANGING_PLACES'],
      externalIds: { orukId: `harbour-demo-sunrise-${place.town.name}` },
    });
    locationIds.push(locationId);
  }
  // The first club offers group support now and 1:1 support from next September.
  const [year, month] = londonToday().split('-').map(Number) as [number, number];
  const nextSeptember = `${month >= 9 ? year + 1 : year}-09-01`;
  for (const [i, kind] of [KINDS[0], KINDS[1], KINDS[3]].entries()) {
    await directory.upsertService({
      ...demoServiceInput(
        rng,
        kind,
        organisationId,
        i === 1 ? locationIds : [at(locationIds, 0)],
        'Sunrise',
      ),
      ...(i === 0
        ? { ratios: ['GROUP'], upcomingRatios: [{ ratio: 'ONE_TO_ONE', from: nextSeptember }] }
        : {}),
      externalIds: { orukId: `harbour-demo-sunrise-service-${i}` },
    });
  }
}
