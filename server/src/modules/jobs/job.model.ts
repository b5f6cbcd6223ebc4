import { Schema } from 'mongoose';
import { model } from '../../platform/models';

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

const jobSchema = new Schema(
  {
    name: { type: String, required: true },
    /**
     * De-duplication key: one queued or running job per key. Every job has one (its own id
     * when the caller gives none) because FerretDB has no sparse or partial indexes; a
     * finished job's key is released by rewriting it to "finished:<id>".
     */
    key: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, default: {} },
    state: { type: String, enum: JOB_STATES, required: true, default: 'queued' },
    runAt: { type: Date, required: true },
    attempts: { type: Number, required: true, default: 0 },
    maxAttempts: { type: Number, required: true, default: 8 },
    leaseOwner: { type: String },
    leaseUntil: { type: Date },
    lastError: { type: String },
    finishedAt: { type: Date },
  },
  { timestamps: true, collection: 'jobs', minimize: false },
);

jobSchema.index({ state: 1, runAt: 1 });
jobSchema.index({ state: 1, leaseUntil: 1 });
jobSchema.index({ key: 1 }, { unique: true });

export const JobModel = model('Job', jobSchema);

/**
 * One document per claim of a job, `_id` "<jobId>:<attempt>". Inserting it is the claim:
 * a unique-key insert is atomic on MongoDB and on FerretDB v1, whereas a conditional update
 * (or findOneAndUpdate) is not atomic on FerretDB's SQLite backend — measured: 12 workers
 * racing one queued job all "won" it. Leases are kept (one small document per attempt):
 * deleting one would let a worker holding a stale read claim the same attempt again.
 */
const jobLeaseSchema = new Schema(
  {
    _id: { type: String, required: true },
    job: { type: Schema.Types.ObjectId, required: true },
    owner: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'job_leases' },
);

jobLeaseSchema.index({ job: 1 });

export const JobLeaseModel = model('JobLease', jobLeaseSchema);
