import { noteChanges } from '../insights/insights.changes';
import { createHash } from 'node:crypto';
import { Schema, type InferSchemaType, type Types } from 'mongoose';
import { model } from '../../platform/models';
import { FUND_KINDS } from '@harbour/shared';

export const HELD_AS = ['COUNCIL_HELD', 'DIRECT_PAYMENT'] as const;
export const FUND_SOURCES = ['COUNCIL', 'NHS', 'POOLED'] as const;

/**
 * A fund money is spent from: a child's personal budget or personal health budget for one
 * budget year, a commissioners' pooled fund, or a family pool for a group activity. Its
 * money is in the ledger (`fund:<_id>`); this is what the money is and what it may pay for.
 */
const fundSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: FUND_KINDS.codes, required: true },
    name: { type: String, required: true },
    /** The budget year's first calendar year: 2026 is 1 April 2026 to 31 March 2027. */
    year: { type: Number, required: true },
    source: { type: String, enum: FUND_SOURCES, required: true },
    child: { type: Schema.Types.ObjectId },
    family: { type: Schema.Types.ObjectId },
    /** Personal budgets: held by the council, or paid to the family (or its agent). */
    heldAs: { type: String, enum: HELD_AS },
    agentName: { type: String },
    rules: {
      serviceTypes: { type: [String], default: [] },
      maxPencePerHour: { type: Number, default: null },
      maxPencePerSession: { type: Number, default: null },
    },
    /** Pooled funds: who may draw, and each child's cap for the year. */
    tiers: { type: [String], default: undefined },
    perChildCapPence: { type: Number },
    /** Family pools: the activity, the families in it and the share each agreed. */
    serviceIds: { type: [String], default: undefined },
    shares: {
      type: [
        {
          _id: false,
          family: { type: Schema.Types.ObjectId, required: true },
          child: { type: Schema.Types.ObjectId, required: true },
          childName: { type: String, required: true },
          sharePence: { type: Number, required: true },
          fromFund: { type: String, required: true },
          consentedAt: { type: Date },
        },
      ],
      default: undefined,
    },
    /** Family pools: families invited to a share who have not consented yet. */
    invites: {
      type: [{ _id: false, email: { type: String, required: true }, sharePence: Number }],
      default: undefined,
    },
    createdBy: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: true, collection: 'funds' },
);
fundSchema.index({ child: 1, year: 1 });
fundSchema.index({ kind: 1, year: 1 });
fundSchema.index({ 'shares.child': 1 });
fundSchema.index({ 'invites.email': 1 });
noteChanges(fundSchema, 'fund');
export const FundModel = model('Fund', fundSchema);
export type StoredFund = InferSchemaType<typeof fundSchema> & { _id: string };
export type FundId = string;

/**
 * A child's personal budget or health budget for a year has one id, so it is made once
 * however many allocations arrive together: 24 hexadecimal characters (the shape of every
 * Harbour id), derived from the kind, the child and the year.
 */
export function personalFundId(kind: string, childId: Types.ObjectId | string, year: number) {
  return createHash('sha256')
    .update(`${kind}:${String(childId)}:${year}`)
    .digest('hex')
    .slice(0, 24);
}
