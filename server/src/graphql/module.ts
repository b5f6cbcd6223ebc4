import type { IResolvers } from '@graphql-tools/utils';
import type { Actor, SignedInActor } from '../modules/access/actor';
import { unauthenticated } from '../modules/access/authorize';
import type { Services } from '../services';

/** What a resolver may reach: who is asking, the services (never collections), and the HTTP exchange. */
export interface RequestContext {
  services: Services;
  actor: Actor;
  http: {
    clientAddress: string;
    userAgent?: string;
    startSession(token: string, expiresAt: Date): void;
    endSession(): void;
  };
}

/** The signed-in actor; operations' rules have already refused anonymous callers where needed. */
export function signedIn(context: RequestContext): SignedInActor {
  if (context.actor.kind !== 'account') throw unauthenticated();
  return context.actor;
}

/** A capability's slice of the schema: its types and thin resolvers. */
export interface GraphQLModule {
  typeDefs: string;
  resolvers: IResolvers<unknown, RequestContext>;
}
