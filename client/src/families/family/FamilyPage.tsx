import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { parseEmailAddress } from '../../account/accountForms';
import { useSendToSignIn, useSignedInViewer } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { useViewer } from '../../account/ViewerProvider';
import { formErrorsFrom } from '../../api/userErrors';
import { datePartId, type DatePart } from '../../govuk/DateInput';
import { formatCalendarDate, londonToday } from '../../govuk/dates';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { SuccessBanner } from '../../govuk/NotificationBanner';
import { SummaryCard, SummaryList } from '../../govuk/SummaryList';
import { usePageTitle } from '../../shell/usePageTitle';
import { profilePaths } from '../profile/profileWords';
import { AddChildForm } from './AddChildForm';
import { FamilyInformationLinks } from './FamilyInformationLinks';
import { childFields, parseChild, type ChildAnswers, type ChildField } from './childForm';
import { addChild, fetchChildren, inviteCarer, type Child } from './familyApi';
import { InviteCarerForm } from './InviteCarerForm';
import { canHaveOwnAccount } from '@harbour/shared';

const noAnswers: ChildAnswers = {
  firstName: '',
  lastName: '',
  dateOfBirth: { day: '', month: '', year: '' },
};

/**
 * A family's home: their children, a form to add one, and their information. Parents and carers
 * can also invite another carer, and invite a child of 16 or more to an account of their own.
 */
export function FamilyPage() {
  const { state, reload } = useSignedInQuery(fetchChildren);
  const { refresh } = useViewer();
  const isParent = useSignedInViewer().role === 'FAMILY';
  const [answers, setAnswers] = useState(noAnswers);
  const [dateErrorParts, setDateErrorParts] = useState<readonly DatePart[]>([]);
  const [carerEmail, setCarerEmail] = useState('');
  // What just worked, and a count that keys the banner so that it takes focus each time.
  const [banner, setBanner] = useState<{ message: string; count: number } | null>(null);
  const sendToSignIn = useSendToSignIn();
  const childForm = useFormSubmission<ChildField>({ handleFailure: sendToSignIn });
  const carerForm = useFormSubmission<'email'>({ handleFailure: sendToSignIn });
  // The page has one error summary, for whichever form was sent last.
  const [lastSent, setLastSent] = useState<'child' | 'carer'>('child');
  const form = lastSent === 'child' ? childForm : carerForm;
  usePageTitle('Your family', { hasErrors: form.hasErrors });

  function showBanner(message: string) {
    setBanner({ message, count: (banner?.count ?? 0) + 1 });
  }

  const sendChild = (event: FormEvent<HTMLFormElement>) =>
    childForm.submit(event, async () => {
      setLastSent('child');
      setBanner(null);
      const parsed = parseChild(answers, londonToday());
      if ('errors' in parsed) {
        setDateErrorParts(parsed.dateParts);
        return parsed.errors;
      }
      const userErrors = await addChild(parsed.input);
      setDateErrorParts(['day', 'month', 'year']);
      if (userErrors.length === 0) {
        showBanner(`${parsed.input.firstName} ${parsed.input.lastName} has been added`);
        setAnswers(noAnswers);
        reload();
        // The navigation's idea of the family includes its children.
        refresh().catch(() => {});
      }
      return formErrorsFrom(userErrors, childFields);
    });

  const sendCarerInvitation = (event: FormEvent<HTMLFormElement>) =>
    carerForm.submit(event, async () => {
      setLastSent('carer');
      setBanner(null);
      const parsed = parseEmailAddress(carerEmail, 'Enter their email address');
      if ('errors' in parsed) return parsed.errors;
      const result = await inviteCarer(parsed.input);
      if ('userErrors' in result) return formErrorsFrom(result.userErrors, ['email']);
      showBanner(`We have sent an invitation to ${result.invitation.email}`);
      setCarerEmail('');
      return [];
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {banner && <SuccessBanner key={banner.count}>{banner.message}</SuccessBanner>}
        {lastSent === 'child' ? (
          <FormErrorSummary
            key="child"
            form={childForm}
            unavailableOutcome="The child has not been added."
            fieldId={(field) =>
              field === 'dateOfBirth' ? datePartId(field, dateErrorParts[0] ?? 'day') : field
            }
          />
        ) : (
          <FormErrorSummary
            key="carer"
            form={carerForm}
            unavailableOutcome="The invitation has not been sent."
          />
        )}
        <h1 className="govuk-heading-l">Your family</h1>
        <p className="govuk-body">
          <Link to="/families/bookings" className="govuk-link">
            Your bookings
          </Link>
          : sessions booked, waiting lists and places offered.
        </p>
        <p className="govuk-body">
          <Link to="/families/budgets" className="govuk-link">
            Budgets
          </Link>
          : what your children’s personal budgets have left to spend, and their statements.
        </p>

        <h2 className="govuk-heading-m">Your children</h2>
        {state.status === 'ready' &&
          (state.data.length === 0 ? (
            <p className="govuk-body">You have not added any children yet.</p>
          ) : (
            state.data.map((child) => (
              <ChildCard key={child.id} child={child} canInvite={isParent} />
            ))
          ))}
        {state.status === 'failed' && (
          <p className="govuk-body">
            Sorry, we cannot show your children at the moment. Try again later.
          </p>
        )}

        <h2 className="govuk-heading-m">Add a child</h2>
        <AddChildForm
          answers={answers}
          errorFor={lastSent === 'child' ? childForm.errorFor : () => undefined}
          dateErrorParts={dateErrorParts}
          onChange={setAnswers}
          onSubmit={sendChild}
        />

        {isParent && (
          <InviteCarerForm
            email={carerEmail}
            error={lastSent === 'carer' ? carerForm.errorFor('email') : undefined}
            onChange={setCarerEmail}
            onSubmit={sendCarerInvitation}
          />
        )}

        <FamilyInformationLinks />
      </div>
    </div>
  );
}

/** `canInvite`: parents and carers may invite a child of 16 or more to their own account. */
function ChildCard({ child, canInvite }: { child: Child; canInvite: boolean }) {
  return (
    <SummaryCard title={`${child.firstName} ${child.lastName}`}>
      <SummaryList
        rows={[
          { key: 'Age', value: describeAge(child.ageInYears) },
          { key: 'Date of birth', value: formatCalendarDate(child.dateOfBirth) },
        ]}
      />
      <ul className="govuk-list govuk-!-margin-top-4">
        <li>
          <Link to={profilePaths.profile(child.id)} className="govuk-link">
            {child.firstName}’s profile: needs, support and about me
          </Link>
        </li>
        <li>
          <Link to={profilePaths.eligibility(child.id)} className="govuk-link">
            Check what {child.firstName} can get
          </Link>
        </li>
      </ul>
      {canInvite && canHaveOwnAccount(child) && (
        <p className="govuk-body govuk-!-margin-top-4 govuk-!-margin-bottom-0">
          <Link to={profilePaths.invite(child.id)} className="govuk-link">
            Invite {child.firstName} to have their own account
          </Link>
        </p>
      )}
    </SummaryCard>
  );
}

function describeAge(years: number): string {
  if (years < 1) return 'Under 1 year old';
  return years === 1 ? '1 year old' : `${years} years old`;
}
