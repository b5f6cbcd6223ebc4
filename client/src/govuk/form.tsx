import { useRef, useState, type FormEvent } from 'react';
import type { FormError } from '../api/userErrors';
import { ErrorSummary } from './ErrorSummary';

type SubmitOptions = {
  /** Deals with a failure itself (by sending the person to sign in, say) and returns true. */
  handleFailure?: (error: unknown) => boolean;
};

/**
 * The state every GOV.UK form here shares: the errors to show, whether the service failed, and
 * a count of attempts that keys the error summary so that it takes focus again each time.
 */
export function useFormSubmission<Field extends string>({ handleFailure }: SubmitOptions = {}) {
  const [errors, setErrors] = useState<FormError<Field>[]>([]);
  const [isUnavailable, setIsUnavailable] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const isSending = useRef(false);

  /** Runs `send`, which returns the problems found (none when it worked) or throws. */
  async function submit(
    event: FormEvent<HTMLFormElement>,
    send: () => Promise<FormError<Field>[]>,
  ) {
    event.preventDefault();
    if (isSending.current) return;
    isSending.current = true;
    setAttempt((count) => count + 1);
    try {
      const problems = await send();
      setErrors(problems);
      setIsUnavailable(false);
    } catch (error) {
      if (handleFailure?.(error)) return;
      setErrors([]);
      setIsUnavailable(true);
    } finally {
      isSending.current = false;
    }
  }

  return {
    errors,
    isUnavailable,
    attempt,
    hasErrors: errors.length > 0 || isUnavailable,
    errorFor: (field: Field) => errors.find((error) => error.field === field)?.message,
    submit,
  };
}

type FormErrorSummaryProps<Field extends string> = {
  form: Pick<ReturnType<typeof useFormSubmission<Field>>, 'errors' | 'isUnavailable' | 'attempt'>;
  /** What did not happen because the service failed, such as "Your account has not been created." */
  unavailableOutcome: string;
  /** The id of the field an error links to, when it is not the field's own name. */
  fieldId?: (field: Field) => string;
};

/** The error summary for a form: the service's failure, or the person's mistakes. */
export function FormErrorSummary<Field extends string>({
  form: { errors, isUnavailable, attempt },
  unavailableOutcome,
  fieldId = (field) => field,
}: FormErrorSummaryProps<Field>) {
  if (isUnavailable) {
    return (
      <ErrorSummary
        key={attempt}
        title="Sorry, there is a problem with the service"
        description={`Try again later. ${unavailableOutcome}`}
      />
    );
  }
  if (errors.length === 0) return null;
  return (
    <ErrorSummary
      key={attempt}
      errors={errors.map(({ field, message }) => ({
        message,
        fieldId: field === null ? undefined : fieldId(field),
      }))}
    />
  );
}
