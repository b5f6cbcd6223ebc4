import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, GraphQLError, type GraphQLSchema } from 'graphql';
import type { RequestContext } from '../../graphql/module';
import { allows, OPERATION_RULES } from './policy';

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Sign in to do this. Your session may have expired.', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

export function forbidden(message = 'You do not have permission to do this'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

/**
 * Wraps every Query and Mutation field with its rule from OPERATION_RULES. Building the
 * schema fails if an operation has no rule (default deny) or a rule names no operation.
 */
export function authorizeOperations(schema: GraphQLSchema): GraphQLSchema {
  const seen = new Set<string>();
  const secured = mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, fieldName, typeName) => {
      const key = `${typeName}.${fieldName}`;
      const rule = OPERATION_RULES[key];
      if (!rule) throw new Error(`No authorisation rule for ${key}: add one to access/policy.ts`);
      seen.add(key);
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve(source, args, context: RequestContext, info) {
          const verdict = allows(rule.who, context.actor);
          if (verdict === 'UNAUTHENTICATED') throw unauthenticated();
          if (verdict === 'FORBIDDEN') throw forbidden();
          return resolve(source, args, context, info);
        },
      };
    },
  });
  const stale = Object.keys(OPERATION_RULES).filter((key) => !seen.has(key));
  if (stale.length)
    throw new Error(`Authorisation rules for operations that do not exist: ${stale.join(', ')}`);
  return secured;
}
