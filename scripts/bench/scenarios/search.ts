import { ACCESSIBILITY_SUPPORT, DISTRICTS, NEED_CODES } from '@harbour/shared';
import { ObjectId } from 'mongodb';
import { buildListing } from '../../../server/src/modules/directory/listing';
import type { Scenario } from '../scenario';

const KINDS = [
  'AFTER_SCHOOL_CLUB',
  'WEEKEND_CLUB',
  'OVERNIGHT_SHORT_BREAK',
  'HOLIDAY_SCHEME',
  'INCLUSIVE_ACTIVITY',
  'SITTING_BEFRIENDING',
  'DAY_CARE',
  'HOME_SUPPORT',
];
const FUNDING = [
  'PERSONAL_BUDGET',
  'DIRECT_PAYMENT',
  'PERSONAL_HEALTH_BUDGET',
  'POOLED_FUND',
  'SELF_PAY',
  'FREE',
];
const towns = DISTRICTS.flatMap((district) =>
  district.towns.map((town) => ({ ...town, district: district.name })),
);

/** Map bounds around Exeter, as a family's map would show them. */
const bounds = { south: 50.6, west: -3.75, north: 50.85, east: -3.3 };
const needs = ['AUTISM'];
const funding = ['PERSONAL_BUDGET'];

/**
 * Directory search: map bounds plus two filters, over `size` providers with two services each
 * (the 20,000 providers and 40,000 services by default). The raw baseline is the same
 * search as one MongoDB query over the listings, which is what a database-backed search issues.
 */
export const search: Scenario = {
  name: 'search',
  description:
    'directorySearch (bounds + need + funding, 20 results and map markers) vs the same find on the driver',
  defaultSize: 20_000,
  async seed(db, size) {
    let state = 42;
    const rand = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)] as T;
    const some = <T>(items: readonly T[], n: number) =>
      items.filter(() => rand() < n / items.length);
    const batch: {
      _id: string;
      service: ObjectId;
      location: ObjectId;
      organisation: ObjectId;
      document: unknown;
    }[] = [];
    const flush = async () => {
      if (batch.length)
        await db.collection<{ _id: string }>('service_listings').insertMany(batch.splice(0));
    };
    for (let p = 0; p < size; p += 1) {
      const organisation = new ObjectId();
      const town = pick(towns);
      const location = new ObjectId();
      const lat = town.lat + (rand() - 0.5) * 0.2;
      const lng = town.lng + (rand() - 0.5) * 0.3;
      for (let s = 0; s < 2; s += 1) {
        const service = new ObjectId();
        const listing = buildListing(
          {
            provider: { name: `Bench provider ${p}`, registrations: [] },
            location: {
              id: String(location),
              name: 'Hall',
              postcode: `${town.postcodes[0]} 1AA`,
              town: town.name,
              district: town.district,
              lat,
              lng,
              features: [],
              registrations: [],
              lastVerifiedAt: new Date(),
            },
            service: {
              id: String(service),
              organisationId: String(organisation),
              name: `Bench service ${p}-${s}`,
              type: pick(KINDS),
              needs: some(NEED_CODES, 4),
              minAge: Math.floor(rand() * 10),
              maxAge: 12 + Math.floor(rand() * 14),
              accessibilitySupport: some(
                ACCESSIBILITY_SUPPORT.map((a) => a.id),
                2,
              ),
              ratios: ['GROUP'],
              skills: [],
              funding: some(FUNDING, 3),
              costOptions: [
                {
                  label: 'Session',
                  amountPence: 1000 + Math.floor(rand() * 5000),
                  unit: 'SESSION',
                },
              ],
              days: ['SAT'],
              startTime: '10:00',
              endTime: '12:00',
              lastVerifiedAt: new Date(),
            },
          },
          '2026-11-25',
        );
        batch.push({ _id: listing.id, service, location, organisation, document: listing });
      }
      if (batch.length >= 2000) await flush();
    }
    await flush();
  },
  request: {
    query: /* GraphQL */ `
      query BenchSearch($input: DirectorySearchInput!) {
        directorySearch(input: $input, first: 20) {
          userErrors {
            message
          }
          results {
            totalCount
            edges {
              node {
                id
                name
                providerName
                type
                minAge
                maxAge
                costFrom {
                  amountPence
                }
                registrationSummary
                address {
                  town
                  postcode
                }
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
          markers {
            id
            lat
            lng
            name
          }
        }
      }
    `,
    variables: { input: { bounds, needs, funding } },
  },
  raw: (db) =>
    db
      .collection('service_listings')
      .find({
        'document.lat': { $gte: bounds.south, $lte: bounds.north },
        'document.lng': { $gte: bounds.west, $lte: bounds.east },
        'document.needs': { $all: needs },
        'document.funding': { $in: funding },
      })
      .toArray(),
};
