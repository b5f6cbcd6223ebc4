import { signedIn, type GraphQLModule } from '../../graphql/module';

export const dataRightsGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    input FamilyErasureRequestInput {
      "Must be ERASE, to show the person meant it."
      confirmation: String!
    }

    type FamilyErasureRequestPayload {
      userErrors: [UserError!]!
    }

    extend type Query {
      "Everything Harbour holds about the signed-in person's family, as a JSON document."
      familyDataExport: String!
    }

    extend type Mutation {
      """
      Erases the family's personal data: names, dates of birth, email addresses and consents
      are removed; records that must be kept hold only anonymous ids. Signs everyone out.
      """
      familyErasureRequest(input: FamilyErasureRequestInput!): FamilyErasureRequestPayload!
    }
  `,
  resolvers: {
    Query: {
      familyDataExport: (_parent, _args, context) =>
        context.services.dataRights.export(signedIn(context)),
    },
    Mutation: {
      familyErasureRequest: async (
        _parent,
        { input }: { input: { confirmation: unknown } },
        context,
      ) => {
        const result = await context.services.dataRights.erase(signedIn(context), input);
        if (result.userErrors.length === 0) context.http.endSession();
        return result;
      },
    },
  },
};
