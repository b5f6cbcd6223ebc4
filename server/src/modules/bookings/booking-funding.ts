import {
  formatMoney,
  pence,
  type FundingPlan,
  type PlanPart,
  type SessionToFund,
} from '@harbour/shared';
import type { BookingForMoney, BudgetsService } from '../budgets/budgets.service';
import type { LedgerActor } from '../ledger/ledger.service';
import type { StoredCardPayment } from '../payments/payment.model';
import { MAX_CARD_PENCE, type PaymentsService } from '../payments/payments.service';
import type { Listing } from '../directory/listing';
import { BookingModel, type StoredBooking, type StoredSession } from './booking.model';

export interface FundingDeps {
  budgets: BudgetsService;
  payments: PaymentsService;
}

export interface ChildToFund {
  id: string;
  familyId: string;
  name: string;
  facts: Parameters<BudgetsService['planFor']>[0]['facts'];
}

export type Funded =
  | {
      ok: true;
      /** Every part held: these can be confirmed now. */
      ready: StoredBooking[];
      /** Waiting for the card payment. */
      awaitingCard: StoredBooking[];
      payment: StoredCardPayment | null;
    }
  | { ok: false; message: string };

/** A session as the funding plan sees it: its price, length, service and what it accepts. */
export function sessionToFund(session: StoredSession, listing: Listing): SessionToFund {
  return {
    sessionId: String(session._id),
    pricePence: session.pricePence,
    minutes: Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000),
    serviceId: listing.serviceId,
    serviceType: listing.type,
    acceptedFunding: listing.funding,
  };
}

/**
 * Why a plan cannot be booked, in words, or null: funds that fall short where the service
 * takes no cards, or more than £5,000 to pay by card at once.
 */
export function planProblem(plan: FundingPlan, childName: string): string | null {
  if (plan.shortfallPence > 0) {
    const reasons = plan.notes.map((note) => note.reason);
    return `${childName}’s funds do not cover ${formatMoney(pence(plan.shortfallPence))} of the cost, and this provider does not take card payments through Harbour${reasons.length ? ` (${reasons.join('; ')})` : ''}`;
  }
  if (plan.cardPence > MAX_CARD_PENCE) {
    return `That would be ${formatMoney(pence(plan.cardPence))} by card, more than the ${formatMoney(pence(MAX_CARD_PENCE))} Harbour takes in one payment: book fewer sessions at once`;
  }
  return null;
}

/**
 * The money side of a booking: reserved, then funded (each fund's part held in the ledger
 * and the card's part paid), then confirmed; and afterwards, money that follows the
 * booking's state (captured on attendance or a late cancellation, released otherwise).
 */
export class BookingFunding {
  constructor(private readonly deps: FundingDeps) {}

  moneyOf(booking: StoredBooking): BookingForMoney {
    return {
      id: String(booking._id),
      reference: booking.reference,
      organisationId: String(booking.organisation),
      childId: String(booking.child),
      serviceType: booking.serviceType ?? 'Not known',
      district: booking.district ?? null,
    };
  }

  plan(child: ChildToFund, sessions: readonly SessionToFund[]): Promise<FundingPlan> {
    return this.deps.budgets.planFor(child, sessions);
  }

  /**
   * Holds each reserved booking's parts of the plan; the card's parts become one payment.
   * If any part cannot be held, everything already held for these bookings is released.
   */
  async fund(
    bookings: readonly StoredBooking[],
    plan: FundingPlan,
    child: ChildToFund,
    paymentKey: string,
    actor: LedgerActor,
    crash: (point: 'after-first-hold') => void,
  ): Promise<Funded> {
    const partsOf = (booking: StoredBooking): PlanPart[] =>
      plan.sessions.find((s) => s.sessionId === String(booking.session))?.parts ?? [];
    for (const booking of bookings) {
      const parts = partsOf(booking);
      await BookingModel.updateOne(
        { _id: booking._id },
        {
          $set: {
            fundingParts: parts.map((p) => ({
              source: p.source,
              fund: p.fundId,
              name: p.name,
              amountPence: p.amountPence,
            })),
          },
        },
      );
      booking.fundingParts = parts.map((p) => ({
        source: p.source,
        fund: p.fundId,
        name: p.name,
        amountPence: p.amountPence,
      })) as StoredBooking['fundingParts'];
      const held = await this.deps.budgets.holdForBooking(
        this.moneyOf(booking),
        parts,
        actor,
        crash,
      );
      if (!held.ok) {
        for (const other of bookings)
          await this.release(other, 'Released: the booking could not be funded');
        return { ok: false, message: held.message };
      }
    }
    const card = bookings.flatMap((booking) => {
      const part = partsOf(booking).find((p) => p.source === 'CARD');
      return part ? [{ booking, amountPence: part.amountPence }] : [];
    });
    if (card.length === 0)
      return { ok: true, ready: [...bookings], awaitingCard: [], payment: null };
    const payment = await this.deps.payments.startCardPayment(
      paymentKey,
      child.familyId,
      card.map(({ booking, amountPence }) => ({
        bookingId: String(booking._id),
        organisationId: String(booking.organisation),
        childId: String(booking.child),
        amountPence,
        labels: {
          serviceType: booking.serviceType ?? 'Not known',
          ...(booking.district && { district: booking.district }),
        },
      })),
    );
    const waiting = new Set(card.map(({ booking }) => String(booking._id)));
    return {
      ok: true,
      ready: bookings.filter((b) => !waiting.has(String(b._id))),
      awaitingCard: bookings.filter((b) => waiting.has(String(b._id))),
      payment,
    };
  }

  expireUnpaidCards(olderThanMs: number): Promise<number> {
    return this.deps.payments.expireUnpaid(olderThanMs);
  }

  /** Gives back everything held for a booking: each fund's part, and the card's by refund. */
  async release(booking: StoredBooking, memo: string) {
    const parts = (booking.fundingParts ?? []).map((p) => ({ fundId: p.fund ?? null }));
    await this.deps.budgets.releaseBooking(this.moneyOf(booking), parts, { kind: 'SYSTEM' }, memo);
    await this.deps.payments.refundBooking(String(booking._id), memo);
  }

  /**
   * Moves a booking's money to where its state says it belongs: to the provider when the child
   * attended, was absent, or cancelled late; back to the funds and the card when it was
   * cancelled in time, declined or expired. Idempotent: safe to repeat after a crash.
   */
  async settle(booking: StoredBooking): Promise<void> {
    if (!booking.fundingParts?.length) return;
    const charged =
      booking.state === 'ATTENDED' ||
      booking.state === 'ABSENT' ||
      (booking.state === 'CANCELLED' && booking.cancellation?.kind === 'LATE');
    const returned = ['CANCELLED', 'DECLINED', 'EXPIRED'].includes(booking.state) && !charged;
    if (charged) {
      const parts = booking.fundingParts.map((p) => ({
        fundId: p.fund ?? null,
        source: p.source ?? '',
      }));
      const late = booking.state === 'CANCELLED';
      await this.deps.budgets.captureBooking(
        this.moneyOf(booking),
        parts,
        late ? 'LATE_CANCELLATION_CHARGE' : 'CAPTURE',
        { kind: 'SYSTEM' },
        late
          ? `Late cancellation charge for booking ${booking.reference}`
          : `Paid to the provider for booking ${booking.reference}`,
      );
      await BookingModel.updateOne({ _id: booking._id }, { $set: { funding: 'CAPTURED' } });
    } else if (returned) {
      await this.release(
        booking,
        `Released: booking ${booking.reference} was ${booking.state.toLowerCase()}`,
      );
      await BookingModel.updateOne({ _id: booking._id }, { $set: { funding: 'RELEASED' } });
    }
  }
}
