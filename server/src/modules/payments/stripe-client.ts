import Stripe from 'stripe';
import type { Config } from '../../platform/config';

/**
 * The official Stripe SDK, pointed at stripe-mock when STRIPE_API_URL is set (development
 * and tests) and at Stripe itself otherwise. Retries are ours to decide, with idempotency keys.
 */
export function createStripeClient(stripe: Pick<Config['stripe'], 'secretKey' | 'apiUrl'>): Stripe {
  if (!stripe.apiUrl) return new Stripe(stripe.secretKey, { maxNetworkRetries: 2 });
  const url = new URL(stripe.apiUrl);
  return new Stripe(stripe.secretKey, {
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: 0,
  });
}
