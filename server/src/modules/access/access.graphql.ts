import type { GraphQLModule } from '../../graphql/module';

export const accessGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    "An entry in the append-only audit log."
    type AuditEvent {
      id: ID!
      at: DateTime!
      action: String!
      actorName: String!
      actorRole: Role!
      reason: String
      childId: ID
    }

    extend type Query {
      "The audit log, newest first (at most 500)."
      auditEvents(childId: ID, first: Int): [AuditEvent!]!
    }
  `,
  resolvers: {
    Query: {
      auditEvents: (
        _parent,
        args: { childId?: string | null; first?: number | null },
        { services },
      ) => services.oversight.auditEvents(args),
    },
  },
};
