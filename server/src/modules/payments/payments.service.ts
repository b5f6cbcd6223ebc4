import { formatMoney, pence } from '@harbour/shared';
import { createHash, randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import type Stripe from 'stripe';
import { isDuplicateKey } from '../../platform/database';
import type { Logger } from '../../platform/logger';
import type { SignedInActor } from '../access/actor';
import type { JobQueue } from '../jobs/job.service';
import type { StoredJournal } from '../ledger/ledger.model';
import type { LedgerActor, LedgerService } from '../ledger/ledger.service';
import type { OrganisationsService } from '../organisations/organisations.service';
import {
  CardPaymentModel,
  PayoutModel,
  StripeEventModel,
  type StoredCardPayment,
} from './payment.model';

export const STRIPE_EVENT_JOB = 'payments.stripe-event';

/** A card payment is refused above this (and a top-up of nothing): £5,000. */
export const MAX_CARD_PENCE = 500_000;

export interface CardPart {
  bookingId: string;
  organisationId: string;
  childId: string;
  amountPence: number;
  labels: Record<string, string>;
}

/** What bookings does when a card payment succeeds or fails (set by the bookings module). */
export interface CardPaymentListener {
  paid(bookingIds: string[]): Promise<void>;
  failed(bookingIds: string[]): Promise<void>;
}

export interface PaymentsDeps {
  stripe: Stripe;
  webhookSecret: string;
  ledger: LedgerService;
  queue: JobQueue;
  organisations: OrganisationsService;
  log: Logger;
  /** The live service: no test payments. */
  production: boolean;
  /** For Stripe.js on the card page; null where the card page is the test mode. */
  publishableKey: string | null;
}

export const NO_SUCH_PAYMENT = 'There is no card payment with this id for your family';

/** A card payment mutation's answer when it changes nothing. */
const refusePayment = (message: string, code: string) => ({
  userErrors: [{ field: ['input', 'paymentId'], message, code }],
  payment: null,
});

export interface StatementLine {
  journalId: string;
  at: Date;
  reason: string;
  memo: string;
  bookingId: string | null;
  /** What the provider is owed more (captures) or less (refunds, payouts). */
  amountPence: number;
}

/**
 * Card payments through Stripe (PaymentIntents with our idempotency keys), Stripe's webhooks
 * applied once each, and providers' statements and payouts (Stripe Connect transfers).
 */
export class PaymentsService {
  private listener: CardPaymentListener | null = null;

  constructor(private readonly deps: PaymentsDeps) {}

  listen(listener: CardPaymentListener) {
    this.listener = listener;
  }

  /** A PaymentIntent for the card's part of a booking request, made once per key. */
  async startCardPayment(
    key: string,
    familyId: string,
    parts: readonly CardPart[],
  ): Promise<StoredCardPayment> {
    const id = paymentIdOf(key);
    const existing = await this.payment(id);
    if (existing) return existing;
    const amountPence = parts.reduce((sum, part) => sum + part.amountPence, 0);
    const intent = await this.deps.stripe.paymentIntents.create(
      {
        amount: amountPence,
        currency: 'gbp',
        automatic_payment_methods: { enabled: true },
        metadata: { harbourPayment: id },
      },
      { idempotencyKey: key },
    );
    try {
      await CardPaymentModel.create({
        _id: id,
        stripeId: intent.id,
        clientSecret: intent.client_secret ?? '',
        family: familyId,
        amountPence,
        parts: parts.map((part) => ({
          booking: part.bookingId,
          organisation: part.organisationId,
          child: part.childId,
          amountPence: part.amountPence,
          labels: part.labels,
        })),
        state: 'REQUIRES_PAYMENT',
      });
    } catch (failure) {
      if (!isDuplicateKey(failure)) throw failure;
    }
    return (await this.payment(id)) as StoredCardPayment;
  }

  async payment(id: string): Promise<StoredCardPayment | null> {
    return (await CardPaymentModel.findById(id).lean()) as unknown as StoredCardPayment | null;
  }

  /** A family's own card payment, with what the card page needs to take it. */
  async cardPaymentOfFamily(actor: SignedInActor, paymentId: string) {
    const payment = await this.payment(paymentId);
    if (!payment || !actor.familyId || String(payment.family) !== actor.familyId) return null;
    return payment;
  }

  /** What the card page loads Stripe.js with, and whether the test card may stand in for it. */
  cardForm() {
    return { publishableKey: this.deps.publishableKey, testCardAvailable: !this.deps.production };
  }

  /**
   * After Stripe.js confirms a payment in the browser: asks Stripe (with our secret key, so the
   * browser's word is never taken) whether the PaymentIntent succeeded, and applies the answer at
   * once rather than waiting for the webhook, which then changes nothing.
   */
  async checkWithStripe(actor: SignedInActor, paymentId: string) {
    const payment = await this.cardPaymentOfFamily(actor, paymentId);
    if (!payment) return refusePayment(NO_SUCH_PAYMENT, 'NOT_FOUND');
    if (payment.state === 'REQUIRES_PAYMENT') {
      const intent = await this.deps.stripe.paymentIntents.retrieve(payment.stripeId);
      const ours = intent.amount === payment.amountPence && intent.currency === 'gbp';
      if (intent.status === 'succeeded' && ours) await this.credit(payment);
      else if (intent.status === 'canceled') await this.fail(payment);
    }
    return { userErrors: [], payment: await this.payment(paymentId) };
  }

  async paymentOfBooking(bookingId: string): Promise<StoredCardPayment | null> {
    if (!Types.ObjectId.isValid(bookingId)) return null;
    return (await CardPaymentModel.findOne({
      'parts.booking': new Types.ObjectId(bookingId),
    }).lean()) as unknown as StoredCardPayment | null;
  }

  /**
   * `POST /webhooks/stripe`: verifies the signature (a forged or stale one is refused) and
   * records the event once; a job applies it. Returns the HTTP status to answer with.
   */
  async receiveWebhook(body: Buffer, signature: string | undefined) {
    let event: Stripe.Event;
    try {
      event = this.deps.stripe.webhooks.constructEvent(
        body,
        signature ?? '',
        this.deps.webhookSecret,
      );
    } catch (failure) {
      return { status: 400, message: (failure as Error).message };
    }
    const object = event.data.object as { id?: string; object?: string; payment_intent?: unknown };
    const paymentIntent =
      object.object === 'payment_intent'
        ? object.id
        : (object.payment_intent as string | undefined);
    try {
      await StripeEventModel.create({
        _id: event.id,
        type: event.type,
        paymentIntent,
        created: new Date(event.created * 1000),
        data: event.data.object,
      });
    } catch (failure) {
      if (!isDuplicateKey(failure)) throw failure;
      return { status: 200, message: 'Already received' };
    }
    await this.deps.queue.enqueue(
      STRIPE_EVENT_JOB,
      { eventId: event.id },
      { key: `${STRIPE_EVENT_JOB}:${event.id}` },
    );
    return { status: 200, message: 'Received' };
  }

  /**
   * Applies one Stripe event to our records, whatever order events arrive in: the end state
   * depends only on which events have arrived. A refund that arrives before its payment's
   * success applies the success first; a failure after a success changes nothing.
   */
  async applyEvent(eventId: string): Promise<void> {
    const event = await StripeEventModel.findById(eventId).lean();
    if (!event?.paymentIntent) return;
    const payment = (await CardPaymentModel.findOne({
      stripeId: event.paymentIntent,
    }).lean()) as unknown as StoredCardPayment | null;
    if (!payment) {
      this.deps.log.warn(
        { eventId, type: event.type },
        'stripe event for a payment we did not make',
      );
      return;
    }
    const data = event.data as { amount_refunded?: number };
    switch (event.type) {
      case 'payment_intent.succeeded': {
        const refunded =
          payment.state === 'REFUNDED' && (payment.refundedPence ?? 0) >= payment.amountPence;
        await this.credit(payment, { confirm: !refunded });
        break;
      }
      case 'charge.refunded': {
        // A refund implies the payment succeeded: credit it first if that event is still to come.
        const whole = (data.amount_refunded ?? 0) >= payment.amountPence;
        await this.credit(payment, { confirm: !whole });
        await this.recordStripeRefund(payment, data.amount_refunded ?? 0);
        if (whole) await this.listener?.failed(payment.parts.map((part) => String(part.booking)));
        break;
      }
      case 'payment_intent.payment_failed':
      case 'payment_intent.canceled':
        await this.fail(payment);
        break;
      default:
        break;
    }
    await StripeEventModel.updateOne({ _id: eventId }, { $set: { appliedAt: new Date() } });
  }

  /** The card's money arrives: each booking's part is held for it, then the bookings confirm. */
  private async credit(payment: StoredCardPayment, { confirm = true }: { confirm?: boolean } = {}) {
    for (const part of payment.parts) {
      await this.deps.ledger.post({
        key: `card:${payment._id}:${String(part.booking)}`,
        reason: 'CARD_PAYMENT',
        postings: [
          { account: 'world:card', amountPence: -part.amountPence },
          { account: `hold:${String(part.booking)}:card`, amountPence: part.amountPence },
        ],
        memo: `Paid by card: ${formatMoney(pence(part.amountPence))}`,
        actor: { kind: 'STRIPE' },
        booking: part.booking,
        organisation: part.organisation,
        child: part.child,
        labels: (part.labels ?? {}) as Record<string, string>,
      });
    }
    if (payment.state === 'REQUIRES_PAYMENT') {
      await CardPaymentModel.updateOne(
        { _id: payment._id, state: 'REQUIRES_PAYMENT' },
        { $set: { state: 'SUCCEEDED' } },
      );
    }
    if (confirm) await this.listener?.paid(payment.parts.map((part) => String(part.booking)));
  }

  private async fail(payment: StoredCardPayment) {
    const credited = await this.deps.ledger.journal(
      `card:${payment._id}:${String(payment.parts[0]?.booking)}`,
    );
    if (credited) return; // A failure after the money arrived is stale.
    await CardPaymentModel.updateOne({ _id: payment._id }, { $set: { state: 'FAILED' } });
    await this.listener?.failed(payment.parts.map((part) => String(part.booking)));
  }

  /**
   * Gives a booking's card money back (a cancellation within policy, a booking that could
   * not be confirmed): a Stripe refund with our key, and the hold returned to the card.
   */
  async refundBooking(bookingId: string, memo: string): Promise<number> {
    const held = await this.deps.ledger.balance(`hold:${bookingId}:card`);
    if (held <= 0) return 0;
    const payment = await this.paymentOfBooking(bookingId);
    if (!payment) return 0;
    const part = payment.parts.find((p) => String(p.booking) === bookingId);
    await this.deps.stripe.refunds.create(
      { payment_intent: payment.stripeId, amount: held },
      { idempotencyKey: `refund:${bookingId}` },
    );
    await this.deps.ledger.post({
      key: `card-refund:${bookingId}`,
      reason: 'REFUND',
      postings: [
        { account: `hold:${bookingId}:card`, amountPence: -held },
        { account: 'world:card', amountPence: held },
      ],
      memo,
      actor: { kind: 'SYSTEM' },
      booking: bookingId,
      ...(part && { organisation: part.organisation, child: part.child }),
    });
    await CardPaymentModel.updateOne(
      { _id: payment._id },
      { $set: { refundedPence: (payment.refundedPence ?? 0) + held } },
    );
    return held;
  }

  /** A provider's refund of the card's part of a booking it was paid for. */
  async refundCaptured(
    booking: { _id: unknown; organisation: unknown; child: unknown; reference: string },
    amountPence: number,
    key: string,
    memo: string,
    actor: LedgerActor,
  ) {
    const bookingId = String(booking._id);
    const payment = await this.paymentOfBooking(bookingId);
    if (!payment) return;
    const posted = await this.deps.ledger.post({
      key,
      reason: 'REFUND',
      postings: [
        { account: `owed:${String(booking.organisation)}`, amountPence: -amountPence },
        { account: 'world:card', amountPence },
      ],
      memo: `${memo} (booking ${booking.reference}), to the card`,
      actor,
      booking: bookingId,
      organisation: String(booking.organisation),
      child: String(booking.child),
      labels: { refundOf: 'card' },
    });
    if (!posted.ok) return;
    await this.deps.stripe.refunds.create(
      { payment_intent: payment.stripeId, amount: amountPence },
      { idempotencyKey: key },
    );
    await CardPaymentModel.updateOne(
      { _id: payment._id },
      { $set: { refundedPence: (payment.refundedPence ?? 0) + amountPence } },
    );
  }

  /**
   * A refund made in Stripe itself (its dashboard): Stripe's cumulative amount refunded, less
   * what our own refunds account for, comes back from the bookings' card holds, then from
   * what their providers are owed.
   */
  private async recordStripeRefund(payment: StoredCardPayment, amountRefunded: number) {
    const journals = await Promise.all(
      payment.parts.map((part) => this.deps.ledger.journalsOf({ booking: part.booking })),
    );
    const refunded = journals
      .flat()
      .filter((journal) => journal.reason === 'REFUND' && isCardRefund(journal))
      .reduce((sum, journal) => sum + cardRefundAmount(journal), 0);
    let owed = amountRefunded - refunded;
    if (owed <= 0) return;
    for (const part of payment.parts) {
      if (owed <= 0) break;
      const booking = String(part.booking);
      for (const from of [`hold:${booking}:card`, `owed:${String(part.organisation)}`]) {
        if (owed <= 0) break;
        const balance = await this.deps.ledger.balance(from);
        const take = Math.min(owed, balance, part.amountPence);
        if (take <= 0) continue;
        const outcome = await this.deps.ledger.post({
          key: `stripe-refund:${payment._id}:${amountRefunded}:${booking}:${from}`,
          reason: 'REFUND',
          postings: [
            { account: from, amountPence: -take },
            { account: 'world:card', amountPence: take },
          ],
          memo: 'Refunded to the card in Stripe',
          actor: { kind: 'STRIPE' },
          booking,
          organisation: part.organisation,
          child: part.child,
        });
        if (outcome.ok) owed -= take;
      }
    }
    await CardPaymentModel.updateOne(
      { _id: payment._id },
      { $set: { state: 'REFUNDED', refundedPence: amountRefunded } },
    );
  }

  /** Card payments still waiting after `olderThanMs`: cancelled at Stripe and released. */
  async expireUnpaid(olderThanMs: number): Promise<number> {
    const before = new Date(Date.now() - olderThanMs);
    const waiting = (await CardPaymentModel.find({
      state: 'REQUIRES_PAYMENT',
      createdAt: { $lt: before },
    })
      .limit(200)
      .lean()) as unknown as StoredCardPayment[];
    for (const payment of waiting) {
      await this.deps.stripe.paymentIntents
        .cancel(payment.stripeId, {}, { idempotencyKey: `cancel:${payment._id}` })
        .catch((failure: Error) =>
          this.deps.log.warn({ err: failure, payment: payment._id }, 'could not cancel at Stripe'),
        );
      await CardPaymentModel.updateOne(
        { _id: payment._id, state: 'REQUIRES_PAYMENT' },
        { $set: { state: 'CANCELLED' } },
      );
      await this.listener?.failed(payment.parts.map((part) => String(part.booking)));
    }
    return waiting.length;
  }

  /**
   * Development and tests only, for the clearly labelled test card page: pays the payment with
   * Stripe's test card (against stripe-mock), then plays Stripe's part by signing the
   * `payment_intent.succeeded` event it would send and handing it to the webhook receiver.
   */
  async testConfirm(actor: SignedInActor, paymentId: string) {
    if (this.deps.production) {
      return refusePayment(
        'Test card payments are not available on the live service',
        'NOT_ALLOWED',
      );
    }
    const payment = await this.cardPaymentOfFamily(actor, paymentId);
    if (!payment) return refusePayment(NO_SUCH_PAYMENT, 'NOT_FOUND');
    if (payment.state === 'REQUIRES_PAYMENT') {
      await this.deps.stripe.paymentIntents.confirm(
        payment.stripeId,
        { payment_method: 'pm_card_visa' },
        { idempotencyKey: `confirm:${payment._id}` },
      );
      const payload = JSON.stringify({
        id: `evt_test_${randomUUID().replaceAll('-', '')}`,
        object: 'event',
        type: 'payment_intent.succeeded',
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        data: {
          object: {
            id: payment.stripeId,
            object: 'payment_intent',
            amount: payment.amountPence,
            currency: 'gbp',
            status: 'succeeded',
          },
        },
      });
      const signature = this.deps.stripe.webhooks.generateTestHeaderString({
        payload,
        secret: this.deps.webhookSecret,
      });
      await this.receiveWebhook(Buffer.from(payload), signature);
      await this.applyEvent((JSON.parse(payload) as { id: string }).id);
    }
    return { userErrors: [], payment: await this.payment(paymentId) };
  }

  // ——— Providers: statements and payouts ———

  /** What a provider was owed and paid in a month (YYYY-MM, London), line by line. */
  async statement(organisationId: string, period: string) {
    const journals = await this.deps.ledger.journalsOf({
      organisation: new Types.ObjectId(organisationId),
    });
    const owedAccount = `owed:${organisationId}`;
    const lines: StatementLine[] = journals
      .filter((journal) => journal.state === 'POSTED')
      .flatMap((journal) => {
        const posting = journal.postings.find((p) => p.account === owedAccount);
        if (!posting) return [];
        const at = journal.postedAt ?? journal.createdAt;
        if (londonMonth(at) !== period) return [];
        return [
          {
            journalId: journal._id,
            at,
            reason: journal.reason,
            memo: journal.memo,
            bookingId: journal.booking ? String(journal.booking) : null,
            amountPence: posting.amountPence,
          },
        ];
      });
    const sum = (reasons: string[]) =>
      lines.filter((l) => reasons.includes(l.reason)).reduce((s, l) => s + l.amountPence, 0);
    const payout = await PayoutModel.findById(`${organisationId}:${period}`).lean();
    return {
      organisationId,
      period,
      lines,
      capturedPence: sum(['CAPTURE', 'LATE_CANCELLATION_CHARGE']),
      refundedPence: -sum(['REFUND']),
      paidOutPence: -sum(['SETTLEMENT']),
      owedNowPence: await this.deps.ledger.balance(owedAccount),
      payout: payout
        ? {
            amountPence: payout.amountPence,
            state: payout.state,
            transferId: payout.stripeTransferId ?? null,
            at: payout.updatedAt,
          }
        : null,
    };
  }

  /**
   * Pays a provider what it is owed for a month, once: a Stripe Connect transfer to its
   * account (our key), and the settlement journal.
   */
  async payOut(actor: SignedInActor, organisationId: string, period: string) {
    const [organisation] = await this.deps.organisations.byIds([organisationId]);
    if (!organisation) return { problem: 'There is no provider with this id' } as const;
    if (!organisation.payoutAccount) {
      return {
        problem: `${organisation.name} has no Stripe account for payouts yet: ask them to connect one`,
      } as const;
    }
    const id = `${organisationId}:${period}`;
    const existing = await PayoutModel.findById(id).lean();
    const statement = await this.statement(organisationId, period);
    const amountPence =
      existing?.amountPence ??
      Math.min(
        statement.owedNowPence,
        statement.capturedPence - statement.refundedPence - statement.paidOutPence,
      );
    if (amountPence <= 0)
      return { problem: `Nothing is owed to ${organisation.name} for this month` } as const;
    if (!existing) {
      try {
        await PayoutModel.create({
          _id: id,
          organisation: organisationId,
          period,
          amountPence,
          destination: organisation.payoutAccount,
          state: 'PENDING',
          by: actor.accountId,
        });
      } catch (failure) {
        if (!isDuplicateKey(failure)) throw failure;
      }
    }
    const settled = await this.deps.ledger.post({
      key: `payout:${id}`,
      reason: 'SETTLEMENT',
      postings: [
        { account: `owed:${organisationId}`, amountPence: -amountPence },
        { account: 'world:payouts', amountPence },
      ],
      memo: `Paid out for ${period}`,
      actor: { kind: actor.role === 'ADMIN' ? 'ADMIN' : 'COMMISSIONER', account: actor.accountId },
      organisation: organisationId,
    });
    if (!settled.ok) {
      await PayoutModel.deleteOne({ _id: id, state: 'PENDING' });
      return {
        problem:
          settled.code === 'INSUFFICIENT_FUNDS'
            ? `${organisation.name} is owed ${formatMoney(pence(settled.availablePence))}, less than this payout`
            : settled.message,
      } as const;
    }
    const transfer = await this.deps.stripe.transfers.create(
      {
        amount: amountPence,
        currency: 'gbp',
        destination: organisation.payoutAccount,
        transfer_group: id,
        metadata: { harbourPayout: id },
      },
      { idempotencyKey: `payout:${id}` },
    );
    await PayoutModel.updateOne(
      { _id: id },
      { $set: { state: 'PAID', stripeTransferId: transfer.id } },
    );
    return { statement: await this.statement(organisationId, period) } as const;
  }
}

function isCardRefund(journal: StoredJournal): boolean {
  return journal.postings.some((p) => p.account === 'world:card' && p.amountPence > 0);
}

function cardRefundAmount(journal: StoredJournal): number {
  return journal.postings.find((p) => p.account === 'world:card')?.amountPence ?? 0;
}

const month = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
});

/** YYYY-MM in London. */
export function londonMonth(at: Date): string {
  return month.format(at).slice(0, 7);
}

/** A payment's id: 24 hexadecimal characters (the shape of every Harbour id) from its key. */
function paymentIdOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}
