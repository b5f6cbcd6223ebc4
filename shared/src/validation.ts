import { z } from 'zod';

/**
 * Text a person typed: trimmed, and refused when it holds anything but a string,
 * so objects such as `{ "$gt": "" }` never reach a database query.
 */
export function textSchema(label: string, { min = 0, max }: { min?: number; max: number }) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .min(
      min,
      min === 1 ? `Enter ${label.toLowerCase()}` : `${label} must be ${min} characters or more`,
    )
    .max(max, `${label} must be ${max} characters or fewer`);
}

/** An organisation's name, as its members and families will see it. */
export const organisationNameSchema = textSchema('Organisation name', { min: 1, max: 120 });

export const emailSchema = z
  .string({ error: 'Email address must be text' })
  .trim()
  .toLowerCase()
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com' }));

/** UK postcode or outward code, normalised to upper case with one space. */
export const postcodeSchema = z
  .string({ error: 'Postcode must be text' })
  .trim()
  .toUpperCase()
  .transform((value) => value.replace(/\s+/g, ''))
  .refine((value) => /^[A-Z]{1,2}\d[A-Z\d]?(\d[A-Z]{2})?$/.test(value), {
    error: 'Enter a real postcode, like EX39 1AA',
  })
  .transform((value) => (value.length > 4 ? `${value.slice(0, -3)} ${value.slice(-3)}` : value));
