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
