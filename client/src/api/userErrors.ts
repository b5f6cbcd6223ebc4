import { GraphQLRequestError } from './graphql';

/** A mistake the person can fix, as every Harbour mutation payload returns it. */
export type UserError = {
  /** Path to the input field, such as ["input", "email"]; null when it is about the whole input. */
  field: readonly string[] | null;
  message: string;
  code: string;
};

/** The selection of a mutation payload's userErrors, spliced into each operation. */
export const userErrorFields = /* GraphQL */ `
  userErrors {
    field
    message
    code
  }
`;

/**
 * The payload's userErrors, none meaning it worked; a payload with neither userErrors nor the
 * `result` the operation makes is the API's fault.
 */
export function userErrorsOf(
  operation: string,
  payload: { userErrors: UserError[] },
  result: unknown,
): UserError[] {
  if (payload.userErrors.length === 0 && result == null) {
    throw new GraphQLRequestError(`${operation} returned neither a result nor userErrors`);
  }
  return payload.userErrors;
}

/** A problem to show on a form: `field` names the question, or is null for the form as a whole. */
export type FormError<Field extends string> = { field: Field | null; message: string };

/**
 * Puts the API's userErrors against the form's questions, matched by the input field's name;
 * `otherwise` places those that name no question on the form.
 */
export function formErrorsFrom<Field extends string>(
  userErrors: readonly UserError[],
  fields: readonly Field[],
  otherwise: (userError: UserError) => Field | null = () => null,
): FormError<Field>[] {
  return userErrors.map((userError) => {
    const name = userError.field?.at(-1);
    const field = fields.find((candidate) => candidate === name) ?? otherwise(userError);
    return { field, message: userError.message };
  });
}
