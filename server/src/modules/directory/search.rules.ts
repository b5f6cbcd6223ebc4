import type { Listing } from './listing';

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface SearchCriteria {
  text?: string | null;
  needs?: readonly string[] | null;
  /** The child's age: services whose age range includes it. */
  age?: number | null;
  accessibilitySupport?: readonly string[] | null;
  features?: readonly string[] | null;
  types?: readonly string[] | null;
  funding?: readonly string[] | null;
  days?: readonly string[] | null;
  /** Services running at some point between these times (minutes after midnight). */
  fromMinutes?: number | null;
  toMinutes?: number | null;
  districts?: readonly string[] | null;
  /** 1–4 on the four-point judgement scale (4 = Outstanding). */
  minimumRating?: number | null;
  registeredOnly?: boolean | null;
  /** Inadequate or lapsed services too (commissioners). */
  includeHidden?: boolean;
  bounds?: Bounds | null;
  near?: { lat: number; lng: number; radiusKm?: number | null } | null;
  /** Only listings this accepts (e.g. those a child is eligible for). */
  only?: ((listing: Listing) => boolean) | null;
}

export interface SearchHit {
  listing: Listing;
  distanceKm: number | null;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  offset: number;
  facets: Record<
    'needs' | 'types' | 'funding' | 'districts' | 'accessibilitySupport' | 'features' | 'days',
    FacetCount[]
  >;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const overlaps = (wanted: readonly string[] | null | undefined, have: readonly string[]) =>
  !wanted?.length || wanted.some((value) => have.includes(value));
const includesAll = (wanted: readonly string[] | null | undefined, have: readonly string[]) =>
  !wanted?.length || wanted.every((value) => have.includes(value));

/** Whether one listing meets every criterion but place. */
export function matches(
  listing: Listing,
  criteria: SearchCriteria,
  words: readonly string[],
): boolean {
  if (!criteria.includeHidden && listing.compliance.hiddenFromFamilies) return false;
  if (criteria.age != null && (criteria.age < listing.minAge || criteria.age > listing.maxAge))
    return false;
  // A child with several needs is best served by a provider supporting all of them.
  if (!includesAll(criteria.needs, listing.needs)) return false;
  if (!includesAll(criteria.accessibilitySupport, listing.accessibilitySupport)) return false;
  if (!includesAll(criteria.features, listing.features)) return false;
  if (!overlaps(criteria.types, [listing.type])) return false;
  if (!overlaps(criteria.funding, listing.funding)) return false;
  if (!overlaps(criteria.days, listing.days)) return false;
  if (!overlaps(criteria.districts, [listing.district])) return false;
  if (criteria.fromMinutes != null || criteria.toMinutes != null) {
    if (listing.startMinutes == null || listing.endMinutes == null) return false;
    const from = criteria.fromMinutes ?? 0;
    const to = criteria.toMinutes ?? 24 * 60;
    if (listing.endMinutes <= from || listing.startMinutes >= to) return false;
  }
  if (criteria.registeredOnly && !listing.compliance.registered) return false;
  if (
    criteria.minimumRating != null &&
    (listing.compliance.bestRating ?? 0) < criteria.minimumRating
  )
    return false;
  if (words.length && !words.every((word) => listing.terms.some((term) => term.startsWith(word))))
    return false;
  return true;
}

function inBounds(listing: Listing, bounds: Bounds): boolean {
  return (
    listing.lat >= bounds.south &&
    listing.lat <= bounds.north &&
    listing.lng >= bounds.west &&
    listing.lng <= bounds.east
  );
}

function count(
  hits: readonly SearchHit[],
  values: (listing: Listing) => readonly string[],
): FacetCount[] {
  const counts = new Map<string, number>();
  for (const { listing } of hits)
    for (const value of new Set(values(listing))) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, n]) => ({ value, count: n }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * Searches listings: every filter, then place (map bounds, or within a radius of a point),
 * ordered by distance from the point (or the middle of the bounds) and then by name, so
 * pages are stable. Facet counts are over all results, before paging.
 */
export function searchListings(
  listings: Iterable<Listing>,
  criteria: SearchCriteria,
  page: { offset: number; limit: number },
): SearchResult {
  const words = (criteria.text ?? '')
    .toLowerCase()
    .split(/[^\p{Letter}\p{Number}]+/u)
    .filter((w) => w.length > 1);
  const centre =
    criteria.near ??
    (criteria.bounds
      ? {
          lat: (criteria.bounds.south + criteria.bounds.north) / 2,
          lng: (criteria.bounds.west + criteria.bounds.east) / 2,
        }
      : null);
  const hits: SearchHit[] = [];
  for (const listing of listings) {
    if (criteria.bounds && !inBounds(listing, criteria.bounds)) continue;
    if (!matches(listing, criteria, words)) continue;
    const distance = centre ? distanceKm(centre, listing) : null;
    if (criteria.near?.radiusKm != null && distance != null && distance > criteria.near.radiusKm)
      continue;
    // Last: the caller's own test (an eligibility evaluation) is the most expensive.
    if (criteria.only && !criteria.only(listing)) continue;
    hits.push({ listing, distanceKm: distance });
  }
  hits.sort(
    (a, b) =>
      (a.distanceKm ?? 0) - (b.distanceKm ?? 0) ||
      a.listing.serviceName.localeCompare(b.listing.serviceName) ||
      a.listing.id.localeCompare(b.listing.id),
  );
  return {
    total: hits.length,
    offset: page.offset,
    hits: hits.slice(page.offset, page.offset + page.limit),
    facets: {
      needs: count(hits, (l) => l.needs),
      types: count(hits, (l) => [l.type]),
      funding: count(hits, (l) => l.funding),
      districts: count(hits, (l) => (l.district ? [l.district] : [])),
      accessibilitySupport: count(hits, (l) => l.accessibilitySupport),
      features: count(hits, (l) => l.features),
      days: count(hits, (l) => l.days),
    },
  };
}
