import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formErrorsFrom, type FormError } from '../api/userErrors';
import { formatDateTime } from '../govuk/dates';
import { FormErrorSummary, useFormSubmission } from '../govuk/form';
import { SummaryList } from '../govuk/SummaryList';
import { TextInput } from '../govuk/TextInput';
import { useFocusHeadingOnChange } from '../shell/useFocusHeadingOnNavigate';
import { NewPasswordFields } from './NewPasswordFields';
import { usePageTitle } from '../shell/usePageTitle';
import {
  invitationAcceptanceFields,
  parseInvitationAcceptance,
  type InvitationAcceptanceAnswers,
  type InvitationAcceptanceField,
} from './accountForms';
import { acceptInvitation, fetchInvitation, type Invitation } from './invitationApi';
import { signInPath } from './viewer';
import { useViewer } from './ViewerProvider';

type Lookup =
  | { status: 'loading' }
  | { status: 'found'; invitation: Invitation }
  | { status: 'invalid' }
  | { status: 'unavailable' };

/** What happened when the person answered, which replaces the invitation on the page. */
type Outcome =
  | { status: 'invalid' }
  | { status: 'account-exists'; message: string }
  | { status: 'accepted'; joinedFamily: boolean };

const titles = {
  loading: 'Checking your invitation',
  invalid: 'This invitation has expired or has already been used',
  unavailable: 'Sorry, there is a problem with the service',
  open: 'Accept your invitation',
  'account-exists': 'You already have a Harbour account',
  accepted: 'Invitation accepted',
} as const;

const noAnswers: InvitationAcceptanceAnswers = {
  displayName: '',
  password: '',
  confirmPassword: '',
  totp: '',
};

/**
 * Where the link in an invitation email leads. Someone new creates their account here; a parent
 * or carer already signed in with the invited address joins the family with one button.
 */
export function InvitationPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  const lookup = useInvitation(token);
  const { status: viewerStatus, viewer, refresh } = useViewer();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [answers, setAnswers] = useState(noAnswers);
  const form = useFormSubmission<InvitationAcceptanceField>();

  const invitation = lookup.status === 'found' ? lookup.invitation : null;
  // Signed in with the invited address: only a parent or carer invited as one can use it so.
  const invitee =
    invitation && viewer?.email.toLowerCase() === invitation.email.toLowerCase() ? viewer : null;
  const canJoin = invitation?.kind === 'CARER' && invitee?.role === 'FAMILY';

  const view =
    outcome?.status ??
    (lookup.status !== 'found'
      ? lookup.status
      : viewerStatus === 'loading'
        ? 'loading'
        : invitee && !canJoin
          ? 'account-exists'
          : 'open');
  usePageTitle(titles[view], { hasErrors: view === 'open' && form.hasErrors });
  useFocusHeadingOnChange(view);

  if (outcome?.status === 'accepted') return <Accepted joinedFamily={outcome.joinedFamily} />;
  if (outcome?.status === 'account-exists' && token) {
    return <AccountExists message={outcome.message} token={token} />;
  }
  if (view === 'invalid') return <Expired />;
  if (view === 'unavailable') {
    return (
      <Page>
        <h1 className="govuk-heading-l">{titles.unavailable}</h1>
        <p className="govuk-body">Try the link in your invitation email again later.</p>
      </Page>
    );
  }
  if (!invitation || !token || view === 'loading') {
    return (
      <Page>
        <h1 className="govuk-heading-l">{titles.loading}</h1>
        <p className="govuk-body">This will take a moment.</p>
      </Page>
    );
  }

  /** Sends the acceptance and moves on, or returns the mistakes to show on the form. */
  async function accept(
    input: Parameters<typeof acceptInvitation>[0],
  ): Promise<FormError<InvitationAcceptanceField>[]> {
    const userErrors = await acceptInvitation(input);
    // Either refusal is about the invitation or the account, not anything typed on the form.
    const refusal = userErrors.find(
      ({ code }) => code === 'INVALID_TOKEN' || code === 'ACCOUNT_EXISTS',
    );
    if (refusal?.code === 'INVALID_TOKEN') {
      setOutcome({ status: 'invalid' });
    } else if (refusal) {
      setOutcome({ status: 'account-exists', message: refusal.message });
    } else if (userErrors.length === 0) {
      setOutcome({ status: 'accepted', joinedFamily: canJoin });
      // Joining a family changes what the signed-in person can see.
      refresh().catch(() => {});
    }
    return refusal ? [] : formErrorsFrom(userErrors, invitationAcceptanceFields);
  }

  if (invitee && !canJoin) {
    return (
      <Page>
        <h1 className="govuk-heading-l">{titles['account-exists']}</h1>
        <p className="govuk-body">
          You are signed in with {invitation.email}, which already has a Harbour account, so you
          cannot use this invitation.
        </p>
        <p className="govuk-body">
          Ask {invitation.inviterName} to send the invitation to a different email address.
        </p>
      </Page>
    );
  }

  if (invitee) {
    return (
      <Page>
        <FormErrorSummary form={form} unavailableOutcome="Your invitation has not been accepted." />
        <h1 className="govuk-heading-l">{titles.open}</h1>
        <InvitationDetails invitation={invitation} />
        <p className="govuk-body">
          You are signed in as {invitee.email}. When you accept, you will see and can change the
          same children&apos;s information as {invitation.inviterName}.
        </p>
        <form noValidate onSubmit={(event) => form.submit(event, () => accept({ token }))}>
          <button type="submit" className="govuk-button">
            Accept invitation
          </button>
        </form>
      </Page>
    );
  }

  const sendNewAccount = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const parsed = parseInvitationAcceptance(answers, {
        email: invitation.email,
        needsSecurityCode: invitation.kind === 'COMMISSIONER',
      });
      if ('errors' in parsed) return parsed.errors;
      return accept({ token, ...parsed.input });
    });

  const answer = (field: InvitationAcceptanceField) => ({
    value: answers[field],
    onChange: (value: string) => setAnswers({ ...answers, [field]: value }),
    error: form.errorFor(field),
  });

  return (
    <Page>
      <FormErrorSummary form={form} unavailableOutcome="Your invitation has not been accepted." />
      <h1 className="govuk-heading-l">{titles.open}</h1>
      <InvitationDetails invitation={invitation} />
      {viewer && (
        <div className="govuk-inset-text">
          You are signed in as {viewer.email}. Accepting this invitation creates a separate account
          for {invitation.email}.
        </div>
      )}
      <form noValidate onSubmit={sendNewAccount}>
        <h2 className="govuk-heading-m">Create your account</h2>
        <TextInput
          id="displayName"
          label="Your name"
          autoComplete="name"
          spellCheck={false}
          {...answer('displayName')}
        />
        <NewPasswordFields
          password={answer('password')}
          confirmPassword={answer('confirmPassword')}
        />
        {invitation.kind === 'COMMISSIONER' && invitation.totpSecret && (
          <AuthenticatorSetup
            secret={invitation.totpSecret}
            uri={invitation.totpUri}
            {...answer('totp')}
          />
        )}
        <button type="submit" className="govuk-button">
          Accept invitation
        </button>
      </form>
    </Page>
  );
}

/** Looks up the invitation once per token; an address without one is simply not valid. */
function useInvitation(token: string | null): Lookup {
  const [answer, setAnswer] = useState<{ token: string; lookup: Lookup } | null>(null);

  useEffect(() => {
    if (!token) return;
    let isCurrent = true;
    fetchInvitation(token).then(
      (invitation) => {
        if (isCurrent) {
          setAnswer({
            token,
            lookup: invitation ? { status: 'found', invitation } : { status: 'invalid' },
          });
        }
      },
      () => {
        if (isCurrent) setAnswer({ token, lookup: { status: 'unavailable' } });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [token]);

  if (!token) return { status: 'invalid' };
  return answer?.token === token ? answer.lookup : { status: 'loading' };
}

function Page({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}

/** Who sent the invitation, what it is for, and the address it belongs to. */
function InvitationDetails({ invitation }: { invitation: Invitation }) {
  // Names and email addresses can be one long word, which would widen the page on a phone.
  const valueClassName = 'govuk-!-text-break-word';
  const rows = [
    { key: 'Invited by', value: invitation.inviterName, valueClassName },
    { key: 'Email address', value: invitation.email, valueClassName },
    { key: 'Invitation expires', value: formatDateTime(new Date(invitation.expiresAt)) },
  ];
  return (
    <>
      <p className="govuk-body-l">
        {invitation.inviterName} has invited you to {purposeOf(invitation)} on Harbour.
      </p>
      <SummaryList rows={rows} />
    </>
  );
}

/** The same words as the invitation email. */
function purposeOf({ kind, organisationName }: Invitation): string {
  switch (kind) {
    case 'CARER':
      return "share looking after your family's information";
    case 'YOUNG_PERSON':
      return 'look after your own information';
    case 'STAFF':
    case 'COMMISSIONER':
      return `join ${organisationName ?? 'their organisation'}`;
  }
}

type AuthenticatorSetupProps = {
  secret: string;
  uri: string | null;
  value: string;
  onChange: (value: string) => void;
  error?: string;
};

/**
 * Commissioners see children's information, so their account needs a code from an
 * authenticator app from the start: they add the key, then prove it works with a code.
 */
function AuthenticatorSetup({ secret, uri, value, onChange, error }: AuthenticatorSetupProps) {
  return (
    <>
      <h2 className="govuk-heading-m">Set up your authenticator app</h2>
      <p className="govuk-body">
        Each time you sign in, Harbour will ask for a code from an authenticator app on your phone,
        such as Google Authenticator or Microsoft Authenticator.
      </p>
      <ol className="govuk-list govuk-list--number">
        <li>Open your authenticator app and choose to add an account.</li>
        <li>Choose to enter a setup key, and enter this key:</li>
      </ol>
      <div className="govuk-inset-text">
        <p className="govuk-body govuk-!-margin-bottom-2">
          <code className="harbour-setup-key" id="setup-key">
            {/* The gaps between groups are margins, not spaces, so a copied key has none. */}
            {(secret.match(/.{1,4}/g) ?? [secret]).map((group, index) => (
              <span key={index} className="harbour-setup-key__group">
                {group}
              </span>
            ))}
          </code>
        </p>
        <p className="govuk-body govuk-!-margin-bottom-0">
          The key is split into groups of 4 to make it easier to read. You do not need to type the
          gaps.
        </p>
      </div>
      {uri && (
        <>
          <p className="govuk-body">If your app asks for a setup link instead, use this one:</p>
          <p className="govuk-body">
            <code className="harbour-setup-link">{uri}</code>
          </p>
        </>
      )}
      <TextInput
        id="totp"
        label="Enter the 6-digit code from your app"
        hint="Your app shows a new code every 30 seconds."
        autoComplete="one-time-code"
        inputMode="numeric"
        spellCheck={false}
        widthClass="govuk-input--width-5"
        value={value}
        onChange={onChange}
        error={error}
      />
    </>
  );
}

function Accepted({ joinedFamily }: { joinedFamily: boolean }) {
  return (
    <Page>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">{titles.accepted}</h1>
        <div className="govuk-panel__body">
          {joinedFamily ? 'You have joined the family on Harbour' : 'You have joined Harbour'}
        </div>
      </div>
      {joinedFamily ? (
        <>
          <p className="govuk-body">
            You can now see and look after your family&apos;s information.
          </p>
          <Link to="/family" className="govuk-button">
            Go to your family
          </Link>
        </>
      ) : (
        <>
          <p className="govuk-body">
            Your account is ready. Sign in with your email address and the password you created.
          </p>
          <Link to="/sign-in" className="govuk-button">
            Sign in
          </Link>
        </>
      )}
    </Page>
  );
}

function AccountExists({ message, token }: { message: string; token: string }) {
  return (
    <Page>
      <h1 className="govuk-heading-l">{titles['account-exists']}</h1>
      <p className="govuk-body">{asSentence(message)}</p>
      <p className="govuk-body">After you sign in, we will bring you back to this invitation.</p>
      <Link
        to={signInPath(`/invitation?${new URLSearchParams({ token })}`)}
        className="govuk-button"
      >
        Sign in
      </Link>
    </Page>
  );
}

function Expired() {
  return (
    <Page>
      <h1 className="govuk-heading-l">{titles.invalid}</h1>
      <p className="govuk-body">An invitation link works once, for 7 days.</p>
      <p className="govuk-body">
        Ask the person who invited you to send a new invitation. If you have already accepted it,{' '}
        <Link to="/sign-in" className="govuk-link">
          sign in
        </Link>
        .
      </p>
    </Page>
  );
}

/** API messages are written, like GOV.UK error messages, without a full stop. */
function asSentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
