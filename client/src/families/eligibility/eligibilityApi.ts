import type { EligibilityFacts, ServiceDecision, TierDecision } from '@harbour/shared';
import { GraphQLRequestError, graphqlRequest } from '../../api/graphql';
import { userErrorFields, type UserError } from '../../api/userErrors';
import { childOrNull } from '../family/familyApi';
import { listingBasicsFields, type ListingBasics } from '../find/directoryApi';

/** A tier of the published rules, such as UNIVERSAL_PLUS, "Universal+". */
export type Tier = { code: string; name: string };

/** The published rules, as the checker explains them before it asks anything. */
export type PublishedRules = {
  name: string;
  version: number;
  tiers: (Tier & { summary: string })[];
};

/** A service near the child, with how it fits them and why. */
export type ServiceFit = ServiceDecision & { listing: ListingBasics };

/** When a check was made, under which rules, and the most specialist tier it found. */
type DecisionSummary = {
  decidedAt: string;
  ruleSet: { name: string; version: number | null };
  bestTier: { code: string; name: string } | null;
};

/** What a check found: the child at every tier, and the services near them that fit. */
export type EligibilityCheck = {
  decision: DecisionSummary & { tiers: TierDecision[] };
  services: ServiceFit[];
  eligibleServiceCount: number;
};

/** EligibilityCheckInput: what a family tells the anonymous checker. */
export type EligibilityCheckInput = {
  dateOfBirth: string;
  homePostcode: string | null;
  needs: string[];
  diagnosis: string;
  ehcPlan: string;
  socialCareAssessment: string;
  assessedTier: string | null;
  supportNeeded: string;
  communication: string[];
  mobility: string[];
  health: string[];
  budgetHolder: string;
};

/** The facts of a saved child's profile that a check uses. */
export type ProfileFacts = Omit<EligibilityFacts, 'name' | 'dateOfBirth'>;

/** A saved child, with the facts from their profile that a check uses. */
export type ChildForCheck = {
  id: string;
  firstName: string;
  ageInYears: number;
  profile: ProfileFacts;
  eligibilityDecisions: PreviousCheck[];
};

export type PreviousCheck = DecisionSummary & { id: string };

/** The selection of ProfileFacts: the fields of a child's profile that a check uses. */
export const profileFactFields = /* GraphQL */ `
  homePostcode
  district
  needs
  diagnosis
  ehcPlan
  socialCareAssessment
  assessedTier
  budgetHolder
  supportNeeded
  communication
  mobility
  health
`;

/** The published tiers' codes and names: a social care assessment's tier is stored as its code. */
export const publishedTierNameFields = /* GraphQL */ `
  eligibilityRules {
    tiers {
      code
      name
    }
  }
`;

/** How a child fits a tier or a service (a ServiceDecision), and why. */
export const decisionFields = /* GraphQL */ `
  outcome
  reasons {
    criterion
    outcome
    reason
    change
  }
`;

const decisionSummaryFields = /* GraphQL */ `
  decidedAt
  ruleSet {
    name
    version
  }
  bestTier {
    code
    name
  }
`;

const checkFields = /* GraphQL */ `
  fragment EligibilityCheckFields on EligibilityCheckPayload {
    ${userErrorFields}
    decision {
      ${decisionSummaryFields}
      tiers {
        code
        name
        summary
        howToGetIt
        ${decisionFields}
      }
    }
    services {
      ${decisionFields}
      listing {
        ${listingBasicsFields}
      }
    }
    eligibleServiceCount
  }
`;

const rulesQuery = /* GraphQL */ `
  query EligibilityRules {
    eligibilityRules {
      name
      version
      tiers {
        code
        name
        summary
      }
    }
  }
`;

const anonymousCheckMutation = /* GraphQL */ `
  mutation EligibilityCheckSubmit($input: EligibilityCheckInput!) {
    eligibilityCheckSubmit(input: $input) {
      ...EligibilityCheckFields
    }
  }
  ${checkFields}
`;

const childCheckMutation = /* GraphQL */ `
  mutation ChildEligibilityCheck($childId: ID!) {
    childEligibilityCheck(input: { childId: $childId }) {
      ...EligibilityCheckFields
    }
  }
  ${checkFields}
`;

const childQuery = /* GraphQL */ `
  query ChildForEligibilityCheck($childId: ID!) {
    child(id: $childId) {
      id
      firstName
      ageInYears
      profile {
        ${profileFactFields}
      }
      eligibilityDecisions {
        id
        ${decisionSummaryFields}
      }
    }
    ${publishedTierNameFields}
  }
`;

type CheckPayload = {
  userErrors: UserError[];
  decision: EligibilityCheck['decision'] | null;
  services: ServiceFit[];
  eligibleServiceCount: number;
};

/** The check, or why it was refused; a payload with neither is the API's fault. */
function checkOrErrors(
  operation: string,
  { userErrors, decision, services, eligibleServiceCount }: CheckPayload,
): { check: EligibilityCheck } | { userErrors: UserError[] } {
  if (userErrors.length > 0) return { userErrors };
  if (!decision)
    throw new GraphQLRequestError(`${operation} returned neither a decision nor userErrors`);
  return { check: { decision, services, eligibleServiceCount } };
}

/** The rules in force, or null before the council has published any. */
export async function fetchPublishedRules(): Promise<PublishedRules | null> {
  const { eligibilityRules } = await graphqlRequest<{
    eligibilityRules: (Omit<PublishedRules, 'version'> & { version: number | null }) | null;
  }>(rulesQuery);
  if (!eligibilityRules || eligibilityRules.version === null) return null;
  return { ...eligibilityRules, version: eligibilityRules.version };
}

/** Checks answers given without an account; the API keeps only anonymous counts. */
export async function submitAnonymousCheck(input: EligibilityCheckInput) {
  const { eligibilityCheckSubmit } = await graphqlRequest<{ eligibilityCheckSubmit: CheckPayload }>(
    anonymousCheckMutation,
    { input },
  );
  return checkOrErrors('eligibilityCheckSubmit', eligibilityCheckSubmit);
}

/** Checks a saved child from their profile; the API records the decision. */
export async function checkSavedChild(childId: string) {
  const { childEligibilityCheck } = await graphqlRequest<{ childEligibilityCheck: CheckPayload }>(
    childCheckMutation,
    { childId },
  );
  return checkOrErrors('childEligibilityCheck', childEligibilityCheck);
}

/**
 * A child of the signed-in family with the published tiers (a social care assessment's tier is
 * stored as its code), or null when there is no such child to see.
 */
export async function fetchChildForCheck(
  childId: string,
): Promise<{ child: ChildForCheck; tiers: Tier[] } | null> {
  const data = await childOrNull<{
    child:
      | (Omit<ChildForCheck, 'eligibilityDecisions'> & {
          eligibilityDecisions: PreviousCheck[] | null;
        })
      | null;
    eligibilityRules: { tiers: Tier[] } | null;
  }>(childQuery, childId);
  if (!data) return null;
  const { child, eligibilityRules } = data;
  return {
    child: { ...child, eligibilityDecisions: child.eligibilityDecisions ?? [] },
    tiers: eligibilityRules?.tiers ?? [],
  };
}
