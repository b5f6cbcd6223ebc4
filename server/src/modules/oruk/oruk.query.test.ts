import type { Listing } from '../directory/listing';
import { testListing } from '../directory/listing.testing';
import { orukId } from './oruk.ids';
import {
  checkFormat,
  firstOfEach,
  pageSlice,
  parseListingFilters,
  parsePaging,
  parseTermFilters,
  selectListings,
  type ListingFilters,
} from './oruk.query';

const listing = testListing;

const none: ListingFilters = parseListingFilters({});
const names = (listings: Listing[], filters: Partial<ListingFilters>) =>
  selectListings(listings, { ...none, ...filters }).map((hit) => hit.listing.serviceName);

describe('query parameters', () => {
  it('page from 1, 50 to a page by default, at most 100', () => {
    expect(parsePaging({})).toEqual({ number: 1, perPage: 50 });
    expect(parsePaging({ page: '3', per_page: '100' })).toEqual({ number: 3, perPage: 100 });
    expect(() => parsePaging({ per_page: '101' })).toThrow('per_page can be at most 100');
    expect(() => parsePaging({ per_page: '0' })).toThrow(/per_page must be a whole number/);
    expect(() => parsePaging({ page: '0' })).toThrow(/page must be a whole number of 1 or more/);
    expect(() => parsePaging({ page: '1.5' })).toThrow(/page/);
    expect(() => parsePaging({ page: ['1', '2'] })).toThrow('Give page once, as text');
  });

  it('resolve a postcode in Devon, and refuse one elsewhere by name', () => {
    expect(parseListingFilters({ postcode: 'ex39 1aa', proximity: '5000' }).near).toEqual({
      postcode: 'EX39',
      lat: 51.017,
      lng: -4.207,
      proximityMetres: 5000,
    });
    expect(() => parseListingFilters({ postcode: 'EX99' })).toThrow(
      /^We could not find EX99 in Devon, Plymouth or Torbay: check the postcode parameter/,
    );
    expect(() => parseListingFilters({ proximity: '500' })).toThrow(/proximity needs a postcode/);
    expect(() => parseListingFilters({ postcode: 'EX1', proximity: 'near' })).toThrow(
      /proximity must be a distance in metres/,
    );
    expect(() => parseListingFilters({ postcode: 'EX1', proximity: '100001' })).toThrow(
      'proximity can be at most 100000 metres',
    );
  });

  it('read days as RFC 5545 codes or names, and refuse anything else', () => {
    expect(parseListingFilters({ day: 'MO, saturday,Sun' }).days).toEqual(['MON', 'SAT', 'SUN']);
    expect(() => parseListingFilters({ day: 'funday' })).toThrow(/day "funday"/);
  });

  it('refuse ages that are not whole numbers, or the wrong way round', () => {
    expect(parseListingFilters({ minimum_age: '4', maximum_age: '9' })).toMatchObject({
      minimumAge: 4,
      maximumAge: 9,
    });
    expect(() => parseListingFilters({ minimum_age: 'ten' })).toThrow(/minimum_age/);
    expect(() => parseListingFilters({ minimum_age: '10', maximum_age: '9' })).toThrow(
      'minimum_age must not be more than maximum_age',
    );
  });

  it('refuse taxonomy ids that are not ours, and formats other than JSON', () => {
    expect(() => parseListingFilters({ taxonomy_term_id: 'AUTISM' })).toThrow(
      /taxonomy_term_id "AUTISM" is not one of ours/,
    );
    expect(() => parseListingFilters({ taxonomy_id: 'x' })).toThrow(/taxonomy_id/);
    expect(() => parseTermFilters({ top_only: 'yes' })).toThrow('top_only must be true or false');
    expect(() => checkFormat({ format: 'ndjson' })).toThrow(/format "ndjson" is not offered/);
    expect(() => checkFormat({ format: 'json' })).not.toThrow();
  });
});

describe('selecting listings', () => {
  const club = listing({ name: 'Swim club', minAge: 5, maxAge: 11, needs: ['ADHD'] });
  const breaks = listing({
    name: 'Overnight breaks',
    minAge: 8,
    maxAge: 18,
    needs: ['AUTISM'],
    days: ['FRI'],
  });
  const college = listing({ name: 'College link', minAge: 16, maxAge: 25, needs: ['AUTISM'] });
  const all = [club, breaks, college];

  it('keep services whose age range overlaps the one asked for', () => {
    expect(names(all, { minimumAge: 12 })).toEqual(['College link', 'Overnight breaks']);
    expect(names(all, { maximumAge: 7 })).toEqual(['Swim club']);
    expect(names(all, { minimumAge: 9, maximumAge: 10 })).toEqual([
      'Overnight breaks',
      'Swim club',
    ]);
  });

  it('filter by taxonomy term, day, organization and words', () => {
    expect(names(all, { taxonomyTermId: orukId('taxonomy_term', 'needs', 'AUTISM') })).toEqual([
      'College link',
      'Overnight breaks',
    ]);
    expect(
      names(all, {
        taxonomyTermId: orukId('taxonomy_term', 'needs', 'AREA_SOCIAL_EMOTIONAL_MENTAL_HEALTH'),
      }),
    ).toEqual(['Swim club']);
    expect(names(all, { days: ['FRI'] })).toEqual(['Overnight breaks']);
    expect(names(all, { organizationId: orukId('organization', 'org') })).toHaveLength(3);
    expect(names(all, { organizationId: orukId('organization', 'other') })).toEqual([]);
    expect(names(all, { search: 'swim' })).toEqual(['Swim club']);
  });

  it('order by distance from a postcode and keep those within proximity', () => {
    const bideford = listing({ name: 'A Bideford club' }, { lat: 51.017, lng: -4.207 });
    const okehampton = listing({ name: 'B Okehampton club' }, { lat: 50.739, lng: -4.004 });
    const exeter = listing({ name: 'C Exeter club' });
    const from = parseListingFilters({ postcode: 'EX1', proximity: '40000' }).near!;
    expect(
      names([bideford, okehampton, exeter], { near: { ...from, proximityMetres: null } }),
    ).toEqual(['C Exeter club', 'B Okehampton club', 'A Bideford club']);
    expect(names([bideford, okehampton, exeter], { near: from })).toEqual([
      'C Exeter club',
      'B Okehampton club',
    ]);
  });

  it('never publish a listing hidden from families', () => {
    const inadequate = listing(
      { name: 'Inadequate care' },
      {
        registrations: [
          {
            regulator: 'OFSTED',
            identifier: 'SC1',
            registrationType: "Children's home",
            status: 'ACTIVE',
            rating: 'INADEQUATE',
          },
        ],
      },
    );
    expect(inadequate.compliance.hiddenFromFamilies).toBe(true);
    expect(names([inadequate, club], {})).toEqual(['Swim club']);
  });

  it('page through the first listing of each service', () => {
    const items = ['a', 'b', 'a', 'c', 'b', 'd'];
    const services = firstOfEach(items, (item) => item);
    expect(services).toEqual(['a', 'b', 'c', 'd']);
    expect(pageSlice(services, { number: 2, perPage: 3 })).toEqual(['d']);
    expect(pageSlice(services, { number: 3, perPage: 3 })).toEqual([]);
  });
});
