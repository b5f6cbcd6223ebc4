import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  getNamedType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Every Harbour id is a MongoDB ObjectId (24 hexadecimal characters), two of them joined by a
 * colon (a service at a location), or a published rule set's version (`v` and its number).
 * Anything else cannot name an object.
 */
const HARBOUR_ID = /^(?:[0-9a-f]{24}(?::[0-9a-f]{24})?|v[1-9][0-9]{0,8})$/i;

/** Where an argument holds ids: a path of field names, `[]` meaning each item of a list. */
type IdPath = string[];

function idPaths(type: GraphQLInputType, prefix: string[], seen: Set<string>): IdPath[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return idPaths(inner.ofType, [...prefix, '[]'], seen);
  const named = getNamedType(inner);
  if (named.name === 'ID') return [prefix];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const within = new Set(seen).add(named.name);
  return Object.values(named.getFields()).flatMap((field) =>
    idPaths(field.type, [...prefix, field.name], within),
  );
}

/** Each value at `path` in `value`, with the field path a client can point at. */
function valuesAt(value: unknown, path: IdPath, at: string[]): { value: unknown; at: string[] }[] {
  if (value === null || value === undefined) return [];
  const [step, ...rest] = path;
  if (step === undefined) return [{ value, at }];
  if (step === '[]') {
    return Array.isArray(value)
      ? value.flatMap((item, index) => valuesAt(item, rest, [...at, String(index)]))
      : valuesAt(value, rest, at);
  }
  return valuesAt((value as Record<string, unknown>)[step], rest, [...at, step]);
}

function malformedId(at: string[]): GraphQLError {
  return new GraphQLError(
    `${at.join('.')} is not a Harbour id. Use an id exactly as Harbour gave it to you.`,
    { extensions: { code: 'BAD_USER_INPUT', field: at } },
  );
}

/**
 * Refuses any field whose `ID` arguments (however deep in an input) cannot be Harbour ids,
 * before its resolver runs, so no service ever sees a malformed one: a specific
 * BAD_USER_INPUT instead of a database cast error masked as "something went wrong".
 * Covers every field, so operations added later are covered without new code.
 */
export function refuseMalformedIds(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.COMPOSITE_FIELD]: (field) => {
      const paths = Object.entries(field.args ?? {}).flatMap(([name, arg]) =>
        idPaths(arg.type, [name], new Set()),
      );
      if (paths.length === 0) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve(source, args, context, info) {
          for (const path of paths) {
            for (const { value, at } of valuesAt(args, path, [])) {
              if (typeof value !== 'string' || !HARBOUR_ID.test(value)) throw malformedId(at);
            }
          }
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
