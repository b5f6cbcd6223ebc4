import { noteChanges } from '../insights/insights.changes';
import { randomUUID } from 'node:crypto';
import { Schema } from 'mongoose';
import { model } from '../../platform/models';
import { refuseChanges } from '../../platform/database';

/** A commissioner's rule set being written: changes freely until it is published. */
const draftSchema = new Schema(
  {
    /** The commissioning body it belongs to, when the author has one. */
    organisation: { type: Schema.Types.ObjectId },
    /** Rule-set-shaped but possibly invalid: problems are listed, and refused at publish. */
    rules: { type: Schema.Types.Mixed, required: true },
    basedOnVersion: { type: Number, default: null },
    updatedBy: { type: Schema.Types.ObjectId, required: true },
    /** Set when published; a published draft cannot change. */
    publishedVersion: { type: Number, default: null },
  },
  { timestamps: true, collection: 'eligibility_rule_drafts', minimize: false },
);

export const RuleSetDraftModel = model('RuleSetDraft', draftSchema);

/**
 * Published versions, numbered 1, 2, 3… by their _id, which makes the number unique (two
 * commissioners publishing at once get different numbers) and each version a look-up by
 * id. Immutable: the hooks below refuse any update or delete.
 */
const versionSchema = new Schema(
  {
    _id: { type: Number, required: true },
    organisation: { type: Schema.Types.ObjectId },
    rules: { type: Schema.Types.Mixed, required: true },
    draft: { type: Schema.Types.ObjectId, required: true },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: Schema.Types.ObjectId, required: true },
  },
  { collection: 'eligibility_rule_versions', versionKey: false, minimize: false },
);

refuseChanges(versionSchema, 'Published eligibility rules never change');

export const RuleSetVersionModel = model('RuleSetVersion', versionSchema);

const reasonSchema = new Schema(
  { criterion: String, outcome: String, reason: String, change: String },
  { _id: false },
);

/** A check of a saved child's eligibility, with the version of the rules it used and what it said. */
const decisionSchema = new Schema(
  {
    child: { type: Schema.Types.ObjectId, required: true },
    family: { type: Schema.Types.ObjectId, required: true },
    ruleSetVersion: { type: Number, required: true },
    decidedAt: { type: Date, required: true },
    decidedBy: { type: Schema.Types.ObjectId, required: true },
    /** The profile version the facts came from. */
    profileVersion: { type: Number, required: true },
    bestTier: { type: String, default: null },
    tiers: [
      {
        _id: false,
        code: String,
        name: String,
        summary: String,
        howToGetIt: String,
        outcome: String,
        reasons: [reasonSchema],
      },
    ],
  },
  { collection: 'eligibility_decisions', versionKey: false },
);

decisionSchema.index({ child: 1, decidedAt: -1 });
decisionSchema.index({ family: 1 });

noteChanges(decisionSchema, 'decision');
export const EligibilityDecisionModel = model('EligibilityDecision', decisionSchema);

/**
 * What an anonymous check found, for commissioners' counts: the month, district and age band
 * only, never a date of birth, postcode or need, so no family can be picked out.
 */
const anonymousCheckSchema = new Schema(
  {
    // Random, unlike an ObjectId, which records the second it was made.
    _id: { type: String, default: () => randomUUID() },
    ruleSetVersion: { type: Number, required: true },
    month: { type: String, required: true },
    district: { type: String, default: null },
    ageBand: { type: String, required: true },
    bestTier: { type: String, default: null },
    outcomes: [{ _id: false, tier: String, outcome: String }],
  },
  { collection: 'eligibility_anonymous_checks', versionKey: false },
);

export const AnonymousCheckModel = model('AnonymousEligibilityCheck', anonymousCheckSchema);
