import type { DirectoryService } from '../directory/directory.service';
import type { Listing } from '../directory/listing';
import { idsOf } from './oruk.ids';
import {
  organizationOf,
  pageOf,
  serviceAtLocationOf,
  serviceDetailsOf,
  serviceFullOf,
  serviceCapacityOf,
  type ServiceCapacity,
  serviceSummaryOf,
  taxonomyOf,
  taxonomyTermOf,
  type OrukOrganization,
  type OrukPage,
  type OrukService,
  type OrukServiceAtLocation,
  type OrukTaxonomy,
  type OrukTaxonomyTerm,
  type ProviderFacts,
} from './oruk.mapping';
import {
  firstOfEach,
  matchesWords,
  pageSlice,
  selectListings,
  type ListingFilters,
  type Paging,
  type TermFilters,
} from './oruk.query';
import { allTerms, findTaxonomy, findTerm, TAXONOMIES } from './oruk.taxonomies';

type NonEmpty<T> = [T, ...T[]];

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, NonEmpty<T>> {
  const groups = new Map<string, NonEmpty<T>>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * Harbour's directory as Open Referral UK publishes it: only what families may see (listings
 * not hidden for an Inadequate rating or a lapsed registration), read from the in-memory
 * search index, with provider profiles fetched for the page being returned.
 */
export class OrukDirectory {
  constructor(
    private readonly directory: DirectoryService,
    private readonly capacity: ServiceCapacity = async () => null,
  ) {}

  private async published(): Promise<Listing[]> {
    return (await this.directory.allListings()).filter(
      (listing) => !listing.compliance.hiddenFromFamilies,
    );
  }

  private async providersOf(listings: readonly Listing[]) {
    const ids = [...new Set(listings.map((listing) => listing.organisationId))];
    const profiles = await Promise.all(ids.map((id) => this.directory.providerProfile(id)));
    const byId = new Map<string, ProviderFacts | null>(
      ids.map((id, i) => [id, profiles[i] ?? null]),
    );
    return (listing: Listing) => byId.get(listing.organisationId) ?? null;
  }

  async services(filters: ListingFilters, paging: Paging): Promise<OrukPage<OrukService>> {
    const published = await this.published();
    const byService = groupBy(published, (listing) => listing.serviceId);
    const services = firstOfEach(selectListings(published, filters), (h) => h.listing.serviceId);
    const page = pageSlice(services, paging).map((hit) => hit.listing);
    const providerOf = await this.providersOf(page);
    return pageOf(
      page.map((listing) =>
        serviceSummaryOf(byService.get(listing.serviceId) ?? [listing], providerOf(listing)),
      ),
      services.length,
      paging,
    );
  }

  async service(id: string): Promise<OrukService | null> {
    const [first, ...rest] = (await this.published()).filter((l) => idsOf(l).service === id);
    if (!first) return null;
    const providerOf = await this.providersOf([first]);
    const service = serviceFullOf([first, ...rest], providerOf(first));
    const capacity = await this.capacity(first.serviceId);
    return capacity ? { ...service, service_capacity: [serviceCapacityOf(id, capacity)] } : service;
  }

  async organizations(
    filters: ListingFilters,
    paging: Paging,
  ): Promise<OrukPage<OrukOrganization>> {
    let providers = firstOfEach(
      selectListings(await this.published(), filters),
      (hit) => hit.listing.organisationId,
    ).map((hit) => hit.listing);
    if (!filters.near)
      providers = providers.sort(
        (a, b) =>
          a.providerName.localeCompare(b.providerName) ||
          a.organisationId.localeCompare(b.organisationId),
      );
    const page = pageSlice(providers, paging);
    const providerOf = await this.providersOf(page);
    return pageOf(
      page.map((listing) => organizationOf(listing, providerOf(listing), { identifiers: false })),
      providers.length,
      paging,
    );
  }

  /** An organization with its published services (their one-to-one fields). */
  async organization(id: string): Promise<OrukOrganization | null> {
    const listings = (await this.published()).filter((l) => idsOf(l).organization === id);
    const [first] = listings;
    if (!first) return null;
    const provider = (await this.providersOf([first]))(first);
    return {
      ...organizationOf(first, provider),
      services: [...groupBy(listings, (listing) => listing.serviceId).values()]
        .map((group) => serviceSummaryOf(group, provider, { organization: false }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    };
  }

  async serviceAtLocations(
    filters: ListingFilters,
    paging: Paging,
  ): Promise<OrukPage<OrukServiceAtLocation>> {
    const hits = selectListings(await this.published(), filters);
    const page = pageSlice(hits, paging).map((hit) => hit.listing);
    const providerOf = await this.providersOf(page);
    return pageOf(
      page.map((listing) =>
        serviceAtLocationOf(
          listing,
          providerOf(listing),
          serviceSummaryOf([listing], providerOf(listing)),
        ),
      ),
      hits.length,
      paging,
    );
  }

  async serviceAtLocation(id: string): Promise<OrukServiceAtLocation | null> {
    const listing = (await this.published()).find((l) => idsOf(l).serviceAtLocation === id);
    if (!listing) return null;
    const provider = (await this.providersOf([listing]))(listing);
    return serviceAtLocationOf(listing, provider, serviceDetailsOf([listing], provider));
  }

  taxonomies(filters: { search: string | null }, paging: Paging): OrukPage<OrukTaxonomy> {
    const matching = TAXONOMIES.filter((t) => matchesWords(filters.search, t.name, t.description));
    return pageOf(
      pageSlice(matching, paging).map((t) => taxonomyOf(t, { withTerms: false })),
      matching.length,
      paging,
    );
  }

  taxonomy(id: string): OrukTaxonomy | null {
    const taxonomy = findTaxonomy(id);
    return taxonomy ? taxonomyOf(taxonomy, { withTerms: true }) : null;
  }

  taxonomyTerms(filters: TermFilters, paging: Paging): OrukPage<OrukTaxonomyTerm> {
    const matching = allTerms().filter(
      ({ taxonomy, term }) =>
        (!filters.taxonomyId || taxonomy.id === filters.taxonomyId) &&
        (!filters.parentId || term.parentId === filters.parentId) &&
        (!filters.topOnly || term.parentId === null) &&
        matchesWords(filters.search, term.name, term.description, term.code),
    );
    return pageOf(
      pageSlice(matching, paging).map(({ taxonomy, term }) => taxonomyTermOf(taxonomy, term)),
      matching.length,
      paging,
    );
  }

  taxonomyTerm(id: string): OrukTaxonomyTerm | null {
    const found = findTerm(id);
    return found ? taxonomyTermOf(found.taxonomy, found.term) : null;
  }
}
