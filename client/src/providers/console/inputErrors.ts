import type { FormError, UserError } from '../../api/userErrors';

/**
 * Puts the API's userErrors against a form's questions by the input field their path names,
 * ["input", field, …]: an error about one of a list's items (["input", "needs", "1"]) belongs
 * to the list's question. `nested` places those about a field the form asks in parts, such as
 * each cost; anything else is about the form as a whole.
 */
export function inputErrorsFrom<Field extends string>(
  userErrors: readonly UserError[],
  fields: readonly Field[],
  nested: (path: readonly string[]) => Field | null = () => null,
): FormError<Field>[] {
  return userErrors.map(({ field, message }) => {
    const [root, ...path] = field ?? [];
    if (root !== 'input') return { field: null, message };
    const question = fields.find((candidate) => candidate === path[0]) ?? nested(path);
    return { field: question, message };
  });
}

/** Text a person may leave blank, as the API wants it: trimmed, or null. */
export function optionalText(answer: string): string | null {
  const text = answer.trim();
  return text === '' ? null : text;
}
