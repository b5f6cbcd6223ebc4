import {
  findPostcodeDistrict,
  postcodeSchema,
  type Registration,
  londonToday,
} from '@harbour/shared';
import { Types } from 'mongoose';
import type { Actor } from '../access/actor';
import { mayIncludeHiddenServices } from '../access/policy';
import type { OrganisationsService } from '../organisations/organisations.service';
import { runSearch, type DirectorySearchOutcome } from './directory-search';
import {
  ListingChangeModel,
  ListingModel,
  LocationModel,
  ProviderProfileModel,
  ServiceModel,
} from './directory.model';
import { buildListing, type Listing } from './listing';
import type { SearchIndex } from './search-index';

export interface ExternalIds {
  ofstedUrn?: string | null;
  cqcLocationId?: string | null;
  cqcProviderId?: string | null;
  orukId?: string | null;
}

export interface ProviderInput {
  name: string;
  description?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  registrations?: Registration[];
  externalIds?: ExternalIds;
  source: string;
}

export interface LocationInput {
  organisationId: string;
  /** Where its registrations came from, when they are new (an import, the provider, the demo). */
  source?: string;
  name: string;
  addressLine?: string | null;
  town?: string | null;
  postcode: string;
  district?: string | null;
  lat?: number | null;
  lng?: number | null;
  features?: string[];
  registrations?: Registration[];
  externalIds?: ExternalIds;
}

export interface ServiceInput {
  organisationId: string;
  locationIds: string[];
  name: string;
  description?: string | null;
  type: string;
  needs?: string[];
  minAge: number;
  maxAge: number;
  accessibilitySupport?: string[];
  ratios?: string[];
  upcomingRatios?: { ratio: string; from: string }[];
  skills?: string[];
  costOptions?: { label: string; amountPence: number; unit: string }[];
  funding?: string[];
  days?: string[];
  startTime?: string | null;
  endTime?: string | null;
  scheduleSummary?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  status?: 'ACTIVE' | 'WITHDRAWN';
  externalIds?: ExternalIds;
}

/** Where a location is, from its coordinates or, failing those, its postcode district. */
export function placeOf(
  postcode: string,
  lat?: number | null,
  lng?: number | null,
  district?: string | null,
) {
  const known = findPostcodeDistrict(postcode);
  if (lat != null && lng != null)
    return { lat, lng, district: district ?? known?.district ?? null, town: known?.town ?? null };
  if (!known) return null;
  return { lat: known.lat, lng: known.lng, district: district ?? known.district, town: known.town };
}

/** The UK (with a margin): coordinates outside it are a mistake, not a place we serve. */
export function insideUk(lat: number, lng: number): boolean {
  return lat >= 49.8 && lat <= 60.95 && lng >= -8.7 && lng <= 1.9;
}

/**
 * The directory of providers, their locations and services. Every write rebuilds the
 * affected search listings and records the change, so every server's search index follows.
 */
export class DirectoryService {
  constructor(private readonly deps: { organisations: OrganisationsService; index: SearchIndex }) {}

  /** Finds a provider by its regulator or ORUK id, or creates it (verified: imports are run by admins). */
  async upsertProvider(
    input: ProviderInput,
    organisationId?: string,
  ): Promise<{ organisationId: string; created: boolean }> {
    let id = organisationId ?? (await this.findProviderByExternalIds(input.externalIds ?? {}));
    const created = !id;
    if (!id) id = (await this.deps.organisations.createListedProvider(input.name, input.source)).id;
    const before = created ? null : await ProviderProfileModel.findById(id).lean();
    const registrations = withProvenance(input.registrations, input.source);
    await ProviderProfileModel.updateOne(
      { _id: id },
      {
        $set: {
          name: input.name,
          description: input.description ?? undefined,
          website: input.website ?? undefined,
          email: input.email ?? undefined,
          phone: input.phone ?? undefined,
          registrations,
          // Ids from other sources stay unless the input names them (a console edit names none).
          ...(input.externalIds ? { externalIds: compact(input.externalIds) } : {}),
          source: input.source,
          lastVerifiedAt: new Date(),
        },
      },
      { upsert: true },
    );
    const listedChange =
      !before ||
      listedDiffers(before, {
        name: input.name,
        phone: input.phone,
        email: input.email,
        website: input.website,
        registrations,
      });
    if (!created && listedChange) await this.reprojectOrganisation(id);
    return { organisationId: id, created };
  }

  private async findProviderByExternalIds(ids: ExternalIds): Promise<string | null> {
    for (const [key, value] of Object.entries(compact(ids))) {
      const found = await ProviderProfileModel.findOne(
        { [`externalIds.${key}`]: value },
        { _id: 1 },
      ).lean();
      if (found) return String(found._id);
    }
    return null;
  }

  /** Creates or updates a location (matched by id, or by its regulator id). */
  async upsertLocation(
    input: LocationInput,
    locationId?: string,
  ): Promise<{ locationId: string; created: boolean }> {
    const postcode = postcodeSchema.parse(input.postcode);
    const place = placeOf(postcode, input.lat, input.lng, input.district);
    if (!place)
      throw new Error(
        `We could not find ${postcode} in Devon, Plymouth or Torbay, and no coordinates were given`,
      );
    if (!insideUk(place.lat, place.lng))
      throw new Error(`Coordinates ${place.lat}, ${place.lng} are outside the UK`);
    const existing = locationId ?? (await this.findLocationByExternalIds(input.externalIds ?? {}));
    const fields = {
      organisation: input.organisationId,
      name: input.name,
      addressLine: input.addressLine ?? undefined,
      town: input.town ?? place.town ?? undefined,
      postcode,
      district: place.district ?? undefined,
      lat: place.lat,
      lng: place.lng,
      features: input.features ?? [],
      registrations: withProvenance(input.registrations, input.source ?? 'PROVIDER'),
      // Ids from other sources stay unless the input names them (a console edit names none).
      ...(input.externalIds ? { externalIds: compact(input.externalIds) } : {}),
      lastVerifiedAt: new Date(),
    };
    if (existing) {
      const before = await LocationModel.findById(existing).lean();
      await LocationModel.updateOne({ _id: existing }, { $set: fields });
      // Finding a location's services reads every service on FerretDB: only when listings change.
      if (before && !listedDiffers(before, fields)) return { locationId: existing, created: false };
      const services = await ServiceModel.find({ locations: existing }, { _id: 1 }).lean();
      for (const service of services) await this.reproject(String(service._id));
      return { locationId: existing, created: false };
    }
    const location = await LocationModel.create(fields);
    return { locationId: String(location._id), created: true };
  }

  private async findLocationByExternalIds(ids: ExternalIds): Promise<string | null> {
    for (const [key, value] of Object.entries(compact(ids))) {
      const found = await LocationModel.findOne(
        { [`externalIds.${key}`]: value },
        { _id: 1 },
      ).lean();
      if (found) return String(found._id);
    }
    return null;
  }

  async upsertService(
    input: ServiceInput,
    serviceId?: string,
  ): Promise<{ serviceId: string; created: boolean }> {
    const existing =
      serviceId ??
      (input.externalIds?.orukId ? await this.findServiceByOrukId(input.externalIds.orukId) : null);
    const fields = {
      organisation: input.organisationId,
      locations: input.locationIds,
      name: input.name,
      description: input.description ?? undefined,
      type: input.type,
      needs: input.needs ?? [],
      minAge: input.minAge,
      maxAge: input.maxAge,
      accessibilitySupport: input.accessibilitySupport ?? [],
      ratios: input.ratios ?? [],
      upcomingRatios: input.upcomingRatios ?? [],
      skills: input.skills ?? [],
      costOptions: input.costOptions ?? [],
      funding: input.funding ?? [],
      days: input.days ?? [],
      startTime: input.startTime ?? undefined,
      endTime: input.endTime ?? undefined,
      scheduleSummary: input.scheduleSummary ?? undefined,
      phone: input.phone ?? undefined,
      email: input.email ?? undefined,
      website: input.website ?? undefined,
      status: input.status ?? 'ACTIVE',
      // Ids from other sources stay unless the input names them (a console edit names none).
      ...(input.externalIds ? { externalIds: compact(input.externalIds) } : {}),
      lastVerifiedAt: new Date(),
    };
    let id = existing;
    if (id) await ServiceModel.updateOne({ _id: id }, { $set: fields });
    else id = String((await ServiceModel.create(fields))._id);
    await this.reproject(id);
    return { serviceId: id, created: !existing };
  }

  private async findServiceByOrukId(orukId: string): Promise<string | null> {
    const found = await ServiceModel.findOne({ 'externalIds.orukId': orukId }, { _id: 1 }).lean();
    return found ? String(found._id) : null;
  }

  async reprojectOrganisation(organisationId: string): Promise<void> {
    const services = await ServiceModel.find({ organisation: organisationId }, { _id: 1 }).lean();
    for (const service of services) await this.reproject(String(service._id));
  }

  /** Rebuilds the listings of one service (one per location), removing any that no longer apply. */
  async reproject(serviceId: string): Promise<void> {
    const service = await ServiceModel.findById(serviceId).lean();
    const previous = service?.listingIds ?? [];
    const listings: Listing[] = [];
    const provider =
      service?.status === 'ACTIVE'
        ? await ProviderProfileModel.findById(service.organisation).lean()
        : null;
    if (service && provider) {
      // By _id one at a time: FerretDB serves those from its primary key; $in would scan.
      const locations = await Promise.all(
        service.locations.map((id) => LocationModel.findById(id).lean()),
      );
      const today = londonToday();
      for (const location of locations) {
        if (!location) continue;
        listings.push(
          buildListing(
            {
              provider: {
                ...provider,
                registrations: (provider.registrations ?? []) as Registration[],
              },
              location: {
                ...location,
                id: String(location._id),
                registrations: (location.registrations ?? []) as Registration[],
              },
              service: {
                ...service,
                id: String(service._id),
                organisationId: String(service.organisation),
              },
            },
            today,
          ),
        );
      }
    }
    const keep = new Set(listings.map((listing) => listing.id));
    const removed = previous.filter((id) => !keep.has(id));
    for (const listing of listings) {
      await ListingModel.updateOne(
        { _id: listing.id },
        {
          $set: {
            service: listing.serviceId,
            location: listing.locationId,
            organisation: listing.organisationId,
            document: listing,
          },
        },
        { upsert: true },
      );
      this.deps.index.put(listing);
    }
    for (const id of removed) {
      await ListingModel.deleteOne({ _id: id });
      this.deps.index.remove(id);
    }
    await ServiceModel.updateOne({ _id: serviceId }, { $set: { listingIds: [...keep] } });
    const changes = [
      ...listings.map((l) => ({ listing: l.id, removed: false })),
      ...removed.map((id) => ({ listing: id, removed: true })),
    ];
    if (changes.length) await ListingChangeModel.insertMany(changes);
  }

  search(
    actor: Actor,
    input: unknown,
    page: { first?: number | null; after?: string | null },
    only?: ((listing: Listing) => boolean) | null,
  ): Promise<DirectorySearchOutcome> {
    return runSearch(this.deps.index, input, page, {
      mayIncludeHidden: mayIncludeHiddenServices(actor),
      only,
    });
  }

  async listingById(id: string): Promise<Listing | null> {
    await this.deps.index.start();
    return this.deps.index.get(id) ?? null;
  }

  /** What the directory holds about a provider (for its page, its console and open data). */
  async providerProfile(organisationId: string) {
    return ProviderProfileModel.findById(organisationId).lean();
  }

  /** Every listing in the search index (open data feeds page through these). */
  async allListings(): Promise<Listing[]> {
    await this.deps.index.start();
    return [...this.deps.index.all()];
  }
}

/**
 * Whether any field that search listings copy differs between what is stored and what is
 * being written. Check times are left out: re-confirming a record is not a change a listing
 * needs rebuilding for (the service's own rebuild carries its check time).
 */
function listedDiffers(stored: Record<string, unknown>, next: Record<string, unknown>): boolean {
  const comparable = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(comparable)
      : value &&
          typeof value === 'object' &&
          !(value instanceof Date) &&
          !Types.ObjectId.isValid(String(value))
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([key]) => key !== 'lastVerifiedAt' && key !== 'source')
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, inner]) => [key, comparable(inner)]),
          )
        : value == null
          ? null
          : String(value);
  return Object.keys(next)
    .filter((key) => key !== 'lastVerifiedAt' && key !== 'externalIds')
    .some(
      (key) => JSON.stringify(comparable(stored[key])) !== JSON.stringify(comparable(next[key])),
    );
}

/** Registrations as stored: each says where it came from and when it was last checked. */
function withProvenance(
  registrations: readonly (Registration & { source?: string; lastVerifiedAt?: Date })[] = [],
  source: string,
) {
  const now = new Date();
  return registrations.map((registration) => ({ source, lastVerifiedAt: now, ...registration }));
}

function compact(ids: ExternalIds): Record<string, string> {
  return Object.fromEntries(
    Object.entries(ids).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    ),
  );
}
