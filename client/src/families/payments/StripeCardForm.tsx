import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Appearance, Stripe } from '@stripe/stripe-js';
// The pure entry point loads Stripe.js from js.stripe.com only when loadStripe is called, so no
// other page of Harbour talks to Stripe.
import { loadStripe } from '@stripe/stripe-js/pure';
import { formatMoney } from '@harbour/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { userErrorsOf, type FormError } from '../../api/userErrors';
import type { useFormSubmission } from '../../govuk/form';
import { cardPaymentPath, checkCardPayment, type CardPayment } from './paymentsApi';

/** GOV.UK Design System colours, borders and focus, for Stripe's fields. */
const APPEARANCE: Appearance = {
  theme: 'stripe',
  variables: {
    fontFamily: 'arial, sans-serif',
    fontSizeBase: '19px',
    colorText: '#0b0c0c',
    colorTextSecondary: '#484949',
    colorPrimary: '#1d70b8',
    colorDanger: '#d4351c',
    borderRadius: '0px',
  },
  rules: {
    '.Input': { border: '2px solid #0b0c0c', boxShadow: 'none' },
    '.Input:focus': { outline: '3px solid #ffdd00', boxShadow: 'inset 0 0 0 2px #0b0c0c' },
    '.Label': { fontWeight: '400', color: '#0b0c0c' },
  },
};

type Form = ReturnType<typeof useFormSubmission<never>>;

type StripeCardFormProps = {
  publishableKey: string;
  clientSecret: string;
  payment: CardPayment;
  form: Form;
  /** Takes the payment once the server has checked it with Stripe. */
  onPaid: (payment: CardPayment | null, confirmedByStripe: boolean) => FormError<never>[];
  /** Stripe.js could not load (no internet, or blocked). */
  onUnavailable: () => void;
};

/** Stripe's own card form (the Payment Element), from Stripe.js loaded from js.stripe.com. */
export function StripeCardForm({
  publishableKey,
  clientSecret,
  onUnavailable,
  ...formProps
}: StripeCardFormProps) {
  const [stripe, setStripe] = useState<Stripe | null>(null);

  useEffect(() => {
    let isCurrent = true;
    loadStripe(publishableKey).then(
      (loaded) => {
        if (!isCurrent) return;
        if (loaded) setStripe(loaded);
        else onUnavailable();
      },
      () => {
        if (isCurrent) onUnavailable();
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [publishableKey, onUnavailable]);

  if (!stripe) {
    return (
      <p className="govuk-body" role="status">
        Loading Stripe’s card form…
      </p>
    );
  }
  return (
    <Elements stripe={stripe} options={{ clientSecret, appearance: APPEARANCE, locale: 'en-GB' }}>
      <PayForm {...formProps} />
    </Elements>
  );
}

function PayForm({
  payment,
  form,
  onPaid,
}: Pick<StripeCardFormProps, 'payment' | 'form' | 'onPaid'>) {
  const stripe = useStripe();
  const elements = useElements();

  const pay = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      if (!stripe || !elements) {
        return [{ field: null, message: 'Wait for the card form to load, then try again' }];
      }
      const { error } = await stripe.confirmPayment({
        elements,
        // Only where the bank must check the payment does Stripe take the person away; it
        // brings them back here, and this page asks the server to check with Stripe.
        confirmParams: { return_url: new URL(cardPaymentPath(payment.id), location.origin).href },
        redirect: 'if_required',
      });
      if (error) {
        // Stripe's words for a declined card or a field to correct are written for the payer.
        const theirs = error.type === 'card_error' || error.type === 'validation_error';
        const message =
          (theirs && error.message) || 'The card payment did not go through. Try again';
        return [{ field: null, message }];
      }
      const result = await checkCardPayment(payment.id);
      const userErrors = userErrorsOf('cardPaymentCheck', result, result.payment);
      if (userErrors.length) return userErrors.map(({ message }) => ({ field: null, message }));
      return onPaid(result.payment, true);
    });

  return (
    <form noValidate onSubmit={pay}>
      <div className="govuk-form-group">
        <PaymentElement options={{ layout: 'tabs' }} />
      </div>
      <button type="submit" className="govuk-button">
        Pay {formatMoney(payment.amount)}
      </button>
    </form>
  );
}
