import { organisationNameSchema } from '@harbour/shared';
import { Types } from 'mongoose';
import { z } from 'zod';
import { userErrorsFromZod, type UserError } from '../../graphql/user-errors';
import type { SignedInActor } from '../access/actor';
import { forbidden } from '../access/authorize';
import { organisationAccess } from '../access/policy';
import {
  MembershipListModel,
  OrganisationModel,
  ORGANISATION_KINDS,
  VERIFICATION_STATUSES,
} from './organisation.model';
import { canPublish } from './organisations.rules';

export interface OrganisationView {
  id: string;
  name: string;
  kind: (typeof ORGANISATION_KINDS)[number];
  verificationStatus: 'UNVERIFIED' | 'VERIFIED' | 'REJECTED';
  canPublish: boolean;
  /** The Stripe Connect account payouts go to, if the provider has one. */
  payoutAccount: string | null;
}

export interface Membership {
  organisationId: string;
  role: 'OWNER' | 'STAFF' | 'MEMBER';
}

const createSchema = z.object({
  name: organisationNameSchema,
  kind: z.enum(ORGANISATION_KINDS, { error: 'Choose PROVIDER or COMMISSIONER' }),
});

type Stored = {
  _id: Types.ObjectId;
  name: string;
  kind: string;
  verificationStatus: string;
  payoutAccount?: string | null;
};

function toView(organisation: Stored): OrganisationView {
  return {
    id: String(organisation._id),
    name: organisation.name,
    kind: organisation.kind as OrganisationView['kind'],
    verificationStatus: organisation.verificationStatus as OrganisationView['verificationStatus'],
    canPublish: canPublish(organisation),
    payoutAccount: organisation.payoutAccount ?? null,
  };
}

/** Provider and commissioner organisations and who belongs to them. */
export class OrganisationsService {
  async membershipsOf(accountId: string): Promise<Membership[]> {
    const list = await MembershipListModel.findById(accountId).lean();
    return (list?.memberships ?? []).map((membership) => ({
      organisationId: String(membership.organisation),
      role: membership.role as Membership['role'],
    }));
  }

  /** Rewrites an account's membership list from the organisations (the source of truth). */
  async refreshMemberships(accountId: string): Promise<void> {
    const organisations = await OrganisationModel.find({ 'members.account': accountId }).lean();
    const memberships = organisations.flatMap((organisation) =>
      organisation.members
        .filter((member) => String(member.account) === accountId)
        .map((member) => ({ organisation: organisation._id, role: member.role })),
    );
    await MembershipListModel.updateOne(
      { _id: accountId },
      { $set: { memberships } },
      { upsert: true },
    );
  }

  async create(
    actor: SignedInActor,
    input: unknown,
  ): Promise<{ userErrors: UserError[]; organisation: OrganisationView | null }> {
    const parsed = createSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), organisation: null };
    if (actor.role === 'PROVIDER' && parsed.data.kind !== 'PROVIDER') {
      return {
        userErrors: [
          {
            field: ['input', 'kind'],
            message: 'Providers can only create provider organisations',
            code: 'NOT_ALLOWED',
          },
        ],
        organisation: null,
      };
    }
    if (actor.role === 'PROVIDER') {
      const organisation = await this.createOwnedProvider(actor.accountId, parsed.data.name);
      return { userErrors: [], organisation };
    }
    const organisation = await OrganisationModel.create(parsed.data);
    return { userErrors: [], organisation: toView(organisation) };
  }

  /** An organisation its members (or an admin) may see; FORBIDDEN otherwise, found or not. */
  async get(actor: SignedInActor, id: string): Promise<OrganisationView> {
    if (!Types.ObjectId.isValid(id) || !organisationAccess(actor, id)) throw forbidden();
    const organisation = await OrganisationModel.findById(id).lean();
    if (!organisation) throw forbidden();
    return toView(organisation);
  }

  /** For links between families and providers (consent): any provider, by id. */
  async findProvider(id: string): Promise<OrganisationView | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const organisation = await OrganisationModel.findOne({ _id: id, kind: 'PROVIDER' }).lean();
    return organisation ? toView(organisation) : null;
  }

  /**
   * A few organisations by id. One `_id` lookup each, because FerretDB answers those from its
   * primary key but reads every organisation for `$in`; the lists here are short.
   */
  async setPayoutAccount(organisationId: string, account: string): Promise<void> {
    await OrganisationModel.updateOne(
      { _id: organisationId },
      { $set: { payoutAccount: account } },
    );
  }

  async byIds(ids: readonly string[]): Promise<OrganisationView[]> {
    const unique = [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id));
    const found = await Promise.all(unique.map((id) => OrganisationModel.findById(id).lean()));
    return found.flatMap((organisation) => (organisation ? [toView(organisation)] : []));
  }

  async list(filter: { verificationStatus?: string | null }): Promise<OrganisationView[]> {
    const status = VERIFICATION_STATUSES.find((value) => value === filter.verificationStatus);
    const organisations = await OrganisationModel.find(status ? { verificationStatus: status } : {})
      .sort({ createdAt: 1 })
      .limit(500)
      .lean();
    return organisations.map(toView);
  }

  async verify(
    actor: SignedInActor,
    input: { organisationId?: unknown; decision?: unknown },
  ): Promise<{ userErrors: UserError[]; organisation: OrganisationView | null }> {
    const id = String(input.organisationId ?? '');
    if (input.decision !== 'VERIFIED' && input.decision !== 'REJECTED') {
      return {
        userErrors: [
          { field: ['input', 'decision'], message: 'Choose VERIFIED or REJECTED', code: 'INVALID' },
        ],
        organisation: null,
      };
    }
    const organisation = Types.ObjectId.isValid(id)
      ? await OrganisationModel.findOneAndUpdate(
          { _id: id, kind: 'PROVIDER' },
          {
            $set: {
              verificationStatus: input.decision,
              verifiedBy: actor.accountId,
              verifiedAt: new Date(),
            },
          },
          { returnDocument: 'after' },
        ).lean()
      : null;
    if (!organisation) {
      return {
        userErrors: [
          {
            field: ['input', 'organisationId'],
            message: 'There is no provider organisation with this id',
            code: 'NOT_FOUND',
          },
        ],
        organisation: null,
      };
    }
    return { userErrors: [], organisation: toView(organisation) };
  }

  /** A provider organisation its new owner signed up with: unverified until an admin checks it. */
  async createOwnedProvider(ownerAccountId: string, name: string): Promise<OrganisationView> {
    const organisation = await OrganisationModel.create({
      name,
      kind: 'PROVIDER',
      members: [{ account: ownerAccountId, role: 'OWNER' }],
    });
    await this.refreshMemberships(ownerAccountId);
    return toView(organisation);
  }

  /**
   * A provider listed from a trusted source (a regulator's register imported by an admin, or
   * the demo seed): created verified, with no members until someone claims it.
   */
  async createListedProvider(name: string, source: string): Promise<OrganisationView> {
    const organisation = await OrganisationModel.create({
      name,
      kind: 'PROVIDER',
      verificationStatus: 'VERIFIED',
      verifiedAt: new Date(),
      listedFrom: source,
    });
    return toView(organisation);
  }

  async addMember(
    organisationId: string,
    accountId: string,
    role: Membership['role'],
  ): Promise<void> {
    await OrganisationModel.updateOne(
      { _id: organisationId, 'members.account': { $ne: accountId } },
      { $push: { members: { account: accountId, role } } },
    );
    await this.refreshMemberships(accountId);
  }
}
