import { budgetYearOf, formatMoney, pence } from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import type { FormError } from '../../api/userErrors';
import { Checkboxes } from '../../govuk/Checkboxes';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { TextInput } from '../../govuk/TextInput';
import { inputErrorsFrom } from '../../providers/console/inputErrors';
import { usePageTitle } from '../../shell/usePageTitle';
import {
  createPooledFund,
  fundsPath,
  poolTiers,
  type FundsNotice,
  type PooledFundInput,
} from './budgetsApi';
import { poundsAnswer } from './poundsAnswer';

const title = 'Create a pooled fund';

type Field = 'name' | 'total' | 'perChildCap' | 'tiers' | 'maxPerHour';
const fields: readonly Field[] = ['name', 'total', 'perChildCap', 'tiers', 'maxPerHour'];

type Answers = {
  name: string;
  total: string;
  perChildCap: string;
  tiers: string[];
  maxPerHour: string;
};

/** The API's errors against the questions, which ask in pounds for what it takes in pence. */
const fieldOfPath = (path: readonly string[]): Field | null => {
  if (path[0] === 'totalPence') return 'total';
  if (path[0] === 'perChildCapPence') return 'perChildCap';
  if (path[0] === 'rules' && path[1] === 'maxPencePerHour') return 'maxPerHour';
  return null;
};

/** Checks what the form turns into pence, in the API's words where it has them. */
function parseFund(answers: Answers): { fund: PooledFundInput } | { errors: FormError<Field>[] } {
  const errors: FormError<Field>[] = [];
  const name = answers.name.trim();
  if (name === '') errors.push({ field: 'name', message: 'Enter the fund’s name' });
  else if (name.length > 120) {
    errors.push({ field: 'name', message: 'The fund’s name must be 120 characters or fewer' });
  }
  const total = poundsAnswer(answers.total, {
    missing: 'Enter the total, in pounds',
    notPounds: 'Enter the total in pounds and pence, like 50000.00',
    notPositive: 'The amount must be more than £0',
    tooMuch: { mostPence: 1_000_000_000, message: 'A pooled fund holds at most £10,000,000' },
    what: 'The total',
  });
  if ('error' in total) errors.push({ field: 'total', message: total.error });
  const cap = poundsAnswer(answers.perChildCap, {
    missing: 'Enter each child’s cap for the year, in pounds',
    notPounds: 'Enter each child’s cap in pounds and pence, like 500.00',
    notPositive: 'Each child’s cap must be more than £0',
    what: 'Each child’s cap',
  });
  if ('error' in cap) errors.push({ field: 'perChildCap', message: cap.error });
  else if (
    'pence' in total &&
    total.pence !== null &&
    cap.pence !== null &&
    cap.pence > total.pence
  ) {
    errors.push({
      field: 'perChildCap',
      message: 'Each child’s cap cannot be more than the fund holds',
    });
  }
  const maxPerHour = poundsAnswer(answers.maxPerHour, {
    notPounds: 'Enter the most it pays an hour in pounds and pence, like 20.00',
    notPositive: 'The hourly rate must be more than £0',
    what: 'The hourly rate',
  });
  if ('error' in maxPerHour) errors.push({ field: 'maxPerHour', message: maxPerHour.error });
  if (
    errors.length > 0 ||
    'error' in total ||
    total.pence === null ||
    'error' in cap ||
    cap.pence === null ||
    'error' in maxPerHour
  ) {
    return { errors };
  }
  return {
    fund: {
      name,
      totalPence: total.pence,
      perChildCapPence: cap.pence,
      tiers: answers.tiers,
      maxPencePerHour: maxPerHour.pence,
    },
  };
}

/** A commissioners' pooled fund for this budget year, with its money. */
export function PooledFundNewPage() {
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<Answers>({
    name: '',
    total: '',
    perChildCap: '',
    tiers: [],
    maxPerHour: '',
  });
  const form = useFormSubmission<Field>({ handleFailure: useSendToSignIn() });
  usePageTitle(title, { hasErrors: form.hasErrors });

  const create = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const parsed = parseFund(answers);
      if ('errors' in parsed) return parsed.errors;
      const { userErrors, account } = await createPooledFund(parsed.fund);
      if (account) {
        const notice: FundsNotice = {
          saved: `${account.name} has been created with ${formatMoney(pence(parsed.fund.totalPence))}`,
        };
        navigate(fundsPath, { state: notice });
      }
      return inputErrorsFrom(userErrors, fields, fieldOfPath);
    });

  const text = (field: Exclude<Field, 'tiers'>) => ({
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
          <FormErrorSummary
            form={form}
            unavailableOutcome="The pooled fund has not been created."
          />
          <span className="govuk-caption-l">Commissioning</span>
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">
            The fund is for this budget year, {budgetYearOf().label}. Bookings for children who may
            draw on it are paid from it first, up to each child’s cap.
          </p>
          <form noValidate onSubmit={create}>
            <TextInput
              id="name"
              label="Name"
              hint="As families will see it when they book, like Short breaks pooled fund"
              {...text('name')}
            />
            <TextInput
              id="total"
              label="Total in pounds"
              hint="What the fund holds for the year, for example 50000.00"
              prefix="£"
              inputMode="decimal"
              spellCheck={false}
              widthClass="govuk-input--width-10"
              {...text('total')}
            />
            <TextInput
              id="perChildCap"
              label="Each child’s cap for the year, in pounds"
              hint="The most the fund pays for one child, for example 500.00"
              prefix="£"
              inputMode="decimal"
              spellCheck={false}
              widthClass="govuk-input--width-10"
              {...text('perChildCap')}
            />
            <Checkboxes
              name="tiers"
              legend="Which tiers may draw on it"
              legendSize="m"
              hint="Select all that apply. If you select none, any child may draw on it."
              options={poolTiers}
              values={answers.tiers}
              onChange={(tiers) => setAnswers({ ...answers, tiers })}
              error={form.errorFor('tiers')}
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
              Create pooled fund
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
