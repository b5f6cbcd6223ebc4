import { Schema } from 'mongoose';
import { model } from '../../platform/models';

export const ORGANISATION_KINDS = ['PROVIDER', 'COMMISSIONER'] as const;
export const VERIFICATION_STATUSES = ['UNVERIFIED', 'VERIFIED', 'REJECTED'] as const;
export const MEMBERSHIP_ROLES = ['OWNER', 'STAFF', 'MEMBER'] as const;

const memberSchema = new Schema(
  {
    account: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: MEMBERSHIP_ROLES, required: true },
  },
  { _id: false },
);

/** A provider (Ofsted/CQC-registered or an inclusive club) or a commissioning body. */
const organisationSchema = new Schema(
  {
    name: { type: String, required: true },
    kind: { type: String, enum: ORGANISATION_KINDS, required: true },
    verificationStatus: {
      type: String,
      enum: VERIFICATION_STATUSES,
      required: true,
      default: 'UNVERIFIED',
    },
    verifiedBy: { type: Schema.Types.ObjectId },
    verifiedAt: { type: Date },
    members: { type: [memberSchema], default: [] },
    /** Set when listed from an import or the demo seed rather than by the provider itself. */
    listedFrom: { type: String },
    /** The provider's Stripe Connect account, which payouts are transferred to. */
    payoutAccount: { type: String },
  },
  { timestamps: true, collection: 'organisations' },
);

organisationSchema.index({ 'members.account': 1 });
organisationSchema.index({ kind: 1, verificationStatus: 1 });

export const OrganisationModel = model('Organisation', organisationSchema);

/**
 * Each account's memberships, by account id: looked up on every signed-in request, and an
 * `_id` lookup is the one query FerretDB v1 answers from an index (a query on
 * `members.account` reads every organisation). Kept in step by OrganisationsService.
 */
const membershipListSchema = new Schema(
  {
    _id: { type: String, required: true },
    memberships: { type: [memberOfSchema()], default: [] },
  },
  { timestamps: true, collection: 'account_memberships' },
);

function memberOfSchema() {
  return new Schema(
    {
      organisation: { type: Schema.Types.ObjectId, required: true },
      role: { type: String, enum: MEMBERSHIP_ROLES, required: true },
    },
    { _id: false },
  );
}

export const MembershipListModel = model('MembershipList', membershipListSchema);
