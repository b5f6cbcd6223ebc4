import { formatMoney } from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { formatDateTime } from '../../govuk/dates';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { SuccessBanner } from '../../govuk/NotificationBanner';
import { SummaryCard, SummaryList } from '../../govuk/SummaryList';
import { usePageTitle } from '../../shell/usePageTitle';
import { cardPaymentPath } from '../payments/paymentsApi';
import { actOnBooking, fetchBookings, fetchCalendarFile, type Booking } from './bookingApi';
import type { BookedNotice } from './BookPage';

const STATES: Record<string, { text: string; className: string }> = {
  RESERVED: { text: 'Reserved', className: 'govuk-tag--yellow' },
  CONFIRMED: { text: 'Confirmed', className: 'govuk-tag--green' },
  ATTENDED: { text: 'Attended', className: 'govuk-tag--blue' },
  ABSENT: { text: 'Absent', className: 'govuk-tag--orange' },
  CANCELLED: { text: 'Cancelled', className: 'govuk-tag--grey' },
  WAITLISTED: { text: 'Waiting list', className: 'govuk-tag--purple' },
  OFFERED: { text: 'Place offered', className: 'govuk-tag--pink' },
  DECLINED: { text: 'Offer declined', className: 'govuk-tag--grey' },
  EXPIRED: { text: 'Offer expired', className: 'govuk-tag--grey' },
};

const loadAll = async () => ({
  upcoming: await fetchBookings('UPCOMING'),
  past: await fetchBookings('PAST'),
});

export type CancelledNotice = { cancelled: string };
export type PaidNotice = { paid: string };

/** A family's bookings, upcoming and past, with what each can do next. */
export function BookingsPage() {
  const { state, reload } = useSignedInQuery(loadAll);
  const notice = useLocation().state as (BookedNotice & CancelledNotice & PaidNotice) | null;
  const [done, setDone] = useState<string | null>(null);
  usePageTitle('Your bookings');

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done ? (
          <SuccessBanner key={done}>{done}</SuccessBanner>
        ) : notice?.booked ? (
          <SuccessBanner>
            <BookedSummary bookings={notice.booked} />
          </SuccessBanner>
        ) : notice?.paid ? (
          <SuccessBanner>{notice.paid}</SuccessBanner>
        ) : (
          notice?.cancelled && <SuccessBanner>{notice.cancelled}</SuccessBanner>
        )}
        <h1 className="govuk-heading-l">Your bookings</h1>
        {state.status === 'loading' && <p className="govuk-body">Loading your bookings…</p>}
        {state.status === 'failed' && (
          <p className="govuk-body">
            Sorry, we cannot show your bookings at the moment. Try again later.
          </p>
        )}
        {state.status === 'ready' && (
          <>
            <h2 className="govuk-heading-m">Upcoming</h2>
            {state.data.upcoming.length === 0 && (
              <p className="govuk-body">
                You have no upcoming bookings.{' '}
                <Link to="/families/find" className="govuk-link">
                  Find short breaks and activities
                </Link>
              </p>
            )}
            {state.data.upcoming.map((booking) => (
              <BookingCard
                key={booking.id}
                booking={booking}
                onChanged={(words) => {
                  setDone(words);
                  reload();
                }}
              />
            ))}
            <h2 className="govuk-heading-m">Past</h2>
            {state.data.past.length === 0 && <p className="govuk-body">No past bookings yet.</p>}
            {state.data.past.map((booking) => (
              <BookingCard key={booking.id} booking={booking} onChanged={setDone} />
            ))}
          </>
        )}
      </div>
    </div>
  );
}

function BookedSummary({ bookings }: { bookings: Booking[] }) {
  const confirmed = bookings.filter((b) => b.state === 'CONFIRMED');
  const waiting = bookings.filter((b) => b.state === 'WAITLISTED');
  const name = bookings[0]?.child.firstName ?? '';
  return (
    <>
      <h3 className="govuk-notification-banner__heading">
        {confirmed.length > 0
          ? `${confirmed.length === 1 ? 'Booking' : `${confirmed.length} bookings`} confirmed for ${name}`
          : `${name} is on the waiting list`}
      </h3>
      <p className="govuk-body">
        {confirmed.length > 0 &&
          `Your booking ${confirmed.length === 1 ? 'reference is' : 'references are'} ${confirmed.map((b) => b.reference).join(', ')}. `}
        {waiting.length > 0 &&
          `${waiting.length} full ${waiting.length === 1 ? 'session has' : 'sessions have'} put ${name} on the waiting list. `}
        We have sent you an email.
      </p>
    </>
  );
}

function downloadCalendar(booking: Booking) {
  return fetchCalendarFile(booking.id).then((file) => {
    if (!file) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([file], { type: 'text/calendar' }));
    link.download = `${booking.reference}.ics`;
    link.click();
    URL.revokeObjectURL(link.href);
  });
}

function BookingCard({
  booking,
  onChanged,
}: {
  booking: Booking;
  onChanged: (words: string) => void;
}) {
  const form = useFormSubmission<never>({ handleFailure: useSendToSignIn() });
  const tag = STATES[booking.state] ?? { text: booking.state, className: '' };
  const name = booking.child.firstName;
  const session = booking.session;
  const answer =
    (action: 'bookingOfferAccept' | 'bookingOfferDecline') => (event: FormEvent<HTMLFormElement>) =>
      form.submit(event, async () => {
        const userErrors = await actOnBooking(action, booking.id);
        if (userErrors.length === 0) {
          onChanged(
            action === 'bookingOfferAccept'
              ? `The place is ${name}’s: booking ${booking.reference} is confirmed`
              : 'You have declined the place',
          );
        }
        return userErrors.map(({ message }) => ({ field: null, message }));
      });
  const canCancel = ['CONFIRMED', 'RESERVED', 'WAITLISTED'].includes(booking.state);
  const cardDue = booking.funding === 'AWAITING_CARD' ? booking.cardPayment : null;
  return (
    <SummaryCard title={`${name}: ${session?.name ?? 'a session'}`}>
      <FormErrorSummary form={form} unavailableOutcome="Nothing has changed." />
      <SummaryList
        rows={[
          { key: 'When', value: session?.when ?? '' },
          { key: 'Reference', value: booking.reference },
          {
            key: 'Status',
            value: (
              <>
                <strong className={`govuk-tag ${tag.className}`}>{tag.text}</strong>
                {booking.waitlistPosition && ` Number ${booking.waitlistPosition} in the queue`}
                {booking.state === 'OFFERED' &&
                  booking.offerExpiresAt &&
                  ` Held for you until ${formatDateTime(new Date(booking.offerExpiresAt))}`}
                {booking.cancellation?.kind === 'LATE' && ' (late cancellation)'}
                {cardDue && (
                  <>
                    {' '}
                    <strong className="govuk-tag govuk-tag--orange">Card payment due</strong>
                  </>
                )}
              </>
            ),
          },
          {
            key: 'Price',
            value: booking.price.amountPence === 0 ? 'Free' : formatMoney(booking.price),
          },
          // Money given back (a free cancellation, say) no longer pays for anything.
          ...(booking.fundingParts.length > 0 && booking.funding !== 'RELEASED'
            ? [
                {
                  key: 'Paid from',
                  value: booking.fundingParts
                    .map((part) => `${part.name} ${formatMoney(part.amount)}`)
                    .join(', '),
                },
              ]
            : []),
        ]}
      />
      {booking.state === 'OFFERED' && (
        <div className="govuk-button-group">
          <form noValidate onSubmit={answer('bookingOfferAccept')}>
            <button type="submit" className="govuk-button">
              Accept the place<span className="govuk-visually-hidden"> for {name}</span>
            </button>
          </form>
          <form noValidate onSubmit={answer('bookingOfferDecline')}>
            <button type="submit" className="govuk-button govuk-button--secondary">
              Decline<span className="govuk-visually-hidden"> the place for {name}</span>
            </button>
          </form>
        </div>
      )}
      <ul className="govuk-list">
        {cardDue && (
          <li>
            <Link to={cardPaymentPath(cardDue.id)} className="govuk-link">
              Pay {formatMoney(cardDue.amount)} by card
              <span className="govuk-visually-hidden"> for booking {booking.reference}</span>
            </Link>
          </li>
        )}
        {booking.state === 'CONFIRMED' && (
          <li>
            <button
              type="button"
              className="govuk-link harbour-link-button"
              onClick={() => void downloadCalendar(booking)}
            >
              Add to your calendar
              <span className="govuk-visually-hidden"> ({booking.reference})</span>
            </button>
          </li>
        )}
        {canCancel && (
          <li>
            <Link
              to={`/families/bookings/${encodeURIComponent(booking.id)}/cancel`}
              className="govuk-link"
            >
              Cancel<span className="govuk-visually-hidden"> booking {booking.reference}</span>
            </Link>
          </li>
        )}
      </ul>
    </SummaryCard>
  );
}
