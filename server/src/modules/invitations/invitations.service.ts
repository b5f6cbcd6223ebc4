import { emailSchema, YOUNG_PERSON_MIN_AGE, ageOn, londonToday } from '@harbour/shared';
import { userErrorsFromZod, type UserError } from '../../graphql/user-errors';
import { hashToken, newToken, type SecretBox } from '../../platform/tokens';
import { spendOnce, type AccountsService, type AccountView } from '../accounts/accounts.service';
import { newTotpSecret, totpStep, totpUri } from '../accounts/totp';
import type { Actor, Role, SignedInActor } from '../access/actor';
import { forbidden } from '../access/authorize';
import { organisationManage } from '../access/policy';
import type { FamiliesService } from '../families/families.service';
import type { OrganisationsService } from '../organisations/organisations.service';
import type { OutboxService } from '../outbox/outbox.service';
import { InvitationModel, type InvitationKind } from './invitation.model';

const LIFETIME_MS = 7 * 24 * 60 * 60_000;
const INVALID = 'This invitation has expired or has already been used. Ask for a new one.';

const ROLE_FOR: Record<InvitationKind, Role> = {
  CARER: 'FAMILY',
  YOUNG_PERSON: 'YOUNG_PERSON',
  STAFF: 'PROVIDER',
  COMMISSIONER: 'COMMISSIONER',
};

export interface InvitationView {
  kind: InvitationKind;
  email: string;
  inviterName: string;
  organisationName: string | null;
  /** COMMISSIONER invitations: the authenticator app seed to enrol before accepting. */
  totpSecret: string | null;
  totpUri: string | null;
  expiresAt: Date;
}

type Created = {
  userErrors: UserError[];
  invitation: { email: string; kind: InvitationKind; expiresAt: Date } | null;
};

/** Invitations to share a family, to take over one's own record at 16, or to join an organisation. */
export class InvitationsService {
  constructor(
    private readonly deps: {
      accounts: AccountsService;
      families: FamiliesService;
      organisations: OrganisationsService;
      outbox: OutboxService;
      secrets: SecretBox;
      publicUrl: string;
    },
  ) {}

  async inviteCarer(actor: SignedInActor, input: { email?: unknown }): Promise<Created> {
    if (!actor.familyId) throw forbidden();
    return this.invite(
      actor,
      input.email,
      'CARER',
      { family: actor.familyId },
      "share looking after your family's information",
    );
  }

  async inviteYoungPerson(
    actor: SignedInActor,
    input: { childId?: unknown; email?: unknown },
  ): Promise<Created> {
    const child = await this.deps.families.loadForChange(actor, String(input.childId ?? ''));
    const age = ageOn(child.dateOfBirth, londonToday());
    if (age < YOUNG_PERSON_MIN_AGE) {
      return {
        userErrors: [
          {
            field: ['input', 'childId'],
            message: `Young people can have their own account from ${YOUNG_PERSON_MIN_AGE}. ${child.firstName} is ${age}.`,
            code: 'TOO_YOUNG',
          },
        ],
        invitation: null,
      };
    }
    return this.invite(
      actor,
      input.email,
      'YOUNG_PERSON',
      { family: String(child.family), child: String(child._id) },
      'look after your own information',
    );
  }

  async inviteMember(
    actor: SignedInActor,
    input: { organisationId?: unknown; email?: unknown },
  ): Promise<Created> {
    const organisationId = String(input.organisationId ?? '');
    if (!organisationManage(actor, organisationId))
      throw forbidden('Only an owner of the organisation can invite people to it');
    const [organisation] = await this.deps.organisations.byIds([organisationId]);
    if (!organisation) throw forbidden('Only an owner of the organisation can invite people to it');
    if (organisation.kind === 'COMMISSIONER' && actor.role !== 'ADMIN')
      throw forbidden('Only an administrator can add commissioners');
    const kind: InvitationKind = organisation.kind === 'COMMISSIONER' ? 'COMMISSIONER' : 'STAFF';
    const totpSecretSealed =
      kind === 'COMMISSIONER' ? this.deps.secrets.seal(newTotpSecret()) : undefined;
    return this.invite(
      actor,
      input.email,
      kind,
      { organisation: organisationId, totpSecretSealed },
      `join ${organisation.name}`,
    );
  }

  private async invite(
    actor: SignedInActor,
    email: unknown,
    kind: InvitationKind,
    links: { family?: string; child?: string; organisation?: string; totpSecretSealed?: string },
    purpose: string,
  ): Promise<Created> {
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success)
      return { userErrors: userErrorsFromZod(parsed.error, ['input', 'email']), invitation: null };
    const token = newToken();
    const expiresAt = new Date(Date.now() + LIFETIME_MS);
    await InvitationModel.create({
      _id: hashToken(token),
      kind,
      email: parsed.data,
      invitedBy: actor.accountId,
      inviterName: actor.displayName,
      expiresAt,
      ...links,
    });
    await this.deps.outbox.send(parsed.data, {
      template: 'INVITATION',
      inviter: actor.displayName,
      purpose,
      link: `${this.deps.publicUrl}/invitation?token=${token}`,
    });
    return { userErrors: [], invitation: { email: parsed.data, kind, expiresAt } };
  }

  private async pending(token: unknown) {
    if (typeof token !== 'string' || token.length < 20 || token.length > 100) return null;
    const invitation = await InvitationModel.findById(hashToken(token)).lean();
    if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) return null;
    return invitation;
  }

  async describe(token: unknown): Promise<InvitationView | null> {
    const invitation = await this.pending(token);
    if (!invitation) return null;
    const [organisation] = invitation.organisation
      ? await this.deps.organisations.byIds([String(invitation.organisation)])
      : [];
    const totpSecret = invitation.totpSecretSealed
      ? this.deps.secrets.open(invitation.totpSecretSealed)
      : null;
    return {
      kind: invitation.kind as InvitationKind,
      email: invitation.email,
      inviterName: invitation.inviterName,
      organisationName: organisation?.name ?? null,
      totpSecret,
      totpUri: totpSecret ? totpUri(totpSecret, invitation.email) : null,
      expiresAt: invitation.expiresAt,
    };
  }

  /**
   * Accepts an invitation. Someone new gets an account (the emailed link proves the address);
   * a family member already signed in with the invited address joins the family.
   */
  async accept(
    actor: Actor,
    input: { token?: unknown; displayName?: unknown; password?: unknown; totp?: unknown },
  ): Promise<{ userErrors: UserError[]; account: AccountView | null }> {
    const tokenError = {
      userErrors: [{ field: ['input', 'token'], message: INVALID, code: 'INVALID_TOKEN' }],
      account: null,
    };
    const invitation = await this.pending(input.token);
    if (!invitation) return tokenError;
    const kind = invitation.kind as InvitationKind;

    const existing = await this.deps.accounts.accountByEmail(invitation.email);
    if (existing) {
      const signedInAsInvitee = actor.kind === 'account' && actor.accountId === existing.id;
      if (!signedInAsInvitee || kind !== 'CARER' || existing.role !== 'FAMILY') {
        return {
          userErrors: [
            {
              field: ['input', 'token'],
              message:
                'You already have an account with this email address: sign in as that account, then open the invitation link again',
              code: 'ACCOUNT_EXISTS',
            },
          ],
          account: null,
        };
      }
      if (
        existing.familyId &&
        existing.familyId !== String(invitation.family) &&
        (await this.deps.families.childCount(existing.familyId)) > 0
      ) {
        return {
          userErrors: [
            {
              field: ['input', 'token'],
              message:
                'Your account already has children in its own family. Ask the person who invited you to use another email address for you.',
              code: 'FAMILY_NOT_EMPTY',
            },
          ],
          account: null,
        };
      }
      if (!(await this.spend(invitation._id))) return tokenError;
      await this.deps.accounts.joinFamily(existing.id, String(invitation.family));
      await this.deps.families.addCarer(String(invitation.family), existing.id);
      return { userErrors: [], account: await this.deps.accounts.accountById(existing.id) };
    }

    if (kind === 'COMMISSIONER') {
      const secret = invitation.totpSecretSealed
        ? this.deps.secrets.open(invitation.totpSecretSealed)
        : '';
      if (typeof input.totp !== 'string' || totpStep(secret, input.totp.trim()) === null) {
        return {
          userErrors: [
            {
              field: ['input', 'totp'],
              message:
                'Add Harbour to your authenticator app, then enter the 6-digit code it shows',
              code: 'TOTP_REQUIRED',
            },
          ],
          account: null,
        };
      }
    }
    const problems = this.deps.accounts.newAccountProblems(
      invitation.email,
      input.password,
      input.displayName,
    );
    if (problems.length) return { userErrors: problems, account: null };
    if (!(await this.spend(invitation._id))) return tokenError;
    const created = await this.deps.accounts.createInvitedAccount({
      email: invitation.email,
      password: input.password,
      displayName: input.displayName,
      role: ROLE_FOR[kind],
      familyId: invitation.family ? String(invitation.family) : null,
      childId: invitation.child ? String(invitation.child) : null,
      totpSecretSealed: invitation.totpSecretSealed,
    });
    if (!created.account) return created;
    const accountId = created.account.id;
    if (kind === 'CARER') await this.deps.families.addCarer(String(invitation.family), accountId);
    if (kind === 'YOUNG_PERSON')
      await this.deps.families.linkYoungPerson(String(invitation.child), accountId);
    if (kind === 'STAFF')
      await this.deps.organisations.addMember(String(invitation.organisation), accountId, 'STAFF');
    if (kind === 'COMMISSIONER')
      await this.deps.organisations.addMember(String(invitation.organisation), accountId, 'MEMBER');
    return created;
  }

  private async spend(id: string): Promise<boolean> {
    if (!(await spendOnce(`invitation:${id}`))) return false;
    await InvitationModel.updateOne({ _id: id }, { $set: { acceptedAt: new Date() } });
    return true;
  }
}
