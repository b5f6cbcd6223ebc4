import { Schema } from 'mongoose';
import { model } from '../../platform/models';
import { ROLES } from '../access/actor';

const accountSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: ROLES, required: true },
    displayName: { type: String, required: true },
    emailVerifiedAt: { type: Date },
    /** A UK mobile number in E.164 (+447700900982), for the texts that cannot wait. */
    mobile: { type: String },
    /** TOTP seed sealed with SecretBox; required for COMMISSIONER and ADMIN. */
    totpSecretSealed: { type: String },
    family: { type: Schema.Types.ObjectId },
    /** YOUNG_PERSON: the child record that is theirs. */
    child: { type: Schema.Types.ObjectId },
    status: { type: String, enum: ['ACTIVE', 'ERASED'], required: true, default: 'ACTIVE' },
  },
  { timestamps: true, collection: 'accounts' },
);

accountSchema.index({ email: 1 }, { unique: true });
accountSchema.index({ family: 1 });

export const AccountModel = model('Account', accountSchema);

/** A signed-in browser or API client. `_id` is the SHA-256 of the token it holds. */
const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    account: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
    idleExpiresAt: { type: Date, required: true },
    userAgent: { type: String },
  },
  { timestamps: true, collection: 'sessions' },
);

sessionSchema.index({ account: 1 });
sessionSchema.index({ expiresAt: 1 });

export const SessionModel = model('Session', sessionSchema);

export const TOKEN_PURPOSES = ['EMAIL_VERIFICATION', 'PASSWORD_RESET'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** A link sent by email. `_id` is the SHA-256 of the token; used at most once (TokenUseModel). */
const oneTimeTokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    purpose: { type: String, enum: TOKEN_PURPOSES, required: true },
    account: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'one_time_tokens' },
);

oneTimeTokenSchema.index({ account: 1, purpose: 1 });

export const OneTimeTokenModel = model('OneTimeToken', oneTimeTokenSchema);

/**
 * Spent tokens and TOTP codes, by unique `_id`: inserting one is how a token is used, which
 * is atomic on MongoDB and FerretDB alike, so a token works exactly once even under races.
 */
const tokenUseSchema = new Schema(
  { _id: { type: String, required: true } },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'token_uses' },
);

export const TokenUseModel = model('TokenUse', tokenUseSchema);

/** One failed sign-in, by email and by address, for slowing down guessing. */
const signInFailureSchema = new Schema(
  {
    key: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'sign_in_failures', versionKey: false },
);

signInFailureSchema.index({ key: 1, at: -1 });

export const SignInFailureModel = model('SignInFailure', signInFailureSchema);
