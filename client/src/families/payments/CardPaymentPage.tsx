import { formatMoney } from '@harbour/shared';
import { lazy, Suspense, useCallback, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { userErrorsOf, type FormError } from '../../api/userErrors';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { LoadingPage } from '../../govuk/LoadingPage';
import { ImportantBanner } from '../../govuk/NotificationBanner';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { usePageTitle } from '../../shell/usePageTitle';
import type { PaidNotice } from '../booking/BookingsPage';
import {
  checkCardPayment,
  fetchCardPayment,
  payWithTestCard,
  type CardPayment,
} from './paymentsApi';

const title = 'Pay by card';

// Stripe.js and its React bindings load only for the card form, and only where a key is set.
const StripeCardForm = lazy(() =>
  import('./StripeCardForm').then((module) => ({ default: module.StripeCardForm })),
);

/**
 * The card's part of a booking. Where this copy has Stripe's publishable key, Stripe's own card
 * form (the Payment Element) takes the card. Where it has none, or Stripe.js cannot load (as on
 * development machines with no internet), development and tests get a clearly labelled test
 * mode instead: one button that pays with Stripe's test card. The live service never does.
 */
export function CardPaymentPage() {
  const { paymentId = '' } = useParams();
  // Stripe sends the person back here after a bank's check (3-D Secure), with redirect_status.
  const redirectStatus = useSearchParams()[0].get('redirect_status');
  const returnedFromStripe = redirectStatus !== null;
  const load = useCallback(
    async () =>
      returnedFromStripe
        ? (await checkCardPayment(paymentId)).payment
        : fetchCardPayment(paymentId),
    [paymentId, returnedFromStripe],
  );
  const { state } = useSignedInQuery(load);

  if (state.status === 'loading') return <LoadingPage title={title} />;
  if (state.status === 'failed') return <CannotShowPayment />;
  if (!state.data) return <NotFoundPage />;
  if (redirectStatus === 'succeeded' && state.data.state === 'REQUIRES_PAYMENT') {
    return <PaymentBeingConfirmed payment={state.data} />;
  }
  return <PaymentForms payment={state.data} />;
}

function PaymentForms({ payment }: { payment: CardPayment }) {
  const navigate = useNavigate();
  const [stripeUnavailable, setStripeUnavailable] = useState(false);
  const stripeDidNotLoad = useCallback(() => setStripeUnavailable(true), []);
  const form = useFormSubmission<never>({ handleFailure: useSendToSignIn() });
  usePageTitle(title, { hasErrors: form.hasErrors });

  /** Where a payment has gone through, the booking is confirmed: say so on Your bookings. */
  const paid = (result: CardPayment | null, confirmedByStripe = false): FormError<never>[] => {
    // Stripe took the card but may not yet have said the money arrived: its webhook will.
    const confirming = confirmedByStripe && result?.state === 'REQUIRES_PAYMENT';
    if (!result || (result.state !== 'SUCCEEDED' && !confirming)) {
      return [{ field: null, message: 'The card payment did not go through. Try again' }];
    }
    const notice: PaidNotice = {
      paid: confirming
        ? `Stripe is confirming your card payment of ${formatMoney(result.amount)}: your booking is confirmed as soon as it has`
        : `${formatMoney(result.amount)} paid by card: your booking is confirmed`,
    };
    navigate('/families/bookings', { state: notice });
    return [];
  };

  const payByTestCard = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const result = await payWithTestCard(payment.id);
      const userErrors = userErrorsOf('cardPaymentTestConfirm', result, result.payment);
      if (userErrors.length) return userErrors.map(({ message }) => ({ field: null, message }));
      return paid(result.payment);
    });

  if (payment.state !== 'REQUIRES_PAYMENT') return <PaymentSettled payment={payment} />;

  const stripeForm =
    payment.stripePublishableKey && payment.clientSecret && !stripeUnavailable
      ? { publishableKey: payment.stripePublishableKey, clientSecret: payment.clientSecret }
      : null;
  const testMode = !stripeForm && payment.testCardAvailable;

  return (
    <>
      <Link to="/families/bookings" className="govuk-back-link">
        Back to your bookings
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrorSummary form={form} unavailableOutcome="Nothing has been paid." />
          {testMode && <ImportantBanner>Test mode: no real money is taken</ImportantBanner>}
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">
            Your funds do not cover all of this booking: {formatMoney(payment.amount)} is left to
            pay by card. We hold your place for a short time while you pay: if you do not pay, the
            place is given up and the money held from your budgets goes back.
          </p>
          {stripeForm ? (
            <Suspense fallback={<p className="govuk-body">Loading Stripe’s card form…</p>}>
              <StripeCardForm
                {...stripeForm}
                payment={payment}
                form={form}
                onPaid={paid}
                onUnavailable={stripeDidNotLoad}
              />
            </Suspense>
          ) : testMode ? (
            <>
              <p className="govuk-body">
                {stripeUnavailable
                  ? 'Stripe’s card form could not load here, so this copy of Harbour pays with Stripe’s test card instead.'
                  : 'This copy of Harbour is not connected to Stripe’s card form, so it pays with Stripe’s test card instead.'}{' '}
                Nobody’s card is charged.
              </p>
              <form noValidate onSubmit={payByTestCard}>
                <button type="submit" className="govuk-button">
                  Pay {formatMoney(payment.amount)} with Stripe’s test card
                </button>
              </form>
            </>
          ) : (
            <CardFormUnavailable />
          )}
        </div>
      </div>
    </>
  );
}

/** The live service, where Stripe.js could not load: nothing can be paid until it does. */
function CardFormUnavailable() {
  return (
    <>
      <p className="govuk-body">
        Sorry, Stripe’s card form could not load. Check your internet connection, then try again.
        Nothing has been paid.
      </p>
      <a href={window.location.pathname} className="govuk-button">
        Try again
      </a>
    </>
  );
}

/** A card page with nothing to pay: what became of the payment, and where to go next. */
function PaymentOutcome({
  message,
  bookingsLink = true,
}: {
  message: string;
  bookingsLink?: boolean;
}) {
  usePageTitle(title);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">{message}</p>
        {bookingsLink && (
          <p className="govuk-body">
            <Link to="/families/bookings" className="govuk-link">
              Go to your bookings
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}

function PaymentSettled({ payment }: { payment: CardPayment }) {
  const paid = payment.state === 'SUCCEEDED' || payment.state === 'REFUNDED';
  return (
    <PaymentOutcome
      message={
        paid
          ? `This card payment of ${formatMoney(payment.amount)} has been made.`
          : 'This card payment was not made, so the place was given up and the money held from your budgets went back.'
      }
    />
  );
}

/** Back from the bank's check, Stripe has the payment but has not yet told us it arrived. */
function PaymentBeingConfirmed({ payment }: { payment: CardPayment }) {
  return (
    <PaymentOutcome
      message={`Stripe is confirming your card payment of ${formatMoney(payment.amount)}. Your booking is confirmed as soon as it has, usually within a minute.`}
    />
  );
}

function CannotShowPayment() {
  return (
    <PaymentOutcome
      bookingsLink={false}
      message="Sorry, we cannot show this payment at the moment. Try again later. Nothing has been paid."
    />
  );
}
