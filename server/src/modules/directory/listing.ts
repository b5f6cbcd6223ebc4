import {
  assessCompliance,
  SERVICE_TYPES,
  type Compliance,
  type Registration,
} from '@harbour/shared';

/** One service at one location, as search filters and result cards need it. */
export interface Listing {
  id: string;
  serviceId: string;
  locationId: string;
  organisationId: string;
  providerName: string;
  serviceName: string;
  locationName: string;
  description: string;
  type: string;
  needs: string[];
  minAge: number;
  maxAge: number;
  accessibilitySupport: string[];
  features: string[];
  ratios: string[];
  /** Ratios offered from a date; absent in listings built before they existed. */
  upcomingRatios?: { ratio: string; from: string }[];
  skills: string[];
  funding: string[];
  days: string[];
  /** Minutes after midnight, Europe/London. */
  startMinutes: number | null;
  endMinutes: number | null;
  scheduleSummary: string;
  costOptions: { label: string; amountPence: number; unit: string }[];
  costFromPence: number | null;
  addressLine: string;
  town: string;
  postcode: string;
  district: string;
  lat: number;
  lng: number;
  phone: string | null;
  email: string | null;
  website: string | null;
  registrations: Registration[];
  compliance: Compliance;
  /** Lower-case words for free-text search. */
  terms: string[];
  lastVerifiedAt: string;
}

export interface ListingSources {
  provider: {
    name: string;
    registrations: Registration[];
    phone?: string | null;
    email?: string | null;
    website?: string | null;
  };
  location: {
    id: string;
    name: string;
    addressLine?: string | null;
    town?: string | null;
    postcode: string;
    district?: string | null;
    lat: number;
    lng: number;
    features: string[];
    registrations: Registration[];
    lastVerifiedAt: Date;
  };
  service: {
    id: string;
    organisationId: string;
    name: string;
    description?: string | null;
    type: string;
    needs: string[];
    minAge: number;
    maxAge: number;
    accessibilitySupport: string[];
    ratios: string[];
    upcomingRatios?: { ratio: string; from: string }[] | null;
    skills: string[];
    funding: string[];
    costOptions: { label: string; amountPence: number; unit: string }[];
    days: string[];
    startTime?: string | null;
    endTime?: string | null;
    scheduleSummary?: string | null;
    phone?: string | null;
    email?: string | null;
    website?: string | null;
    lastVerifiedAt: Date;
  };
}

export function minutesOf(time: string | null | undefined): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time ?? '');
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function wordsOf(...texts: (string | null | undefined)[]): string[] {
  const words = texts
    .join(' ')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{Letter}\p{Number}\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 1);
  return [...new Set(words)];
}

/** Builds the listing of a service at a location, with its compliance as of `today`. */
export function buildListing(
  { provider, location, service }: ListingSources,
  today: string,
): Listing {
  const registrations = [...provider.registrations, ...location.registrations];
  const verified = [service.lastVerifiedAt, location.lastVerifiedAt].reduce((a, b) =>
    a < b ? a : b,
  );
  return {
    id: `${service.id}:${location.id}`,
    serviceId: service.id,
    locationId: location.id,
    organisationId: service.organisationId,
    providerName: provider.name,
    serviceName: service.name,
    locationName: location.name,
    description: service.description ?? '',
    type: service.type,
    needs: service.needs,
    minAge: service.minAge,
    maxAge: service.maxAge,
    accessibilitySupport: service.accessibilitySupport,
    features: location.features,
    ratios: service.ratios,
    upcomingRatios: (service.upcomingRatios ?? []).map(({ ratio, from }) => ({ ratio, from })),
    skills: service.skills,
    funding: service.funding,
    days: service.days,
    startMinutes: minutesOf(service.startTime),
    endMinutes: minutesOf(service.endTime),
    scheduleSummary: service.scheduleSummary ?? '',
    costOptions: service.costOptions,
    costFromPence: service.costOptions.length
      ? Math.min(...service.costOptions.map((c) => c.amountPence))
      : null,
    addressLine: location.addressLine ?? '',
    town: location.town ?? '',
    postcode: location.postcode,
    district: location.district ?? '',
    lat: location.lat,
    lng: location.lng,
    phone: service.phone ?? provider.phone ?? null,
    email: service.email ?? provider.email ?? null,
    website: service.website ?? provider.website ?? null,
    registrations,
    compliance: assessCompliance(service, registrations, today),
    terms: wordsOf(
      provider.name,
      service.name,
      service.description,
      location.town,
      location.district,
      SERVICE_TYPES.label(service.type),
    ),
    lastVerifiedAt: verified.toISOString(),
  };
}
