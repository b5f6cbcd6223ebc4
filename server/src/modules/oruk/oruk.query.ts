import { findPostcodeDistrict, WEEKDAYS } from '@harbour/shared';
import { MAX_RADIUS_KM } from '../directory/directory-search';
import type { Listing } from '../directory/listing';
import { searchListings, type SearchHit } from '../directory/search.rules';
import { idsOf } from './oruk.ids';
import { RFC5545_DAYS } from './oruk.mapping';
import { findTaxonomy, findTerm, listingHasTerm } from './oruk.taxonomies';

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 100;
export const MAX_PROXIMITY_METRES = MAX_RADIUS_KM * 1000;
const MAX_PAGE = 1_000_000;

/** A query parameter the API cannot use; the message names it and says what would do. */
export class OrukQueryError extends Error {}

type Query = Record<string, unknown>;

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new OrukQueryError(`Give ${name} once, as text`);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function wholeNumber(
  query: Query,
  name: string,
  range: { min: number; max: number },
  tooBig: string,
): number | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text) || Number(text) < range.min)
    throw new OrukQueryError(`${name} must be a whole number of ${range.min} or more`);
  if (Number(text) > range.max) throw new OrukQueryError(tooBig);
  return Number(text);
}

export interface Paging {
  number: number;
  perPage: number;
}

export function parsePaging(query: Query): Paging {
  return {
    number:
      wholeNumber(query, 'page', { min: 1, max: MAX_PAGE }, `page can be at most ${MAX_PAGE}`) ?? 1,
    perPage:
      wholeNumber(
        query,
        'per_page',
        { min: 1, max: MAX_PER_PAGE },
        `per_page can be at most ${MAX_PER_PAGE}`,
      ) ?? DEFAULT_PER_PAGE,
  };
}

/** Only JSON is offered (not `ndjson`). */
export function checkFormat(query: Query): void {
  const format = single(query, 'format');
  if (format && format.toLowerCase() !== 'json')
    throw new OrukQueryError(`format "${format}" is not offered: leave it out, or use json`);
}

function searchText(query: Query): string | null {
  const text = single(query, 'search') ?? null;
  if (text && text.length > 200) throw new OrukQueryError('search must be 200 characters or fewer');
  return text;
}

export interface ListingFilters {
  search: string | null;
  taxonomyTermId: string | null;
  taxonomyId: string | null;
  organizationId: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  /** Harbour day codes (MON…SUN): services running on any of them. */
  days: string[] | null;
  near: { postcode: string; lat: number; lng: number; proximityMetres: number | null } | null;
}

const DAY_NAMES = new Map(
  WEEKDAYS.items.flatMap((day) => [
    [day.code, day.code],
    [day.label.toUpperCase(), day.code],
    [RFC5545_DAYS[day.code] ?? day.code, day.code],
  ]),
);

function parseDays(query: Query): string[] | null {
  const text = single(query, 'day');
  if (text === undefined) return null;
  return text.split(',').map((part) => {
    const code = DAY_NAMES.get(part.trim().toUpperCase());
    if (!code)
      throw new OrukQueryError(
        `day "${part.trim()}" is not a day of the week: use MO, TU, WE, TH, FR, SA or SU (or the day's name), separated by commas`,
      );
    return code;
  });
}

function parseNear(query: Query): ListingFilters['near'] {
  const postcode = single(query, 'postcode');
  const proximityText = single(query, 'proximity');
  if (!postcode) {
    if (proximityText)
      throw new OrukQueryError('proximity needs a postcode to measure from: add postcode');
    return null;
  }
  const shown = postcode.toUpperCase().slice(0, 10);
  const place = postcode.length <= 10 ? findPostcodeDistrict(postcode) : undefined;
  if (!place)
    throw new OrukQueryError(
      `We could not find ${shown} in Devon, Plymouth or Torbay: check the postcode parameter (Harbour lists services in Devon only)`,
    );
  let proximityMetres: number | null = null;
  if (proximityText) {
    if (!/^\d{1,9}(\.\d+)?$/.test(proximityText) || Number(proximityText) <= 0)
      throw new OrukQueryError('proximity must be a distance in metres, more than 0');
    if (Number(proximityText) > MAX_PROXIMITY_METRES)
      throw new OrukQueryError(`proximity can be at most ${MAX_PROXIMITY_METRES} metres`);
    proximityMetres = Number(proximityText);
  }
  return { postcode: place.postcodeDistrict, lat: place.lat, lng: place.lng, proximityMetres };
}

export function parseListingFilters(query: Query): ListingFilters {
  const age = (name: string) =>
    wholeNumber(query, name, { min: 0, max: 120 }, `${name} can be at most 120`) ?? null;
  const minimumAge = age('minimum_age');
  const maximumAge = age('maximum_age');
  if (minimumAge != null && maximumAge != null && minimumAge > maximumAge)
    throw new OrukQueryError('minimum_age must not be more than maximum_age');
  const taxonomyTermId = single(query, 'taxonomy_term_id') ?? null;
  if (taxonomyTermId && !findTerm(taxonomyTermId))
    throw new OrukQueryError(
      `taxonomy_term_id "${taxonomyTermId}" is not one of ours: see /api/oruk/taxonomy_terms`,
    );
  const taxonomyId = single(query, 'taxonomy_id') ?? null;
  if (taxonomyId && !findTaxonomy(taxonomyId))
    throw new OrukQueryError(
      `taxonomy_id "${taxonomyId}" is not one of ours: see /api/oruk/taxonomies`,
    );
  return {
    search: searchText(query),
    taxonomyTermId,
    taxonomyId,
    organizationId: single(query, 'organization_id') ?? null,
    minimumAge,
    maximumAge,
    days: parseDays(query),
    near: parseNear(query),
  };
}

export interface TermFilters {
  search: string | null;
  taxonomyId: string | null;
  parentId: string | null;
  topOnly: boolean;
}

export function parseTermFilters(query: Query): TermFilters {
  const taxonomyId = single(query, 'taxonomy_id') ?? null;
  if (taxonomyId && !findTaxonomy(taxonomyId))
    throw new OrukQueryError(
      `taxonomy_id "${taxonomyId}" is not one of ours: see /api/oruk/taxonomies`,
    );
  const topOnly = single(query, 'top_only');
  if (topOnly !== undefined && topOnly !== 'true' && topOnly !== 'false')
    throw new OrukQueryError('top_only must be true or false');
  return {
    search: searchText(query),
    taxonomyId,
    parentId: single(query, 'parent_id') ?? null,
    topOnly: topOnly === 'true',
  };
}

export function parseSearchOnly(query: Query): { search: string | null } {
  return { search: searchText(query) };
}

/** Whether every word of a search starts a word of the text (as the directory search does). */
export function matchesWords(search: string | null, ...texts: string[]): boolean {
  const words = (search ?? '')
    .toLowerCase()
    .split(/[^\p{Letter}\p{Number}]+/u)
    .filter(Boolean);
  const have = texts
    .join(' ')
    .toLowerCase()
    .split(/[^\p{Letter}\p{Number}]+/u);
  return words.every((word) => have.some((candidate) => candidate.startsWith(word)));
}

/**
 * The published listings that meet the filters, nearest first when a postcode is given
 * (within `proximity` of it), else by service name. Age filters keep services whose age
 * range overlaps the one asked for: `minimum_age=16` finds services open to anyone 16 or over.
 */
export function selectListings(listings: Iterable<Listing>, filters: ListingFilters): SearchHit[] {
  const candidates = [...listings].filter(
    (listing) =>
      (filters.minimumAge == null || listing.maxAge >= filters.minimumAge) &&
      (filters.maximumAge == null || listing.minAge <= filters.maximumAge) &&
      (!filters.taxonomyTermId || listingHasTerm(listing, filters.taxonomyTermId)) &&
      (!filters.taxonomyId ||
        (findTaxonomy(filters.taxonomyId)?.valuesOf(listing).length ?? 0) > 0) &&
      (!filters.organizationId || idsOf(listing).organization === filters.organizationId),
  );
  const { near } = filters;
  // Hidden listings (inadequate, lapsed) are left out by the search itself: never asked for.
  return searchListings(
    candidates,
    {
      text: filters.search,
      days: filters.days,
      near: near
        ? {
            lat: near.lat,
            lng: near.lng,
            radiusKm: near.proximityMetres == null ? null : near.proximityMetres / 1000,
          }
        : null,
    },
    { offset: 0, limit: Number.MAX_SAFE_INTEGER },
  ).hits;
}

/** The first of each group, in order (a service's nearest location stands for it). */
export function firstOfEach<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function pageSlice<T>(items: readonly T[], paging: Paging): T[] {
  const start = (paging.number - 1) * paging.perPage;
  return items.slice(start, start + paging.perPage);
}
