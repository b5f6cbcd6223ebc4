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
      const fundingParts = parts.map((p) => ({
        source: p.source,
        fund: p.fundId,
        name: p.name,
        amountPence: p.amountPence,
      }));
      await BookingModel.updateOne({ _id: booking._id }, { $set: { fundingParts } });
      booking.fundingParts = fundingParts as StoredBooking['fundingParts'];
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

  /** Takes a confirmed booking's held money for its provider now (charged at the start). */
  async capture(booking: StoredBooking, memo: string): Promise<void> {
    const parts = (booking.fundingParts ?? []).map((p) => ({
      fundId: p.fund ?? null,
      source: p.source ?? '',
    }));
    await this.deps.budgets.captureBooking(
      this.moneyOf(booking),
      parts,
      'CAPTURE',
      { kind: 'SYSTEM' },
      memo,
    );
    await BookingModel.updateOne({ _id: booking._id }, { $set: { funding: 'CAPTURED' } });
  }

  /**
   * Gives a provider's money back for a booking: the card's part first, then each fund's, the
   * reverse of the order they paid, each no more than it paid less what it has had back.
   */
  async refund(
    booking: StoredBooking,
    amountPence: number,
    reason: string,
    actor: LedgerActor,
  ): Promise<{ ok: true } | { ok: false; message: string }> {
    const journals = await this.deps.budgets.journalsOfBooking(String(booking._id));
    const parts = [...(booking.fundingParts ?? [])].reverse();
    const refundable = parts.map((part) => {
      const source = part.fund ?? 'card';
      const paid = journals
        .filter(
          (j) =>
            j.state === 'POSTED' &&
            (j.reason === 'CAPTURE' || j.reason === 'LATE_CANCELLATION_CHARGE'),
        )
        .reduce(
          (sum, j) =>
            sum -
            (j.postings.find((p) => p.account === `hold:${String(booking._id)}:${source}`)
              ?.amountPence ?? 0),
          0,
        );
      const back = journals
        .filter(
          (j) =>
            j.state === 'POSTED' &&
            j.reason === 'REFUND' &&
            (j.labels as Record<string, string> | undefined)?.refundOf === source,
        )
        .reduce(
          (sum, j) =>
            sum +
            (j.postings.find((p) => p.account === `owed:${String(booking.organisation)}`)
              ?.amountPence ?? 0),
          0,
        );
      return { part, source, left: paid + back };
    });
    const total = refundable.reduce((sum, r) => sum + r.left, 0);
    if (amountPence > total) {
      return {
        ok: false,
        message:
          total === 0
            ? 'Nothing has been paid to you for this booking, so there is nothing to refund'
            : `You can refund at most ${formatMoney(pence(total))} for this booking: what you were paid, less any refunds`,
      };
    }
    const owedNow = await this.deps.budgets.owedTo(String(booking.organisation));
    if (amountPence > owedNow) {
      return {
        ok: false,
        message: `Refunds come out of what you are owed, which is ${formatMoney(pence(owedNow))} now that you have been paid out`,
      };
    }
    let owed = amountPence;
    const key = `${String(booking._id)}:${total}`;
    for (const { part, source, left } of refundable) {
      const take = Math.min(owed, left);
      if (take <= 0) continue;
      if (source === 'card') {
        await this.deps.payments.refundCaptured(booking, take, `refund:${key}:card`, reason, actor);
      } else {
        await this.deps.budgets.refundToFund(
          this.moneyOf(booking),
          source,
          take,
          `refund:${key}:${source}`,
          reason,
          actor,
        );
      }
      owed -= take;
      void part;
    }
    return { ok: true };
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
