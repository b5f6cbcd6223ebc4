import { Types } from 'mongoose';
import { isDuplicateKey } from '../../platform/database';
import { CapacityClaimModel } from './booking.model';

export interface SessionCapacity {
  id: string;
  places: number;
  /** Support units: staff on shift × children per member of staff. */
  supportUnits: number;
}

export interface Need {
  places: number;
  supportUnits: number;
}

type Kind = 'PLACE' | 'SUPPORT';
const prefix = (kind: Kind) => (kind === 'PLACE' ? 'P' : 'S');

/** Steps a test can stop the server at, to prove the reconciler puts things right. */
export type CrashPoint = 'after-place-claims' | 'after-support-claims' | 'after-booking-insert';

/**
 * Capacity is claimed one unit at a time by inserting a document with a unique id per
 * unit (see booking.model.ts CapacityClaimModel); a duplicate key means someone else holds
 * it, so we try the next free unit. Reads only suggest which units look free: the insert
 * decides. A booking that cannot get every unit it needs gives back those it got.
 */
export async function claimCapacity(
  session: SessionCapacity,
  need: Need,
  bookingId: Types.ObjectId,
  crashAt?: (point: CrashPoint) => void,
): Promise<'CLAIMED' | 'NO_PLACE' | 'NO_STAFF'> {
  const places = await claimUnits(session.id, 'PLACE', session.places, need.places, bookingId);
  if (!places) return 'NO_PLACE';
  crashAt?.('after-place-claims');
  const support = await claimUnits(
    session.id,
    'SUPPORT',
    session.supportUnits,
    need.supportUnits,
    bookingId,
  );
  if (!support) {
    await CapacityClaimModel.deleteMany({ booking: bookingId, kind: { $ne: 'CHILD' } });
    return 'NO_STAFF';
  }
  crashAt?.('after-support-claims');
  return 'CLAIMED';
}

async function claimUnits(
  sessionId: string,
  kind: Kind,
  total: number,
  wanted: number,
  bookingId: Types.ObjectId,
): Promise<boolean> {
  if (wanted === 0) return true;
  let got = 0;
  // Each pass reads which units are held and tries the free ones; a pass that wins nothing
  // against a full session ends it.
  for (let pass = 0; pass < 50 && got < wanted; pass += 1) {
    const held = new Set(
      (
        await CapacityClaimModel.find({ session: sessionId, kind }, { unit: 1, booking: 1 }).lean()
      ).map((claim) => claim.unit),
    );
    const free: number[] = [];
    for (let unit = 1; unit <= total; unit += 1) if (!held.has(unit)) free.push(unit);
    if (free.length < wanted - got) break;
    // Start at a different free unit per booking so contenders spread out rather than queue.
    const offset = Number.parseInt(String(bookingId).slice(-6), 16) % free.length;
    const ordered = [...free.slice(offset), ...free.slice(0, offset)];
    for (const unit of ordered) {
      if (got === wanted) break;
      try {
        await CapacityClaimModel.create({
          _id: `${sessionId}:${prefix(kind)}${unit}`,
          session: sessionId,
          kind,
          unit,
          booking: bookingId,
        });
        got += 1;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }
  if (got < wanted) {
    await CapacityClaimModel.deleteMany({ booking: bookingId, kind });
    return false;
  }
  return true;
}

/** Gives back every unit a booking holds. Safe to repeat. */
export async function releaseCapacity(bookingId: Types.ObjectId | string): Promise<void> {
  await CapacityClaimModel.deleteMany({ booking: bookingId });
}

/**
 * Places and support units held at each session, counted from the claims themselves: one
 * count per session and kind, with equality filters only, which FerretDB answers from the
 * index (a filter with `$in` or a range is read in full there).
 */
export async function capacityUsed(
  sessionIds: readonly string[],
): Promise<Map<string, { places: number; supportUnits: number }>> {
  const counts = await Promise.all(
    sessionIds.map(async (id) => {
      const [places, supportUnits] = await Promise.all([
        CapacityClaimModel.countDocuments({ session: id, kind: 'PLACE' }),
        CapacityClaimModel.countDocuments({ session: id, kind: 'SUPPORT' }),
      ]);
      return [id, { places, supportUnits }] as const;
    }),
  );
  return new Map(counts);
}

/**
 * After capacity is lowered, moves claims on units above the new limits down into free
 * units (insert the new, then delete the old), so every held unit is within capacity.
 */
export async function compactClaims(session: SessionCapacity): Promise<void> {
  for (const [kind, total] of [
    ['PLACE', session.places],
    ['SUPPORT', session.supportUnits],
  ] as const) {
    const above = await CapacityClaimModel.find({
      session: session.id,
      kind,
      unit: { $gt: total },
    }).lean();
    for (const claim of above) {
      for (let unit = 1; unit <= total; unit += 1) {
        try {
          await CapacityClaimModel.create({
            _id: `${session.id}:${prefix(kind)}${unit}`,
            session: session.id,
            kind,
            unit,
            booking: claim.booking,
          });
          await CapacityClaimModel.deleteOne({ _id: claim._id });
          break;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
      }
    }
  }
}
