import { Schema } from 'mongoose';
import { model } from '../../platform/models';

export const INVITATION_KINDS = ['CARER', 'YOUNG_PERSON', 'STAFF', 'COMMISSIONER'] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

/**
 * An emailed invitation to join a family (a second parent carer), to take over one's own
 * record (a young person of 16 or more), or to join an organisation. `_id` is the SHA-256
 * of the token in the link; accepting spends the token (TokenUseModel).
 */
const invitationSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: INVITATION_KINDS, required: true },
    email: { type: String, required: true, lowercase: true },
    invitedBy: { type: Schema.Types.ObjectId, required: true },
    inviterName: { type: String, required: true },
    family: { type: Schema.Types.ObjectId },
    child: { type: Schema.Types.ObjectId },
    organisation: { type: Schema.Types.ObjectId },
    /** COMMISSIONER invitations carry the new account's TOTP seed (sealed) to enrol on accepting. */
    totpSecretSealed: { type: String },
    expiresAt: { type: Date, required: true },
    acceptedAt: { type: Date },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'invitations' },
);

export const InvitationModel = model('Invitation', invitationSchema);
