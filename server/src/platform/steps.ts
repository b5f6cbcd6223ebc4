import mongoose from 'mongoose';
import type { Logger } from './logger';
import { isDuplicateKey } from './database';

/** A change applied once per database: a schema migration or a slice of demo data. */
export interface Step {
  /** Stable and versioned, e.g. "2026-11-feedback-indexes" or "demo-providers-v1". */
  id: string;
  apply(): Promise<void>;
}

interface StepRecord {
  _id: string;
  state: 'applying' | 'applied';
  startedAt: Date;
  appliedAt?: Date;
}

const STALE_AFTER_MS = 10 * 60_000;

/**
 * Applies each step not yet recorded in `collectionName`, in order. A step is claimed by
 * inserting its record (unique `_id`), so when several processes start together only one
 * applies it; a failed step's claim is removed so the next start tries again. Steps must
 * themselves be idempotent (upserts), since a crash can leave one half done.
 */
export async function applySteps(
  collectionName: string,
  steps: readonly Step[],
  log: Logger,
): Promise<string[]> {
  const records = mongoose.connection.collection<StepRecord>(collectionName);
  const applied: string[] = [];
  for (const step of steps) {
    const existing = await records.findOne({ _id: step.id });
    if (existing?.state === 'applied') continue;
    if (existing && Date.now() - existing.startedAt.getTime() < STALE_AFTER_MS) {
      log.info({ step: step.id }, 'step is being applied by another process; skipping');
      continue;
    }
    if (existing) await records.deleteOne({ _id: step.id, state: 'applying' });
    try {
      await records.insertOne({ _id: step.id, state: 'applying', startedAt: new Date() });
    } catch (error) {
      if (isDuplicateKey(error)) continue;
      throw error;
    }
    try {
      await step.apply();
    } catch (error) {
      await records.deleteOne({ _id: step.id });
      throw new Error(`${collectionName} step "${step.id}" failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    await records.updateOne(
      { _id: step.id },
      { $set: { state: 'applied', appliedAt: new Date() } },
    );
    log.info({ step: step.id }, `${collectionName}: applied ${step.id}`);
    applied.push(step.id);
  }
  return applied;
}
