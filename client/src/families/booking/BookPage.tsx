import { formatMoney, PROFILE_SECTIONS } from '@harbour/shared';
import { useCallback, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSendToSignIn, useSignedInViewer } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { formErrorsFrom } from '../../api/userErrors';
import { Checkboxes } from '../../govuk/Checkboxes';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { Radios } from '../../govuk/Radios';
import { SummaryList } from '../../govuk/SummaryList';
import { WarningText } from '../../govuk/WarningText';
import { usePageTitle } from '../../shell/usePageTitle';
import { cardPaymentPath } from '../payments/paymentsApi';
import {
  createBooking,
  fetchListingSessions,
  fetchQuote,
  type Booking,
  type BookingRequest,
  type Quote,
} from './bookingApi';
import { placesText, priceOf } from './UpcomingSessions';

type Field = 'childId' | 'sessionIds' | 'shareSections';
const fields: readonly Field[] = ['childId', 'sessionIds', 'shareSections'];

export type BookedNotice = { booked: Booking[] };

/**
 * Booking a service: choose the child and the sessions (one, or the whole course as a block),
 * then check the answers (price, cancellation terms, what to share) and confirm.
 */
export function BookPage() {
  const { listingId = '' } = useParams();
  const load = useCallback(() => fetchListingSessions(listingId), [listingId]);
  const { state } = useSignedInQuery(load);
  const [request, setRequest] = useState<{ quote: Quote; input: BookingRequest } | null>(null);

  if (state.status === 'loading') return <p className="govuk-body">Loading sessions…</p>;
  if (state.status === 'failed') {
    return <p className="govuk-body">Sorry, we cannot show the sessions. Try again later.</p>;
  }
  const backToService = (
    <Link to={`/services/${encodeURIComponent(listingId)}`} className="govuk-back-link">
      Back to the service
    </Link>
  );
  if (request) {
    return (
      <>
        <button
          type="button"
          className="govuk-back-link govuk-link--no-visited-state"
          onClick={() => setRequest(null)}
        >
          Back
        </button>
        <CheckAnswers quote={request.quote} input={request.input} />
      </>
    );
  }
  return (
    <>
      {backToService}
      <ChooseSessions
        sessions={state.data}
        onChosen={(quote, input) => setRequest({ quote, input })}
      />
    </>
  );
}

function ChooseSessions({
  sessions,
  onChosen,
}: {
  sessions: Awaited<ReturnType<typeof fetchListingSessions>>;
  onChosen: (quote: Quote, input: BookingRequest) => void;
}) {
  const viewer = useSignedInViewer();
  const children = viewer.family?.children ?? [];
  const [childId, setChildId] = useState<string | null>(
    children.length === 1 ? (children[0]?.id ?? null) : null,
  );
  const [sessionIds, setSessionIds] = useState<string[]>([]);
  const form = useFormSubmission<Field>({ handleFailure: useSendToSignIn() });
  const serviceName = sessions[0]?.name ?? 'this service';
  const title = `Book ${serviceName}`;
  usePageTitle(title, { hasErrors: form.hasErrors });
  const bookable = sessions.filter((session) => session.bookable);

  const next = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const problems = [
        ...(childId
          ? []
          : [{ field: 'childId' as const, message: 'Choose who the booking is for' }]),
        ...(sessionIds.length
          ? []
          : [{ field: 'sessionIds' as const, message: 'Choose at least one session' }]),
      ];
      if (problems.length || !childId) return problems;
      const input = { childId, sessionIds };
      const { userErrors, quote } = await fetchQuote(input);
      if (quote && userErrors.length === 0) onChosen(quote, input);
      return formErrorsFrom(userErrors, fields, (error) =>
        error.field?.[1] === 'sessionIds' ? 'sessionIds' : null,
      );
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="Nothing has been booked." />
        <h1 className="govuk-heading-l">{title}</h1>
        {children.length === 0 ? (
          <p className="govuk-body">
            Add your child to your family first:{' '}
            <Link to="/family" className="govuk-link">
              your family
            </Link>
            .
          </p>
        ) : (
          <form noValidate onSubmit={next}>
            <Radios
              name="childId"
              legend="Who is it for?"
              options={children.map((child) => ({ value: child.id, label: child.firstName }))}
              value={childId}
              onChange={setChildId}
              error={form.errorFor('childId')}
            />
            <Checkboxes
              name="sessionIds"
              legend="Which sessions?"
              legendSize="m"
              hint="Choose every week of a course, or every day of a holiday scheme, to book them together. Full sessions offer a place on the waiting list."
              options={bookable.map((session) => ({
                value: session.id,
                label: session.when,
                hint: `${placesText(session)}. ${priceOf(session)}`,
              }))}
              values={sessionIds}
              onChange={setSessionIds}
              error={form.errorFor('sessionIds')}
            />
            {bookable.length > 1 && (
              <p className="govuk-body">
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => setSessionIds(bookable.map((session) => session.id))}
                >
                  Choose all {bookable.length} sessions
                </button>
              </p>
            )}
            <button type="submit" className="govuk-button">
              Continue
            </button>
          </form>
        )}
      </div>
    </div>
  );
}

function CheckAnswers({ quote, input }: { quote: Quote; input: BookingRequest }) {
  const navigate = useNavigate();
  const [share, setShare] = useState<string[]>([]);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const form = useFormSubmission<Field>({ handleFailure: useSendToSignIn() });
  const title = 'Check your booking';
  usePageTitle(title, { hasErrors: form.hasErrors });
  const full = quote.sessions.filter((session) => quote.fullSessionIds.includes(session.id));
  const name = quote.childName;
  const { card, notes } = quote.funding;
  // Each fund's part, then the card's, which the family pays on the next page.
  const paidBy = [
    ...quote.funding.parts
      .filter((part) => part.source !== 'CARD')
      .map((part) => ({ key: part.name, value: formatMoney(part.amount) })),
    ...(card.amountPence > 0
      ? [{ key: 'Card payment', value: `${formatMoney(card)}, which you pay by card next` }]
      : []),
  ];

  const confirm = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const { userErrors, bookings } = await createBooking({
        ...input,
        whenFull: 'WAITLIST',
        shareSections: share,
        idempotencyKey,
        expectedCardPence: card.amountPence,
      });
      if (userErrors.length > 0) return formErrorsFrom(userErrors, fields);
      // A block of sessions shares one card payment.
      const due = bookings.find((booking) => booking.cardPayment?.state === 'REQUIRES_PAYMENT');
      if (due?.cardPayment) {
        navigate(cardPaymentPath(due.cardPayment.id));
      } else {
        const notice: BookedNotice = { booked: bookings };
        navigate('/families/bookings', { state: notice });
      }
      return [];
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="Nothing has been booked." />
        <h1 className="govuk-heading-l">{title}</h1>
        <SummaryList
          rows={[
            { key: 'Who it is for', value: name },
            { key: 'Service', value: quote.sessions[0]?.name ?? '' },
            {
              key: quote.sessions.length === 1 ? 'Session' : `Sessions (${quote.sessions.length})`,
              value: (
                <ul className="govuk-list">
                  {quote.sessions.map((session) => (
                    <li key={session.id}>
                      {session.when}
                      {quote.fullSessionIds.includes(session.id) && ' (full: waiting list)'}
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              key: 'Price',
              value:
                quote.total.amountPence === 0
                  ? 'Free'
                  : `${formatMoney(quote.total)}, paid to the provider through Harbour`,
            },
            { key: 'Cancelling', value: quote.cancellationPolicy },
          ]}
        />
        {full.length > 0 && (
          <div className="govuk-inset-text">
            {full.length === 1 ? 'One session is' : `${full.length} sessions are`} full, so {name}{' '}
            will join the waiting list. If a place comes up we will email you and hold it for you.
          </div>
        )}
        {(paidBy.length > 0 || notes.length > 0) && (
          <>
            <h2 className="govuk-heading-m">How it will be paid</h2>
            {paidBy.length > 0 && <SummaryList rows={paidBy} />}
            {notes.length > 0 && (
              <>
                <h3 className="govuk-heading-s">Why some funds pay nothing</h3>
                <ul className="govuk-list govuk-hint govuk-!-margin-bottom-6">
                  {notes.map((note) => (
                    <li key={note.fundId}>{note.reason}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
        {quote.fundingProblem ? (
          <WarningText>{quote.fundingProblem}</WarningText>
        ) : (
          <form noValidate onSubmit={confirm}>
            {quote.sectionsToAsk.length > 0 && (
              <Checkboxes
                name="shareSections"
                legend={`Share ${name}’s story with the provider`}
                legendSize="m"
                hint="So staff know how to support them without you telling them again. You can change this at any time from your family page. Leave them unticked to share nothing more."
                options={quote.sectionsToAsk.map((section) => ({
                  value: section,
                  label: PROFILE_SECTIONS.label(section),
                }))}
                values={share}
                onChange={setShare}
                error={form.errorFor('shareSections')}
              />
            )}
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {card.amountPence > 0 ? 'Confirm booking and pay by card' : 'Confirm booking'}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
