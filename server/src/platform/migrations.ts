import mongoose from 'mongoose';
import type { Logger } from './logger';
import { applySteps, type Step } from './steps';

/**
 * Schema changes, in order, each applied once. Indexes declared on models are synced at
 * every start instead (createIndexes is idempotent), so most modules need no step here.
 */
export const migrations: Step[] = [];

export async function migrate(log: Logger): Promise<void> {
  await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()));
  await applySteps('migrations', migrations, log);
}
