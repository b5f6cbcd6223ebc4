import { noteChanges } from '../insights/insights.changes';
import { Schema, type InferSchemaType } from 'mongoose';
import { model } from '../../platform/models';
import { JOURNAL_REASONS, JOURNAL_STATES } from './ledger.rules';

/**
 * A journal: one movement of money as balanced postings. `_id` is its idempotency key, so a
 * movement asked for twice is made once.
 */
const journalSchema = new Schema(
  {
    _id: { type: String, required: true },
    reason: { type: String, enum: JOURNAL_REASONS, required: true },
    postings: {
      type: [{ _id: false, account: String, amountPence: Number }],
      required: true,
    },
    /** A digest of what was asked, so the same key with different postings is refused. */
    fingerprint: { type: String, required: true },
    state: { type: String, enum: JOURNAL_STATES, required: true },
    /** Why it failed: the account that had too little. */
    failure: { account: String, neededPence: Number, availablePence: Number },
    memo: { type: String, required: true },
    booking: { type: Schema.Types.ObjectId },
    /** The funds it moves money of (a contribution to a family pool names two). */
    funds: { type: [String], default: undefined },
    organisation: { type: Schema.Types.ObjectId },
    child: { type: Schema.Types.ObjectId },
    /** The journal this one reverses. */
    reverses: { type: String },
    /** What reports group it by, such as the booking's service type and district. */
    labels: { type: Schema.Types.Mixed },
    actor: { kind: { type: String, required: true }, account: Schema.Types.ObjectId },
    postedAt: { type: Date },
  },
  { timestamps: true, collection: 'journals' },
);
journalSchema.index({ state: 1, createdAt: 1 });
journalSchema.index({ booking: 1 });
journalSchema.index({ funds: 1 });
journalSchema.index({ organisation: 1, reason: 1 });
noteChanges(journalSchema, 'journal');
export const JournalModel = model('Journal', journalSchema);
export type StoredJournal = Omit<InferSchemaType<typeof journalSchema>, 'postings'> & {
  _id: string;
  postings: { account: string; amountPence: number }[];
  createdAt: Date;
  updatedAt: Date;
};

/**
 * One posting applied to one account. On an account that may not go negative, entries form a
 * chain: `_id` is `<account>:<seq>` and carries the running balance, so two debits cannot
 * both follow the same balance (the second insert of a sequence number fails). Elsewhere
 * `_id` is `<journal>#<leg>`. A reversed leg of a failed journal adds `r`.
 */
const ledgerEntrySchema = new Schema(
  {
    _id: { type: String, required: true },
    account: { type: String, required: true },
    seq: { type: Number },
    journal: { type: String, required: true },
    leg: { type: Number, required: true },
    reversal: { type: Boolean, required: true },
    amountPence: { type: Number, required: true },
    balancePence: { type: Number },
    at: { type: Date, required: true },
  },
  { collection: 'ledger_entries', versionKey: false },
);
ledgerEntrySchema.index({ journal: 1 });
ledgerEntrySchema.index({ account: 1, seq: 1 });
export const LedgerEntryModel = model('LedgerEntry', ledgerEntrySchema);
export type StoredEntry = InferSchemaType<typeof ledgerEntrySchema> & { _id: string };

/**
 * Where an account's chain was last seen to end: a hint that saves walking the chain from
 * the start. Never trusted for a decision (the chain is walked forward from it), and rebuilt
 * by `npm run ledger:check`.
 */
const ledgerHeadSchema = new Schema(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    balancePence: { type: Number, required: true },
  },
  { collection: 'ledger_heads', versionKey: false },
);
export const LedgerHeadModel = model('LedgerHead', ledgerHeadSchema);
