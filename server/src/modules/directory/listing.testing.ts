import { buildListing, type Listing, type ListingSources } from './listing';

let next = 0;

/**
 * A listing for unit tests: a fictional Saturday activity at a hall in Exeter, with no
 * registrations. Each test overrides what it is about.
 */
export function testListing(
  service: Partial<ListingSources['service']> = {},
  location: Partial<ListingSources['location']> = {},
  today = '2026-11-25',
): Listing {
  next += 1;
  return buildListing(
    {
      provider: { name: `Provider ${next}`, registrations: [] },
      location: {
        id: `loc${next}`,
        name: 'Hall',
        postcode: 'EX1 1AA',
        town: 'Exeter',
        district: 'Exeter',
        lat: 50.726,
        lng: -3.528,
        features: [],
        registrations: [],
        lastVerifiedAt: new Date('2026-10-01'),
        ...location,
      },
      service: {
        id: `svc${next}`,
        organisationId: 'org',
        name: `Service ${next}`,
        type: 'INCLUSIVE_ACTIVITY',
        needs: ['AUTISM'],
        minAge: 5,
        maxAge: 18,
        accessibilitySupport: [],
        ratios: [],
        skills: [],
        funding: [],
        costOptions: [],
        days: ['SAT'],
        lastVerifiedAt: new Date('2026-10-01'),
        ...service,
      },
    },
    today,
  );
}
