import { Types } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { JobLeaseModel, JobModel } from './job.model';

/** Due jobs looked at per claim; losing a race for one moves on to the next. */
const CANDIDATES_PER_CLAIM = 10;
import { afterFailure } from './job.rules';
import { isDuplicateKey } from '../../platform/database';

export interface ClaimedJob {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
  leaseUntil: Date;
}

export interface EnqueueOptions {
  /** At most one queued or running job per key; enqueueing again while one waits does nothing. */
  key?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * A durable job queue in MongoDB, safe with several worker processes: a job is claimed by
 * inserting a lease document with a unique id per attempt (an atomic insert on MongoDB and
 * FerretDB alike), which gives the claimer a lease until `leaseUntil`; a job whose lease ran
 * out (its worker died) can be claimed again. Handlers must be idempotent: a job whose
 * worker dies after doing the work but before marking it done will run again.
 */
export class JobQueue {
  async enqueue(name: string, payload: Record<string, unknown> = {}, options: EnqueueOptions = {}) {
    const _id = new Types.ObjectId();
    const fields = {
      _id,
      key: options.key ?? String(_id),
      name,
      payload,
      state: 'queued' as const,
      runAt: options.runAt ?? new Date(),
      attempts: 0,
      maxAttempts: options.maxAttempts ?? 8,
    };
    try {
      await JobModel.create(fields);
      return String(_id);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await JobModel.findOne({ key: options.key }).lean();
      return String(existing?._id);
    }
  }

  /** Claims the next due job of one of `names` for `leaseMs`, or returns null. */
  async claim(
    names: readonly string[],
    workerId: string,
    leaseMs: number,
  ): Promise<ClaimedJob | null> {
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const candidates = await JobModel.find({
      name: { $in: names },
      $or: [
        { state: 'queued', runAt: { $lte: now } },
        { state: 'running', leaseUntil: { $lt: now } },
      ],
    })
      .sort({ runAt: 1 })
      .limit(CANDIDATES_PER_CLAIM)
      .lean();
    for (const job of candidates) {
      const attempt = job.attempts + 1;
      try {
        await JobLeaseModel.create({
          _id: `${job._id}:${attempt}`,
          job: job._id,
          owner: workerId,
          leaseUntil,
        });
      } catch (error) {
        if (isDuplicateKey(error)) continue; // another worker won it
        throw error;
      }
      await JobModel.updateOne(
        { _id: job._id },
        { $set: { state: 'running', leaseOwner: workerId, leaseUntil, attempts: attempt } },
      );
      return {
        id: String(job._id),
        name: job.name,
        payload: (job.payload ?? {}) as Record<string, unknown>,
        attempts: attempt,
        leaseUntil,
      };
    }
    return null;
  }

  /** Marks a job done, if this worker still holds its lease. */
  async complete(job: ClaimedJob, workerId: string): Promise<boolean> {
    const result = await JobModel.updateOne(
      { _id: job.id, state: 'running', leaseOwner: workerId, attempts: job.attempts },
      {
        $set: { state: 'done', finishedAt: new Date(), key: `finished:${job.id}` },
        $unset: { leaseUntil: 1 },
      },
    );
    return result.modifiedCount === 1;
  }

  /** Records a failure: queued again with backoff, or failed for good when attempts run out. */
  async fail(job: ClaimedJob, workerId: string, error: Error): Promise<void> {
    const current = await JobModel.findOne({
      _id: job.id,
      leaseOwner: workerId,
      attempts: job.attempts,
    }).lean();
    if (!current) return;
    const outcome = afterFailure(current.attempts, current.maxAttempts, new Date());
    await JobModel.updateOne(
      { _id: job.id, state: 'running', leaseOwner: workerId, attempts: job.attempts },
      outcome.state === 'failed'
        ? {
            $set: {
              state: 'failed',
              lastError: error.message,
              finishedAt: new Date(),
              key: `finished:${job.id}`,
            },
            $unset: { leaseUntil: 1 },
          }
        : {
            $set: { state: 'queued', runAt: outcome.runAt, lastError: error.message },
            $unset: { leaseUntil: 1 },
          },
    );
  }

  static newWorkerId(): string {
    return `${process.pid}-${randomUUID().slice(0, 8)}`;
  }
}
