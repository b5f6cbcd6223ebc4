import { useCallback, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { usePageTitle } from '../../shell/usePageTitle';
import { actOnBooking, fetchBooking } from './bookingApi';
import type { CancelledNotice } from './BookingsPage';

/** Cancelling a booking, with what it will count as said before the family confirms. */
export function CancelBookingPage() {
  const { bookingId = '' } = useParams();
  const navigate = useNavigate();
  const load = useCallback(() => fetchBooking(bookingId), [bookingId]);
  const { state } = useSignedInQuery(load);
  const form = useFormSubmission<never>({ handleFailure: useSendToSignIn() });
  usePageTitle('Are you sure you want to cancel this booking?', { hasErrors: form.hasErrors });

  if (state.status === 'loading') return <p className="govuk-body">Loading the booking…</p>;
  if (state.status === 'failed') {
    return <p className="govuk-body">Sorry, we cannot find this booking. Try again later.</p>;
  }
  const booking = state.data;
  const cancel = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const userErrors = await actOnBooking('bookingCancel', booking.id);
      if (userErrors.length === 0) {
        const notice: CancelledNotice = {
          cancelled: `Booking ${booking.reference} has been cancelled`,
        };
        navigate('/families/bookings', { state: notice });
      }
      return userErrors.map(({ message }) => ({ field: null, message }));
    });
  return (
    <>
      <Link to="/families/bookings" className="govuk-back-link">
        Back to your bookings
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrorSummary form={form} unavailableOutcome="The booking has not been cancelled." />
          <span className="govuk-caption-l">{booking.reference}</span>
          <h1 className="govuk-heading-l">Are you sure you want to cancel this booking?</h1>
          <p className="govuk-body">
            {booking.child.firstName} at {booking.session?.name}: {booking.session?.when}.
          </p>
          <div
            className={
              booking.cancellationTerms.kind === 'LATE' ? 'govuk-warning-text' : 'govuk-inset-text'
            }
          >
            {booking.cancellationTerms.kind === 'LATE' && (
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
            )}
            <span
              className={
                booking.cancellationTerms.kind === 'LATE' ? 'govuk-warning-text__text' : undefined
              }
            >
              {booking.cancellationTerms.kind === 'LATE' && (
                <span className="govuk-visually-hidden">Warning</span>
              )}
              {booking.cancellationTerms.words}
            </span>
          </div>
          <form noValidate onSubmit={cancel}>
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button govuk-button--warning">
                Yes, cancel this booking
              </button>
              <Link to="/families/bookings" className="govuk-link">
                No, keep it
              </Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
