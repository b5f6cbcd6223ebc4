import { Schema } from 'mongoose';
import { model } from './models';
import { isDuplicateKey } from './database';
import type { RateLimit } from './rate-limit';

/** Slots won against rate limits (see rate-limit.ts): one document per slot, keyed by it. */
const rateLimitSlotSchema = new Schema(
  {
    _id: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'rate_limit_slots', versionKey: false },
);
rateLimitSlotSchema.index({ expiresAt: 1 });

export const RateLimitSlotModel = model('RateLimitSlot', rateLimitSlotSchema);

/**
 * Tries to win a slot of each limit in turn; true when every limit had one free. Slots won
 * before a later limit refuses stay taken, which only ever errs towards fewer requests.
 */
export async function passRateLimits(limits: readonly RateLimit[]): Promise<boolean> {
  for (const limit of limits) {
    if (!(await winSlot(limit))) return false;
  }
  return true;
}

async function winSlot(limit: RateLimit): Promise<boolean> {
  for (const slot of limit.slots) {
    try {
      await RateLimitSlotModel.create({ _id: slot, expiresAt: limit.expiresAt });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return false;
}

/** Forgets slots whose window has ended (FerretDB has no TTL indexes, so this runs in jobs). */
export async function forgetEndedRateLimits(now = new Date()): Promise<void> {
  await RateLimitSlotModel.deleteMany({ expiresAt: { $lt: now } });
}
