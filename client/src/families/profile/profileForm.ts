import {
  childProfileChangeSchema,
  type ChildProfileChange,
  type EmergencyContact,
} from '@harbour/shared';
import type { FormError, UserError } from '../../api/userErrors';

type ChangeField = keyof ChildProfileChange;
type ContactPart = keyof EmergencyContact;

/**
 * A question on a profile form: a field of the change, or one part of one emergency contact,
 * such as emergencyContacts.1.phone (the second contact's phone number).
 */
export type ProfileField = ChangeField | `emergencyContacts.${number}.${ContactPart}`;

const changeFields = Object.keys(childProfileChangeSchema.shape) as ChangeField[];
const contactParts: readonly ContactPart[] = ['name', 'relationship', 'phone'];

/** The question a problem at `path` (within the change) is about, or null for the whole form. */
function fieldAt(path: readonly (string | number | symbol)[]): ProfileField | null {
  const [first, index, part] = path.map(String);
  const field = changeFields.find((candidate) => candidate === first);
  if (!field) return null;
  const contactPart = contactParts.find((candidate) => candidate === part);
  if (field === 'emergencyContacts' && index !== undefined && /^\d+$/.test(index) && contactPart) {
    return `emergencyContacts.${Number(index)}.${contactPart}`;
  }
  // A problem with one item of a list, such as needs.3, belongs to the list's question.
  return field;
}

/**
 * The change as the API wants it, checked with the same schema and words the API uses; or the
 * problems to show on the form.
 */
export function checkProfileChange(
  change: Partial<Record<ChangeField, unknown>>,
): { change: ChildProfileChange } | { errors: FormError<ProfileField>[] } {
  const parsed = childProfileChangeSchema.safeParse(change);
  if (parsed.success) return { change: parsed.data };
  return {
    errors: parsed.error.issues.map((issue) => ({
      field: fieldAt(issue.path),
      message: issue.message,
    })),
  };
}

/**
 * The API's userErrors against the form's questions by their path, ["input", field, …]. Those
 * about the input as a whole, such as STALE (someone saved since), belong to no question.
 */
export function profileErrorsFrom(userErrors: readonly UserError[]): FormError<ProfileField>[] {
  return userErrors.map(({ field, message }) => {
    const [root, ...path] = field ?? [];
    return { field: root === 'input' ? fieldAt(path) : null, message };
  });
}

/** The id of one part of one contact's fieldset: contact-2-phone for the second contact's phone. */
export function contactFieldId(index: number, part: ContactPart): string {
  return `contact-${index + 1}-${part}`;
}

/**
 * The element an error summary links to for a question: the field of that name, or for a
 * contact's part, its input.
 */
export function profileFieldId(field: ProfileField): string {
  const contact = /^emergencyContacts\.(\d+)\.(name|relationship|phone)$/.exec(field);
  if (contact) return contactFieldId(Number(contact[1]), contact[2] as ContactPart);
  return field;
}
