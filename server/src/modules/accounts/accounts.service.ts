import { emailSchema, organisationNameSchema, passwordProblems, textSchema } from '@harbour/shared';
import { Types } from 'mongoose';
import { z } from 'zod';
import { userErrorsFromZod, type UserError } from '../../graphql/user-errors';
import type { Logger } from '../../platform/logger';
import { hashToken, newToken, type SecretBox } from '../../platform/tokens';
import { ANONYMOUS, type Actor, type Role, type SignedInActor } from '../access/actor';
import { forbidden } from '../access/authorize';
import type { FamiliesService } from '../families/families.service';
import type { OrganisationsService } from '../organisations/organisations.service';
import type { OutboxService } from '../outbox/outbox.service';
import {
  AccountModel,
  OneTimeTokenModel,
  SessionModel,
  SignInFailureModel,
  TokenUseModel,
  type TokenPurpose,
} from './account.model';
import {
  parseUkMobile,
  passwordResetLimits,
  requiresTotp,
  sessionLifetime,
  SIGN_IN_WINDOW_MS,
  signInWaitMs,
} from './accounts.rules';
import { forgetEndedRateLimits, passRateLimits } from '../../platform/rate-limit-slots';
import type { JobQueue } from '../jobs/job.service';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { totpStep } from './totp';
import { isDuplicateKey } from '../../platform/database';

const VERIFICATION_LIFETIME_MS = 24 * 60 * 60_000;
const RESET_LIFETIME_MS = 60 * 60_000;
export const PASSWORD_RESET_JOB = 'accounts.password-reset';
/** Failed sign-ins allowed before waits begin: per email address, and per network address. */
const ALLOWED_FAILURES_PER_EMAIL = 5;
const ALLOWED_FAILURES_PER_ADDRESS = 20;

export const INVALID_CREDENTIALS = 'Enter a correct email address and password';
const INVALID_LINK = 'This link has expired or has already been used. Ask for a new one.';

export interface AccountView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  emailVerified: boolean;
  totpEnabled: boolean;
  familyId: string | null;
  /** E.164, for texts; shown only to its owner. */
  mobile: string | null;
}

type AccountDocument = {
  _id: Types.ObjectId;
  email: string;
  displayName: string;
  role: string;
  emailVerifiedAt?: Date | null;
  totpSecretSealed?: string | null;
  family?: Types.ObjectId | null;
  child?: Types.ObjectId | null;
  status: string;
  passwordHash: string;
  mobile?: string | null;
};

export function toAccountView(account: AccountDocument): AccountView {
  return {
    id: String(account._id),
    email: account.email,
    displayName: account.displayName,
    role: account.role as Role,
    emailVerified: Boolean(account.emailVerifiedAt),
    totpEnabled: Boolean(account.totpSecretSealed),
    familyId: account.family ? String(account.family) : null,
    mobile: account.mobile ?? null,
  };
}

const signUpSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Password must be text' }),
  displayName: textSchema('Your name', { min: 1, max: 100 }),
});

const providerSignUpSchema = signUpSchema.extend({
  organisationName: organisationNameSchema,
});

const signInSchema = z.object({
  email: z.string({ error: 'Email address must be text' }).trim().toLowerCase().max(254),
  password: z.string({ error: 'Password must be text' }).max(200),
  totp: z.string({ error: 'Code must be text' }).trim().optional().nullable(),
});

export interface SignInResult {
  userErrors: UserError[];
  account: AccountView | null;
  token: string | null;
  expiresAt: Date | null;
}

/**
 * Accounts, sessions and email links. Answers never reveal whether an email address has an
 * account: sign-up, sign-in and password reset say the same thing, in similar time.
 */
export class AccountsService {
  constructor(
    private readonly deps: {
      outbox: OutboxService;
      queue: JobQueue;
      organisations: OrganisationsService;
      families: FamiliesService;
      secrets: SecretBox;
      publicUrl: string;
      log: Logger;
    },
  ) {}

  /** A family account (with its family); the emailed link proves the address. */
  async signUp(input: unknown): Promise<{ userErrors: UserError[] }> {
    const parsed = signUpSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error) };
    const familyId = new Types.ObjectId();
    return this.openAccount(parsed.data, { role: 'FAMILY', family: familyId }, (accountId) =>
      this.deps.families.ensureFamily(String(familyId), accountId),
    );
  }

  /**
   * A provider's account and its organisation, which waits for an admin to verify it before
   * families can find its services. Answers as sign-up does, whether or not the address has
   * an account (then no organisation is made, and the email tells the person).
   */
  async signUpProvider(input: unknown): Promise<{ userErrors: UserError[] }> {
    const parsed = providerSignUpSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error) };
    const { organisationName, ...account } = parsed.data;
    return this.openAccount(account, { role: 'PROVIDER' }, (accountId) =>
      this.deps.organisations.createOwnedProvider(accountId, organisationName),
    );
  }

  private async openAccount(
    input: { email: string; password: string; displayName: string },
    kind: { role: Role; family?: Types.ObjectId },
    then: (accountId: string) => Promise<unknown>,
  ): Promise<{ userErrors: UserError[] }> {
    const { email, password, displayName } = input;
    const problems = passwordProblems(password, email);
    if (problems.length) return { userErrors: problems.map((message) => passwordError(message)) };

    const passwordHash = await hashPassword(password);
    try {
      const account = await AccountModel.create({ email, passwordHash, displayName, ...kind });
      await then(String(account._id));
      await this.sendVerification(account);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await AccountModel.findOne({ email }).lean();
      if (existing && existing.status === 'ACTIVE') {
        await this.deps.outbox.send(email, {
          template: 'ACCOUNT_ALREADY_EXISTS',
          name: existing.displayName,
          signInLink: `${this.deps.publicUrl}/sign-in`,
          resetLink: `${this.deps.publicUrl}/forgot-password`,
        });
      }
    }
    return { userErrors: [] };
  }

  private async sendVerification(account: {
    _id: Types.ObjectId;
    email: string;
    displayName: string;
  }) {
    const token = await this.issueToken(
      account._id,
      'EMAIL_VERIFICATION',
      VERIFICATION_LIFETIME_MS,
    );
    await this.deps.outbox.send(account.email, {
      template: 'EMAIL_VERIFICATION',
      name: account.displayName,
      link: `${this.deps.publicUrl}/verify-email?token=${token}`,
    });
  }

  private async issueToken(account: Types.ObjectId, purpose: TokenPurpose, lifetimeMs: number) {
    const token = newToken();
    await OneTimeTokenModel.create({
      _id: hashToken(token),
      purpose,
      account,
      expiresAt: new Date(Date.now() + lifetimeMs),
    });
    return token;
  }

  /** Spends an emailed token: valid, unexpired and unused, exactly once. */
  private async spendToken(token: unknown, purpose: TokenPurpose): Promise<Types.ObjectId | null> {
    if (typeof token !== 'string' || token.length < 20 || token.length > 100) return null;
    const id = hashToken(token);
    const record = await OneTimeTokenModel.findById(id).lean();
    if (!record || record.purpose !== purpose || record.expiresAt < new Date()) return null;
    if (!(await spendOnce(`token:${id}`))) return null;
    return record.account;
  }

  async verifyEmail(input: {
    token?: unknown;
  }): Promise<{ userErrors: UserError[]; account: AccountView | null }> {
    const accountId = await this.spendToken(input.token, 'EMAIL_VERIFICATION');
    if (!accountId)
      return {
        userErrors: [{ field: ['input', 'token'], message: INVALID_LINK, code: 'INVALID_TOKEN' }],
        account: null,
      };
    const account = await AccountModel.findByIdAndUpdate(
      accountId,
      { $set: { emailVerifiedAt: new Date() } },
      { returnDocument: 'after' },
    ).lean();
    return { userErrors: [], account: account ? toAccountView(account) : null };
  }

  async signIn(
    input: unknown,
    client: { address: string; userAgent?: string },
  ): Promise<SignInResult> {
    const none = { account: null, token: null, expiresAt: null };
    const parsed = signInSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), ...none };
    const { email, password, totp } = parsed.data;
    const keys = { email: `email:${email}`, address: `address:${client.address}` };

    const waitMs = await this.waitBeforeSignIn(keys);
    if (waitMs > 0) {
      const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
      return {
        userErrors: [
          {
            field: null,
            message: `Too many attempts to sign in. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, or reset your password.`,
            code: 'RATE_LIMITED',
          },
        ],
        ...none,
      };
    }

    const account = await AccountModel.findOne({ email, status: 'ACTIVE' }).lean();
    const passwordOk = await verifyPassword(account?.passwordHash ?? (await decoyHash()), password);
    if (!account || !passwordOk) {
      await this.recordFailure(keys);
      return {
        userErrors: [{ field: null, message: INVALID_CREDENTIALS, code: 'INVALID_CREDENTIALS' }],
        ...none,
      };
    }

    if (requiresTotp(account.role)) {
      if (!account.totpSecretSealed) {
        return {
          userErrors: [
            {
              field: null,
              message: 'This account has no authenticator app set up. Ask an administrator.',
              code: 'TOTP_NOT_ENROLLED',
            },
          ],
          ...none,
        };
      }
      if (!totp) {
        return {
          userErrors: [
            {
              field: ['input', 'totp'],
              message: 'Enter the 6-digit code from your authenticator app',
              code: 'TOTP_REQUIRED',
            },
          ],
          ...none,
        };
      }
      const step = totpStep(this.deps.secrets.open(account.totpSecretSealed), totp);
      if (step === null || !(await spendOnce(`totp:${account._id}:${step}`))) {
        await this.recordFailure(keys);
        return {
          userErrors: [
            {
              field: ['input', 'totp'],
              message:
                'The code is wrong or has already been used. Enter the latest code from your app',
              code: 'INVALID_TOTP',
            },
          ],
          ...none,
        };
      }
    }

    if (!account.emailVerifiedAt) {
      await this.sendVerification(account);
      return {
        userErrors: [
          {
            field: ['input', 'email'],
            message: 'Confirm your email address first: we have sent you a new link',
            code: 'EMAIL_NOT_VERIFIED',
          },
        ],
        ...none,
      };
    }

    await SignInFailureModel.deleteMany({ key: keys.email });
    const { token, expiresAt } = await this.createSession(account, client.userAgent);
    return { userErrors: [], account: toAccountView(account), token, expiresAt };
  }

  private async waitBeforeSignIn(keys: { email: string; address: string }): Promise<number> {
    const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
    const failures = await SignInFailureModel.find({
      key: { $in: [keys.email, keys.address] },
      at: { $gte: since },
    }).lean();
    const at = (key: string) =>
      failures.filter((failure) => failure.key === key).map((failure) => failure.at);
    const now = new Date();
    return Math.max(
      signInWaitMs(at(keys.email), now, ALLOWED_FAILURES_PER_EMAIL),
      signInWaitMs(at(keys.address), now, ALLOWED_FAILURES_PER_ADDRESS),
    );
  }

  private async recordFailure(keys: { email: string; address: string }) {
    const at = new Date();
    await SignInFailureModel.insertMany([
      { key: keys.email, at },
      { key: keys.address, at },
    ]);
    // Only the last window matters; forgetting older failures keeps every sign-in's look-up small.
    await SignInFailureModel.deleteMany({
      at: { $lt: new Date(at.getTime() - SIGN_IN_WINDOW_MS) },
    });
  }

  private async createSession(account: { _id: Types.ObjectId; role: string }, userAgent?: string) {
    const token = newToken();
    const { absoluteMs, idleMs } = sessionLifetime(account.role);
    const now = Date.now();
    const expiresAt = new Date(now + absoluteMs);
    await SessionModel.create({
      _id: hashToken(token),
      account: account._id,
      expiresAt,
      idleExpiresAt: new Date(now + idleMs),
      userAgent: userAgent?.slice(0, 200),
    });
    return { token, expiresAt };
  }

  /** The actor behind a session token; anonymous (rejected) when it is unknown, expired or revoked. */
  async authenticate(token: string | undefined): Promise<Actor> {
    if (!token) return ANONYMOUS;
    const rejected: Actor = { kind: 'anonymous', rejectedCredentials: true };
    if (token.length > 100) return rejected;
    const session = await SessionModel.findById(hashToken(token)).lean();
    const now = Date.now();
    if (!session || session.expiresAt.getTime() <= now || session.idleExpiresAt.getTime() <= now)
      return rejected;
    const actor = await this.actorFor(String(session.account), session._id);
    if (!actor) return rejected;

    const { idleMs } = sessionLifetime(actor.role);
    // Extend the idle deadline at most once a minute, to keep writes off the hot path.
    if (session.idleExpiresAt.getTime() - now < idleMs - 60_000) {
      await SessionModel.updateOne(
        { _id: session._id },
        { $set: { idleExpiresAt: new Date(now + idleMs) } },
      );
    }
    return actor;
  }

  /** The actor an account acts as (for a session, or for the demo seed); null if it is not active. */
  async actorFor(accountId: string, sessionId: string): Promise<SignedInActor | null> {
    const account = await AccountModel.findById(accountId).lean();
    if (!account || account.status !== 'ACTIVE') return null;
    const memberships = await this.deps.organisations.membershipsOf(String(account._id));
    return {
      kind: 'account',
      accountId: String(account._id),
      sessionId,
      role: account.role as Role,
      displayName: account.displayName,
      familyId: account.family ? String(account.family) : null,
      childId: account.child ? String(account.child) : null,
      organisationIds: memberships.map((membership) => membership.organisationId),
      ownedOrganisationIds: memberships
        .filter((m) => m.role === 'OWNER')
        .map((m) => m.organisationId),
    };
  }

  async signOut(actor: SignedInActor): Promise<void> {
    await SessionModel.deleteOne({ _id: actor.sessionId });
  }

  async signOutEverywhere(actor: SignedInActor): Promise<void> {
    await SessionModel.deleteMany({ account: actor.accountId });
  }

  /**
   * Asks for a reset link. The answer is the same, in the same time, whether or not the
   * address has an account: only the rate limits (the same for every address) are checked
   * here, and the look-up, token and email happen afterwards in the jobs worker.
   */
  async requestPasswordReset(
    input: { email?: unknown },
    client: { address: string },
  ): Promise<{ userErrors: UserError[] }> {
    const parsed = emailSchema.safeParse(input.email);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error, ['input', 'email']) };
    const email = parsed.data;
    const limits = passwordResetLimits(hashToken(email), client.address, new Date());
    if (await passRateLimits(limits)) {
      await this.deps.queue.enqueue(PASSWORD_RESET_JOB, { email: this.deps.secrets.seal(email) });
    } else {
      this.deps.log.info({ event: 'password-reset-limited' }, 'password reset request limited');
    }
    return { userErrors: [] };
  }

  /** The jobs worker's half of a reset request: emails a link if the address has an account. */
  async sendPasswordReset(payload: { email?: unknown }): Promise<void> {
    await forgetEndedRateLimits();
    if (typeof payload.email !== 'string') return;
    const email = this.deps.secrets.open(payload.email);
    const account = await AccountModel.findOne({ email, status: 'ACTIVE' }).lean();
    if (!account) return;
    const token = await this.issueToken(account._id, 'PASSWORD_RESET', RESET_LIFETIME_MS);
    await this.deps.outbox.send(account.email, {
      template: 'PASSWORD_RESET',
      name: account.displayName,
      link: `${this.deps.publicUrl}/reset-password?token=${token}`,
    });
  }

  async resetPassword(input: {
    token?: unknown;
    password?: unknown;
  }): Promise<{ userErrors: UserError[]; account: AccountView | null }> {
    if (typeof input.password !== 'string') {
      return { userErrors: [passwordError('Password must be text')], account: null };
    }
    const id = typeof input.token === 'string' ? hashToken(input.token) : '';
    const pending = id ? await OneTimeTokenModel.findById(id).lean() : null;
    const owner = pending ? await AccountModel.findById(pending.account).lean() : null;
    const problems = passwordProblems(input.password, owner?.email ?? '');
    if (problems.length)
      return { userErrors: problems.map((message) => passwordError(message)), account: null };

    const accountId = await this.spendToken(input.token, 'PASSWORD_RESET');
    if (!accountId)
      return {
        userErrors: [{ field: ['input', 'token'], message: INVALID_LINK, code: 'INVALID_TOKEN' }],
        account: null,
      };
    const passwordHash = await hashPassword(input.password);
    // Proving control of the inbox also proves the address.
    const account = await AccountModel.findByIdAndUpdate(
      accountId,
      { $set: { passwordHash, emailVerifiedAt: owner?.emailVerifiedAt ?? new Date() } },
      { returnDocument: 'after' },
    ).lean();
    if (!account)
      return {
        userErrors: [{ field: ['input', 'token'], message: INVALID_LINK, code: 'INVALID_TOKEN' }],
        account: null,
      };
    await SessionModel.deleteMany({ account: accountId });
    await SignInFailureModel.deleteMany({ key: `email:${account.email}` });
    await this.deps.outbox.send(account.email, {
      template: 'PASSWORD_CHANGED',
      name: account.displayName,
    });
    return { userErrors: [], account: toAccountView(account) };
  }

  /** What is wrong with the name and password chosen for a new account, if anything. */
  newAccountProblems(email: string, password: unknown, displayName: unknown): UserError[] {
    const name = textSchema('Your name', { min: 1, max: 100 }).safeParse(displayName);
    if (!name.success) return userErrorsFromZod(name.error, ['input', 'displayName']);
    if (typeof password !== 'string') return [passwordError('Password must be text')];
    return passwordProblems(password, email).map((message) => passwordError(message));
  }

  /** Creates the account an invitation was accepted for; the emailed token proved the address. */
  async createInvitedAccount(input: {
    email: string;
    password: unknown;
    displayName: unknown;
    role: Role;
    familyId?: string | null;
    childId?: string | null;
    totpSecretSealed?: string | null;
  }): Promise<{ userErrors: UserError[]; account: AccountView | null }> {
    const userErrors = this.newAccountProblems(input.email, input.password, input.displayName);
    if (userErrors.length) return { userErrors, account: null };
    try {
      const account = await AccountModel.create({
        email: input.email,
        passwordHash: await hashPassword(String(input.password)),
        role: input.role,
        displayName: String(input.displayName).trim(),
        emailVerifiedAt: new Date(),
        family: input.familyId ?? undefined,
        child: input.childId ?? undefined,
        totpSecretSealed: input.totpSecretSealed ?? undefined,
      });
      return { userErrors: [], account: toAccountView(account) };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return {
        userErrors: [
          {
            field: ['input', 'token'],
            message: 'You already have an account: sign in, then open the invitation link again',
            code: 'ACCOUNT_EXISTS',
          },
        ],
        account: null,
      };
    }
  }

  async accountByEmail(email: string): Promise<AccountView | null> {
    const account = await AccountModel.findOne({ email, status: 'ACTIVE' }).lean();
    return account ? toAccountView(account) : null;
  }

  async accountById(id: string): Promise<AccountView | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const account = await AccountModel.findOne({ _id: id, status: 'ACTIVE' }).lean();
    return account ? toAccountView(account) : null;
  }

  async joinFamily(accountId: string, familyId: string): Promise<void> {
    await AccountModel.updateOne({ _id: accountId }, { $set: { family: familyId } });
  }

  /** Email addresses of active accounts, for messages about their own bookings. */
  async emailsOf(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id));
    const accounts = await Promise.all(
      unique.map((id) => AccountModel.findOne({ _id: id, status: 'ACTIVE' }, { email: 1 }).lean()),
    );
    return accounts.flatMap((account) => (account ? [account.email] : []));
  }

  /** The mobile numbers (E.164) of those of these accounts that gave one. */
  async mobilesOf(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id));
    const accounts = await Promise.all(
      unique.map((id) => AccountModel.findOne({ _id: id, status: 'ACTIVE' }, { mobile: 1 }).lean()),
    );
    return accounts.flatMap((account) => (account?.mobile ? [account.mobile] : []));
  }

  /**
   * Sets (or, given an empty answer, removes) the mobile number the account's texts go to:
   * family accounts only, since texts are about their children's places.
   */
  async setMobile(
    actor: SignedInActor,
    input: { mobile?: unknown },
  ): Promise<{ userErrors: UserError[]; account: AccountView | null }> {
    if (actor.role !== 'FAMILY' && actor.role !== 'YOUNG_PERSON') throw forbidden();
    const answer = typeof input.mobile === 'string' ? input.mobile : '';
    let update: Record<string, unknown> = { $unset: { mobile: 1 } };
    if (answer.trim()) {
      const parsed = parseUkMobile(answer);
      if ('error' in parsed) {
        return {
          userErrors: [{ field: ['input', 'mobile'], message: parsed.error, code: 'INVALID' }],
          account: null,
        };
      }
      update = { $set: { mobile: parsed.mobile } };
    }
    await AccountModel.updateOne({ _id: actor.accountId, status: 'ACTIVE' }, update);
    return { userErrors: [], account: await this.accountById(actor.accountId) };
  }

  /** Display names by account id; erased accounts show as such. */
  async names(ids: string[]): Promise<Map<string, string>> {
    // One _id lookup each: FerretDB reads every account for `$in`; the lists here are short.
    const unique = [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id));
    const accounts = await Promise.all(
      unique.map((id) => AccountModel.findById(id, { displayName: 1 }).lean()),
    );
    return new Map(
      accounts.flatMap((account) =>
        account ? [[String(account._id), account.displayName] as const] : [],
      ),
    );
  }

  /** The accounts' data for a download: no password hashes, TOTP seeds or session tokens. */
  async exportAccounts(ids: string[]) {
    const accounts = await AccountModel.find(
      { _id: { $in: ids } },
      { passwordHash: 0, totpSecretSealed: 0 },
    ).lean();
    const sessions = await SessionModel.find(
      { account: { $in: ids } },
      { _id: 0, account: 1, createdAt: 1, expiresAt: 1, userAgent: 1 },
    ).lean();
    return { accounts, sessions };
  }

  /**
   * Pseudonymises accounts: no name, no usable email, password or mobile, every session ended.
   * Returns the email addresses and mobile numbers they had, so their messages can go too.
   */
  async erase(ids: string[]): Promise<string[]> {
    const accounts = await AccountModel.find({ _id: { $in: ids } }, { email: 1, mobile: 1 }).lean();
    for (const account of accounts) {
      await AccountModel.updateOne(
        { _id: account._id },
        {
          $set: {
            email: `erased-${String(account._id)}@erased.invalid`,
            displayName: 'Erased account',
            passwordHash: await hashPassword(newToken()),
            status: 'ERASED',
          },
          $unset: { totpSecretSealed: 1, emailVerifiedAt: 1, mobile: 1 },
        },
      );
    }
    await SessionModel.deleteMany({ account: { $in: ids } });
    return accounts.flatMap((account) => [
      account.email,
      ...(account.mobile ? [account.mobile] : []),
    ]);
  }

  async viewer(actor: Actor): Promise<AccountView | null> {
    if (actor.kind !== 'account') return null;
    const account = await AccountModel.findById(actor.accountId).lean();
    return account ? toAccountView(account) : null;
  }
}

function passwordError(message: string): UserError {
  return { field: ['input', 'password'], message, code: 'INVALID' };
}

/** Records a single-use thing (a token, a TOTP step) as spent; false when it already was. */
export async function spendOnce(key: string): Promise<boolean> {
  try {
    await TokenUseModel.create({ _id: key });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
