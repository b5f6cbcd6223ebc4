import Stripe from 'stripe';
import { createStripeClient } from '../../server/src/modules/payments/stripe-client';

// The official SDK against stripe-mock, Stripe's own API mock built from its OpenAPI spec.
const stripeUrl = process.env.HARBOUR_TEST_STRIPE_URL!;
const stripe = createStripeClient({
  secretKey: 'sk_test_harbourdevelopment',
  apiUrl: stripeUrl,
});

it('creates a payment intent in pence through the configured sandbox', async () => {
  const intent = await stripe.paymentIntents.create(
    { amount: 4250, currency: 'gbp', metadata: { booking: 'demo-1' } },
    { idempotencyKey: 'booking-demo-1' },
  );
  expect(intent.object).toBe('payment_intent');
  expect(intent.id).toMatch(/^pi_/);
});

it('is refused by the sandbox when a request breaks Stripe’s API rules', async () => {
  await expect(
    stripe.paymentIntents.create({ amount: 'lots' as unknown as number, currency: 'gbp' }),
  ).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
});

it('verifies webhook signatures and rejects tampered payloads', () => {
  const payload = JSON.stringify({
    id: 'evt_1',
    object: 'event',
    type: 'payment_intent.succeeded',
  });
  const header = stripe.webhooks.generateTestHeaderString({
    payload,
    secret: 'whsec_harbour_test',
  });
  expect(stripe.webhooks.constructEvent(payload, header, 'whsec_harbour_test').id).toBe('evt_1');
  expect(() =>
    stripe.webhooks.constructEvent(payload.replace('evt_1', 'evt_2'), header, 'whsec_harbour_test'),
  ).toThrow(Stripe.errors.StripeSignatureVerificationError);
});
