import { useState, type FormEvent } from 'react';
import { useSendToSignIn } from '../account/RequireSignIn';
import { useSignedInQuery } from '../account/useSignedInQuery';
import { formErrorsFrom, type UserError } from '../api/userErrors';
import { useFormSubmission } from '../govuk/form';
import type { Decision } from './adminApi';

/**
 * A queue an administrator works through, approving or rejecting each item: loads it, sends a
 * decision, and says what was decided in a banner that takes focus each time.
 */
export function useDecisionQueue<Item>(
  load: () => Promise<Item[]>,
  send: (item: Item, decision: Decision) => Promise<UserError[]>,
  decided: (item: Item, decision: Decision) => string,
) {
  const { state, reload } = useSignedInQuery(load);
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<never>({ handleFailure: sendToSignIn });
  // What was just decided, and a count that keys the banner so that it takes focus each time.
  const [outcome, setOutcome] = useState<{ text: string; count: number } | null>(null);

  const decide = (event: FormEvent<HTMLFormElement>, item: Item, decision: Decision) =>
    form.submit(event, async () => {
      setOutcome(null);
      const userErrors = await send(item, decision);
      if (userErrors.length === 0) {
        setOutcome({ text: decided(item, decision), count: (outcome?.count ?? 0) + 1 });
        reload();
      }
      return formErrorsFrom(userErrors, []);
    });

  return { state, form, outcome, decide };
}
