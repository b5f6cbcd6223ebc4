import { formatMoney } from '@harbour/shared';
import type { FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { userErrorsOf } from '../../api/userErrors';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { ImportantBanner } from '../../govuk/NotificationBanner';
import { usePageTitle } from '../../shell/usePageTitle';
import type { PaidNotice } from '../booking/BookingsPage';
import { payWithTestCard, type CardPaymentPageState } from './paymentsApi';

const title = 'Pay by card';

/**
 * The card's part of a booking. Stripe's card form needs the internet, which development
 * machines here do not have, so this is the clearly labelled test mode: one button that pays
 * with Stripe's test card, as the form would.
 */
export function CardPaymentPage() {
  const { paymentId = '' } = useParams();
  const amount = (useLocation().state as CardPaymentPageState)?.amount ?? null;
  const navigate = useNavigate();
  const form = useFormSubmission<never>({ handleFailure: useSendToSignIn() });
  usePageTitle(title, { hasErrors: form.hasErrors });

  const pay = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const result = await payWithTestCard(paymentId);
      const userErrors = userErrorsOf('cardPaymentTestConfirm', result, result.payment);
      if (userErrors.length) return userErrors.map(({ message }) => ({ field: null, message }));
      const payment = result.payment;
      if (payment?.state !== 'SUCCEEDED') {
        return [{ field: null, message: 'The card payment did not go through. Try again' }];
      }
      const notice: PaidNotice = {
        paid: `${formatMoney(payment.amount)} paid by card: your booking is confirmed`,
      };
      navigate('/families/bookings', { state: notice });
      return [];
    });

  return (
    <>
      <Link to="/families/bookings" className="govuk-back-link">
        Back to your bookings
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrorSummary form={form} unavailableOutcome="Nothing has been paid." />
          <ImportantBanner>Test mode: no real money is taken</ImportantBanner>
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">
            {amount
              ? `Your funds do not cover all of this booking: ${formatMoney(amount)} is left to pay by card.`
              : 'Your funds do not cover all of this booking: the rest is paid by card.'}{' '}
            We hold your place for a short time while you pay: if you do not pay, the place is given
            up and the money held from your budgets goes back.
          </p>
          <p className="govuk-body">
            This copy of Harbour is not connected to Stripe’s card form, so it pays with Stripe’s
            test card instead. Nobody’s card is charged.
          </p>
          <form noValidate onSubmit={pay}>
            <button type="submit" className="govuk-button">
              {amount
                ? `Pay ${formatMoney(amount)} with Stripe’s test card`
                : 'Pay with Stripe’s test card'}
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
