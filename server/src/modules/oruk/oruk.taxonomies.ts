import {
  ACCESSIBILITY_SUPPORT,
  FUNDING_TYPES,
  NEED_AREAS,
  NEEDS,
  SERVICE_TYPES,
  STAFF_SKILLS,
  SUPPORT_RATIOS,
} from '@harbour/shared';
import type { Listing } from '../directory/listing';
import { orukId } from './oruk.ids';

export interface OrukTermDefinition {
  id: string;
  taxonomyId: string;
  name: string;
  description: string;
  parentId: string | null;
  /** The code Harbour stores (published as `term`). */
  code: string;
  uri: string | null;
  /** The listing values the term stands for: its own code, or its children's. */
  values: ReadonlySet<string>;
}

export interface OrukTaxonomyDefinition {
  id: string;
  key: string;
  name: string;
  description: string;
  uri: string | null;
  /** What the term says about a service it is attached to (`attribute.link_type`). */
  linkType: string;
  terms: OrukTermDefinition[];
  valuesOf(listing: Listing): readonly string[];
}

type TermSource = {
  code: string;
  name: string;
  description: string;
  uri?: string;
  parent?: string;
  children?: string[];
};

function taxonomy(
  key: string,
  about: { name: string; description: string; uri?: string; linkType: string },
  valuesOf: (listing: Listing) => readonly string[],
  sources: TermSource[],
): OrukTaxonomyDefinition {
  const id = orukId('taxonomy', key);
  const termId = (code: string) => orukId('taxonomy_term', key, code);
  return {
    id,
    key,
    name: about.name,
    description: about.description,
    uri: about.uri ?? null,
    linkType: about.linkType,
    valuesOf,
    terms: sources.map((source) => ({
      id: termId(source.code),
      taxonomyId: id,
      name: source.name,
      description: source.description,
      parentId: source.parent ? termId(source.parent) : null,
      code: source.code,
      uri: source.uri ?? null,
      values: new Set(source.children ?? [source.code]),
    })),
  };
}

const vocabularyTerms = (
  items: readonly { code: string; label: string }[],
  describe: (label: string) => string,
): TermSource[] =>
  items.map((item) => ({ code: item.code, name: item.label, description: describe(item.label) }));

/**
 * The classifications Harbour publishes, each a closed list whose codes are stored with
 * services. Their ids come from their codes, so they are stable across releases.
 */
export const TAXONOMIES: readonly OrukTaxonomyDefinition[] = [
  taxonomy(
    'needs',
    {
      name: 'Harbour needs',
      description:
        'The special educational needs and disabilities a service says it can support, grouped under the four broad areas of need of the SEND Code of Practice (2015, 6.28 to 6.35). Each area is the parent of the needs within it.',
      linkType: 'supported_need',
    },
    (listing) => listing.needs,
    [
      // Prefixed: one area shares its code with a need ("Social, emotional and mental health").
      ...Object.entries(NEED_AREAS).map(([area, label]) => ({
        code: `AREA_${area}`,
        name: label,
        description: `${label}: one of the four broad areas of need in the SEND Code of Practice.`,
        children: NEEDS.filter((need) => need.area === area).map((need) => need.code),
      })),
      ...NEEDS.map((need) => ({
        code: need.code,
        name: need.label,
        description: `${need.label}, within the area of need "${NEED_AREAS[need.area]}".`,
        parent: `AREA_${need.area}`,
      })),
    ],
  ),
  taxonomy(
    'service_types',
    {
      name: 'Harbour service types',
      description: 'The kind of short break, care or activity a service offers.',
      linkType: 'service_type',
    },
    (listing) => [listing.type],
    vocabularyTerms(SERVICE_TYPES.items, (label) => `Services of this kind: ${label}.`),
  ),
  taxonomy(
    'accessibility_support',
    {
      name: 'OpenActive Accessibility Support',
      description:
        'The impairments a service offers support for, from the OpenActive Accessibility Support list (CC BY 4.0).',
      uri: 'https://openactive.io/accessibility-support',
      linkType: 'accessibility_support',
    },
    (listing) => listing.accessibilitySupport,
    ACCESSIBILITY_SUPPORT.map((concept) => ({
      code: concept.id,
      name: concept.label,
      description: `Support offered for people with: ${concept.label}.`,
      uri: concept.id,
    })),
  ),
  taxonomy(
    'support_ratios',
    {
      name: 'Harbour support ratios',
      description: 'How many staff support each child or young person.',
      linkType: 'support_ratio',
    },
    (listing) => listing.ratios,
    vocabularyTerms(SUPPORT_RATIOS.items, (label) => `Offers ${label}.`),
  ),
  taxonomy(
    'staff_skills',
    {
      name: 'Harbour staff skills',
      description: 'Care and communication skills that the staff of a service have.',
      linkType: 'staff_skill',
    },
    (listing) => listing.skills,
    vocabularyTerms(STAFF_SKILLS.items, (label) => `Staff are trained in: ${label}.`),
  ),
  taxonomy(
    'funding',
    {
      name: 'Harbour ways to pay',
      description: 'How a family can pay for a service, such as with a personal budget.',
      linkType: 'payment_accepted',
    },
    (listing) => listing.funding,
    vocabularyTerms(FUNDING_TYPES.items, (label) => `Can be paid for by: ${label}.`),
  ),
];

const termsById = new Map(
  TAXONOMIES.flatMap((t) => t.terms.map((term) => [term.id, { taxonomy: t, term }] as const)),
);
const taxonomiesById = new Map(TAXONOMIES.map((t) => [t.id, t]));

export function findTerm(id: string) {
  return termsById.get(id);
}

export function findTaxonomy(id: string) {
  return taxonomiesById.get(id);
}

export function allTerms() {
  return TAXONOMIES.flatMap((t) => t.terms.map((term) => ({ taxonomy: t, term })));
}

/** Whether a listing carries a term (a parent term: any of its children). */
export function listingHasTerm(listing: Listing, id: string): boolean {
  const found = termsById.get(id);
  return Boolean(
    found && found.taxonomy.valuesOf(listing).some((value) => found.term.values.has(value)),
  );
}

/** The terms that describe a listing's service (most specific only: needs, not their areas). */
export function termsOfListing(listing: Listing) {
  return TAXONOMIES.flatMap((t) =>
    t.valuesOf(listing).flatMap((value) => {
      const term = t.terms.find((candidate) => candidate.code === value);
      return term ? [{ taxonomy: t, term }] : [];
    }),
  );
}
