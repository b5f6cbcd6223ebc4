import type { Logger } from '../../platform/logger';
import { JobQueue, type ClaimedJob } from './job.service';

export type JobHandler = (payload: Record<string, unknown>, job: ClaimedJob) => Promise<void>;

export interface JobWorkerOptions {
  queue: JobQueue;
  handlers: Record<string, JobHandler>;
  log: Logger;
  leaseMs?: number;
  /** How long to wait before looking again when no job is due. */
  idleMs?: number;
}

/**
 * Runs due jobs one at a time until stopped. Several workers (in several processes) can
 * run against one database: the queue's lease makes each claim exclusive.
 */
export class JobWorker {
  readonly id = JobQueue.newWorkerId();
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: JobWorkerOptions) {}

  start(): void {
    if (this.running || Object.keys(this.options.handlers).length === 0) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Claims and runs jobs until none is due; returns how many ran (used by tests and scripts). */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.runOne()) count += 1;
    return count;
  }

  private async run() {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.runOne();
      } catch (error) {
        this.options.log.warn(
          { err: error, worker: this.id },
          'job worker could not reach the queue',
        );
      }
      if (!worked && this.running) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, this.options.idleMs ?? 1000).unref();
        });
      }
    }
  }

  private async runOne(): Promise<boolean> {
    const { queue, handlers, log } = this.options;
    const job = await queue.claim(Object.keys(handlers), this.id, this.options.leaseMs ?? 60_000);
    if (!job) return false;
    const handler = handlers[job.name];
    const started = Date.now();
    try {
      if (!handler) throw new Error(`no handler for job "${job.name}"`);
      await handler(job.payload, job);
      await queue.complete(job, this.id);
      log.info({ job: job.id, name: job.name, ms: Date.now() - started }, 'job done');
    } catch (error) {
      log.warn({ job: job.id, name: job.name, attempt: job.attempts, err: error }, 'job failed');
      await queue.fail(job, this.id, error as Error);
    }
    return true;
  }
}
