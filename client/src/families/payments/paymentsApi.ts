import type { Money } from '@harbour/shared';
import { graphqlRequest, GraphQLRequestError } from '../../api/graphql';
import { userErrorFields, type UserError } from '../../api/userErrors';

/** The card page for a payment. */
export const cardPaymentPath = (paymentId: string) =>
  `/families/payments/${encodeURIComponent(paymentId)}`;

/** A card payment as the card page needs it. */
export type CardPayment = {
  id: string;
  /** REQUIRES_PAYMENT, SUCCEEDED, FAILED, REFUNDED or CANCELLED. */
  state: string;
  amount: Money;
  /** For Stripe.js; only the family paying is given it. */
  clientSecret: string | null;
  /** Null where this copy of Harbour has no Stripe.js key (development and tests). */
  stripePublishableKey: string | null;
  /** Whether Stripe's test card may stand in for Stripe's card form: never on the live service. */
  testCardAvailable: boolean;
};

const cardPaymentFields = /* GraphQL */ `
  id
  state
  amount { amountPence currency }
  clientSecret
  stripePublishableKey
  testCardAvailable
`;

type CardPaymentPayload = { userErrors: UserError[]; payment: CardPayment | null };

/**
 * One of the family's card payments; null if there is none with this id (the API refuses
 * another family's as FORBIDDEN, which to a family is a page that is not there).
 */
export async function fetchCardPayment(paymentId: string): Promise<CardPayment | null> {
  try {
    const { cardPayment } = await graphqlRequest<{ cardPayment: CardPayment | null }>(
      /* GraphQL */ `
        query CardPayment($id: ID!) {
          cardPayment(id: $id) { ${cardPaymentFields} }
        }
      `,
      { id: paymentId },
    );
    return cardPayment;
  } catch (error) {
    if (error instanceof GraphQLRequestError && error.codes.includes('FORBIDDEN')) return null;
    throw error;
  }
}

const PAYMENT_MUTATIONS = {
  cardPaymentCheck: 'CardPaymentCheck',
  cardPaymentTestConfirm: 'CardPaymentTestConfirm',
} as const;

/** A card payment mutation: `name(input: { paymentId })`, answering with the payment. */
async function paymentMutation(name: keyof typeof PAYMENT_MUTATIONS, paymentId: string) {
  const operation = PAYMENT_MUTATIONS[name];
  const data = await graphqlRequest<Record<typeof name, CardPaymentPayload>>(
    /* GraphQL */ `
      mutation ${operation}($input: ${operation}Input!) {
        ${name}(input: $input) {
          ${userErrorFields}
          payment { ${cardPaymentFields} }
        }
      }
    `,
    { input: { paymentId } },
  );
  return data[name];
}

/**
 * After Stripe.js has confirmed the payment in the browser: the server asks Stripe whether it
 * went through and, if it did, confirms the booking at once.
 */
export const checkCardPayment = (paymentId: string) =>
  paymentMutation('cardPaymentCheck', paymentId);

/**
 * Development and tests only: pays with Stripe's test card, as Stripe's card form would. The
 * live service refuses it with a userError.
 */
export const payWithTestCard = (paymentId: string) =>
  paymentMutation('cardPaymentTestConfirm', paymentId);
