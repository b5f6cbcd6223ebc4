import express, { Router } from 'express';
import type { PaymentsService } from './payments.service';

/**
 * `POST /webhooks/stripe`: Stripe's events, verified against the raw body and recorded once;
 * a background job applies each (the route only verifies and enqueues).
 */
export function stripeWebhookRoutes(payments: PaymentsService): Router {
  const router = Router();
  router.post(
    '/webhooks/stripe',
    express.raw({ type: '*/*', limit: '512kb' }),
    async (req, res, next) => {
      try {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from('');
        const outcome = await payments.receiveWebhook(body, req.header('stripe-signature'));
        res.status(outcome.status).json({ message: outcome.message });
      } catch (failure) {
        next(failure);
      }
    },
  );
  return router;
}
