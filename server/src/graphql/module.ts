import type { IResolvers } from '@graphql-tools/utils';
import type { Services } from '../services';

/** What a resolver may reach: the services, never collections. */
export interface RequestContext {
  services: Services;
}

/** A capability's slice of the schema: its types and thin resolvers. */
export interface GraphQLModule {
  typeDefs: string;
  resolvers: IResolvers<unknown, RequestContext>;
}
