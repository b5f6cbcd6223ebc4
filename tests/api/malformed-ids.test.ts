/**
 * Every operation in the schema that takes an id, called with ids that cannot be right, as a
 * caller its rule lets in. The operations are read from the schema itself, so operations added
 * later are swept without new code here: a malformed id gets a specific BAD_USER_INPUT naming
 * the field, never an internal error; a well-formed id of some other kind of object gets the
 * same answer as an id that names nothing at all.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { Types } from 'mongoose';
import { buildSchema } from '../../server/src/graphql/schema';
import { OPERATION_RULES } from '../../server/src/modules/access/policy';
import { signInDemo } from '../support/accounts';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

const MALFORMED: [string, string][] = [
  ['empty', ''],
  ['too short', 'abc123'],
  ['not hexadecimal', 'zzzzzzzzzzzzzzzzzzzzzzzz'],
  ['1,000 characters', 'a'.repeat(1000)],
  ['an injection attempt', '{"$ne": null}'],
];

type Headers = Record<string, string>;
type Role = 'FAMILY' | 'YOUNG_PERSON' | 'PROVIDER' | 'COMMISSIONER' | 'ADMIN';

const schema = buildSchema();

/** One operation with an id somewhere in its arguments, and the paths to each id. */
interface IdOperation {
  key: string;
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  idPaths: string[][];
}

function idPathsOf(type: GraphQLInputType, prefix: string[], seen: Set<string>): string[][] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return idPathsOf(inner.ofType, [...prefix, '0'], seen);
  const named = getNamedType(inner);
  if (named.name === 'ID') return [prefix];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  return Object.values(named.getFields()).flatMap((field) =>
    idPathsOf(field.type, [...prefix, field.name], new Set(seen).add(named.name)),
  );
}

const operations: IdOperation[] = (
  [
    ['query', schema.getQueryType()!],
    ['mutation', schema.getMutationType()!],
  ] as const
).flatMap(([kind, root]) =>
  Object.values(root.getFields())
    .map((field) => ({
      key: `${root.name}.${field.name}`,
      kind,
      field,
      idPaths: field.args.flatMap((arg) => idPathsOf(arg.type, [arg.name], new Set())),
    }))
    .filter((operation) => operation.idPaths.length > 0),
);

/** A value the schema accepts for a type: only what is required, with ids as `id`. */
function sample(type: GraphQLInputType, id: string): unknown {
  if (isNonNullType(type)) return sample(type.ofType, id);
  if (isListType(type)) return [sample(type.ofType, id)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) || getNamedType(field.type).name === 'ID')
        .map((field) => [field.name, sample(field.type, id)]),
    );
  }
  if (isLeafType(type)) {
    return (
      {
        ID: id,
        String: 'Sweep',
        Int: 1,
        Float: 1,
        Boolean: false,
        DateTime: '2027-01-04T16:00:00Z',
      }[type.name] ?? 'Sweep'
    );
  }
  return null;
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown) {
  let node = target as Record<string, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string, unknown>;
  node[path.at(-1)!] = value;
}

/** The operation as a document whose variables are exactly its arguments. */
function documentFor(operation: IdOperation): string {
  const args = operation.field.args as readonly GraphQLArgument[];
  const declared = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(operation.field.type)) ? '' : ' { __typename }';
  return `${operation.kind} Sweep(${declared}) { ${operation.field.name}(${passed})${selection} }`;
}

function variablesFor(operation: IdOperation, path: string[], value: string) {
  const variables: Record<string, unknown> = Object.fromEntries(
    operation.field.args.map((arg) => [
      arg.name,
      sample(arg.type, new Types.ObjectId().toHexString()),
    ]),
  );
  setAt(variables, path, value);
  return variables;
}

let harbour: TestHarbour;
let sessions: Record<Role | 'PUBLIC', Headers>;
let accountId: string;

beforeAll(async () => {
  harbour = await startTestHarbour({ DEMO_SEED: 'true', DEMO_PROVIDERS: '3' });
  const demo = await signInDemo(harbour);
  sessions = {
    PUBLIC: {},
    FAMILY: demo.parent,
    YOUNG_PERSON: demo.parent,
    PROVIDER: demo.provider,
    COMMISSIONER: demo.commissioner,
    ADMIN: demo.admin,
  };
  const viewer = await harbour.graphql<{ viewer: { id: string } }>(
    '{ viewer { id } }',
    {},
    demo.admin,
  );
  accountId = viewer.body.data!.viewer.id;
});

afterAll(async () => {
  await harbour.stop();
});

/** Someone the operation's rule lets in: the check under test comes after the role check. */
function callerFor(operation: IdOperation): Headers {
  const who = OPERATION_RULES[operation.key]!.who;
  if (who === 'PUBLIC') return sessions.PUBLIC;
  if (who === 'SIGNED_IN') return sessions.FAMILY;
  return sessions[who[0] as Role];
}

const cases = operations.flatMap((operation) =>
  operation.idPaths.map((path) => [operation.key, path.join('.'), operation, path] as const),
);

it('finds the operations that take ids in the schema', () => {
  expect(operations.map((operation) => operation.key)).toEqual(
    expect.arrayContaining(['Query.child', 'Query.auditEvents', 'Mutation.serviceSave']),
  );
});

describe.each(cases)('%s with a bad %s', (_key, field, operation, path) => {
  it.each(MALFORMED)('refuses an id that is %s, naming the field', async (_kind, value) => {
    const response = await harbour.graphql(
      documentFor(operation),
      variablesFor(operation, path, value),
      callerFor(operation),
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: `${field} is not a Harbour id. Use an id exactly as Harbour gave it to you.`,
        extensions: { code: 'BAD_USER_INPUT', field: path },
      }),
    ]);
  });

  it('answers an id of another kind of object as it answers an id that names nothing', async () => {
    const call = (id: string) =>
      harbour.graphql(
        documentFor(operation),
        variablesFor(operation, path, id),
        callerFor(operation),
      );
    const [ofAnAccount, ofNothing] = [
      await call(accountId),
      await call(new Types.ObjectId().toHexString()),
    ];
    const seen = (response: typeof ofNothing) => ({
      data: response.body.data,
      errors: response.body.errors?.map((error) => ({
        message: error.message,
        code: error.extensions?.code,
      })),
    });
    expect(seen(ofAnAccount)).toEqual(seen(ofNothing));
    expect(JSON.stringify(ofNothing.body)).not.toMatch(/something went wrong/);
  });
});
