import { noteChanges } from '../insights/insights.changes';
import { BOOKING_STATES } from '@harbour/shared';
import { Schema, type InferSchemaType, type Types } from 'mongoose';
import { model } from '../../platform/models';

/** What a provider sets for each session (copied from its series, changeable per session). */
const termsFields = {
  places: { type: Number, required: true },
  staff: { type: Number, required: true },
  groupRatio: { type: Number, required: true },
  minAge: { type: Number, required: true },
  maxAge: { type: Number, required: true },
  opensDaysBefore: { type: Number, required: true },
  closesHoursBefore: { type: Number, required: true },
  pricePence: { type: Number, required: true },
  freeCancellationHours: { type: Number, required: true },
  /** When the money is taken: at attendance (or a no-show), or when the session starts. */
  chargeAt: { type: String, enum: ['ATTENDANCE', 'SESSION_START'], default: 'ATTENDANCE' },
};

/** A provider's run of sessions of one service at one location, and the schedule that made them. */
const sessionSeriesSchema = new Schema(
  {
    organisation: { type: Schema.Types.ObjectId, required: true },
    listingId: { type: String, required: true },
    service: { type: Schema.Types.ObjectId, required: true },
    location: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    schedule: { type: Schema.Types.Mixed, required: true },
    ...termsFields,
    createdBy: { type: Schema.Types.ObjectId, required: true },
    /** OpenActive RPDE: when it last changed, in milliseconds. */
    modified: { type: Number, required: true, default: () => Date.now() },
  },
  { timestamps: true, collection: 'session_series' },
);
sessionSeriesSchema.index({ organisation: 1, createdAt: -1 });
sessionSeriesSchema.index({ modified: 1, _id: 1 });
export const SessionSeriesModel = model('SessionSeries', sessionSeriesSchema);

export const SESSION_STATUSES = ['SCHEDULED', 'CANCELLED'] as const;

/** One session families can book: a date and time, its places, staff and terms. */
const sessionSchema = new Schema(
  {
    series: { type: Schema.Types.ObjectId, required: true },
    organisation: { type: Schema.Types.ObjectId, required: true },
    listingId: { type: String, required: true },
    name: { type: String, required: true },
    /** The date the schedule planned (its key within the series) and where it was moved to. */
    plannedDate: { type: String, required: true },
    date: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    pattern: { type: String, required: true },
    ...termsFields,
    status: { type: String, enum: SESSION_STATUSES, required: true, default: 'SCHEDULED' },
    cancelledReason: { type: String },
    /** Changed on every edit of the session's terms. */
    revision: { type: Number, required: true, default: 0 },
    /** OpenActive RPDE: when it last changed, in milliseconds; the feed orders by it, then id. */
    modified: { type: Number, required: true },
  },
  { timestamps: true, collection: 'scheduled_sessions' },
);
sessionSchema.index({ series: 1, plannedDate: 1 }, { unique: true });
sessionSchema.index({ listingId: 1, startsAt: 1 });
sessionSchema.index({ organisation: 1, startsAt: 1 });
sessionSchema.index({ modified: 1, _id: 1 });
noteChanges(sessionSchema, 'session');
export const ScheduledSessionModel = model('ScheduledSession', sessionSchema);
export type StoredSession = InferSchemaType<typeof sessionSchema> & { _id: Types.ObjectId };

/**
 * One unit of a session's capacity, held by one booking: `_id` is `<session>:P<n>` for
 * place n and `<session>:S<n>` for support unit n. Inserting it is the claim: the unique
 * `_id` makes two bookings for the same unit impossible on MongoDB and FerretDB alike.
 */
const capacityClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    session: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ['PLACE', 'SUPPORT', 'CHILD'], required: true },
    unit: { type: Number, required: true },
    booking: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'capacity_claims' },
);
capacityClaimSchema.index({ session: 1, kind: 1 });
capacityClaimSchema.index({ booking: 1 });
export const CapacityClaimModel = model('CapacityClaim', capacityClaimSchema);

/**
 * How a booking's money stands: NOT_NEEDED (free); AWAITING_FUNDING while its parts are held;
 * AWAITING_CARD until the card part is paid; HELD; then CAPTURED (attended, absent or a late
 * cancellation) or RELEASED (cancelled in time). PAY_PROVIDER: paid outside Harbour.
 */
export const FUNDING_STATUSES = [
  'NOT_NEEDED',
  'AWAITING_FUNDING',
  'AWAITING_CARD',
  'HELD',
  'CAPTURED',
  'RELEASED',
  'PAY_PROVIDER',
] as const;

/** A child's place (or place on the waiting list) at one session. */
const bookingSchema = new Schema(
  {
    reference: { type: String, required: true },
    family: { type: Schema.Types.ObjectId, required: true },
    child: { type: Schema.Types.ObjectId, required: true },
    childName: { type: String, required: true },
    session: { type: Schema.Types.ObjectId, required: true },
    series: { type: Schema.Types.ObjectId, required: true },
    organisation: { type: Schema.Types.ObjectId, required: true },
    listingId: { type: String, required: true },
    /** Copied from the session so "Your bookings" never reads sessions to sort. */
    startsAt: { type: Date, required: true },
    state: { type: String, enum: BOOKING_STATES, required: true },
    /** The number of the last transition applied (booking_transitions `<id>:<seq>`). */
    seq: { type: Number, required: true },
    supportNeeded: { type: String, required: true },
    supportUnits: { type: Number, required: true },
    pricePence: { type: Number, required: true },
    funding: { type: String, enum: FUNDING_STATUSES, required: true },
    /** The funding plan's parts for this booking: each fund's share, and the card's. */
    fundingParts: {
      type: [{ _id: false, source: String, fund: String, name: String, amountPence: Number }],
      default: [],
    },
    /** What the commissioners' spend report groups this booking's money by. */
    serviceType: { type: String },
    district: { type: String },
    bookedBy: { type: Schema.Types.ObjectId, required: true },
    /** The request that made it (the client's idempotency key, scoped to the account). */
    request: { type: String },
    offerExpiresAt: { type: Date },
    cancellation: { kind: { type: String }, by: { type: String } },
    attendanceMarkedAt: { type: Date },
  },
  { timestamps: true, collection: 'bookings' },
);
bookingSchema.index({ reference: 1 }, { unique: true });
bookingSchema.index({ family: 1, startsAt: 1 });
bookingSchema.index({ session: 1, state: 1 });
bookingSchema.index({ state: 1, updatedAt: 1 });
bookingSchema.index({ request: 1 });
// Insights find a child's services.
bookingSchema.index({ child: 1, state: 1 });
noteChanges(bookingSchema, 'booking');
export const BookingModel = model('Booking', bookingSchema);
export type StoredBooking = InferSchemaType<typeof bookingSchema> & { _id: Types.ObjectId };

/**
 * Every move of every booking, numbered: `_id` is `<booking>:<seq>`. A move is made by
 * inserting the next number, so two moves from the same state (an offer accepted as it
 * expires) cannot both happen: the second insert is a duplicate and loses.
 */
const bookingTransitionSchema = new Schema(
  {
    _id: { type: String, required: true },
    booking: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    from: { type: String },
    to: { type: String, required: true },
    by: { type: String, required: true },
    account: { type: Schema.Types.ObjectId },
    reason: { type: String, required: true },
    at: { type: Date, required: true },
    /** Fields of the booking the move set (kept so a move a crash cut short can be finished). */
    changes: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'booking_transitions', minimize: false },
);
bookingTransitionSchema.index({ booking: 1, seq: 1 });
export const BookingTransitionModel = model('BookingTransition', bookingTransitionSchema);

/** A booking request by its idempotency key: retries get the first answer. */
const bookingRequestSchema = new Schema(
  {
    _id: { type: String, required: true },
    fingerprint: { type: String, required: true },
    state: { type: String, enum: ['PENDING', 'DONE'], required: true },
    bookings: { type: [Schema.Types.ObjectId], default: [] },
    userErrors: { type: Schema.Types.Mixed, default: [] },
  },
  { timestamps: true, collection: 'booking_requests' },
);
export const BookingRequestModel = model('BookingRequest', bookingRequestSchema);

/** One holder at a time of a session's waiting list (offering places), with a lease. */
const waitlistLockSchema = new Schema(
  { _id: { type: String, required: true }, until: { type: Date, required: true } },
  { collection: 'waitlist_locks' },
);
export const WaitlistLockModel = model('WaitlistLock', waitlistLockSchema);
