import type { ZodError } from 'zod';

/** A domain mistake the person can fix, returned in a payload's `userErrors`. */
export interface UserError {
  /** Path to the input field, e.g. ["input", "comments"]. */
  field: string[] | null;
  message: string;
  code: string;
}

export function userErrorsFromZod(error: ZodError, prefix: string[] = ['input']): UserError[] {
  return error.issues.map((issue) => ({
    field: [...prefix, ...issue.path.map(String)],
    message: issue.message,
    code: 'INVALID',
  }));
}

/**
 * GraphQL sends an optional input field left out as absent but one given as null as null;
 * validation treats both as "not given", so defaults apply either way.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([key, field]) => [key, withoutNulls(field)]),
  );
}
