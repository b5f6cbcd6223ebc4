import { graphqlRequest } from '../../api/graphql';
import { userErrorFields, type UserError } from '../../api/userErrors';

/** A criterion as the API carries it: one flat shape for every field. */
export type Criterion = {
  field: string;
  min: number | null;
  max: number | null;
  values: string[] | null;
  ifNotMet: string | null;
};

export type Tier = {
  code: string;
  name: string;
  summary: string;
  howToGetIt: string;
  criteria: Criterion[];
};

export type TierRequirement = { serviceTypes: string[]; tier: string };

type ServiceRules = { checks: string[]; tierRequirements: TierRequirement[] };

/** What a commissioner writes: saving a draft sends all of it, replacing what was there. */
export type RuleSetContent = { name: string; tiers: Tier[]; services: ServiceRules };

export type RuleSetProblem = { path: string[]; message: string };

export type RuleSet = RuleSetContent & {
  id: string;
  status: 'DRAFT' | 'PUBLISHED';
  version: number | null;
  problems: RuleSetProblem[];
  updatedAt: string;
  publishedAt: string | null;
  basedOnVersion: number | null;
  /** The version a draft became when it was published; it can no longer change. */
  publishedAsVersion: number | null;
};

/**
 * In a preview, counts are rounded to the nearest 5 and null stands for 1 to 4: small or exact
 * numbers could point at a child.
 */
export type OutcomeCounts = {
  tier: string;
  eligible: number | null;
  needsAssessment: number | null;
  notEligible: number | null;
};

export type CheckSummary = {
  checks: number;
  tiers: OutcomeCounts[];
  byDistrict: { district: string; checks: number }[];
};

export type RulePreview = {
  problems: RuleSetProblem[];
  comparedWith: RuleSet | null;
  /** Like every count in a preview, rounded to the nearest 5, and null for 1 to 4. */
  childrenCompared: number | null;
  childrenChanging: number | null;
  tiers: { tier: string; name: string; before: OutcomeCounts | null; after: OutcomeCounts }[];
  serviceTypeChanges: { serviceType: string; change: string; services: number }[];
  servicesChanging: { id: string; name: string; providerName: string; type: string }[];
  servicesChangingCount: number;
};

const ruleSetFields = /* GraphQL */ `
  id
  status
  version
  name
  tiers {
    code
    name
    summary
    howToGetIt
    criteria {
      field
      min
      max
      values
      ifNotMet
    }
  }
  services {
    checks
    tierRequirements {
      serviceTypes
      tier
    }
  }
  problems {
    path
    message
  }
  updatedAt
  publishedAt
  basedOnVersion
  publishedAsVersion
`;

const countFields = /* GraphQL */ `
  tier
  eligible
  needsAssessment
  notEligible
`;

const overviewQuery = /* GraphQL */ `
  query EligibilityRulesOverview {
    eligibilityRules {
      ${ruleSetFields}
    }
    eligibilityRuleSets {
      ${ruleSetFields}
    }
    eligibilityCheckSummary {
      checks
      tiers {
        ${countFields}
      }
      byDistrict {
        district
        checks
      }
    }
  }
`;

const ruleSetQuery = /* GraphQL */ `
  query EligibilityRuleSet($id: ID!) {
    eligibilityRuleSet(id: $id) {
      ${ruleSetFields}
    }
  }
`;

const previewQuery = /* GraphQL */ `
  query EligibilityRulePreview($id: ID!) {
    eligibilityRuleSet(id: $id) {
      ${ruleSetFields}
    }
    eligibilityRulePreview(ruleSetId: $id) {
      problems {
        path
        message
      }
      comparedWith {
        ${ruleSetFields}
      }
      childrenCompared
      childrenChanging
      tiers {
        tier
        name
        before {
          ${countFields}
        }
        after {
          ${countFields}
        }
      }
      serviceTypeChanges {
        serviceType
        change
        services
      }
      servicesChanging {
        id
        name
        providerName
        type
      }
      servicesChangingCount
    }
  }
`;

// As in consoleApi.ts, the input is written out field by field.
const draftSaveMutation = /* GraphQL */ `
  mutation EligibilityRuleSetDraftSave(
    $ruleSetId: ID
    $basedOnVersion: Int
    $name: String!
    $tiers: [EligibilityTierInput!]!
    $services: ServiceRulesInput!
  ) {
    eligibilityRuleSetDraftSave(
      input: {
        ruleSetId: $ruleSetId
        basedOnVersion: $basedOnVersion
        name: $name
        tiers: $tiers
        services: $services
      }
    ) {
      ${userErrorFields}
      ruleSet {
        ${ruleSetFields}
      }
    }
  }
`;

const publishMutation = /* GraphQL */ `
  mutation EligibilityRuleSetPublish($ruleSetId: ID!) {
    eligibilityRuleSetPublish(input: { ruleSetId: $ruleSetId }) {
      ${userErrorFields}
      ruleSet {
        ${ruleSetFields}
      }
    }
  }
`;

export type RulesOverview = {
  inForce: RuleSet | null;
  drafts: RuleSet[];
  /** Published versions other than the one in force, newest first. */
  previousVersions: RuleSet[];
  checks: CheckSummary;
};

export async function fetchRulesOverview(): Promise<RulesOverview> {
  const data = await graphqlRequest<{
    eligibilityRules: RuleSet | null;
    eligibilityRuleSets: RuleSet[];
    eligibilityCheckSummary: CheckSummary;
  }>(overviewQuery);
  const inForce = data.eligibilityRules;
  return {
    inForce,
    drafts: data.eligibilityRuleSets.filter((ruleSet) => ruleSet.status === 'DRAFT'),
    previousVersions: data.eligibilityRuleSets.filter(
      (ruleSet) => ruleSet.status === 'PUBLISHED' && ruleSet.id !== inForce?.id,
    ),
    checks: data.eligibilityCheckSummary,
  };
}

/** A draft, or null when there is none with this id. */
export async function fetchDraft(id: string): Promise<RuleSet | null> {
  const { eligibilityRuleSet } = await graphqlRequest<{ eligibilityRuleSet: RuleSet | null }>(
    ruleSetQuery,
    { id },
  );
  return eligibilityRuleSet?.status === 'DRAFT' ? eligibilityRuleSet : null;
}

export async function fetchPreview(
  id: string,
): Promise<{ draft: RuleSet; preview: RulePreview } | null> {
  const data = await graphqlRequest<{
    eligibilityRuleSet: RuleSet | null;
    eligibilityRulePreview: RulePreview;
  }>(previewQuery, { id });
  if (data.eligibilityRuleSet?.status !== 'DRAFT') return null;
  return { draft: data.eligibilityRuleSet, preview: data.eligibilityRulePreview };
}

/** Only what the draft-saving mutation takes, from a draft or a published version. */
function contentOf(ruleSet: RuleSetContent): RuleSetContent {
  return {
    name: ruleSet.name,
    tiers: ruleSet.tiers.map(({ code, name, summary, howToGetIt, criteria }) => ({
      code,
      name,
      summary,
      howToGetIt,
      criteria: criteria.map(({ field, min, max, values, ifNotMet }) => ({
        field,
        min,
        max,
        values,
        ifNotMet,
      })),
    })),
    services: {
      checks: [...ruleSet.services.checks],
      tierRequirements: ruleSet.services.tierRequirements.map(({ serviceTypes, tier }) => ({
        serviceTypes: [...serviceTypes],
        tier,
      })),
    },
  };
}

type SaveResult = { userErrors: UserError[]; ruleSet: RuleSet | null };

/**
 * Saves a new draft (no `ruleSetId`) or replaces all of one. A new draft copied from a version
 * names it (`basedOnVersion`), and is refused if another version has been published since.
 */
export async function saveDraft(
  ruleSetId: string | null,
  content: RuleSetContent,
  basedOnVersion: number | null = null,
): Promise<SaveResult> {
  const { eligibilityRuleSetDraftSave } = await graphqlRequest<{
    eligibilityRuleSetDraftSave: SaveResult;
  }>(draftSaveMutation, { ruleSetId, basedOnVersion, ...contentOf(content) });
  return eligibilityRuleSetDraftSave;
}

/** The code of the refusal `changeDraft` makes itself when the part to change is not there. */
export const DRAFT_CHANGED = 'DRAFT_CHANGED';

/**
 * Changes one part of a draft. Saving replaces the whole draft, so the change is made to the
 * draft as it is now, not as the page loaded it: someone else's save in between is kept. `change`
 * returns null when the part the page showed (a tier) has gone or changed meanwhile.
 */
export async function changeDraft(
  ruleSetId: string,
  change: (content: RuleSetContent) => RuleSetContent | null,
): Promise<SaveResult> {
  const refused = (message: string, code: string): SaveResult => ({
    userErrors: [{ field: null, message, code }],
    ruleSet: null,
  });
  const draft = await fetchDraft(ruleSetId);
  if (!draft) return refused('There is no draft with this id', 'NOT_FOUND');
  const changed = change(contentOf(draft));
  if (!changed) {
    return refused(
      'This draft has changed since you opened it: check it and try again',
      DRAFT_CHANGED,
    );
  }
  return saveDraft(ruleSetId, changed);
}

export async function publishDraft(ruleSetId: string): Promise<SaveResult> {
  const { eligibilityRuleSetPublish } = await graphqlRequest<{
    eligibilityRuleSetPublish: SaveResult;
  }>(publishMutation, { ruleSetId });
  return eligibilityRuleSetPublish;
}
