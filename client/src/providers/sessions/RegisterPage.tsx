import { COMMUNICATION_METHODS, HEALTH_NEEDS, SUPPORT_NEEDED } from '@harbour/shared';
import { useCallback, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { SuccessBanner } from '../../govuk/NotificationBanner';
import { SummaryCard, SummaryList } from '../../govuk/SummaryList';
import { TextInput } from '../../govuk/TextInput';
import { usePageTitle } from '../../shell/usePageTitle';
import type { ConsoleNotice } from '../console/ProviderConsolePage';
import { WithConsole } from '../console/WithConsole';
import { inputErrorsFrom } from '../console/inputErrors';
import {
  cancelSession,
  changeCapacity,
  fetchRegister,
  markAttendance,
  type RegisterEntry,
} from './sessionsApi';

const STATE_TAGS: Record<string, { text: string; className: string }> = {
  CONFIRMED: { text: 'Booked', className: 'govuk-tag--blue' },
  ATTENDED: { text: 'Present', className: 'govuk-tag--green' },
  ABSENT: { text: 'Absent', className: 'govuk-tag--orange' },
  CANCELLED: { text: 'Late cancellation', className: 'govuk-tag--grey' },
};

/** A session's register: who is booked, what their families shared, and attendance. */
export function RegisterPage() {
  return (
    <WithConsole>
      {(_details, pathTo) => <Register calendarPath={pathTo('/sessions')} />}
    </WithConsole>
  );
}

function Register({ calendarPath }: { calendarPath: string }) {
  const { sessionId = '' } = useParams();
  const load = useCallback(() => fetchRegister(sessionId), [sessionId]);
  const { state, reload } = useSignedInQuery(load);
  const [marked, setMarked] = useState<string | null>(null);
  usePageTitle('Register');

  if (state.status === 'loading') return <p className="govuk-body">Loading the register…</p>;
  if (state.status === 'failed') {
    return <p className="govuk-body">Sorry, we cannot show this register. Try again later.</p>;
  }
  const { session, entries, waitlist } = state.data;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {marked && <SuccessBanner key={marked}>{marked}</SuccessBanner>}
        <span className="govuk-caption-l">{session.name}</span>
        <h1 className="govuk-heading-l">Register: {session.when}</h1>
        <SummaryList
          rows={[
            { key: 'Places booked', value: `${session.placesBooked} of ${session.terms.places}` },
            {
              key: 'Staff needed',
              value: `${session.staffNeeded} of ${session.terms.staff} on shift`,
            },
            { key: 'Waiting list', value: String(waitlist.length) },
            ...(session.status === 'CANCELLED'
              ? [
                  {
                    key: 'Status',
                    value: `Cancelled${session.cancelledReason ? `: ${session.cancelledReason}` : ''}`,
                  },
                ]
              : []),
          ]}
        />
        <h2 className="govuk-heading-m">Children booked</h2>
        {entries.length === 0 && <p className="govuk-body">No children are booked yet.</p>}
        {entries.map((entry) => (
          <ChildOnRegister
            key={entry.booking.id}
            entry={entry}
            onMarked={(words) => {
              setMarked(words);
              reload();
            }}
          />
        ))}
        {session.status === 'SCHEDULED' && (
          <>
            <ChangeCapacity
              key={`${session.terms.places}:${session.terms.staff}`}
              sessionId={session.id}
              places={session.terms.places}
              staff={session.terms.staff}
              onSaved={(words) => {
                setMarked(words);
                reload();
              }}
            />
            <CancelSession sessionId={session.id} calendarPath={calendarPath} />
          </>
        )}
      </div>
    </div>
  );
}

function ChildOnRegister({
  entry,
  onMarked,
}: {
  entry: RegisterEntry;
  onMarked: (words: string) => void;
}) {
  const { booking, child } = entry;
  const profile = child?.profile;
  const form = useFormSubmission<never>({ handleFailure: useSendToSignIn() });
  const name = booking.child.firstName;
  const tag = STATE_TAGS[booking.state] ?? { text: booking.state, className: '' };
  const mark =
    (attendance: 'ATTENDED' | 'ABSENT' | 'LATE_CANCELLATION') =>
    (event: FormEvent<HTMLFormElement>) =>
      form.submit(event, async () => {
        const userErrors = await markAttendance(booking.id, attendance);
        if (userErrors.length === 0) {
          onMarked(
            `${name} marked as ${{ ATTENDED: 'present', ABSENT: 'absent', LATE_CANCELLATION: 'a late cancellation' }[attendance]}`,
          );
        }
        return userErrors.map(({ message }) => ({ field: null, message }));
      });
  const contacts = profile?.emergencyContacts;
  return (
    <SummaryCard title={`${name} (${booking.reference})`}>
      <FormErrorSummary form={form} unavailableOutcome="Attendance has not been saved." />
      <SummaryList
        rows={[
          {
            key: 'Attendance',
            value: <strong className={`govuk-tag ${tag.className}`}>{tag.text}</strong>,
          },
          { key: 'Support', value: SUPPORT_NEEDED.label(booking.supportNeeded) },
          ...(profile
            ? [
                { key: 'What helps', value: profile.whatHelps || 'Not shared or not given' },
                {
                  key: 'Communication',
                  value: profile.communication?.length
                    ? profile.communication.map((c) => COMMUNICATION_METHODS.label(c)).join(', ')
                    : 'Not shared or not given',
                },
                {
                  key: 'Health and medication',
                  value:
                    [
                      ...(profile.health ?? []).map((h) => HEALTH_NEEDS.label(h)),
                      profile.healthNotes,
                    ]
                      .filter(Boolean)
                      .join('. ') || 'Not shared or not given',
                },
                {
                  key: 'Emergency contacts',
                  value: contacts?.length
                    ? contacts.map((c) => `${c.name} (${c.relationship}), ${c.phone}`).join('; ')
                    : 'Not shared or not given',
                },
              ]
            : [
                {
                  key: 'Profile',
                  value: 'The family has not shared this child’s profile with you',
                },
              ]),
        ]}
      />
      {booking.state !== 'CANCELLED' && (
        <div className="govuk-button-group">
          <form noValidate onSubmit={mark('ATTENDED')}>
            <button type="submit" className="govuk-button">
              Present<span className="govuk-visually-hidden">: {name}</span>
            </button>
          </form>
          <form noValidate onSubmit={mark('ABSENT')}>
            <button type="submit" className="govuk-button govuk-button--secondary">
              Absent<span className="govuk-visually-hidden">: {name}</span>
            </button>
          </form>
          {booking.state === 'CONFIRMED' && (
            <form noValidate onSubmit={mark('LATE_CANCELLATION')}>
              <button type="submit" className="govuk-button govuk-button--secondary">
                Late cancellation<span className="govuk-visually-hidden">: {name}</span>
              </button>
            </form>
          )}
        </div>
      )}
    </SummaryCard>
  );
}

/**
 * More places or staff offer waiting places at once; fewer than the children booked need is
 * refused with the number booked.
 */
function ChangeCapacity({
  sessionId,
  places,
  staff,
  onSaved,
}: {
  sessionId: string;
  places: number;
  staff: number;
  onSaved: (words: string) => void;
}) {
  const [answers, setAnswers] = useState({ places: String(places), staff: String(staff) });
  const form = useFormSubmission<'places' | 'staff'>({ handleFailure: useSendToSignIn() });
  const save = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const problems = (['places', 'staff'] as const)
        .filter((field) => !/^\d+$/.test(answers[field].trim()))
        .map((field) => ({
          field,
          message:
            field === 'places'
              ? 'Enter the number of places as a whole number'
              : 'Enter the number of staff on shift as a whole number',
        }));
      if (problems.length > 0) return problems;
      const userErrors = await changeCapacity(
        sessionId,
        Number(answers.places.trim()),
        Number(answers.staff.trim()),
      );
      if (userErrors.length === 0) onSaved('Places and staff saved');
      return inputErrorsFrom(userErrors, ['places', 'staff'] as const);
    });
  return (
    <>
      <h2 className="govuk-heading-m">Change places and staff</h2>
      <FormErrorSummary form={form} unavailableOutcome="Places and staff have not changed." />
      <p className="govuk-body">
        If you add places or staff, the next children on the waiting list are offered them.
      </p>
      <form noValidate onSubmit={save}>
        <TextInput
          id="places"
          label="Places"
          inputMode="numeric"
          widthClass="govuk-input--width-4"
          value={answers.places}
          onChange={(value) => setAnswers({ ...answers, places: value })}
          error={form.errorFor('places')}
        />
        <TextInput
          id="staff"
          label="Staff on shift"
          inputMode="numeric"
          widthClass="govuk-input--width-4"
          value={answers.staff}
          onChange={(value) => setAnswers({ ...answers, staff: value })}
          error={form.errorFor('staff')}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Save places and staff
        </button>
      </form>
    </>
  );
}

function CancelSession({ sessionId, calendarPath }: { sessionId: string; calendarPath: string }) {
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const form = useFormSubmission<'reason'>({ handleFailure: useSendToSignIn() });
  const cancel = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const userErrors = await cancelSession(sessionId, reason.trim());
      if (userErrors.length === 0) {
        const notice: ConsoleNotice = {
          saved: 'The session has been cancelled and every family told',
        };
        navigate(calendarPath, { state: notice });
      }
      return userErrors.map(({ message }) => ({ field: null, message }));
    });
  return (
    <>
      <h2 className="govuk-heading-m">Cancel this session</h2>
      <FormErrorSummary form={form} unavailableOutcome="The session has not been cancelled." />
      <p className="govuk-body">
        Every booking ends and each family gets an email with your reason.
      </p>
      <form noValidate onSubmit={cancel}>
        <TextInput
          id="reason"
          label="Reason (optional)"
          value={reason}
          onChange={setReason}
          error={form.errorFor('reason')}
        />
        <button type="submit" className="govuk-button govuk-button--warning">
          Cancel session
        </button>
      </form>
    </>
  );
}
