import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { useViewer } from '../../account/ViewerProvider';
import { formErrorsFrom, type FormError } from '../../api/userErrors';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { TextInput } from '../../govuk/TextInput';
import { usePageTitle } from '../../shell/usePageTitle';
import { requestFamilyErasure } from './familyApi';

const title = "Delete your family's information";

/** The right to erasure: what goes, what must stay, and a typed word to show it is meant. */
export function DeleteFamilyDataPage() {
  const navigate = useNavigate();
  const { refresh } = useViewer();
  const [confirmation, setConfirmation] = useState('');
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<'confirmation'>({ handleFailure: sendToSignIn });
  usePageTitle(title, { hasErrors: form.hasErrors });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary
          form={form}
          unavailableOutcome="Your family's information has not been deleted."
        />
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          You can ask us to delete the information Harbour holds about your family.
        </p>

        <h2 className="govuk-heading-m">What we delete</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>your children&apos;s names and dates of birth</li>
          <li>
            the names and email addresses of everyone in your family with a Harbour account: you,
            any other parents or carers, and young people with their own account
          </li>
          <li>which providers you have let see each child&apos;s profile (your consents)</li>
          <li>the emails Harbour has sent you</li>
          <li>
            your accounts: you will be signed out, and no one in your family will be able to sign in
            to them again
          </li>
        </ul>

        <h2 className="govuk-heading-m">What we keep</h2>
        <p className="govuk-body">
          Some records must be kept. They will not include anyone&apos;s name, date of birth or
          email address:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            an anonymous record that someone looked at or changed your family&apos;s information
          </li>
          <li>
            when you can book and pay for short breaks, records of the money spent, without names
          </li>
        </ul>

        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            You cannot undo this. If you want a copy of your information,{' '}
            <Link to="/account/download" className="govuk-link">
              download your data
            </Link>{' '}
            first.
          </strong>
        </div>

        <form
          noValidate
          onSubmit={(event) =>
            form.submit(event, async () => {
              const parsed = parseConfirmation(confirmation);
              if ('errors' in parsed) return parsed.errors;
              const userErrors = await requestFamilyErasure(parsed.input);
              if (userErrors.length > 0) return formErrorsFrom(userErrors, ['confirmation']);
              // The confirmation needs no sign-in: the API has just ended this session.
              navigate('/account/deleted', { replace: true, state: { erased: true } });
              refresh().catch(() => {});
              return [];
            })
          }
        >
          <TextInput
            id="confirmation"
            label="Type ERASE to confirm"
            autoComplete="off"
            spellCheck={false}
            widthClass="govuk-input--width-10"
            value={confirmation}
            onChange={setConfirmation}
            error={form.errorFor('confirmation')}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning">
              Delete your family&apos;s information
            </button>
            <Link to="/account" className="govuk-link">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

/**
 * The word the API asks for. Phones often capitalise only its first letter, and "Erase" shows
 * the intent as clearly as "ERASE", so any case will do.
 */
function parseConfirmation(
  answer: string,
): { input: 'ERASE' } | { errors: FormError<'confirmation'>[] } {
  return answer.trim().toUpperCase() === 'ERASE'
    ? { input: 'ERASE' }
    : { errors: [{ field: 'confirmation', message: 'Type ERASE to confirm' }] };
}
