import { budgetYearOf, formatMoney, pence } from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import type { FormError } from '../../api/userErrors';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { Radios } from '../../govuk/Radios';
import { TextInput } from '../../govuk/TextInput';
import { inputErrorsFrom } from '../../providers/console/inputErrors';
import { usePageTitle } from '../../shell/usePageTitle';
import { allocateBudget, fundsPath, type BudgetAllocation, type FundsNotice } from './budgetsApi';
import { poundsAnswer } from './poundsAnswer';

const title = 'Allocate a budget to one child';

type Field = 'childId' | 'kind' | 'amount' | 'heldAs' | 'maxPerHour';
const fields: readonly Field[] = ['childId', 'kind', 'amount', 'heldAs', 'maxPerHour'];

/** A child's Harbour id: 24 letters and numbers (the API refuses anything else outright). */
const CHILD_ID = /^[0-9a-f]{24}$/i;

type Kind = BudgetAllocation['kind'];
type HeldAs = BudgetAllocation['heldAs'];

const kinds: { value: Kind; label: string }[] = [
  { value: 'PERSONAL_BUDGET', label: 'Personal budget' },
  { value: 'PERSONAL_HEALTH_BUDGET', label: 'Personal health budget' },
];

const heldAsOptions: { value: HeldAs; label: string; hint?: string }[] = [
  { value: 'COUNCIL_HELD', label: 'Held by the council' },
  {
    value: 'DIRECT_PAYMENT',
    label: 'Direct payment to the family',
    hint: 'The family is paid the money and pays for the support it chooses.',
  },
];

type Answers = {
  childId: string;
  kind: Kind | null;
  amount: string;
  heldAs: HeldAs | null;
  maxPerHour: string;
};

/** The API's errors against the questions: the amount and the hourly rate go by other names. */
const fieldOfPath = (path: readonly string[]): Field | null => {
  if (path[0] === 'amountPence') return 'amount';
  if (path[0] === 'rules' && path[1] === 'maxPencePerHour') return 'maxPerHour';
  return null;
};

/** Checks what the form turns into ids, codes and pence; the API checks the rest. */
function parseAllocation(
  answers: Answers,
  idempotencyKey: string,
): { allocation: BudgetAllocation } | { errors: FormError<Field>[] } {
  const errors: FormError<Field>[] = [];
  const childId = answers.childId.trim();
  if (childId === '') errors.push({ field: 'childId', message: 'Enter the child’s Harbour id' });
  else if (!CHILD_ID.test(childId)) {
    errors.push({
      field: 'childId',
      message:
        'Enter the child’s Harbour id exactly as Harbour gave it, like 65f1c0a2b3d4e5f6a7b8c9d0',
    });
  }
  if (!answers.kind) {
    errors.push({
      field: 'kind',
      message: 'Choose a personal budget or a personal health budget',
    });
  }
  const amount = poundsAnswer(answers.amount, {
    missing: 'Enter an amount',
    notPounds: 'Enter the amount in pounds and pence, like 250.00',
    notPositive: 'The amount must be more than £0',
    tooMuch: {
      mostPence: 10_000_000,
      message: 'The amount is more than £100,000: check it, or allocate it in parts',
    },
    what: 'The amount',
  });
  if ('error' in amount) errors.push({ field: 'amount', message: amount.error });
  if (!answers.heldAs) errors.push({ field: 'heldAs', message: 'Choose how the budget is held' });
  const maxPerHour = poundsAnswer(answers.maxPerHour, {
    notPounds: 'Enter the most it pays an hour in pounds and pence, like 20.00',
    notPositive: 'The hourly rate must be more than £0',
    what: 'The hourly rate',
  });
  if ('error' in maxPerHour) errors.push({ field: 'maxPerHour', message: maxPerHour.error });
  if (
    errors.length > 0 ||
    !answers.kind ||
    !answers.heldAs ||
    'error' in amount ||
    amount.pence === null ||
    'error' in maxPerHour
  ) {
    return { errors };
  }
  return {
    allocation: {
      childId,
      kind: answers.kind,
      amountPence: amount.pence,
      heldAs: answers.heldAs,
      maxPencePerHour: maxPerHour.pence,
      idempotencyKey,
    },
  };
}

/** Money for one child's personal or health budget this budget year. */
export function AllocateOnePage() {
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<Answers>({
    childId: '',
    kind: null,
    amount: '',
    heldAs: null,
    maxPerHour: '',
  });
  // Sent with each try, so that a try whose answer was lost is not allocated twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const form = useFormSubmission<Field>({ handleFailure: useSendToSignIn() });
  usePageTitle(title, { hasErrors: form.hasErrors });

  const allocate = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const parsed = parseAllocation(answers, idempotencyKey);
      if ('errors' in parsed) return parsed.errors;
      const { userErrors, account } = await allocateBudget(parsed.allocation);
      if (account) {
        const notice: FundsNotice = {
          saved: `${formatMoney(pence(parsed.allocation.amountPence))} allocated to ${account.name}`,
        };
        navigate(fundsPath, { state: notice });
      }
      return inputErrorsFrom(userErrors, fields, fieldOfPath);
    });

  const text = (field: 'childId' | 'amount' | 'maxPerHour') => ({
    value: answers[field],
    onChange: (value: string) => setAnswers({ ...answers, [field]: value }),
    error: form.errorFor(field),
  });

  return (
    <>
      <Link to={fundsPath} className="govuk-back-link">
        Back to funds and spending
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrorSummary form={form} unavailableOutcome="Nothing has been allocated." />
          <span className="govuk-caption-l">Commissioning</span>
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">
            The money is for this budget year, {budgetYearOf().label}. If the child already has this
            budget, the money is added to it, and how it is held and what it may pay for become your
            answers here.
          </p>
          <form noValidate onSubmit={allocate}>
            <TextInput
              id="childId"
              label="Child’s Harbour id"
              hint="24 letters and numbers, as in the child_id column of allocation files"
              spellCheck={false}
              widthClass="govuk-!-width-two-thirds"
              {...text('childId')}
            />
            <Radios
              name="kind"
              legend="Budget"
              options={kinds}
              value={answers.kind}
              onChange={(kind) => setAnswers({ ...answers, kind })}
              error={form.errorFor('kind')}
            />
            <TextInput
              id="amount"
              label="Amount in pounds"
              hint="For example, 250.00"
              prefix="£"
              inputMode="decimal"
              spellCheck={false}
              widthClass="govuk-input--width-10"
              {...text('amount')}
            />
            <Radios
              name="heldAs"
              legend="How it is held"
              options={heldAsOptions}
              value={answers.heldAs}
              onChange={(heldAs) => setAnswers({ ...answers, heldAs })}
              error={form.errorFor('heldAs')}
            />
            <TextInput
              id="maxPerHour"
              label="Most it pays an hour, in pounds (optional)"
              hint="Leave it blank for no limit"
              prefix="£"
              inputMode="decimal"
              spellCheck={false}
              widthClass="govuk-input--width-5"
              {...text('maxPerHour')}
            />
            <button type="submit" className="govuk-button">
              Allocate
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
