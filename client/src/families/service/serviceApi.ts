import type { Money, ServiceDecision } from '@harbour/shared';
import { GraphQLRequestError, graphqlRequest } from '../../api/graphql';
import { decisionFields } from '../eligibility/eligibilityApi';

export type Registration = {
  regulator: string;
  identifier: string;
  registrationType: string;
  status: string;
  rating: string | null;
  inspectedOn: string | null;
};

/** Everything a family sees about one service at one location. */
export type ServiceListing = {
  id: string;
  name: string;
  providerName: string;
  description: string;
  type: string;
  needs: string[];
  minAge: number;
  maxAge: number;
  accessibilitySupport: string[];
  features: string[];
  ratios: string[];
  /** Ratios offered from a day (YYYY-MM-DD), such as 1:1 support from September. */
  upcomingRatios: { ratio: string; from: string }[];
  skills: string[];
  funding: string[];
  days: string[];
  startTime: string | null;
  endTime: string | null;
  scheduleSummary: string;
  costOptions: { label: string; amount: Money; unit: string }[];
  address: { line: string; town: string; postcode: string; district: string };
  contact: { phone: string | null; email: string | null; website: string | null };
  registrations: Registration[];
  registrationSummary: string[];
  continuesPast18: 'YES' | 'NO' | 'NOT_APPLICABLE';
  lastVerifiedAt: string;
};

const serviceListingQuery = /* GraphQL */ `
  query ServiceListing($id: ID!) {
    serviceListing(id: $id) {
      id
      name
      providerName
      description
      type
      needs
      minAge
      maxAge
      accessibilitySupport
      features
      ratios
      upcomingRatios {
        ratio
        from
      }
      skills
      funding
      days
      startTime
      endTime
      scheduleSummary
      costOptions {
        label
        amount {
          amountPence
          currency
        }
        unit
      }
      address {
        line
        town
        postcode
        district
      }
      contact {
        phone
        email
        website
      }
      registrations {
        regulator
        identifier
        registrationType
        status
        rating
        inspectedOn
      }
      registrationSummary
      continuesPast18
      lastVerifiedAt
    }
  }
`;

/** The listing, or null when there is none with this id (an id Harbour never gave included). */
export async function fetchServiceListing(id: string): Promise<ServiceListing | null> {
  try {
    const { serviceListing } = await graphqlRequest<{ serviceListing: ServiceListing | null }>(
      serviceListingQuery,
      { id },
    );
    return serviceListing;
  } catch (error) {
    if (error instanceof GraphQLRequestError && error.codes.includes('BAD_USER_INPUT')) return null;
    throw error;
  }
}

const eligibilityForQuery = /* GraphQL */ `
  query ServiceEligibilityFor($id: ID!, $childId: ID!) {
    serviceListing(id: $id) {
      id
      eligibilityFor(childId: $childId) {
        ${decisionFields}
      }
    }
  }
`;

/** How one of the family's children fits this service; null before any rules are published. */
export async function fetchChildFit(
  listingId: string,
  childId: string,
): Promise<ServiceDecision | null> {
  const { serviceListing } = await graphqlRequest<{
    serviceListing: { eligibilityFor: ServiceDecision | null } | null;
  }>(eligibilityForQuery, { id: listingId, childId });
  return serviceListing?.eligibilityFor ?? null;
}
