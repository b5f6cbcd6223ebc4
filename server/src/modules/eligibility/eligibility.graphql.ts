import { signedIn, type GraphQLModule } from '../../graphql/module';
import { childFieldVisible } from '../access/policy';
import type { ChildRecord } from '../families/families.service';

type Input<T> = { input: T };

export const eligibilityGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    enum EligibilityOutcome {
      ELIGIBLE
      NOT_ELIGIBLE
      NEEDS_ASSESSMENT
    }

    enum CriterionOutcome {
      MET
      NOT_MET
      NEEDS_ASSESSMENT
    }

    "One criterion's verdict, in words a family understands."
    type EligibilityReason {
      "The criterion's field (age, needs, …) or the service check (SERVICE_AGE, SUPPORT_RATIO, TIER, …)."
      criterion: String!
      outcome: CriterionOutcome!
      "E.g. 'Open to children aged 8–17: Sam is 7'."
      reason: String!
      "What would change the outcome, e.g. 'Ask for a social care assessment'."
      change: String
    }

    type TierDecision {
      code: String!
      name: String!
      summary: String!
      howToGetIt: String!
      outcome: EligibilityOutcome!
      reasons: [EligibilityReason!]!
    }

    type ServiceEligibility {
      listing: ServiceListing!
      outcome: EligibilityOutcome!
      reasons: [EligibilityReason!]!
    }

    "A child's eligibility under one published version of the rules."
    type EligibilityDecision {
      "Null for an anonymous check, which is not stored."
      id: ID
      ruleSet: EligibilityRuleSet!
      decidedAt: DateTime!
      "The most specialist tier the child is eligible for."
      bestTier: TierDecision
      tiers: [TierDecision!]!
    }

    enum EligibilityRuleSetStatus {
      DRAFT
      PUBLISHED
    }

    """
    A criterion over the child's profile. field is one of age (min, max), needs (values:
    need codes, any of), diagnosis, ehcPlan, assessedTier, district, budgetHolder (values:
    one of).
    """
    type EligibilityCriterion {
      field: String!
      min: Int
      max: Int
      values: [String!]
      "What a family can do when it is not met."
      ifNotMet: String
    }

    type EligibilityTier {
      code: String!
      name: String!
      summary: String!
      howToGetIt: String!
      criteria: [EligibilityCriterion!]!
    }

    type TierRequirement {
      serviceTypes: [ServiceType!]!
      tier: String!
    }

    type ServiceRules {
      "SERVICE_AGE, SERVICE_NEEDS, SUPPORT_RATIO, STAFF_SKILLS, REGISTRATION."
      checks: [String!]!
      tierRequirements: [TierRequirement!]!
    }

    type RuleSetProblem {
      "Where, e.g. [\\"tiers\\", \\"2\\", \\"criteria\\", \\"0\\", \\"max\\"]."
      path: [String!]!
      message: String!
    }

    """
    A commissioner's short breaks statement as rules. Drafts change; a published version
    never does, and every decision records the version it used.
    """
    type EligibilityRuleSet {
      id: ID!
      status: EligibilityRuleSetStatus!
      "Published versions only: 1, 2, 3…"
      version: Int
      name: String!
      tiers: [EligibilityTier!]!
      services: ServiceRules!
      "What would stop this publishing (always empty for a published version)."
      problems: [RuleSetProblem!]!
      updatedAt: DateTime!
      publishedAt: DateTime
      "The version a draft started from."
      basedOnVersion: Int
      "For a draft that has been published: its version number. It can no longer change."
      publishedAsVersion: Int
    }

    "Children (or checks) by outcome at one tier. In a preview, null means fewer than 5 and other counts are rounded to the nearest 5, so that no child can be picked out."
    type TierOutcomeCounts {
      tier: String!
      eligible: Int
      needsAssessment: Int
      notEligible: Int
    }

    type TierPreview {
      tier: String!
      name: String!
      before: TierOutcomeCounts
      after: TierOutcomeCounts!
    }

    type ServiceTypeChange {
      serviceType: ServiceType!
      "E.g. 'Now for children eligible for Specialist support (was Targeted support)'."
      change: String!
      services: Int!
    }

    "What publishing a draft would change, against the version in force."
    type EligibilityRulePreview {
      problems: [RuleSetProblem!]!
      comparedWith: EligibilityRuleSet
      "Rounded to the nearest 5; null means fewer than 5."
      childrenCompared: Int
      "Children with a different outcome at one tier or more; null means fewer than 5, others are rounded to the nearest 5."
      childrenChanging: Int
      tiers: [TierPreview!]!
      serviceTypeChanges: [ServiceTypeChange!]!
      "Services whose outcome would change for at least one child (first 50)."
      servicesChanging: [ServiceListing!]!
      servicesChangingCount: Int!
    }

    type EligibilityCheckCountByDistrict {
      district: String!
      checks: Int!
    }

    "Anonymous checks only: counts, nothing about any person."
    type EligibilityCheckSummary {
      checks: Int!
      tiers: [TierOutcomeCounts!]!
      byDistrict: [EligibilityCheckCountByDistrict!]!
    }

    input EligibilityCriterionInput {
      field: String!
      min: Int
      max: Int
      values: [String!]
      ifNotMet: String
    }

    input EligibilityTierInput {
      code: String!
      name: String!
      summary: String!
      howToGetIt: String!
      criteria: [EligibilityCriterionInput!]!
    }

    input TierRequirementInput {
      serviceTypes: [String!]!
      tier: String!
    }

    input ServiceRulesInput {
      checks: [String!]!
      tierRequirements: [TierRequirementInput!]!
    }

    input EligibilityRuleSetDraftSaveInput {
      "The draft to change; none starts a new draft."
      ruleSetId: ID
      "For a new draft: the version its content was copied from. Refused if another version has been published since, so a copy of an old version cannot quietly undo a newer one."
      basedOnVersion: Int
      name: String!
      tiers: [EligibilityTierInput!]!
      services: ServiceRulesInput!
    }

    type EligibilityRuleSetDraftSavePayload {
      userErrors: [UserError!]!
      ruleSet: EligibilityRuleSet
    }

    input EligibilityRuleSetPublishInput {
      ruleSetId: ID!
    }

    type EligibilityRuleSetPublishPayload {
      userErrors: [UserError!]!
      "The new published version."
      ruleSet: EligibilityRuleSet
    }

    "What a family tells the checker. Nothing here is stored."
    input EligibilityCheckInput {
      "YYYY-MM-DD."
      dateOfBirth: String!
      "A full postcode or its first half."
      homePostcode: String
      needs: [String!]!
      diagnosis: DiagnosisStatus!
      ehcPlan: EhcPlanStatus!
      socialCareAssessment: SocialCareAssessmentStatus!
      assessedTier: String
      budgetHolder: BudgetHolder
      supportNeeded: SupportNeeded
      communication: [CommunicationMethod!]
      mobility: [MobilityNeed!]
      health: [HealthNeed!]
    }

    type EligibilityCheckPayload {
      userErrors: [UserError!]!
      decision: EligibilityDecision
      "Services near the child's home (or across Devon without a postcode): eligible first, then those needing a conversation, nearest first."
      services: [ServiceEligibility!]!
      "How many services near them the child is eligible for."
      eligibleServiceCount: Int!
    }

    input ChildEligibilityCheckInput {
      childId: ID!
    }

    extend type Child {
      "Checks made from the saved profile, newest first. Family and the young person only."
      eligibilityDecisions: [EligibilityDecision!]
    }

    extend type ServiceListing {
      "This child against this service. The child's family or the young person only."
      eligibilityFor(childId: ID!): ServiceEligibility
    }

    extend input DirectorySearchInput {
      "Only services this child is eligible for (their family or the young person only)."
      eligibleForChildId: ID
    }

    extend type Query {
      "The rules in force, for everyone to read."
      eligibilityRules: EligibilityRuleSet
      "Drafts and published versions, newest first."
      eligibilityRuleSets: [EligibilityRuleSet!]!
      eligibilityRuleSet(id: ID!): EligibilityRuleSet
      eligibilityRulePreview(ruleSetId: ID!): EligibilityRulePreview!
      eligibilityCheckSummary: EligibilityCheckSummary!
    }

    extend type Mutation {
      "Checks eligibility from answers, without an account. Only anonymous counts are kept."
      eligibilityCheckSubmit(input: EligibilityCheckInput!): EligibilityCheckPayload!
      "Checks a child's eligibility from their saved profile and records the decision."
      childEligibilityCheck(input: ChildEligibilityCheckInput!): EligibilityCheckPayload!
      eligibilityRuleSetDraftSave(
        input: EligibilityRuleSetDraftSaveInput!
      ): EligibilityRuleSetDraftSavePayload!
      eligibilityRuleSetPublish(
        input: EligibilityRuleSetPublishInput!
      ): EligibilityRuleSetPublishPayload!
    }
  `,
  resolvers: {
    Child: {
      eligibilityDecisions: (child: ChildRecord, _args, { services }) =>
        childFieldVisible('Child.eligibilityDecisions', child.view)
          ? services.eligibility.decisionsFor(child.id)
          : null,
    },
    ServiceListing: {
      eligibilityFor: (listing: { id: string }, args: { childId: string }, context) =>
        context.services.eligibility.serviceEligibility(
          signedIn(context),
          args.childId,
          listing.id,
          context,
        ),
    },
    EligibilityDecision: {
      ruleSet: (decision: { ruleSetId: string }, _args, { services }) =>
        services.ruleSets.ruleSetById(decision.ruleSetId),
    },
    Query: {
      eligibilityRules: (_parent, _args, { services }) => services.ruleSets.published(),
      eligibilityRuleSets: (_parent, _args, context) =>
        context.services.ruleSets.ruleSets(signedIn(context)),
      eligibilityRuleSet: (_parent, args: { id: string }, context) =>
        context.services.ruleSets.ruleSet(signedIn(context), args.id),
      eligibilityRulePreview: (_parent, args: { ruleSetId: string }, context) =>
        context.services.ruleSets.preview(signedIn(context), args.ruleSetId),
      eligibilityCheckSummary: (_parent, _args, { services }) =>
        services.eligibility.anonymousCheckSummary(),
    },
    Mutation: {
      eligibilityCheckSubmit: (_parent, { input }: Input<unknown>, { services }) =>
        services.eligibility.checkAnonymously(input),
      childEligibilityCheck: (_parent, { input }: Input<{ childId: string }>, context) =>
        context.services.eligibility.checkChild(signedIn(context), input.childId),
      eligibilityRuleSetDraftSave: (_parent, { input }: Input<unknown>, context) =>
        context.services.ruleSets.saveDraft(signedIn(context), input),
      eligibilityRuleSetPublish: (_parent, { input }: Input<{ ruleSetId: string }>, context) =>
        context.services.ruleSets.publish(signedIn(context), input.ruleSetId),
    },
  },
};
