import type { Money } from '@harbour/shared';
import { graphqlRequest } from '../../api/graphql';
import { userErrorFields, type UserError } from '../../api/userErrors';

type PaidCard = { id: string; state: string; amount: Money };

/** The card page for a payment; `amount` (router state) is what it shows while it has it. */
export const cardPaymentPath = (paymentId: string) =>
  `/families/payments/${encodeURIComponent(paymentId)}`;

export type CardPaymentPageState = { amount: Money } | null;

/**
 * Development and tests only: pays with Stripe's test card, as Stripe's card form would. The
 * live service refuses it with a userError.
 */
export async function payWithTestCard(
  paymentId: string,
): Promise<{ userErrors: UserError[]; payment: PaidCard | null }> {
  const { cardPaymentTestConfirm } = await graphqlRequest<{
    cardPaymentTestConfirm: { userErrors: UserError[]; payment: PaidCard | null };
  }>(
    /* GraphQL */ `
      mutation CardPaymentTestConfirm($input: CardPaymentTestConfirmInput!) {
        cardPaymentTestConfirm(input: $input) {
          ${userErrorFields}
          payment { id state amount { amountPence currency } }
        }
      }
    `,
    { input: { paymentId } },
  );
  return cardPaymentTestConfirm;
}
