import { useState, type FormEvent } from 'react';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { useViewer } from '../../account/ViewerProvider';
import { formErrorsFrom } from '../../api/userErrors';
import { datePartId, type DatePart } from '../../govuk/DateInput';
import { formatCalendarDate, londonToday } from '../../govuk/dates';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { SuccessBanner } from '../../govuk/NotificationBanner';
import { usePageTitle } from '../../shell/usePageTitle';
import { AddChildForm } from './AddChildForm';
import { FamilyInformationLinks } from './FamilyInformationLinks';
import { childFields, parseChild, type ChildAnswers, type ChildField } from './childForm';
import { addChild, fetchChildren, type Child } from './familyApi';

const noAnswers: ChildAnswers = {
  firstName: '',
  lastName: '',
  dateOfBirth: { day: '', month: '', year: '' },
};

/** A family's home: their children, a form to add one, and their information. */
export function FamilyPage() {
  const { state, reload } = useSignedInQuery(fetchChildren);
  const { refresh } = useViewer();
  const [answers, setAnswers] = useState(noAnswers);
  const [dateErrorParts, setDateErrorParts] = useState<readonly DatePart[]>([]);
  // The child just added, and a count that keys the banner so that it takes focus each time.
  const [added, setAdded] = useState<{ name: string; count: number } | null>(null);
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<ChildField>({ handleFailure: sendToSignIn });
  usePageTitle('Your family', { hasErrors: form.hasErrors });

  const sendChild = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      setAdded(null);
      const parsed = parseChild(answers, londonToday());
      if ('errors' in parsed) {
        setDateErrorParts(parsed.dateParts);
        return parsed.errors;
      }
      const userErrors = await addChild(parsed.input);
      setDateErrorParts(['day', 'month', 'year']);
      if (userErrors.length === 0) {
        const name = `${parsed.input.firstName} ${parsed.input.lastName}`;
        setAdded({ name, count: (added?.count ?? 0) + 1 });
        setAnswers(noAnswers);
        reload();
        // The navigation's idea of the family includes its children.
        refresh().catch(() => {});
      }
      return formErrorsFrom(userErrors, childFields);
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {added && <SuccessBanner key={added.count}>{added.name} has been added</SuccessBanner>}
        <FormErrorSummary
          form={form}
          unavailableOutcome="The child has not been added."
          fieldId={(field) =>
            field === 'dateOfBirth' ? datePartId(field, dateErrorParts[0] ?? 'day') : field
          }
        />
        <h1 className="govuk-heading-l">Your family</h1>

        <h2 className="govuk-heading-m">Your children</h2>
        {state.status === 'ready' &&
          (state.data.length === 0 ? (
            <p className="govuk-body">You have not added any children yet.</p>
          ) : (
            state.data.map((child) => <ChildCard key={child.id} child={child} />)
          ))}
        {state.status === 'failed' && (
          <p className="govuk-body">
            Sorry, we cannot show your children at the moment. Try again later.
          </p>
        )}

        <h2 className="govuk-heading-m">Add a child</h2>
        <AddChildForm
          answers={answers}
          errorFor={form.errorFor}
          dateErrorParts={dateErrorParts}
          onChange={setAnswers}
          onSubmit={sendChild}
        />

        <FamilyInformationLinks />
      </div>
    </div>
  );
}

function ChildCard({ child }: { child: Child }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {child.firstName} {child.lastName}
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Age</dt>
            <dd className="govuk-summary-list__value">{describeAge(child.ageInYears)}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Date of birth</dt>
            <dd className="govuk-summary-list__value">{formatCalendarDate(child.dateOfBirth)}</dd>
          </div>
        </dl>
      </div>
    </div>
  );
}

function describeAge(years: number): string {
  if (years < 1) return 'Under 1 year old';
  return years === 1 ? '1 year old' : `${years} years old`;
}
