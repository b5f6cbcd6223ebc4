import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Instants as ISO 8601 strings in UTC; shown in Europe/London by clients. */
export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in time, as an ISO 8601 string in UTC, e.g. 2026-11-25T09:30:00.000Z',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue(value) {
    return parseDateTime(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('DateTime must be a string such as 2026-11-25T09:30:00Z');
    return parseDateTime(ast.value);
  },
});

function parseDateTime(value: unknown): Date {
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
  ) {
    throw new GraphQLError(
      'DateTime must be an ISO 8601 string with a time zone, such as 2026-11-25T09:30:00Z',
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime "${value}" is not a real date`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}
