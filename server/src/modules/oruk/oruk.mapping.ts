import { DISTRICT_NAMES, LOCATION_FEATURES, RATINGS, REGULATORS, WEEKDAYS } from '@harbour/shared';
import type { Listing } from '../directory/listing';
import { idsOf, orukId } from './oruk.ids';
import {
  termsOfListing,
  type OrukTaxonomyDefinition,
  type OrukTermDefinition,
} from './oruk.taxonomies';

/**
 * Pure mapping from Harbour's directory (listings: one service at one location, and provider
 * profiles) to Open Referral UK 3.0 objects. Fields ORUK 3.0 leaves out but HSDS 3.0 has
 * (`cost_option.currency`, `contact.phones`, `attribute.link_entity`) are added as HSDS 3.0
 * names them; the ORUK schemas allow extra properties.
 */

/** What the directory holds about a provider, as far as open data needs it. */
export interface ProviderFacts {
  name?: string | null;
  description?: string | null;
  website?: string | null;
  email?: string | null;
  registrations?: readonly { regulator: string; identifier: string; status?: string | null }[];
  externalIds?: { ofstedUrn?: string | null; cqcProviderId?: string | null } | null;
}

export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export interface OrukTaxonomyTerm {
  id: string;
  name: string;
  description: string;
  parent_id?: string;
  taxonomy: string;
  taxonomy_id: string;
  term: string;
  term_uri?: string;
}

export interface OrukTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  taxonomy_terms?: OrukTaxonomyTerm[];
}

export interface OrukOrganizationIdentifier {
  id: string;
  organization_id: string;
  identifier_type: string;
  identifier: string;
}

export interface OrukOrganization {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  organization_identifiers?: OrukOrganizationIdentifier[];
  services?: OrukService[];
}

export interface OrukAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  region: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical';
}

export interface OrukLocation {
  id: string;
  location_type: 'physical';
  name?: string;
  latitude: number;
  longitude: number;
  external_identifier?: string;
  external_identifier_type?: string;
  addresses: OrukAddress[];
  accessibility: { id: string; location_id: string; description: string }[];
}

export interface OrukSchedule {
  id: string;
  service_id: string;
  freq?: 'WEEKLY';
  interval?: number;
  byday?: string;
  opens_at?: string;
  closes_at?: string;
  description: string;
  notes?: string;
}

export interface OrukCostOption {
  id: string;
  service_id: string;
  option: string;
  amount: number;
  amount_description: string;
  currency: 'GBP';
}

export interface OrukAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: 'service';
  taxonomy_term_id: string;
  taxonomy_term: OrukTaxonomyTerm;
}

export interface OrukContact {
  id: string;
  service_id: string;
  phones: { id: string; contact_id: string; number: string }[];
}

export interface OrukServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
  location: OrukLocation;
  service?: OrukService;
}

export interface OrukService {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  url?: string;
  email?: string;
  status: 'active';
  accreditations?: string;
  minimum_age: number;
  maximum_age: number;
  assured_date: string;
  organization?: OrukOrganization;
  schedules?: OrukSchedule[];
  service_at_locations?: OrukServiceAtLocation[];
  cost_options?: OrukCostOption[];
  contacts?: OrukContact[];
  attributes?: OrukAttribute[];
  /** HSDS 3.0 service_capacity: places at the service's sessions in the next four weeks. */
  service_capacity?: OrukServiceCapacity[];
}

export interface OrukServiceCapacity {
  id: string;
  service_id: string;
  unit: { id: string; name: string; scheme: string; identifier: string };
  maximum: number;
  available: number;
  description: string;
  updated: string;
}

export type ServiceCapacity = (
  serviceId: string,
) => Promise<{ maximum: number; available: number; updated: Date } | null>;

export function serviceCapacityOf(
  orukServiceId: string,
  capacity: { maximum: number; available: number; updated: Date },
): OrukServiceCapacity {
  return {
    id: `${orukServiceId}-places-28d`,
    service_id: orukServiceId,
    unit: { id: 'harbour-places', name: 'places', scheme: 'harbour', identifier: 'places' },
    maximum: capacity.maximum,
    available: capacity.available,
    description: 'Places at this service’s sessions booked through Harbour in the next 28 days',
    updated: capacity.updated.toISOString(),
  };
}

export const API_DETAILS = {
  version: 'HSDS-UK-3.0',
  profile: 'https://openreferraluk.org/specifications/3.0',
  openapi_url: 'https://openreferraluk.org/specifications/3.0/openapi.json',
} as const;

/** The ORUK page wrapper: pages count from 1, `size` is the number of items on this page. */
export function pageOf<T>(
  contents: T[],
  total: number,
  page: { number: number; perPage: number },
): OrukPage<T> {
  const totalPages = Math.ceil(total / page.perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page.number,
    size: contents.length,
    first_page: page.number === 1,
    last_page: page.number >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address fit to publish, or nothing (the schema requires a valid address). */
export function publishableEmail(value: string | null | undefined): string | undefined {
  const email = value?.trim();
  return email && EMAIL.test(email) ? email : undefined;
}

/** A web address fit to publish: absolute http(s), adding `https://` to a bare domain. */
export function publishableUrl(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
      ? candidate
      : undefined;
  } catch {
    return undefined;
  }
}

export function taxonomyOf(
  taxonomy: OrukTaxonomyDefinition,
  options: { withTerms: boolean },
): OrukTaxonomy {
  return {
    id: taxonomy.id,
    name: taxonomy.name,
    description: taxonomy.description,
    ...(taxonomy.uri ? { uri: taxonomy.uri } : {}),
    ...(options.withTerms
      ? { taxonomy_terms: taxonomy.terms.map((term) => taxonomyTermOf(taxonomy, term)) }
      : {}),
  };
}

export function taxonomyTermOf(
  taxonomy: OrukTaxonomyDefinition,
  term: OrukTermDefinition,
): OrukTaxonomyTerm {
  return {
    id: term.id,
    name: term.name,
    description: term.description,
    ...(term.parentId ? { parent_id: term.parentId } : {}),
    taxonomy: taxonomy.uri ?? taxonomy.name,
    taxonomy_id: taxonomy.id,
    term: term.code,
    ...(term.uri ? { term_uri: term.uri } : {}),
  };
}

const sameRegistration = (a: { regulator: string; identifier: string }) => (b: typeof a) =>
  a.regulator === b.regulator && a.identifier === b.identifier;

const ORGANIZATION_IDENTIFIER_TYPES: Record<string, string> = {
  OFSTED: 'Ofsted URN',
  CQC: 'CQC provider ID',
};
const LOCATION_IDENTIFIER_TYPES: Record<string, string> = {
  OFSTED: 'Ofsted URN',
  CQC: 'CQC location ID',
};

function organizationIdentifiers(
  organisationId: string,
  provider: ProviderFacts | null,
): OrukOrganizationIdentifier[] {
  const organizationId = orukId('organization', organisationId);
  const registrations = [...(provider?.registrations ?? [])];
  const external = provider?.externalIds;
  if (external?.ofstedUrn)
    registrations.push({ regulator: 'OFSTED', identifier: external.ofstedUrn });
  if (external?.cqcProviderId)
    registrations.push({ regulator: 'CQC', identifier: external.cqcProviderId });
  return registrations
    .filter((r, i) => registrations.findIndex(sameRegistration(r)) === i)
    .flatMap((r) => {
      const type = ORGANIZATION_IDENTIFIER_TYPES[r.regulator];
      if (!type) return [];
      return [
        {
          id: orukId('organization_identifier', organisationId, r.regulator, r.identifier),
          organization_id: organizationId,
          identifier_type: type,
          identifier: r.identifier,
        },
      ];
    });
}

/** A provider as an ORUK organization (from any of its listings, and its profile). */
export function organizationOf(
  listing: Listing,
  provider: ProviderFacts | null,
  options: { identifiers: boolean } = { identifiers: true },
): OrukOrganization {
  const email = publishableEmail(provider?.email);
  const website = publishableUrl(provider?.website);
  return {
    id: idsOf(listing).organization,
    name: provider?.name ?? listing.providerName,
    description: provider?.description ?? '',
    ...(email ? { email } : {}),
    ...(website ? { website } : {}),
    ...(options.identifiers
      ? { organization_identifiers: organizationIdentifiers(listing.organisationId, provider) }
      : {}),
  };
}

/**
 * The regulator's id for the place itself (an Ofsted URN or a CQC location ID): the listing's
 * registrations that are the location's rather than the provider's, current ones first.
 */
function locationRegistration(listing: Listing, provider: ProviderFacts | null) {
  const ofProvider = provider?.registrations ?? [];
  const own = listing.registrations.filter((r) => !ofProvider.some(sameRegistration(r)));
  return own.find((r) => r.status === 'ACTIVE') ?? own[0];
}

export function locationOf(listing: Listing, provider: ProviderFacts | null): OrukLocation {
  const id = idsOf(listing).location;
  const registration = locationRegistration(listing, provider);
  return {
    id,
    location_type: 'physical',
    ...(listing.locationName ? { name: listing.locationName } : {}),
    latitude: listing.lat,
    longitude: listing.lng,
    ...(registration
      ? {
          external_identifier: registration.identifier,
          external_identifier_type: LOCATION_IDENTIFIER_TYPES[registration.regulator],
        }
      : {}),
    addresses: [
      {
        id: orukId('address', listing.locationId),
        location_id: id,
        address_1: listing.addressLine,
        city: listing.town,
        region: listing.district,
        // Devon's districts, Plymouth and Torbay are all in the county of Devon.
        state_province: DISTRICT_NAMES.includes(listing.district) ? 'Devon' : '',
        postal_code: listing.postcode,
        country: 'GB',
        address_type: 'physical',
      },
    ],
    accessibility: listing.features.map((feature) => ({
      id: orukId('accessibility', listing.locationId, feature),
      location_id: id,
      description: LOCATION_FEATURES.label(feature),
    })),
  };
}

function accreditationsOf(listings: readonly Listing[]): string | undefined {
  const active = listings.flatMap((l) => l.registrations).filter((r) => r.status === 'ACTIVE');
  const lines = active
    .filter((r, i) => active.findIndex(sameRegistration(r)) === i)
    .map((r) => {
      const rating = r.rating
        ? `, rated ${RATINGS.label(r.rating)}${r.inspectedOn ? ` (inspected ${r.inspectedOn})` : ''}`
        : ', not yet inspected';
      return `Registered with ${REGULATORS.label(r.regulator)} (${r.identifier})${rating}.`;
    });
  return lines.length ? lines.join(' ') : undefined;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** RFC 5545 day codes, as `schedule.byday` uses them. */
export const RFC5545_DAYS: Record<string, string> = {
  MON: 'MO',
  TUE: 'TU',
  WED: 'WE',
  THU: 'TH',
  FRI: 'FR',
  SAT: 'SA',
  SUN: 'SU',
};

function scheduleOf(listing: Listing): OrukSchedule[] {
  const days = WEEKDAYS.codes.filter((day) => listing.days.includes(day));
  if (days.length === 0 && !listing.scheduleSummary) return [];
  const times =
    listing.startMinutes != null && listing.endMinutes != null
      ? { opens_at: hhmm(listing.startMinutes), closes_at: hhmm(listing.endMinutes) }
      : null;
  const when = [
    days.map((day) => WEEKDAYS.label(day)).join(', '),
    times ? `${times.opens_at} to ${times.closes_at}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [
    {
      id: orukId('schedule', listing.serviceId),
      service_id: idsOf(listing).service,
      ...(days.length
        ? { freq: 'WEEKLY', interval: 1, byday: days.map((day) => RFC5545_DAYS[day]).join(',') }
        : {}),
      ...times,
      description: [when && `${when}.`, listing.scheduleSummary].filter(Boolean).join(' '),
      // A weekly time has no single UTC offset: Harbour's times are the clock time in the UK.
      ...(times ? { notes: 'Times are UK local time (Europe/London).' } : {}),
    },
  ];
}

const COST_UNITS: Record<string, string> = {
  SESSION: 'per session',
  HOUR: 'per hour',
  DAY: 'per day',
  NIGHT: 'per night',
};

function costOptionsOf(listing: Listing): OrukCostOption[] {
  return listing.costOptions.map((cost, index) => ({
    id: orukId('cost_option', listing.serviceId, String(index)),
    service_id: idsOf(listing).service,
    option: cost.label,
    // ORUK publishes amounts in pounds; Harbour holds whole pence, so this is exact to 2 places.
    amount: cost.amountPence / 100,
    amount_description: COST_UNITS[cost.unit] ?? cost.unit.toLowerCase(),
    currency: 'GBP',
  }));
}

function contactsOf(listing: Listing): OrukContact[] {
  if (!listing.phone) return [];
  const id = orukId('contact', listing.serviceId);
  return [
    {
      id,
      service_id: idsOf(listing).service,
      phones: [{ id: orukId('phone', listing.serviceId), contact_id: id, number: listing.phone }],
    },
  ];
}

function attributesOf(listing: Listing): OrukAttribute[] {
  const serviceId = idsOf(listing).service;
  return termsOfListing(listing).map(({ taxonomy, term }) => ({
    id: orukId('attribute', listing.serviceId, term.id),
    link_id: serviceId,
    link_type: taxonomy.linkType,
    link_entity: 'service',
    taxonomy_term_id: term.id,
    taxonomy_term: taxonomyTermOf(taxonomy, term),
  }));
}

/** A service's one-to-one fields, from its published listings (one per location). */
export function serviceSummaryOf(
  listings: readonly [Listing, ...Listing[]],
  provider: ProviderFacts | null,
  options: { organization: boolean } = { organization: true },
): OrukService {
  const [first] = listings;
  const ids = idsOf(first);
  const url = publishableUrl(first.website);
  const email = publishableEmail(first.email);
  const accreditations = accreditationsOf(listings);
  const assured = listings.map((l) => l.lastVerifiedAt).reduce((a, b) => (a < b ? a : b));
  return {
    id: ids.service,
    organization_id: ids.organization,
    name: first.serviceName,
    description: first.description,
    ...(url ? { url } : {}),
    ...(email ? { email } : {}),
    status: 'active',
    ...(accreditations ? { accreditations } : {}),
    minimum_age: first.minAge,
    maximum_age: first.maxAge,
    assured_date: assured.slice(0, 10),
    ...(options.organization
      ? { organization: organizationOf(first, provider, { identifiers: false }) }
      : {}),
  };
}

/** Everything about a service but where it runs. */
export function serviceDetailsOf(
  listings: readonly [Listing, ...Listing[]],
  provider: ProviderFacts | null,
): OrukService {
  const [first] = listings;
  return {
    ...serviceSummaryOf(listings, provider, { organization: false }),
    organization: organizationOf(first, provider),
    schedules: scheduleOf(first),
    cost_options: costOptionsOf(first),
    contacts: contactsOf(first),
    attributes: attributesOf(first),
  };
}

/** A fully nested service: its details and each place it runs. */
export function serviceFullOf(
  listings: readonly [Listing, ...Listing[]],
  provider: ProviderFacts | null,
): OrukService {
  return {
    ...serviceDetailsOf(listings, provider),
    service_at_locations: listings.map((listing) => serviceAtLocationOf(listing, provider)),
  };
}

export function serviceAtLocationOf(
  listing: Listing,
  provider: ProviderFacts | null,
  service?: OrukService,
): OrukServiceAtLocation {
  const ids = idsOf(listing);
  return {
    id: ids.serviceAtLocation,
    service_id: ids.service,
    location_id: ids.location,
    location: locationOf(listing, provider),
    ...(service ? { service } : {}),
  };
}
