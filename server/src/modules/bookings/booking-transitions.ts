import { checkTransition, type BookingActor, type BookingState } from '@harbour/shared';
import { Types } from 'mongoose';
import { isDuplicateKey } from '../../platform/database';
import { BookingModel, BookingTransitionModel } from './booking.model';

export interface Mover {
  kind: BookingActor;
  accountId?: string | null;
}

export type Moved<B> = { moved: true; booking: B } | { moved: false; why: string };

type Movable = { _id: Types.ObjectId; state: string; seq: number };

/**
 * Moves a booking by the transition table, recording who, when and why. The move is decided
 * by inserting transition number seq+1: of two moves from the same state at once, exactly
 * one insert succeeds; the other is told what happened instead. Fields the move sets are
 * kept in the transition too, so the reconciler can finish a move a crash interrupted.
 */
export async function moveBooking<B extends Movable>(
  booking: B,
  to: BookingState,
  by: Mover,
  reason: string,
  changes: Record<string, unknown> = {},
): Promise<Moved<B>> {
  const check = checkTransition(booking.state as BookingState, to, by.kind);
  if (!check.allowed) return { moved: false, why: check.why };
  const seq = booking.seq + 1;
  try {
    await BookingTransitionModel.create({
      _id: `${String(booking._id)}:${seq}`,
      booking: booking._id,
      seq,
      from: booking.state,
      to,
      by: by.kind,
      account: by.accountId ?? undefined,
      reason,
      at: new Date(),
      changes,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const now = await BookingModel.findById(booking._id, { state: 1 }).lean();
    return {
      moved: false,
      why: `This booking changed a moment ago and is now ${String(now?.state ?? 'gone').toLowerCase()}: nothing else was changed`,
    };
  }
  await BookingModel.updateOne(
    { _id: booking._id, seq: booking.seq },
    { $set: { state: to, seq, ...changes } },
  );
  return { moved: true, booking: { ...booking, state: to, seq, ...changes } };
}

/** The first transition of a new booking (number 1, from nothing). */
export async function recordCreation(
  bookingId: Types.ObjectId,
  state: BookingState,
  by: Mover,
  reason: string,
): Promise<void> {
  try {
    await BookingTransitionModel.create({
      _id: `${String(bookingId)}:1`,
      booking: bookingId,
      seq: 1,
      to: state,
      by: by.kind,
      account: by.accountId ?? undefined,
      reason,
      at: new Date(),
      changes: {},
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/** Brings a booking's state up to its last recorded transition (after a crash between the two). */
export async function rollForward(bookingId: Types.ObjectId): Promise<boolean> {
  const [last] = await BookingTransitionModel.find({ booking: bookingId })
    .sort({ seq: -1 })
    .limit(1)
    .lean();
  const booking = await BookingModel.findById(bookingId).lean();
  if (!last || !booking || booking.seq >= last.seq) return false;
  const changes = ((last as { changes?: Record<string, unknown> }).changes ?? {}) as Record<
    string,
    unknown
  >;
  await BookingModel.updateOne(
    { _id: bookingId },
    { $set: { state: last.to, seq: last.seq, ...changes } },
  );
  return true;
}
