import fc from 'fast-check';
import type { ListingSources } from './listing';
import { testListing } from './listing.testing';
import { distanceKm, searchListings } from './search.rules';

/** A Saturday group activity in Bideford, bookable from a personal budget. */
const listing = (
  service: Partial<ListingSources['service']> = {},
  place: Partial<ListingSources['location']> = {},
) =>
  testListing(
    {
      ratios: ['GROUP'],
      funding: ['PERSONAL_BUDGET'],
      costOptions: [{ label: 'Session', amountPence: 1500, unit: 'SESSION' }],
      startTime: '10:00',
      endTime: '12:00',
      ...service,
    },
    {
      postcode: 'EX39 1AA',
      town: 'Bideford',
      district: 'Torridge',
      lat: 51.017,
      lng: -4.207,
      features: ['STEP_FREE'],
      ...place,
    },
  );

const all = { offset: 0, limit: 100 };

describe('directory search', () => {
  it('filters by age, needs, type, funding, day and time', () => {
    const swim = listing({
      name: 'Swimming club',
      needs: ['AUTISM', 'ADHD'],
      minAge: 8,
      maxAge: 16,
    });
    const sitting = listing({
      name: 'Sitting',
      type: 'SITTING_BEFRIENDING',
      funding: ['SELF_PAY'],
      days: ['TUE'],
      startTime: '18:00',
      endTime: '21:00',
    });
    const listings = [swim, sitting];
    const ids = (criteria: Parameters<typeof searchListings>[1]) =>
      searchListings(listings, criteria, all).hits.map((h) => h.listing.id);

    expect(ids({ age: 7 })).toEqual([sitting.id]);
    expect(ids({ needs: ['AUTISM', 'ADHD'] })).toEqual([swim.id]);
    expect(ids({ types: ['SITTING_BEFRIENDING'] })).toEqual([sitting.id]);
    expect(ids({ funding: ['PERSONAL_BUDGET'] })).toEqual([swim.id]);
    expect(ids({ days: ['TUE'] })).toEqual([sitting.id]);
    expect(ids({ fromMinutes: 17 * 60, toMinutes: 19 * 60 })).toEqual([sitting.id]);
    expect(ids({ text: 'swim' })).toEqual([swim.id]);
    expect(ids({ text: 'bideford swim' })).toEqual([swim.id]);
    expect(ids({ text: 'karate' })).toEqual([]);
  });

  it('keeps Inadequate services from families unless asked, and filters by rating and registration', () => {
    const inadequate = listing({ type: 'DAY_CARE' });
    inadequate.compliance = { ...inadequate.compliance, hiddenFromFamilies: true };
    const good = listing();
    good.compliance = { ...good.compliance, registered: true, bestRating: 3 };
    expect(searchListings([inadequate, good], {}, all).total).toBe(1);
    expect(searchListings([inadequate, good], { includeHidden: true }, all).total).toBe(2);
    expect(
      searchListings([inadequate, good], { registeredOnly: true }, all).hits[0]?.listing.id,
    ).toBe(good.id);
    expect(searchListings([good], { minimumRating: 4 }, all).total).toBe(0);
  });

  it('finds what is inside the map bounds or within a radius, nearest first', () => {
    const bideford = listing({}, { lat: 51.017, lng: -4.207 });
    const exeter = listing({}, { lat: 50.726, lng: -3.528 });
    const bounds = { south: 50.9, west: -4.4, north: 51.1, east: -4.0 };
    expect(
      searchListings([bideford, exeter], { bounds }, all).hits.map((h) => h.listing.id),
    ).toEqual([bideford.id]);
    const near = { lat: 50.72, lng: -3.53, radiusKm: 10 };
    expect(searchListings([bideford, exeter], { near }, all).hits.map((h) => h.listing.id)).toEqual(
      [exeter.id],
    );
    const result = searchListings([bideford, exeter], { near: { ...near, radiusKm: 100 } }, all);
    expect(result.hits.map((h) => h.listing.id)).toEqual([exeter.id, bideford.id]);
    expect(result.hits[1]!.distanceKm).toBeCloseTo(57.86, 1);
  });

  it('orders by distance exactly as a brute-force sort does, across pages', () => {
    const point = fc.record({
      lat: fc.double({ min: 50.2, max: 51.2, noNaN: true }),
      lng: fc.double({ min: -4.6, max: -3.0, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 60 }),
        point,
        fc.integer({ min: 1, max: 7 }),
        (places, centre, pageSize) => {
          const listings = places.map((place) => listing({}, place));
          const expected = listings
            .map((l) => ({ id: l.id, d: distanceKm(centre, l), name: l.serviceName }))
            .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
            .map((x) => x.id);
          const seen: string[] = [];
          for (let offset = 0; offset < listings.length; offset += pageSize) {
            seen.push(
              ...searchListings(listings, { near: centre }, { offset, limit: pageSize }).hits.map(
                (h) => h.listing.id,
              ),
            );
          }
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('counts facets over all results', () => {
    const a = listing({ needs: ['AUTISM'] });
    const b = listing({ needs: ['AUTISM', 'ADHD'] });
    const { facets } = searchListings([a, b], {}, { offset: 0, limit: 1 });
    expect(facets.needs).toEqual([
      { value: 'AUTISM', count: 2 },
      { value: 'ADHD', count: 1 },
    ]);
    expect(facets.districts).toEqual([{ value: 'Torridge', count: 2 }]);
  });
});
