import { signedIn, type GraphQLModule } from '../../graphql/module';
import { childFieldVisible } from '../access/policy';
import type { ChildRecord } from './families.service';

type Input<T> = { input: T };

export const familiesGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    type Family {
      id: ID!
      carers: [FamilyCarer!]!
      children: [Child!]!
    }

    type FamilyCarer {
      id: ID!
      displayName: String!
    }

    """
    A child or young person. Fields are shown by the asker's relationship to the child
    (access policy): provider staff see no date of birth and no consents.
    """
    type Child {
      id: ID!
      firstName: String!
      lastName: String
      "YYYY-MM-DD."
      dateOfBirth: String
      ageInYears: Int!
      "Provider organisations the family allows to see this record."
      consents: [ChildConsent!]
    }

    type ChildConsent {
      organisation: Organisation!
      grantedAt: DateTime!
    }

    "One time someone outside the family looked at or changed a child's information."
    type AccessEvent {
      id: ID!
      at: DateTime!
      action: String!
      actorName: String!
      actorRole: Role!
      reason: String
      childName: String!
    }

    type AgeBandCount {
      band: String!
      count: Int!
    }

    "Counts only: no child can be identified from them."
    type FamiliesSummary {
      families: Int!
      children: Int!
      childrenByAgeBand: [AgeBandCount!]!
    }

    input ChildAddInput {
      firstName: String!
      lastName: String!
      "YYYY-MM-DD."
      dateOfBirth: String!
    }

    type ChildAddPayload {
      userErrors: [UserError!]!
      child: Child
    }

    input ChildUpdateInput {
      childId: ID!
      firstName: String
      lastName: String
      dateOfBirth: String
    }

    type ChildUpdatePayload {
      userErrors: [UserError!]!
      child: Child
    }

    input ChildConsentInput {
      childId: ID!
      organisationId: ID!
      "What the provider may see of the profile (childConsentGrant only). None when left out: the provider sees the child's name and age only."
      sections: [ChildProfileSection!]
    }

    type ChildConsentGrantPayload {
      userErrors: [UserError!]!
      child: Child
    }

    type ChildConsentRevokePayload {
      userErrors: [UserError!]!
      child: Child
    }

    input CommissionerChildAccessGrantInput {
      childId: ID!
      commissionerAccountId: ID!
      "Why this commissioner needs the record; recorded and shown to the family."
      reason: String!
      "How long the grant lasts, 1 to 90 days."
      days: Int!
    }

    type CommissionerChildAccessGrantPayload {
      userErrors: [UserError!]!
    }

    extend type Query {
      "The signed-in person's family."
      family: Family
      "A child's record. Admins must give a reason, which is recorded and shown to the family."
      child(id: ID!, reason: String): Child
      "Who outside the family has seen or changed its children's information, newest first."
      childAccessLog(childId: ID): [AccessEvent!]!
      familiesSummary: FamiliesSummary!
    }

    extend type Mutation {
      childAdd(input: ChildAddInput!): ChildAddPayload!
      childUpdate(input: ChildUpdateInput!): ChildUpdatePayload!
      "Lets a provider organisation see this child's record."
      childConsentGrant(input: ChildConsentInput!): ChildConsentGrantPayload!
      childConsentRevoke(input: ChildConsentInput!): ChildConsentRevokePayload!
      commissionerChildAccessGrant(
        input: CommissionerChildAccessGrantInput!
      ): CommissionerChildAccessGrantPayload!
    }
  `,
  resolvers: {
    Family: {
      carers: async (family: { carerIds: string[] }, _args, { services }) => {
        const names = await services.accounts.names(family.carerIds);
        return family.carerIds.map((id) => ({
          id,
          displayName: names.get(id) ?? 'Erased account',
        }));
      },
    },
    Child: {
      lastName: (child: ChildRecord) =>
        childFieldVisible('Child.lastName', child.view) ? child.lastName : null,
      dateOfBirth: (child: ChildRecord) =>
        childFieldVisible('Child.dateOfBirth', child.view) ? child.dateOfBirth : null,
      consents: async (child: ChildRecord, _args, { services }) => {
        if (!childFieldVisible('Child.consents', child.view)) return null;
        const organisations = await services.organisations.byIds(
          child.consents.map((c) => c.organisationId),
        );
        return child.consents.flatMap((consent) => {
          const organisation = organisations.find((o) => o.id === consent.organisationId);
          return organisation
            ? [{ organisation, grantedAt: consent.grantedAt, sections: consent.sections }]
            : [];
        });
      },
    },
    Query: {
      family: (_parent, _args, context) => context.services.families.family(signedIn(context)),
      child: (_parent, args: { id: string; reason?: string | null }, { services, actor }) =>
        services.families.child(actor, args.id, args.reason),
      childAccessLog: (_parent, args: { childId?: string | null }, context) =>
        context.services.families.accessLog(signedIn(context), args.childId),
      familiesSummary: (_parent, _args, { services }) => services.families.summary(),
    },
    Mutation: {
      childAdd: (_parent, { input }: Input<unknown>, context) =>
        context.services.families.addChild(signedIn(context), input),
      childUpdate: (_parent, { input }: Input<unknown>, context) =>
        context.services.families.updateChild(signedIn(context), input),
      childConsentGrant: (
        _parent,
        { input }: Input<{ childId: string; organisationId: string; sections?: string[] }>,
        context,
      ) => context.services.families.setConsent(signedIn(context), input, true),
      childConsentRevoke: (
        _parent,
        { input }: Input<{ childId: string; organisationId: string }>,
        context,
      ) => context.services.families.setConsent(signedIn(context), input, false),
      commissionerChildAccessGrant: (
        _parent,
        {
          input,
        }: Input<{ childId: string; commissionerAccountId: string; reason: string; days: number }>,
        context,
      ) => context.services.oversight.grantCommissionerAccess(signedIn(context), input),
    },
  },
};
