import { Schema, type InferSchemaType } from 'mongoose';
import { model } from '../../platform/models';

/**
 * A card payment we asked Stripe for: the PaymentIntent, what it pays for (each booking's
 * part) and how far it has got. stripe-mock keeps nothing, so this is our record of it.
 */
const cardPaymentSchema = new Schema(
  {
    /** Our id, also Stripe's idempotency key for creating the PaymentIntent. */
    _id: { type: String, required: true },
    stripeId: { type: String, required: true },
    clientSecret: { type: String, required: true },
    family: { type: Schema.Types.ObjectId, required: true },
    amountPence: { type: Number, required: true },
    parts: {
      type: [
        {
          _id: false,
          booking: { type: Schema.Types.ObjectId, required: true },
          organisation: { type: Schema.Types.ObjectId, required: true },
          child: { type: Schema.Types.ObjectId, required: true },
          amountPence: { type: Number, required: true },
          labels: { type: Schema.Types.Mixed },
        },
      ],
      required: true,
    },
    state: {
      type: String,
      enum: ['REQUIRES_PAYMENT', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'CANCELLED'],
      required: true,
    },
    /** Stripe's cumulative amount refunded, as last told. */
    refundedPence: { type: Number, default: 0 },
  },
  { timestamps: true, collection: 'card_payments' },
);
cardPaymentSchema.index({ stripeId: 1 });
cardPaymentSchema.index({ 'parts.booking': 1 });
cardPaymentSchema.index({ state: 1, createdAt: 1 });
export const CardPaymentModel = model('CardPayment', cardPaymentSchema);
export type StoredCardPayment = InferSchemaType<typeof cardPaymentSchema> & {
  _id: string;
  createdAt: Date;
};

/** Each Stripe event once: `_id` is Stripe's event id. */
const stripeEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    /** The PaymentIntent it is about. */
    paymentIntent: { type: String },
    created: { type: Date, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    appliedAt: { type: Date },
  },
  { timestamps: true, collection: 'stripe_events' },
);
export const StripeEventModel = model('StripeEvent', stripeEventSchema);

/** A payout to a provider for a period, made once (`_id` is `<organisation>:<period>`). */
const payoutSchema = new Schema(
  {
    _id: { type: String, required: true },
    organisation: { type: Schema.Types.ObjectId, required: true },
    period: { type: String, required: true },
    amountPence: { type: Number, required: true },
    stripeTransferId: { type: String },
    destination: { type: String, required: true },
    state: { type: String, enum: ['PENDING', 'PAID'], required: true },
    by: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: true, collection: 'provider_payouts' },
);
payoutSchema.index({ organisation: 1 });
export const PayoutModel = model('Payout', payoutSchema);
