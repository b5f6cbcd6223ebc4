import {
  cancellationTerms,
  FINAL_STATES,
  formatMoney,
  HOLDS_PLACE,
  londonDay,
  londonTime,
  londonToday,
  offerExpiry,
  pence,
  PROFILE_SECTIONS,
  sessionWhen,
  supportInWords,
  supportUnitsFor,
  supportUnitsOf,
  staffNeeded,
  type BookingState,
  type ProfileSection,
} from '@harbour/shared';
import { createHash, randomInt } from 'node:crypto';
import { Types } from 'mongoose';
import { z } from 'zod';
import type { GraphQLError } from 'graphql';
import { userErrorsFromZod, withoutNulls, type UserError } from '../../graphql/user-errors';
import { SharedWrites } from '../../platform/shared-writes';
import { isDuplicateKey } from '../../platform/database';
import type { Logger } from '../../platform/logger';
import type { SignedInActor } from '../access/actor';
import { forbidden } from '../access/authorize';
import { CHILD_NOT_VISIBLE, organisationAccess } from '../access/policy';
import type { AccountsService } from '../accounts/accounts.service';
import type { DirectoryService } from '../directory/directory.service';
import type { Listing } from '../directory/listing';
import type { EligibilityService } from '../eligibility/eligibility.service';
import type { FamiliesService } from '../families/families.service';
import type { JobQueue } from '../jobs/job.service';
import type { OutboxService } from '../outbox/outbox.service';
import type { BookingNotice, MessageTemplate } from '../outbox/templates';
import {
  BookingModel,
  BookingRequestModel,
  BookingTransitionModel,
  CapacityClaimModel,
  ScheduledSessionModel,
  WaitlistLockModel,
  type StoredBooking,
  type StoredSession,
} from './booking.model';
import { moveBooking, recordCreation, rollForward, type Mover } from './booking-transitions';
import { bookingReference, eligibilityBlockers, sessionMisfits } from './bookings.rules';
import { claimCapacity, compactClaims, releaseCapacity } from './capacity-claims';
import { planProblem, sessionToFund, type BookingFunding } from './booking-funding';
import type { LedgerService } from '../ledger/ledger.service';
import { termsOf, type SessionsService } from './sessions.service';

export const OFFER_EXPIRY_JOB = 'bookings.offer-expiry';
export const REMINDER_JOB = 'bookings.reminder';
export const WAITLIST_JOB = 'bookings.waitlist';
export const CHARGE_JOB = 'bookings.charge';
const REMINDER_HOURS = 48;
/** The notices also sent as a text, where the carer has given a mobile number. */
const TEXTED = new Set<MessageTemplate['template']>(['WAITLIST_OFFER', 'SESSION_CANCELLED']);
const HOUR = 60 * 60 * 1000;
/** A request or claim older than this with nothing to show for it was cut short by a crash. */
const RECONCILE_GRACE_MS = 2 * 60 * 1000;
/** How long a reserved place waits for its card payment. */
export const CARD_PAYMENT_WAIT_MS = 30 * 60 * 1000;

/** How far back the reconciler looks for moves a crash left half-made. */
const RECONCILE_WINDOW_MS = 24 * 60 * 60 * 1000;

const sectionsSchema = z.array(PROFILE_SECTIONS.schema('profile section')).max(8).default([]);

const bookSchema = z.strictObject({
  childId: z.string(),
  sessionIds: z
    .array(z.string())
    .min(1, 'Choose at least one session')
    .max(100, 'Book at most 100 sessions at once')
    .transform((ids) => [...new Set(ids)]),
  /** Full sessions: refuse the request (default), or put the child on their waiting lists. */
  whenFull: z.enum(['REFUSE', 'WAITLIST']).default('REFUSE'),
  /** For a block with some sessions full: book the rest rather than none. */
  bookAvailableOnly: z.boolean().default(false),
  /** Profile sections to share with the provider for these sessions. */
  shareSections: sectionsSchema,
  /**
   * The card payment the check-your-answers page showed: if the child's funds have changed
   * since and the card would pay more, nothing is booked and the new split is explained.
   */
  expectedCardPence: z.number().int().min(0).nullish(),
  idempotencyKey: z
    .string()
    .trim()
    .min(8, 'The idempotency key must be 8 to 100 characters')
    .max(100, 'The idempotency key must be 8 to 100 characters')
    .nullish(),
});
type BookInput = z.output<typeof bookSchema>;

export const ATTENDANCE = ['ATTENDED', 'ABSENT', 'LATE_CANCELLATION'] as const;

const sessionUpdateSchema = z.strictObject({
  sessionId: z.string(),
  places: z.number().int('Places must be a whole number').min(1).max(500).nullish(),
  staff: z.number().int('Staff must be a whole number').min(0).max(200).nullish(),
});

export interface BookingView {
  id: string;
  reference: string;
  state: BookingState;
  childId: string;
  childName: string;
  sessionId: string;
  listingId: string;
  organisationId: string;
  startsAt: Date;
  supportNeeded: string;
  pricePence: number;
  funding: string;
  fundingParts: { source: string; fundId: string | null; name: string; amountPence: number }[];
  offerExpiresAt: Date | null;
  cancellation: { kind: string; by: string } | null;
  attendanceMarkedAt: Date | null;
  createdAt: Date;
}

export interface BookPayload {
  userErrors: UserError[];
  bookings: BookingView[];
}

export interface Deps {
  sessions: SessionsService;
  directory: DirectoryService;
  eligibility: EligibilityService;
  families: FamiliesService;
  accounts: AccountsService;
  outbox: OutboxService;
  queue: JobQueue;
  publicUrl: string;
  log: Logger;
  funding: BookingFunding;
  ledger: LedgerService;
  /** Fault injection for the reliability tests: the process dies at this step. */
  crashAt?: string | null;
}

const FAMILY: Mover['kind'] = 'FAMILY';

/** Steps a reliability test can stop the server at (see HARBOUR_CRASH_AT). */
export type BookingCrashPoint =
  | 'after-place-claims'
  | 'after-support-claims'
  | 'after-booking-insert'
  | 'after-first-hold'
  | 'after-holds';

function toView(booking: StoredBooking): BookingView {
  return {
    id: String(booking._id),
    reference: booking.reference,
    state: booking.state as BookingState,
    childId: String(booking.child),
    childName: booking.childName,
    sessionId: String(booking.session),
    listingId: booking.listingId,
    organisationId: String(booking.organisation),
    startsAt: booking.startsAt,
    supportNeeded: booking.supportNeeded,
    pricePence: booking.pricePence,
    funding: booking.funding,
    fundingParts: (booking.fundingParts ?? []).map((part) => ({
      source: part.source ?? 'CARD',
      fundId: part.fund ?? null,
      name: part.name ?? '',
      amountPence: part.amountPence ?? 0,
    })),
    offerExpiresAt: booking.offerExpiresAt ?? null,
    cancellation: booking.cancellation?.kind
      ? { kind: booking.cancellation.kind, by: String(booking.cancellation.by) }
      : null,
    attendanceMarkedAt: booking.attendanceMarkedAt ?? null,
    createdAt: (booking as { createdAt?: Date }).createdAt ?? new Date(0),
  };
}

const error = (field: string[] | null, message: string, code: string): UserError => ({
  field,
  message,
  code,
});

function fingerprint(input: BookInput): string {
  const rest: Partial<BookInput> = { ...input };
  delete rest.idempotencyKey;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Family booking, the waiting list and the provider's register. A place is a set of
 * capacity claims (capacity-claims.ts); a booking moves only by its transition table
 * (booking-transitions.ts); a request is made once per idempotency key. Each step leaves
 * something the reconciler can finish or undo after a crash.
 */
export class BookingsService {
  /** Stamps of sessions' `modified` (the OpenActive feed's order), shared by bookings at once. */
  private readonly sessionStamps = new SharedWrites();

  constructor(private readonly deps: Deps) {}

  // ——— Family side ———

  async book(actor: SignedInActor, input: unknown): Promise<BookPayload> {
    // Ids made on arrival order the waiting list first come, first served.
    const arrival = Array.from({ length: 100 }, () => new Types.ObjectId());
    const parsed = bookSchema.safeParse(withoutNulls(input));
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), bookings: [] };
    const request = parsed.data;
    const child = await this.childFor(actor, request.childId);
    if (child.userError) return { userErrors: [child.userError], bookings: [] };

    const key = request.idempotencyKey ? `${actor.accountId}:${request.idempotencyKey}` : null;
    if (key) {
      const earlier = await this.startRequest(key, fingerprint(request));
      if (earlier) return earlier;
    }
    try {
      const outcome = await this.placeBookings(actor, request, child, arrival, key);
      if (key) {
        await BookingRequestModel.updateOne(
          { _id: key },
          {
            $set: {
              state: 'DONE',
              bookings: outcome.bookings.map((b) => new Types.ObjectId(b.id)),
              userErrors: outcome.userErrors,
            },
          },
        );
      }
      return outcome;
    } catch (failure) {
      // Nothing was answered: a retry with the same key starts again.
      if (key) await BookingRequestModel.deleteOne({ _id: key, state: 'PENDING' });
      throw failure;
    }
  }

  /** What booking these sessions would mean, for the check-your-answers page; changes nothing. */
  async quote(actor: SignedInActor, input: unknown) {
    const parsed = bookSchema.safeParse(withoutNulls(input));
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), quote: null };
    const child = await this.childFor(actor, parsed.data.childId);
    if (child.userError) return { userErrors: [child.userError], quote: null };
    const checked = await this.checkSessions(parsed.data.sessionIds, child);
    if ('userErrors' in checked) return { userErrors: checked.userErrors, quote: null };
    const views = await this.deps.sessions.views(checked.sessions.map((s) => s.session));
    const [first] = views;
    if (!first) return { userErrors: [], quote: null };
    const full = views.filter(
      (view) =>
        view.placesLeft === 0 ||
        view.waitlistLength > 0 ||
        view.supportUnitsLeft < supportUnitsFor(child.supportNeeded, view.terms.groupRatio),
    );
    const consented = await this.consentedSections(actor, child.id, first.organisationId);
    const open = checked.sessions.filter(
      ({ session }) => !full.some((v) => v.id === String(session._id)),
    );
    const plan = await this.deps.funding.plan(
      child,
      open.map(({ session, listing }) => sessionToFund(session, listing)),
    );
    return {
      userErrors: [],
      quote: {
        funding: plan,
        fundingProblem: planProblem(plan, child.name),
        childName: child.name,
        sessions: views,
        fullSessionIds: full.map((view) => view.id),
        totalPence: views
          .filter((view) => !full.includes(view))
          .reduce((sum, view) => sum + view.terms.pricePence, 0),
        cancellationPolicy: first.cancellationPolicy,
        alreadySharedSections: consented,
        sectionsToAsk: (
          ['NEEDS', 'ABOUT_ME', 'MOBILITY_AND_HEALTH', 'EMERGENCY_CONTACTS'] as const
        ).filter((section) => !consented.includes(section)),
      },
    };
  }

  async cancel(actor: SignedInActor, input: { bookingId?: unknown; reason?: unknown }) {
    const booking = await this.familyBooking(actor, String(input.bookingId ?? ''));
    if (!booking) return { userErrors: [notFoundBooking()], booking: null };
    const session = await this.deps.sessions.session(String(booking.session));
    const terms = session
      ? cancellationTerms(session, new Date())
      : { kind: 'EARLY' as const, words: '' };
    const late = booking.state === 'CONFIRMED' && terms.kind === 'LATE';
    const moved = await moveBooking(
      booking,
      'CANCELLED',
      { kind: FAMILY, accountId: actor.accountId },
      String(input.reason ?? '') ||
        (late ? 'Cancelled by the family (late)' : 'Cancelled by the family'),
      { cancellation: { kind: late ? 'LATE' : 'EARLY', by: 'FAMILY' } },
    );
    if (!moved.moved) return { userErrors: [error(null, moved.why, 'NOT_ALLOWED')], booking: null };
    await releaseCapacity(booking._id);
    await this.deps.funding.settle(moved.booking);
    await this.touch([booking.session]);
    await this.notify(moved.booking, 'BOOKING_CANCELLED', {
      detail: late
        ? terms.words
        : 'It was cancelled in time, so it is free. The place has gone to the next child if anyone was waiting.',
    });
    await this.fillWaitlist(String(booking.session));
    return { userErrors: [], booking: toView(moved.booking) };
  }

  async offerAccept(actor: SignedInActor, input: { bookingId?: unknown }) {
    const booking = await this.familyBooking(actor, String(input.bookingId ?? ''));
    if (!booking) return { userErrors: [notFoundBooking()], booking: null };
    if (
      booking.state === 'OFFERED' &&
      booking.offerExpiresAt &&
      booking.offerExpiresAt <= new Date()
    ) {
      await this.expireOffer(String(booking._id));
      return {
        userErrors: [
          error(
            null,
            `This offer expired at ${londonTime(booking.offerExpiresAt)} on ${londonDay(booking.offerExpiresAt)}, so the place has gone to the next child`,
            'OFFER_EXPIRED',
          ),
        ],
        booking: null,
      };
    }
    // Funded as a new booking is (each fund's part held, the card's to pay), then moved: if
    // the offer expires meanwhile, the move loses and what was held goes back.
    let funding: { ready: boolean; funded: StoredBooking } = { ready: true, funded: booking };
    if (booking.pricePence > 0) {
      const session = await this.deps.sessions.session(String(booking.session));
      const listing = session && (await this.deps.directory.listingById(session.listingId));
      const child = await this.childFor(actor, String(booking.child));
      if (!session || !listing || 'userError' in child) {
        return { userErrors: [notFoundBooking()], booking: null };
      }
      const plan = await this.deps.funding.plan(child, [sessionToFund(session, listing)]);
      const problem = planProblem(plan, child.name);
      if (problem) return { userErrors: [error(null, problem, 'NOT_FUNDED')], booking: null };
      const withLabels = {
        ...booking,
        serviceType: listing.type,
        ...(child.facts.district && { district: child.facts.district }),
      };
      await BookingModel.updateOne(
        { _id: booking._id },
        { $set: { serviceType: withLabels.serviceType, district: withLabels.district } },
      );
      const funded = await this.deps.funding.fund(
        [withLabels],
        plan,
        child,
        `card:offer:${String(booking._id)}`,
        { kind: 'FAMILY', account: actor.accountId },
        (point) => this.crash(point),
      );
      if (!funded.ok)
        return { userErrors: [error(null, funded.message, 'NOT_FUNDED')], booking: null };
      funding = { ready: funded.ready.length > 0, funded: withLabels };
    }
    const moved = await moveBooking(
      funding.funded,
      funding.ready ? 'CONFIRMED' : 'RESERVED',
      { kind: FAMILY, accountId: actor.accountId },
      funding.ready
        ? 'Waitlist offer accepted'
        : 'Waitlist offer accepted: the card payment is due',
      {
        funding: booking.pricePence === 0 ? 'NOT_NEEDED' : funding.ready ? 'HELD' : 'AWAITING_CARD',
      },
    );
    if (!moved.moved) {
      await this.deps.funding.release(funding.funded, 'Released: the offer had already ended');
      return { userErrors: [error(null, moved.why, 'NOT_ALLOWED')], booking: null };
    }
    if (moved.booking.state === 'CONFIRMED') {
      await this.notify(moved.booking, 'BOOKING_CONFIRMED');
      await this.scheduleReminder(moved.booking);
    }
    return { userErrors: [], booking: toView(moved.booking) };
  }

  /** At a session's start: where its terms say so, a confirmed booking's money is taken. */
  async chargeAtStart(bookingId: string): Promise<void> {
    const booking = await this.load(bookingId);
    if (!booking || booking.state !== 'CONFIRMED' || booking.funding !== 'HELD') return;
    const session = await this.deps.sessions.session(String(booking.session));
    if (session?.chargeAt !== 'SESSION_START') return;
    await this.deps.funding.capture(
      booking,
      `Charged as the session started, booking ${booking.reference}`,
    );
  }

  /**
   * A provider gives money back for a booking it was paid for (all or part): to the card
   * first, then to the funds, the reverse of the order they paid; never more than was paid.
   */
  async refund(
    actor: SignedInActor,
    input: { bookingId?: unknown; amountPence?: unknown; reason?: unknown },
  ) {
    const booking = await this.load(String(input.bookingId ?? ''));
    if (
      !booking ||
      !organisationAccess(actor, String(booking.organisation)) ||
      (actor.role !== 'PROVIDER' && actor.role !== 'ADMIN')
    ) {
      return { userErrors: [notFoundBooking()], booking: null };
    }
    const amount = input.amountPence;
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0) {
      return {
        userErrors: [
          error(
            ['input', 'amountPence'],
            'Enter the refund as a whole number of pence, more than £0',
            'INVALID',
          ),
        ],
        booking: null,
      };
    }
    const reason =
      String(input.reason ?? '')
        .trim()
        .slice(0, 200) || 'Refunded by the provider';
    const outcome = await this.deps.funding.refund(booking, amount, reason, {
      kind: actor.role === 'ADMIN' ? 'ADMIN' : 'PROVIDER',
      account: actor.accountId,
    });
    if (!outcome.ok)
      return {
        userErrors: [error(['input', 'amountPence'], outcome.message, 'TOO_MUCH')],
        booking: null,
      };
    return { userErrors: [], booking: toView((await this.load(String(booking._id))) ?? booking) };
  }

  /** The card payment for these reserved bookings went through: they are confirmed. */
  async cardPaid(bookingIds: readonly string[]): Promise<void> {
    const confirmed: StoredBooking[] = [];
    for (const id of bookingIds) {
      const booking = await this.load(id);
      if (!booking) continue;
      if (booking.state !== 'RESERVED') {
        // Paid after the reservation ended (it expired): the money goes back.
        if (FINAL_STATES.includes(booking.state as BookingState))
          await this.deps.funding.settle(booking);
        continue;
      }
      const moved = await moveBooking(
        booking,
        'CONFIRMED',
        { kind: 'SYSTEM' },
        'Card payment received: place confirmed',
        {
          funding: 'HELD',
        },
      );
      if (moved.moved) confirmed.push(moved.booking);
    }
    if (confirmed.length) {
      await this.notify(confirmed, 'BOOKING_CONFIRMED');
      for (const booking of confirmed) await this.scheduleReminder(booking);
    }
  }

  /** The card payment failed or was never made: the reservations end and their money goes back. */
  async cardFailed(bookingIds: readonly string[]): Promise<void> {
    for (const id of bookingIds) {
      const booking = await this.load(id);
      // RESERVED: never paid. CONFIRMED: the card payment was refunded in full at Stripe.
      if (!booking || (booking.state !== 'RESERVED' && booking.state !== 'CONFIRMED')) continue;
      const moved = await moveBooking(
        booking,
        'CANCELLED',
        { kind: 'SYSTEM' },
        booking.state === 'RESERVED'
          ? 'The card payment did not go through'
          : 'The card payment was refunded',
        {
          cancellation: { kind: 'EARLY', by: 'SYSTEM' },
        },
      );
      await releaseCapacity(booking._id);
      if (!moved.moved) continue;
      await this.deps.funding.settle(moved.booking);
      await this.touch([booking.session]);
      await this.fillWaitlist(String(booking.session));
    }
  }

  async offerDecline(actor: SignedInActor, input: { bookingId?: unknown }) {
    const booking = await this.familyBooking(actor, String(input.bookingId ?? ''));
    if (!booking) return { userErrors: [notFoundBooking()], booking: null };
    const moved = await moveBooking(
      booking,
      'DECLINED',
      { kind: FAMILY, accountId: actor.accountId },
      'Waitlist offer declined',
    );
    if (!moved.moved) return { userErrors: [error(null, moved.why, 'NOT_ALLOWED')], booking: null };
    await releaseCapacity(booking._id);
    await this.touch([booking.session]);
    await this.fillWaitlist(String(booking.session));
    return { userErrors: [], booking: toView(moved.booking) };
  }

  /** A family's bookings (a young person's own), upcoming soonest first or past latest first. */
  async familyBookings(
    actor: SignedInActor,
    when: 'UPCOMING' | 'PAST',
    page: { first?: number | null; after?: string | null },
  ) {
    if (!actor.familyId) throw forbidden();
    const first = Math.min(Math.max(page.first ?? 20, 1), 100);
    const now = new Date();
    const upcoming = when === 'UPCOMING';
    const filter = {
      family: actor.familyId,
      ...(actor.role === 'YOUNG_PERSON' && actor.childId ? { child: actor.childId } : {}),
    };
    const after = page.after ? decodeCursor(page.after) : null;
    // A family's bookings are read by the family alone (an equality FerretDB answers from the
    // index) and put in order here: a family has tens or hundreds, never the whole table.
    const all = (await BookingModel.find(filter).lean()) as unknown as StoredBooking[];
    const from = after ?? now;
    const rows = all
      .filter((b) =>
        upcoming
          ? after
            ? b.startsAt > from
            : b.startsAt >= from
          : b.startsAt < (after && after < now ? after : now),
      )
      .sort((a, b) => (upcoming ? 1 : -1) * (a.startsAt.getTime() - b.startsAt.getTime()))
      .slice(0, first + 1);
    const hits = rows.slice(0, first);
    const last = hits.at(-1);
    return {
      nodes: hits.map(toView),
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor(last.startsAt) : null,
      },
    };
  }

  /** One booking the caller may see (the family's own, or the provider's); FORBIDDEN otherwise, found or not. */
  async booking(actor: SignedInActor, id: string): Promise<BookingView> {
    const booking = await this.load(id);
    const visible =
      booking &&
      (this.familyOwns(actor, booking) || organisationAccess(actor, String(booking.organisation)));
    if (!booking || !visible) throw forbidden(NO_BOOKING);
    return toView(booking);
  }

  /** Where a waitlisted booking stands in its session's queue (1 is next), or null. */
  async waitlistPosition(booking: BookingView): Promise<number | null> {
    if (booking.state !== 'WAITLISTED') return null;
    const ahead = await BookingModel.countDocuments({
      session: booking.sessionId,
      state: 'WAITLISTED',
      _id: { $lt: new Types.ObjectId(booking.id) },
    });
    return ahead + 1;
  }

  /** The history of a booking: every move, by whom, when and why. */
  /** A booking's reference, for statements that name it. */
  async referenceOf(bookingId: string): Promise<string | null> {
    if (!Types.ObjectId.isValid(bookingId)) return null;
    const booking = await BookingModel.findById(bookingId, { reference: 1 }).lean();
    return booking?.reference ?? null;
  }

  async history(bookingId: string) {
    return BookingTransitionModel.find({ booking: bookingId }).sort({ seq: 1 }).lean();
  }

  /** What cancelling now would mean, said before the family confirms it. */
  async cancellationQuote(booking: BookingView): Promise<{ kind: string; words: string }> {
    if (booking.state !== 'CONFIRMED') {
      return { kind: 'EARLY', words: 'Cancelling now is free.' };
    }
    const session = await this.deps.sessions.session(booking.sessionId);
    return session ? cancellationTerms(session, new Date()) : { kind: 'EARLY', words: '' };
  }

  // ——— Provider side ———

  async updateSession(actor: SignedInActor, input: unknown) {
    const parsed = sessionUpdateSchema.safeParse(withoutNulls(input));
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), session: null };
    const session = await this.providerSession(actor, parsed.data.sessionId);
    if (!session) return { userErrors: [notFoundSession()], session: null };
    if (session.status === 'CANCELLED') {
      return {
        userErrors: [
          error(
            ['input', 'sessionId'],
            'This session is cancelled, so it cannot change',
            'NOT_ALLOWED',
          ),
        ],
        session: null,
      };
    }
    const view = await this.deps.sessions.viewOf(String(session._id));
    const places = parsed.data.places ?? session.places;
    const staff = parsed.data.staff ?? session.staff;
    if (places < view.placesBooked) {
      return {
        userErrors: [
          error(
            ['input', 'places'],
            `${view.placesBooked === 1 ? '1 place is' : `${view.placesBooked} places are`} booked, so this session cannot have fewer than ${view.placesBooked === 1 ? '1 place' : `${view.placesBooked} places`}`,
            'BELOW_BOOKED',
          ),
        ],
        session: null,
      };
    }
    const unitsUsed = supportUnitsOf(termsOf(session)) - view.supportUnitsLeft;
    if (staff * session.groupRatio < unitsUsed) {
      const needed = staffNeeded(unitsUsed, session.groupRatio);
      return {
        userErrors: [
          error(
            ['input', 'staff'],
            `The children booked need ${needed} members of staff, so this session cannot have fewer than ${needed}`,
            'BELOW_BOOKED',
          ),
        ],
        session: null,
      };
    }
    await ScheduledSessionModel.updateOne(
      { _id: session._id },
      { $set: { places, staff, modified: Date.now() }, $inc: { revision: 1 } },
    );
    await compactClaims({
      id: String(session._id),
      places,
      supportUnits: staff * session.groupRatio,
    });
    await this.fillWaitlist(String(session._id));
    return { userErrors: [], session: await this.deps.sessions.viewOf(String(session._id)) };
  }

  /** The provider cancels a session: every family is told and every booking ends. */
  async cancelSession(actor: SignedInActor, input: { sessionId?: unknown; reason?: unknown }) {
    const session = await this.providerSession(actor, String(input.sessionId ?? ''));
    if (!session) return { userErrors: [notFoundSession()], session: null };
    if (session.status === 'CANCELLED') {
      return {
        userErrors: [
          error(['input', 'sessionId'], 'This session is already cancelled', 'NOT_ALLOWED'),
        ],
        session: null,
      };
    }
    if (session.startsAt <= new Date()) {
      return {
        userErrors: [
          error(
            ['input', 'sessionId'],
            'This session has started, so it cannot be cancelled',
            'NOT_ALLOWED',
          ),
        ],
        session: null,
      };
    }
    const reason = String(input.reason ?? '')
      .trim()
      .slice(0, 300);
    await ScheduledSessionModel.updateOne(
      { _id: session._id },
      { $set: { status: 'CANCELLED', cancelledReason: reason, modified: Date.now() } },
    );
    const live = (
      (await BookingModel.find({ session: session._id }).lean()) as unknown as StoredBooking[]
    ).filter((b) => ['RESERVED', 'CONFIRMED', 'OFFERED', 'WAITLISTED'].includes(b.state));
    for (const booking of live) {
      const moved = await moveBooking(
        booking,
        'CANCELLED',
        { kind: 'PROVIDER', accountId: actor.accountId },
        reason
          ? `Session cancelled by the provider: ${reason}`
          : 'Session cancelled by the provider',
        { cancellation: { kind: 'EARLY', by: 'PROVIDER' } },
      );
      await releaseCapacity(booking._id);
      if (moved.moved) {
        await this.deps.funding.settle(moved.booking);
        await this.notify(moved.booking, 'SESSION_CANCELLED', { detail: reason });
      }
    }
    return { userErrors: [], session: await this.deps.sessions.viewOf(String(session._id)) };
  }

  /**
   * A session's register: who is booked, and each child's profile as their family shared it
   * with the provider (reading it is audited through the child's access log).
   */
  async register(actor: SignedInActor, sessionId: string) {
    const session = await this.providerSession(actor, sessionId);
    if (!session) throw forbidden('There is no session with this id that you can see');
    const bookings = (await BookingModel.find({ session: session._id })
      .sort({ _id: 1 })
      .lean()) as unknown as StoredBooking[];
    const view = await this.deps.sessions.viewOf(String(session._id));
    const onRegister = bookings.filter(
      (booking) =>
        ['CONFIRMED', 'ATTENDED', 'ABSENT'].includes(booking.state) ||
        (booking.state === 'CANCELLED' && booking.cancellation?.kind === 'LATE'),
    );
    // Each child's profile (and its audit entry) at once: a register's answer waits for the
    // slowest child, not for all of them one after another.
    const entries = await Promise.all(
      onRegister.map(async (booking) => ({
        booking: toView(booking),
        child: await this.deps.families
          .child(actor, String(booking.child), `Register for ${session.name} on ${session.date}`)
          .catch(() => null),
      })),
    );
    const waiting = bookings.filter((b) => b.state === 'WAITLISTED' || b.state === 'OFFERED');
    return { session: view, entries, waitlist: waiting.map(toView) };
  }

  async markAttendance(actor: SignedInActor, input: { bookingId?: unknown; attendance?: unknown }) {
    const booking = await this.load(String(input.bookingId ?? ''));
    if (
      !booking ||
      !organisationAccess(actor, String(booking.organisation)) ||
      actor.role !== 'PROVIDER'
    ) {
      return { userErrors: [notFoundBooking()], booking: null };
    }
    const session = await this.deps.sessions.session(String(booking.session));
    if (!session || londonToday() < session.date) {
      return {
        userErrors: [
          error(
            ['input', 'bookingId'],
            'Attendance can be marked from the day of the session',
            'TOO_EARLY',
          ),
        ],
        booking: null,
      };
    }
    const attendance = String(input.attendance);
    const by = { kind: 'PROVIDER' as const, accountId: actor.accountId };
    const at = { attendanceMarkedAt: new Date() };
    const moved =
      attendance === 'LATE_CANCELLATION'
        ? await moveBooking(
            booking,
            'CANCELLED',
            by,
            'Marked as a late cancellation on the register',
            {
              ...at,
              cancellation: { kind: 'LATE', by: 'PROVIDER' },
            },
          )
        : await moveBooking(
            booking,
            attendance === 'ATTENDED' ? 'ATTENDED' : 'ABSENT',
            by,
            attendance === 'ATTENDED'
              ? 'Marked present on the register'
              : 'Marked absent on the register',
            at,
          );
    if (!moved.moved) return { userErrors: [error(null, moved.why, 'NOT_ALLOWED')], booking: null };
    await this.deps.funding.settle(moved.booking);
    return { userErrors: [], booking: toView(moved.booking) };
  }

  // ——— Harbour itself (jobs and the reconciler) ———

  /**
   * Offers free places to the waiting list, first come first served (a child whose support
   * the session cannot give is passed over for now, not removed). One filler per session at a
   * time, by a lock document with a lease; a filler that finds the lock held leaves a job.
   */
  async fillWaitlist(sessionId: string): Promise<void> {
    const lock = `waitlist:${sessionId}`;
    try {
      await WaitlistLockModel.create({ _id: lock, until: new Date(Date.now() + 30_000) });
    } catch (failure) {
      if (!isDuplicateKey(failure)) throw failure;
      const held = await WaitlistLockModel.findById(lock).lean();
      if (held && held.until < new Date()) {
        await WaitlistLockModel.deleteOne({ _id: lock, until: held.until });
      }
      await this.deps.queue.enqueue(
        WAITLIST_JOB,
        { sessionId },
        { key: `${WAITLIST_JOB}:${sessionId}`, runAt: new Date(Date.now() + 1000) },
      );
      return;
    }
    try {
      const session = await this.deps.sessions.session(sessionId);
      if (!session || !this.deps.sessions.bookable(session).open) return;
      const waiting = (await BookingModel.find({ session: session._id, state: 'WAITLISTED' })
        .sort({ _id: 1 })
        .lean()) as unknown as StoredBooking[];
      const capacity = {
        id: sessionId,
        places: session.places,
        supportUnits: supportUnitsOf(termsOf(session)),
      };
      for (const booking of waiting) {
        const [view] = await this.deps.sessions.views([session]);
        if (!view || view.placesLeft === 0) break;
        const got = await claimCapacity(
          capacity,
          { places: 1, supportUnits: booking.supportUnits },
          booking._id,
        );
        if (got !== 'CLAIMED') continue;
        const expiresAt = offerExpiry(session, new Date());
        const moved = await moveBooking(
          booking,
          'OFFERED',
          { kind: 'SYSTEM' },
          'A place came up: offered to the next child on the waiting list',
          { offerExpiresAt: expiresAt },
        );
        if (!moved.moved) {
          await CapacityClaimModel.deleteMany({ booking: booking._id, kind: { $ne: 'CHILD' } });
          continue;
        }
        await this.touch([session._id]);
        await this.deps.queue.enqueue(
          OFFER_EXPIRY_JOB,
          { bookingId: String(booking._id) },
          { key: `${OFFER_EXPIRY_JOB}:${String(booking._id)}`, runAt: expiresAt },
        );
        await this.notify(moved.booking, 'WAITLIST_OFFER', {
          detail: `${londonTime(expiresAt)} on ${londonDay(expiresAt)}`,
        });
      }
    } finally {
      await WaitlistLockModel.deleteOne({ _id: lock });
    }
  }

  /** Ends an offer nobody answered in time and offers the place to the next child. */
  async expireOffer(bookingId: string): Promise<void> {
    const booking = await this.load(bookingId);
    if (!booking || booking.state !== 'OFFERED') return;
    if (booking.offerExpiresAt && booking.offerExpiresAt > new Date()) return;
    const moved = await moveBooking(
      booking,
      'EXPIRED',
      { kind: 'SYSTEM' },
      'The offer was not answered in time',
    );
    if (!moved.moved) return;
    await releaseCapacity(booking._id);
    await this.touch([booking.session]);
    await this.notify(moved.booking, 'WAITLIST_OFFER_EXPIRED');
    await this.fillWaitlist(String(booking.session));
  }

  async remind(bookingId: string): Promise<void> {
    const booking = await this.load(bookingId);
    if (booking?.state === 'CONFIRMED' && booking.startsAt > new Date()) {
      await this.notify(booking, 'BOOKING_REMINDER');
    }
  }

  /**
   * Leaves places, waiting lists and bookings consistent after a crash; safe at any time:
   * finishes moves recorded but not applied, gives back units held by no live booking,
   * cancels reservations and forgets requests that a crash cut short, expires offers that
   * are past their time and offers free places to waiting lists.
   */
  async reconcile(options: { graceMs?: number } = {}) {
    const before = new Date(Date.now() - (options.graceMs ?? RECONCILE_GRACE_MS));
    // Money first: journals a crash left are finished, so holds read true below.
    const ledger = await this.deps.ledger.reconcile({ graceMs: options.graceMs });
    const report = {
      journalsSettled: ledger.settled,
      moneySettled: 0,
      cardPaymentsExpired: 0,
      rolledForward: 0,
      claimsReleased: 0,
      reservationsCancelled: 0,
      requestsForgotten: 0,
      offersExpired: 0,
    };

    // Moves a crash interrupted happened recently: look at the last day's, not every booking.
    const since = new Date(Date.now() - RECONCILE_WINDOW_MS);
    const lastMove = new Map<string, number>();
    for (const move of await BookingTransitionModel.find(
      { at: { $gte: since } },
      { booking: 1, seq: 1 },
    ).lean()) {
      const key = String(move.booking);
      lastMove.set(key, Math.max(lastMove.get(key) ?? 0, move.seq));
    }
    for (const booking of await BookingModel.find(
      { createdAt: { $gte: since } },
      { _id: 1 },
    ).lean()) {
      await recordCreationIfMissing(booking._id as Types.ObjectId);
      lastMove.set(String(booking._id), lastMove.get(String(booking._id)) ?? 1);
    }
    for (const bookingId of lastMove.keys()) {
      if (await rollForward(new Types.ObjectId(bookingId))) report.rolledForward += 1;
    }

    const bookingsOfClaims = await CapacityClaimModel.distinct('booking', {
      createdAt: { $lt: before },
    });
    for (const bookingId of bookingsOfClaims) {
      const booking = await BookingModel.findById(bookingId, { state: 1 }).lean();
      const holds = booking && HOLDS_PLACE.includes(booking.state as BookingState);
      if (!booking || FINAL_STATES.includes(booking.state as BookingState)) {
        const { deletedCount } = await CapacityClaimModel.deleteMany({ booking: bookingId });
        report.claimsReleased += deletedCount;
      } else if (!holds && booking.state === 'WAITLISTED') {
        const { deletedCount } = await CapacityClaimModel.deleteMany({
          booking: bookingId,
          kind: { $ne: 'CHILD' },
        });
        report.claimsReleased += deletedCount;
      }
    }

    const stale = (
      (await BookingModel.find({
        state: 'RESERVED',
        updatedAt: { $lt: before },
      }).lean()) as unknown as StoredBooking[]
    ).filter((booking) => booking.funding !== 'AWAITING_CARD');
    for (const booking of stale) {
      const moved = await moveBooking(
        booking,
        'CANCELLED',
        { kind: 'SYSTEM' },
        'The reservation was not completed',
        {
          cancellation: { kind: 'EARLY', by: 'SYSTEM' },
        },
      );
      await releaseCapacity(booking._id);
      if (moved.moved) {
        await this.deps.funding.settle(moved.booking);
        report.reservationsCancelled += 1;
      }
    }
    // Card payments nobody finished in time: cancelled at Stripe, reservations released.
    report.cardPaymentsExpired = await this.deps.funding.expireUnpaidCards(CARD_PAYMENT_WAIT_MS);

    // Money follows each recently moved booking's state (capture, release, refund): a crash
    // between a move and its money is put right here. Each step is idempotent.
    for (const bookingId of lastMove.keys()) {
      const booking = await this.load(bookingId);
      if (!booking?.fundingParts?.length) continue;
      await this.deps.funding.settle(booking);
      report.moneySettled += 1;
    }

    const { deletedCount } = await BookingRequestModel.deleteMany({
      state: 'PENDING',
      updatedAt: { $lt: before },
    });
    report.requestsForgotten = deletedCount;

    for (const offer of await BookingModel.find(
      { state: 'OFFERED', offerExpiresAt: { $lte: new Date() } },
      { _id: 1 },
    ).lean()) {
      await this.expireOffer(String(offer._id));
      report.offersExpired += 1;
    }
    const sessionsWaiting = await BookingModel.distinct('session', {
      state: 'WAITLISTED',
      startsAt: { $gt: new Date() },
    });
    for (const sessionId of sessionsWaiting) await this.fillWaitlist(String(sessionId));
    return report;
  }

  // ——— Inside ———

  private async childFor(actor: SignedInActor, childId: string) {
    try {
      const { facts, familyId } = await this.deps.families.eligibilityFactsFor(actor, childId);
      return {
        id: childId,
        familyId,
        name: facts.name,
        dateOfBirth: facts.dateOfBirth,
        supportNeeded: facts.supportNeeded || 'GROUP',
        facts,
      };
    } catch (failure) {
      if ((failure as GraphQLError).extensions?.code !== 'FORBIDDEN') throw failure;
      return { userError: error(['input', 'childId'], CHILD_NOT_VISIBLE, 'NOT_FOUND') };
    }
  }

  /** Inserts the request's key; an earlier request with it answers instead (waiting for it if need be). */
  private async startRequest(key: string, print: string): Promise<BookPayload | null> {
    try {
      await BookingRequestModel.create({ _id: key, fingerprint: print, state: 'PENDING' });
      return null;
    } catch (failure) {
      if (!isDuplicateKey(failure)) throw failure;
    }
    for (let waited = 0; waited < 30_000; waited += 100) {
      const earlier = await BookingRequestModel.findById(key).lean();
      if (!earlier) return this.startRequest(key, print);
      if (earlier.fingerprint !== print) {
        return {
          userErrors: [
            error(
              ['input', 'idempotencyKey'],
              'This idempotency key was already used for a different booking request: use a new key for a new request',
              'IDEMPOTENCY_KEY_REUSED',
            ),
          ],
          bookings: [],
        };
      }
      if (earlier.state === 'DONE') {
        const bookings = (
          await Promise.all(earlier.bookings.map((id) => this.load(String(id))))
        ).filter(Boolean) as StoredBooking[];
        return {
          userErrors: (earlier.userErrors ?? []) as UserError[],
          bookings: bookings.map(toView),
        };
      }
      await sleep(100);
    }
    return {
      userErrors: [
        error(
          null,
          'This booking request is still being made: check Your bookings in a minute',
          'IN_PROGRESS',
        ),
      ],
      bookings: [],
    };
  }

  /** Every check that needs no claim: the sessions exist, are open, and fit the child. */
  private async checkSessions(
    sessionIds: string[],
    child: Exclude<Awaited<ReturnType<BookingsService['childFor']>>, { userError: UserError }>,
  ): Promise<
    | { userErrors: UserError[] }
    | { sessions: { session: StoredSession; listing: Listing; index: number }[] }
  > {
    const userErrors: UserError[] = [];
    const sessions: { session: StoredSession; listing: Listing; index: number }[] = [];
    const listings = new Map<string, Listing | null>();
    for (const [index, id] of sessionIds.entries()) {
      const field = ['input', 'sessionIds', String(index)];
      const session = await this.deps.sessions.session(id);
      if (!session) {
        userErrors.push(error(field, 'There is no session with this id', 'NOT_FOUND'));
        continue;
      }
      const when = sessionWhen(session.startsAt, session.endsAt);
      const bookable = this.deps.sessions.bookable(session);
      if (!bookable.open) {
        userErrors.push(error(field, `${when}: ${bookable.why}`, 'NOT_BOOKABLE'));
        continue;
      }
      if (!listings.has(session.listingId)) {
        listings.set(session.listingId, await this.deps.directory.listingById(session.listingId));
      }
      const listing = listings.get(session.listingId);
      if (!listing) {
        userErrors.push(error(field, `${when}: this service is no longer listed`, 'NOT_BOOKABLE'));
        continue;
      }
      for (const problem of sessionMisfits(child, session)) {
        userErrors.push(error(field, `${when}: ${problem}`, 'NOT_SUITABLE'));
      }
      const decision = await this.deps.eligibility.decisionForBooking(
        child.facts,
        listing,
        session.date,
      );
      if (!decision) {
        userErrors.push(
          error(
            null,
            'The council has not published its eligibility rules yet: contact its short breaks team',
            'NO_RULES',
          ),
        );
        break;
      }
      for (const reason of eligibilityBlockers(decision, listing)) {
        userErrors.push(error(field, `${when}: ${reason.reason}`, 'NOT_ELIGIBLE'));
      }
      sessions.push({ session, listing, index });
    }
    // The same reason for every session of a block is said once.
    const unique = userErrors.filter(
      (e, i) =>
        userErrors.findIndex(
          (o) =>
            o.message.split(': ').slice(1).join(': ') ===
              e.message.split(': ').slice(1).join(': ') && o.code === e.code,
        ) === i,
    );
    return unique.length ? { userErrors: unique } : { sessions };
  }

  private async placeBookings(
    actor: SignedInActor,
    request: BookInput,
    child: Exclude<Awaited<ReturnType<BookingsService['childFor']>>, { userError: UserError }>,
    arrival: Types.ObjectId[],
    key: string | null,
  ): Promise<BookPayload> {
    const checked = await this.checkSessions(request.sessionIds, child);
    if ('userErrors' in checked) return { userErrors: checked.userErrors, bookings: [] };

    // Claim every session's units first; nothing is recorded until all are decided.
    const placed: { session: StoredSession; id: Types.ObjectId }[] = [];
    const full: { session: StoredSession; id: Types.ObjectId; noStaff: boolean }[] = [];
    const already: StoredSession[] = [];
    for (const [i, { session }] of checked.sessions.entries()) {
      const id = arrival[i] ?? new Types.ObjectId();
      const seat = await claimChildSeat(String(session._id), child.id, id);
      if (!seat) {
        already.push(session);
        continue;
      }
      // First come, first served: while anyone waits, a new request joins the queue.
      const queueing = await BookingModel.exists({ session: session._id, state: 'WAITLISTED' });
      const got = queueing
        ? 'NO_PLACE'
        : await claimCapacity(
            {
              id: String(session._id),
              places: session.places,
              supportUnits: supportUnitsOf(termsOf(session)),
            },
            { places: 1, supportUnits: supportUnitsFor(child.supportNeeded, session.groupRatio) },
            id,
            (point) => this.crash(point),
          );
      if (got === 'CLAIMED') placed.push({ session, id });
      else full.push({ session, id, noStaff: got === 'NO_STAFF' });
    }
    const giveBack = async (list: { id: Types.ObjectId }[]) => {
      for (const { id } of list) await releaseCapacity(id);
    };
    if (already.length) {
      await giveBack([...placed, ...full]);
      return {
        userErrors: already.map((session) =>
          error(
            ['input', 'sessionIds'],
            `${child.name} is already booked (or on the waiting list) for ${sessionWhen(session.startsAt, session.endsAt)}`,
            'ALREADY_BOOKED',
          ),
        ),
        bookings: [],
      };
    }
    if (
      full.length &&
      request.whenFull === 'REFUSE' &&
      !(request.bookAvailableOnly && placed.length)
    ) {
      await giveBack([...placed, ...full]);
      const when = full.map(({ session }) => sessionWhen(session.startsAt, session.endsAt));
      const why = full.every((f) => f.noStaff)
        ? `has no staff free to give ${child.name} ${supportInWords(child.supportNeeded)}`
        : 'is full';
      return {
        userErrors: [
          checked.sessions.length === 1
            ? error(
                ['input', 'sessionIds', '0'],
                `This session ${why}: ${when[0]}. You can join the waiting list`,
                'SESSION_FULL',
              )
            : error(
                ['input', 'sessionIds'],
                `${full.length} of these sessions ${full.length === 1 ? 'is' : 'are'} full or ${full.length === 1 ? 'has' : 'have'} no staff free for ${child.name}: ${when.join('; ')}. Nothing has been booked: book the others only, or join the waiting list for the full ones`,
                'SESSIONS_FULL',
              ),
        ],
        bookings: [],
      };
    }
    const listingOf = new Map(
      checked.sessions.map(({ session, listing }) => [String(session._id), listing]),
    );
    const plan = await this.deps.funding.plan(
      child,
      placed.flatMap(({ session }) => {
        const listing = listingOf.get(String(session._id));
        return listing ? [sessionToFund(session, listing)] : [];
      }),
    );
    const unfunded =
      planProblem(plan, child.name) ??
      (request.expectedCardPence !== undefined &&
      request.expectedCardPence !== null &&
      plan.cardPence > request.expectedCardPence
        ? `${child.name}’s funds have changed since you checked: the card would now pay ${formatMoney(pence(plan.cardPence))}. Check the new split and confirm again`
        : null);
    if (unfunded) {
      await giveBack([...placed, ...full]);
      return { userErrors: [error(['input', 'sessionIds'], unfunded, 'NOT_FUNDED')], bookings: [] };
    }
    const waitlisted = request.whenFull === 'WAITLIST' ? full : [];
    if (request.whenFull !== 'WAITLIST') await giveBack(full);

    const by: Mover = { kind: FAMILY, accountId: actor.accountId };
    const made: StoredBooking[] = [];
    for (const { session, id } of [...placed, ...waitlisted]) {
      const onWaitlist = waitlisted.some((w) => w.id === id);
      const booking = await this.insertBooking({
        _id: id,
        family: child.familyId,
        child: child.id,
        childName: child.name,
        session: session._id,
        series: session.series,
        organisation: session.organisation,
        listingId: session.listingId,
        startsAt: session.startsAt,
        state: onWaitlist ? 'WAITLISTED' : 'RESERVED',
        seq: 1,
        supportNeeded: child.supportNeeded,
        supportUnits: supportUnitsFor(child.supportNeeded, session.groupRatio),
        pricePence: session.pricePence,
        funding: session.pricePence === 0 ? 'NOT_NEEDED' : 'AWAITING_FUNDING',
        serviceType: listingOf.get(String(session._id))?.type,
        ...(child.facts.district && { district: child.facts.district }),
        bookedBy: actor.accountId,
        ...(key ? { request: key } : {}),
      });
      await recordCreation(
        id,
        booking.state as BookingState,
        by,
        onWaitlist ? 'Joined the waiting list' : 'Place reserved',
      );
      this.crash('after-booking-insert');
      made.push(booking);
    }

    // Funding: each fund's part held, the card's part as one payment; then confirmed.
    const reserved = made.filter((b) => b.state === 'RESERVED');
    const funded = await this.deps.funding.fund(
      reserved.filter((b) => b.pricePence > 0),
      plan,
      child,
      `card:${key ?? String(reserved[0]?._id ?? arrival[0])}`,
      { kind: 'FAMILY', account: actor.accountId },
      (point) => this.crash(point),
    );
    if (!funded.ok) {
      for (const booking of made) {
        const moved = await moveBooking(
          booking,
          'CANCELLED',
          { kind: 'SYSTEM' },
          `Not funded: ${funded.message}`,
          {
            cancellation: { kind: 'EARLY', by: 'SYSTEM' },
          },
        );
        await releaseCapacity(booking._id);
        if (moved.moved) await this.deps.funding.settle(moved.booking);
      }
      await this.touch(placed.map(({ session }) => session._id));
      return {
        userErrors: [
          error(
            ['input', 'sessionIds'],
            `${funded.message}: nothing has been booked`,
            'NOT_FUNDED',
          ),
        ],
        bookings: [],
      };
    }
    this.crash('after-holds');
    const bookings: StoredBooking[] = [];
    const awaiting = new Set(funded.awaitingCard.map((b) => String(b._id)));
    for (const booking of made) {
      if (booking.state !== 'RESERVED') {
        bookings.push(booking);
        continue;
      }
      if (awaiting.has(String(booking._id))) {
        await BookingModel.updateOne({ _id: booking._id }, { $set: { funding: 'AWAITING_CARD' } });
        bookings.push({ ...booking, funding: 'AWAITING_CARD' });
        continue;
      }
      const moved = await moveBooking(
        booking,
        'CONFIRMED',
        { kind: 'SYSTEM' },
        booking.pricePence === 0
          ? 'Free session: place confirmed'
          : 'Funding held: place confirmed',
        { funding: booking.pricePence === 0 ? 'NOT_NEEDED' : 'HELD' },
      );
      bookings.push(moved.moved ? moved.booking : booking);
    }

    const organisations = new Set(
      checked.sessions.map(({ session }) => String(session.organisation)),
    );
    for (const organisationId of request.shareSections.length ? organisations : []) {
      await this.share(actor, child.id, organisationId, request.shareSections);
    }
    await this.touch(placed.map(({ session }) => session._id));
    const confirmed = bookings.filter((b) => b.state === 'CONFIRMED');
    if (confirmed.length) {
      await this.notify(confirmed, 'BOOKING_CONFIRMED');
      for (const booking of confirmed) await this.scheduleReminder(booking);
    }
    const queued = bookings.filter((b) => b.state === 'WAITLISTED');
    if (queued.length) await this.notify(queued, 'WAITLIST_JOINED');
    return { userErrors: [], bookings: bookings.map(toView) };
  }

  private async insertBooking(fields: Record<string, unknown>): Promise<StoredBooking> {
    for (;;) {
      try {
        const created = await BookingModel.create({
          ...fields,
          reference: bookingReference(randomInt),
        });
        return created.toObject() as unknown as StoredBooking;
      } catch (failure) {
        if (
          !isDuplicateKey(failure) ||
          '_id' in ((failure as { keyPattern?: object }).keyPattern ?? {})
        ) {
          throw failure;
        }
      }
    }
  }

  private async consentedSections(actor: SignedInActor, childId: string, organisationId: string) {
    const child = await this.deps.families.child(actor, childId);
    return child.consents.find((c) => c.organisationId === organisationId)?.sections ?? [];
  }

  /** Adds sections to what the family already shares with the provider (never takes any away). */
  private async share(
    actor: SignedInActor,
    childId: string,
    organisationId: string,
    sections: ProfileSection[],
  ) {
    const existing = await this.consentedSections(actor, childId, organisationId);
    if (sections.every((s) => existing.includes(s))) return;
    await this.deps.families.setConsent(
      actor,
      { childId, organisationId, sections: [...new Set([...existing, ...sections])] },
      true,
    );
  }

  private async scheduleReminder(booking: StoredBooking) {
    if (booking.pricePence > 0) {
      await this.deps.queue.enqueue(
        CHARGE_JOB,
        { bookingId: String(booking._id) },
        { key: `${CHARGE_JOB}:${String(booking._id)}`, runAt: booking.startsAt },
      );
    }
    const runAt = new Date(booking.startsAt.getTime() - REMINDER_HOURS * HOUR);
    if (runAt <= new Date()) return;
    await this.deps.queue.enqueue(
      REMINDER_JOB,
      { bookingId: String(booking._id) },
      { key: `${REMINDER_JOB}:${String(booking._id)}`, runAt },
    );
  }

  /**
   * One email to each of the family's carers about one or more bookings of one child, and a
   * text to each carer's mobile for the notices that cannot wait (TEXTED).
   */
  private async notify(
    bookings: StoredBooking | StoredBooking[],
    template: Exclude<
      MessageTemplate['template'],
      | 'EMAIL_VERIFICATION'
      | 'ACCOUNT_ALREADY_EXISTS'
      | 'PASSWORD_RESET'
      | 'PASSWORD_CHANGED'
      | 'INVITATION'
    >,
    extra: Partial<BookingNotice> = {},
  ) {
    const list = Array.isArray(bookings) ? bookings : [bookings];
    const first = list[0];
    if (!first) return;
    const sessions = await this.deps.sessions.sessions(list.map((b) => String(b.session)));
    const byId = new Map(sessions.map((s) => [String(s._id), s]));
    const carers = await this.deps.families.carerIds(String(first.family));
    const emails = await this.deps.accounts.emailsOf([...carers, String(first.bookedBy)]);
    const notice: BookingNotice = {
      childName: first.childName,
      serviceName: byId.get(String(first.session))?.name ?? 'the service',
      sessions: list.map((b) => {
        const s = byId.get(String(b.session));
        return `${b.reference}: ${s ? sessionWhen(s.startsAt, s.endsAt) : ''}`;
      }),
      link: `${this.deps.publicUrl}/families/bookings`,
      ...extra,
    };
    const message = { template, ...notice } as MessageTemplate;
    for (const email of new Set(emails)) await this.deps.outbox.send(email, message);
    if (!TEXTED.has(template)) return;
    const mobiles = await this.deps.accounts.mobilesOf([...carers, String(first.bookedBy)]);
    for (const mobile of new Set(mobiles)) await this.deps.outbox.sendText(mobile, message);
  }

  /** Places left changed: the session's OpenActive feed item changes too. */
  private async touch(sessionIds: readonly (string | Types.ObjectId)[]) {
    // One _id update each: FerretDB reads the whole collection for an `$in`. Bookings of one
    // session at once share a stamp: updates of a document wait for each other, and a
    // hundred stamps in a row would keep the last booking waiting for seconds.
    await Promise.all(
      sessionIds.map((id) =>
        this.sessionStamps.write(String(id), () =>
          ScheduledSessionModel.updateOne({ _id: id }, { $set: { modified: Date.now() } }),
        ),
      ),
    );
  }

  private crash(point: BookingCrashPoint) {
    if (this.deps.crashAt === point) {
      this.deps.log.warn({ point }, 'HARBOUR_CRASH_AT: stopping the process here, as asked');
      process.kill(process.pid, 'SIGKILL');
    }
  }

  private async load(id: string): Promise<StoredBooking | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    return (await BookingModel.findById(id).lean()) as unknown as StoredBooking | null;
  }

  private familyOwns(actor: SignedInActor, booking: StoredBooking): boolean {
    if (!actor.familyId || String(booking.family) !== actor.familyId) return false;
    return (
      actor.role === 'FAMILY' ||
      (actor.role === 'YOUNG_PERSON' && String(booking.child) === actor.childId)
    );
  }

  private async familyBooking(actor: SignedInActor, id: string) {
    const booking = await this.load(id);
    return booking && this.familyOwns(actor, booking) ? booking : null;
  }

  private async providerSession(actor: SignedInActor, id: string) {
    const session = await this.deps.sessions.session(id);
    if (!session || !organisationAccess(actor, String(session.organisation))) return null;
    return session;
  }
}

/** One booking (or waiting-list place) per child per session: a unique claim on the child's seat. */
async function claimChildSeat(sessionId: string, childId: string, bookingId: Types.ObjectId) {
  try {
    await CapacityClaimModel.create({
      _id: `${sessionId}:C${childId}`,
      session: sessionId,
      kind: 'CHILD',
      unit: 0,
      booking: bookingId,
    });
    return true;
  } catch (failure) {
    if (isDuplicateKey(failure)) return false;
    throw failure;
  }
}

async function recordCreationIfMissing(bookingId: Types.ObjectId) {
  if (await BookingTransitionModel.exists({ _id: `${String(bookingId)}:1` })) return;
  const booking = await BookingModel.findById(bookingId, { state: 1, bookedBy: 1, seq: 1 }).lean();
  if (!booking || booking.seq !== 1) return;
  await recordCreation(
    bookingId,
    booking.state as BookingState,
    { kind: 'FAMILY', accountId: String(booking.bookedBy) },
    booking.state === 'WAITLISTED' ? 'Joined the waiting list' : 'Place reserved',
  );
}

const NO_BOOKING = 'There is no booking with this id that you can see';

function notFoundBooking(): UserError {
  return error(['input', 'bookingId'], NO_BOOKING, 'NOT_FOUND');
}

function notFoundSession(): UserError {
  return error(
    ['input', 'sessionId'],
    'There is no session with this id that you can see',
    'NOT_FOUND',
  );
}

const encodeCursor = (date: Date) => Buffer.from(date.toISOString()).toString('base64url');
function decodeCursor(cursor: string): Date | null {
  const date = new Date(Buffer.from(cursor, 'base64url').toString());
  return Number.isNaN(date.getTime()) ? null : date;
}
