import { noteChanges } from '../insights/insights.changes';
import { Schema } from 'mongoose';
import { model } from '../../platform/models';

/** A household: the parent carers who share looking after its children's information. */
const familySchema = new Schema(
  {
    carers: { type: [Schema.Types.ObjectId], required: true },
    erasedAt: { type: Date },
  },
  { timestamps: true, collection: 'families' },
);

familySchema.index({ carers: 1 });

export const FamilyModel = model('Family', familySchema);

const consentSchema = new Schema(
  {
    organisation: { type: Schema.Types.ObjectId, required: true },
    /** Profile sections the organisation may see (PROFILE_SECTIONS). */
    sections: { type: [String], default: undefined },
    grantedAt: { type: Date, required: true },
    grantedBy: { type: Schema.Types.ObjectId, required: true },
  },
  { _id: false },
);

const emergencyContactSchema = new Schema(
  {
    name: { type: String, required: true },
    relationship: { type: String, required: true },
    phone: { type: String, required: true },
  },
  { _id: false },
);

/** The "tell it once" profile (shared/src/eligibility/profile.ts ChildProfile). */
const profileSchema = new Schema(
  {
    homePostcode: { type: String, default: null },
    district: { type: String, default: null },
    needs: { type: [String], default: [] },
    diagnosis: { type: String, default: 'NONE' },
    ehcPlan: { type: String, default: 'NO' },
    socialCareAssessment: { type: String, default: 'NONE' },
    assessedTier: { type: String, default: null },
    budgetHolder: { type: String, default: 'NONE' },
    communication: { type: [String], default: [] },
    mobility: { type: [String], default: [] },
    health: { type: [String], default: [] },
    healthNotes: { type: String, default: '' },
    behaviourSupport: { type: String, default: '' },
    supportNeeded: { type: String, default: 'GROUP' },
    whatHelps: { type: String, default: '' },
    likes: { type: String, default: '' },
    dislikes: { type: String, default: '' },
    emergencyContacts: { type: [emergencyContactSchema], default: [] },
  },
  { _id: false },
);

/**
 * A child or young person. The family owns the record; providers see it only with consent
 * for their organisation, and only the profile sections consented (see access/policy.ts).
 */
const childSchema = new Schema(
  {
    family: { type: Schema.Types.ObjectId, required: true },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    /** A calendar date, YYYY-MM-DD, with no time zone. */
    dateOfBirth: { type: String, required: true },
    youngPersonAccount: { type: Schema.Types.ObjectId },
    consents: { type: [consentSchema], default: [] },
    profile: { type: profileSchema, default: () => ({}) },
    /** The number of the latest ChildVersion; 0 before the first change is recorded. */
    profileVersion: { type: Number, default: 0 },
    erasedAt: { type: Date },
  },
  { timestamps: true, collection: 'children' },
);

childSchema.index({ family: 1 });

noteChanges(childSchema, 'child');
export const ChildModel = model('Child', childSchema);

/**
 * Every saved change to a child's record, as the whole record after it. The id is
 * "<child id>:<version>", so two concurrent changes from the same version cannot both be
 * saved (the second insert fails and its author is asked to look again), and a child's
 * versions are read by id, which FerretDB serves from its index. Nothing edits these;
 * erasing a family deletes them with its other personal data.
 */
const childVersionSchema = new Schema(
  {
    _id: { type: String, required: true },
    child: { type: Schema.Types.ObjectId, required: true },
    family: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    changedAt: { type: Date, required: true },
    changedBy: { type: Schema.Types.ObjectId, required: true },
    changedFields: { type: [String], required: true },
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    dateOfBirth: { type: String, required: true },
    profile: { type: profileSchema, required: true },
    consents: { type: [consentSchema], default: undefined },
  },
  { collection: 'child_versions', versionKey: false },
);

childVersionSchema.index({ family: 1 });

export const ChildVersionModel = model('ChildVersion', childVersionSchema);

/** An admin's grant letting one commissioner see one child's record, with the reason. */
const commissionerGrantSchema = new Schema(
  {
    account: { type: Schema.Types.ObjectId, required: true },
    child: { type: Schema.Types.ObjectId, required: true },
    reason: { type: String, required: true },
    grantedBy: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'commissioner_grants' },
);

commissionerGrantSchema.index({ child: 1, expiresAt: 1 });

export const CommissionerGrantModel = model('CommissionerGrant', commissionerGrantSchema);
