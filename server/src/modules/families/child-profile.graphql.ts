import {
  BUDGET_HOLDERS,
  COMMUNICATION_METHODS,
  DIAGNOSIS_STATUSES,
  EHC_PLAN_STATUSES,
  HEALTH_NEEDS,
  MOBILITY_NEEDS,
  PROFILE_SECTIONS,
  SOCIAL_CARE_ASSESSMENT_STATUSES,
  SUPPORT_NEEDED,
} from '@harbour/shared';
import { signedIn, type GraphQLModule } from '../../graphql/module';
import { childFieldVisible } from '../access/policy';
import type { ChildRecord } from './families.service';

type Input<T> = { input: T };

/** The profile's closed lists as GraphQL enums, from the shared vocabularies they mirror. */
const vocabularyEnums = (
  [
    ['DiagnosisStatus', DIAGNOSIS_STATUSES],
    ['EhcPlanStatus', EHC_PLAN_STATUSES],
    ['SocialCareAssessmentStatus', SOCIAL_CARE_ASSESSMENT_STATUSES],
    ['BudgetHolder', BUDGET_HOLDERS],
    ['CommunicationMethod', COMMUNICATION_METHODS],
    ['MobilityNeed', MOBILITY_NEEDS],
    ['HealthNeed', HEALTH_NEEDS],
    ['SupportNeeded', SUPPORT_NEEDED],
    [
      'ChildProfileSection',
      PROFILE_SECTIONS,
      'Parts of the profile a family can share with a provider, each on its own.',
    ],
  ] as const
)
  .map(
    ([name, vocabulary, description]: readonly [string, { codes: readonly string[] }, string?]) =>
      `${description ? `"${description}" ` : ''}enum ${name} { ${vocabulary.codes.join(' ')} }`,
  )
  .join('\n');

export const childProfileGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    ${vocabularyEnums}

    type EmergencyContact {
      name: String!
      relationship: String!
      phone: String!
    }

    """
    The child's story, told once. Fields of sections the asker may not see are null:
    provider staff see only the sections the family shared with their organisation.
    """
    type ChildProfile {
      "Goes up by one with every change (names and date of birth included)."
      version: Int!
      "The sections the asker can see."
      sections: [ChildProfileSection!]!
      homePostcode: String
      "From the postcode; null outside Devon."
      district: String
      "Need codes (see the needs vocabulary)."
      needs: [String!]
      diagnosis: DiagnosisStatus
      ehcPlan: EhcPlanStatus
      socialCareAssessment: SocialCareAssessmentStatus
      "The tier code a social care assessment placed the child at."
      assessedTier: String
      budgetHolder: BudgetHolder
      communication: [CommunicationMethod!]
      mobility: [MobilityNeed!]
      health: [HealthNeed!]
      healthNotes: String
      behaviourSupport: String
      supportNeeded: SupportNeeded
      whatHelps: String
      likes: String
      dislikes: String
      emergencyContacts: [EmergencyContact!]
    }

    "One saved change to a child's record. The snapshot is the whole record after the change."
    type ChildProfileVersion {
      version: Int!
      changedAt: DateTime!
      changedBy: String!
      "The fields this change touched, e.g. needs, firstName."
      changedFields: [String!]!
      firstName: String!
      lastName: String!
      dateOfBirth: String!
      profile: ChildProfile!
    }

    extend type Child {
      profile: ChildProfile!
      "Every version of the record, newest first. Family and the young person only."
      profileVersions: [ChildProfileVersion!]
    }

    extend type ChildConsent {
      "What this provider may see of the profile."
      sections: [ChildProfileSection!]!
    }

    input EmergencyContactInput {
      name: String!
      relationship: String!
      phone: String!
    }

    "Only the fields given change. Lists replace the whole list."
    input ChildProfileUpdateInput {
      childId: ID!
      "The version the change was made from; refused if someone saved since."
      expectedVersion: Int
      "A full postcode or its first half (EX4); empty to clear."
      homePostcode: String
      needs: [String!]
      diagnosis: DiagnosisStatus
      ehcPlan: EhcPlanStatus
      socialCareAssessment: SocialCareAssessmentStatus
      assessedTier: String
      budgetHolder: BudgetHolder
      communication: [CommunicationMethod!]
      mobility: [MobilityNeed!]
      health: [HealthNeed!]
      healthNotes: String
      behaviourSupport: String
      supportNeeded: SupportNeeded
      whatHelps: String
      likes: String
      dislikes: String
      emergencyContacts: [EmergencyContactInput!]
    }

    type ChildProfileUpdatePayload {
      userErrors: [UserError!]!
      child: Child
    }

    extend type Mutation {
      "Changes part of a child's profile, keeping the old version."
      childProfileUpdate(input: ChildProfileUpdateInput!): ChildProfileUpdatePayload!
    }
  `,
  resolvers: {
    Child: {
      profile: (child: ChildRecord) => ({
        ...child.profile,
        version: child.profileVersion,
        sections: child.profileSections,
      }),
      profileVersions: (child: ChildRecord, _args, { services }) =>
        childFieldVisible('Child.profileVersions', child.view)
          ? services.families.versions(child.id)
          : null,
    },
    Mutation: {
      childProfileUpdate: (_parent, { input }: Input<Record<string, unknown>>, context) =>
        context.services.families.updateProfile(signedIn(context), input),
    },
  },
};
