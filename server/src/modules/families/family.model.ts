import { model, Schema } from 'mongoose';

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
    grantedAt: { type: Date, required: true },
    grantedBy: { type: Schema.Types.ObjectId, required: true },
  },
  { _id: false },
);

/**
 * A child or young person. The family owns the record; providers see it only with consent
 * for their organisation (see access/policy.ts). Later issues add the "tell it once" profile.
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
    erasedAt: { type: Date },
  },
  { timestamps: true, collection: 'children' },
);

childSchema.index({ family: 1 });

export const ChildModel = model('Child', childSchema);

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
