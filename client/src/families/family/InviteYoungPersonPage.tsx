import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { parseEmailAddress } from '../../account/accountForms';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { formErrorsFrom } from '../../api/userErrors';
import { formatDateTime } from '../../govuk/dates';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { LoadingPage } from '../../govuk/LoadingPage';
import { TextInput } from '../../govuk/TextInput';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { ServiceProblemPage } from '../../shell/ServiceProblemPage';
import { useFocusHeadingOnChange } from '../../shell/useFocusHeadingOnNavigate';
import { usePageTitle } from '../../shell/usePageTitle';
import { fetchChildren, inviteYoungPerson, type Child, type InvitationSent } from './familyApi';
import { canHaveOwnAccount, YOUNG_PERSON_MIN_AGE } from '@harbour/shared';

/** Where a parent invites one of their children, aged 16 or more, to an account of their own. */
export function InviteYoungPersonPage() {
  const { childId } = useParams();
  const { state } = useSignedInQuery(fetchChildren);

  if (state.status === 'loading') return <LoadingPage />;
  if (state.status === 'failed') return <ServiceProblemPage />;
  const child = state.data.find(({ id }) => id === childId);
  if (!child) return <NotFoundPage />;
  return canHaveOwnAccount(child) ? <InviteForm child={child} /> : <TooYoung child={child} />;
}

function InviteForm({ child }: { child: Child }) {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<InvitationSent | null>(null);
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<'email'>({ handleFailure: sendToSignIn });
  const name = child.firstName;
  usePageTitle(sent ? 'Invitation sent' : `Invite ${name} to have their own account`, {
    hasErrors: !sent && form.hasErrors,
  });
  useFocusHeadingOnChange(sent === null);

  if (sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">Invitation sent</h1>
            <div className="govuk-panel__body govuk-!-text-break-word">
              We have sent an invitation to {sent.email}
            </div>
          </div>
          <p className="govuk-body">
            {name} can use the link in the email to create their account until{' '}
            {formatDateTime(new Date(sent.expiresAt))}.
          </p>
          <p className="govuk-body">
            <Link to="/family" className="govuk-link">
              Go back to your family
            </Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/family" className="govuk-back-link">
          Back
        </Link>
        <FormErrorSummary form={form} unavailableOutcome="The invitation has not been sent." />
        <h1 className="govuk-heading-l">Invite {name} to have their own account</h1>
        <p className="govuk-body">
          Young people can have a Harbour account of their own from {YOUNG_PERSON_MIN_AGE}, to look
          after their own information.
        </p>
        <p className="govuk-body">
          We will email {name} a link to create their account. The link works for 7 days.
        </p>
        <form
          noValidate
          onSubmit={(event) =>
            form.submit(event, async () => {
              const parsed = parseEmailAddress(email, `Enter ${name}'s email address`);
              if ('errors' in parsed) return parsed.errors;
              const result = await inviteYoungPerson({ childId: child.id, email: parsed.input });
              if ('userErrors' in result) {
                // Refusals about the child itself, such as TOO_YOUNG, belong to no question.
                return formErrorsFrom(result.userErrors, ['email']);
              }
              setSent(result.invitation);
              return [];
            })
          }
        >
          {/* The young person's address, not the parent's, so the browser should not fill it in. */}
          <TextInput
            id="email"
            label={`${name}'s email address`}
            hint={`Use an address that only ${name} reads.`}
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={form.errorFor('email')}
          />
          <button type="submit" className="govuk-button">
            Send invitation
          </button>
        </form>
      </div>
    </div>
  );
}

function TooYoung({ child }: { child: Child }) {
  const title = `${child.firstName} cannot have their own account yet`;
  usePageTitle(title);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          Young people can have a Harbour account of their own from {YOUNG_PERSON_MIN_AGE}.{' '}
          {child.firstName} is {child.ageInYears}.
        </p>
        <p className="govuk-body">
          <Link to="/family" className="govuk-link">
            Go back to your family
          </Link>
        </p>
      </div>
    </div>
  );
}
