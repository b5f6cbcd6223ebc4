import {
  FUNDING_TYPES,
  findPostcodeDistrict,
  LOCATION_FEATURES,
  needCodeSchema,
  RATING_ORDER,
  SERVICE_TYPES,
  WEEKDAYS,
  DISTRICT_NAMES,
} from '@harbour/shared';
import { z } from 'zod';
import { userErrorsFromZod, type UserError } from '../../graphql/user-errors';
import { insideUk } from './directory.service';
import { minutesOf, type Listing } from './listing';
import type { SearchIndex } from './search-index';
import { searchListings, type SearchCriteria, type SearchResult } from './search.rules';

export const MAX_RADIUS_KM = 100;
export const MAX_PAGE_SIZE = 100;
export const MAX_MARKERS = 5000;

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:30');

const searchInputSchema = z
  .object({
    text: z.string().trim().max(200, 'Search words must be 200 characters or fewer').nullish(),
    needs: z.array(needCodeSchema).max(20).nullish(),
    age: z
      .number()
      .int()
      .min(0, 'Age must be 0 or more')
      .max(25, 'Harbour lists services up to age 25')
      .nullish(),
    accessibilitySupport: z.array(z.string().max(200)).max(10).nullish(),
    features: z.array(LOCATION_FEATURES.schema('location feature')).max(10).nullish(),
    types: z.array(SERVICE_TYPES.schema('service type')).max(10).nullish(),
    funding: z.array(FUNDING_TYPES.schema('funding type')).max(10).nullish(),
    days: z.array(WEEKDAYS.schema('day')).max(7).nullish(),
    fromTime: time.nullish(),
    toTime: time.nullish(),
    districts: z
      .array(
        z.enum(DISTRICT_NAMES as [string, ...string[]], {
          error: (i) => `Unknown district "${String(i.input)}"`,
        }),
      )
      .max(10)
      .nullish(),
    minimumRating: z.enum(['OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE']).nullish(),
    registeredOnly: z.boolean().nullish(),
    includeHidden: z.boolean().nullish(),
    bounds: z
      .object({ south: latitude, west: longitude, north: latitude, east: longitude })
      .refine(
        (b) => b.south <= b.north && b.west <= b.east,
        'The map bounds are the wrong way round',
      )
      .nullish(),
    near: z
      .object({
        postcode: z.string().trim().max(10).nullish(),
        lat: latitude.nullish(),
        lng: longitude.nullish(),
        radiusKm: z
          .number()
          .positive('The distance must be more than 0')
          .max(MAX_RADIUS_KM, `Search within ${MAX_RADIUS_KM} km or less`)
          .nullish(),
      })
      .nullish(),
  })
  .strict();

export type DirectorySearchInput = z.input<typeof searchInputSchema>;

export interface SearchPlace {
  postcode: string | null;
  town: string | null;
  district: string | null;
  lat: number;
  lng: number;
}

export interface DirectorySearchOutcome {
  userErrors: UserError[];
  result: SearchResult | null;
  place: SearchPlace | null;
  /** Every result's position, for the map (at most MAX_MARKERS). */
  markers: SearchResult['hits'];
}

const encodeCursor = (position: number) => Buffer.from(`p:${position}`).toString('base64url');
export function decodeCursor(cursor: string | null | undefined): number | null {
  if (!cursor) return -1;
  const match = /^p:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : null;
}
export { encodeCursor };

/** Validates a search, turns a postcode into a place, and runs it over the in-memory index. */
export async function runSearch(
  index: SearchIndex,
  input: unknown,
  page: { first?: number | null; after?: string | null },
  options: { mayIncludeHidden: boolean; only?: ((listing: Listing) => boolean) | null },
): Promise<DirectorySearchOutcome> {
  const none = { result: null, place: null, markers: [] };
  const first = page.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    return {
      userErrors: [
        {
          field: ['first'],
          message: `Show between 1 and ${MAX_PAGE_SIZE} results at a time`,
          code: 'INVALID',
        },
      ],
      ...none,
    };
  }
  const after = decodeCursor(page.after);
  if (after === null)
    return {
      userErrors: [
        {
          field: ['after'],
          message: 'This page link is not valid: start the search again',
          code: 'INVALID',
        },
      ],
      ...none,
    };

  const parsed = searchInputSchema.safeParse(input ?? {});
  if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), ...none };
  const criteria = parsed.data;

  let place: SearchPlace | null = null;
  if (criteria.near?.postcode) {
    const found = findPostcodeDistrict(criteria.near.postcode);
    if (!found) {
      const shown = criteria.near.postcode.toUpperCase();
      return {
        userErrors: [
          {
            field: ['input', 'near', 'postcode'],
            message: `We could not find ${shown} in Devon, Plymouth or Torbay. Check the postcode, or move the map to where you want to look.`,
            code: 'UNKNOWN_POSTCODE',
          },
        ],
        ...none,
      };
    }
    place = {
      postcode: found.postcodeDistrict,
      town: found.town,
      district: found.district,
      lat: found.lat,
      lng: found.lng,
    };
  } else if (criteria.near?.lat != null && criteria.near.lng != null) {
    if (!insideUk(criteria.near.lat, criteria.near.lng)) {
      return {
        userErrors: [
          { field: ['input', 'near'], message: 'Choose a place in the UK', code: 'OUTSIDE_UK' },
        ],
        ...none,
      };
    }
    place = {
      postcode: null,
      town: null,
      district: null,
      lat: criteria.near.lat,
      lng: criteria.near.lng,
    };
  }

  await index.start();
  const search: SearchCriteria = {
    ...criteria,
    fromMinutes: minutesOf(criteria.fromTime),
    toMinutes: minutesOf(criteria.toTime),
    minimumRating: criteria.minimumRating ? RATING_ORDER[criteria.minimumRating] : null,
    includeHidden: Boolean(criteria.includeHidden && options.mayIncludeHidden),
    near: place
      ? { lat: place.lat, lng: place.lng, radiusKm: criteria.near?.radiusKm ?? null }
      : null,
    only: options.only ?? null,
  };
  const offset = after + 1;
  const everything = searchListings(index.all(), search, {
    offset: 0,
    limit: Number.MAX_SAFE_INTEGER,
  });
  return {
    userErrors: [],
    place,
    result: { ...everything, offset, hits: everything.hits.slice(offset, offset + first) },
    markers: everything.hits.slice(0, MAX_MARKERS),
  };
}
