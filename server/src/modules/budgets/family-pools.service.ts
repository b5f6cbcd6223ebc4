import { budgetYearOf, formatMoney, pence } from '@harbour/shared';
import { Types } from 'mongoose';
import { z } from 'zod';
import { userErrorsFromZod, withoutNulls, type UserError } from '../../graphql/user-errors';
import type { SignedInActor } from '../access/actor';
import type { AccountsService } from '../accounts/accounts.service';
import type { DirectoryService } from '../directory/directory.service';
import type { FamiliesService } from '../families/families.service';
import type { LedgerService } from '../ledger/ledger.service';
import type { BudgetsService, FundView } from './budgets.service';
import { FundModel, personalFundId, type StoredFund } from './fund.model';

export interface FamilyPoolsDeps {
  ledger: LedgerService;
  families: FamiliesService;
  accounts: Pick<AccountsService, 'accountById'>;
  directory: Pick<DirectoryService, 'allListings'>;
  budgets: BudgetsService;
}

const amount = z
  .number({ error: 'Enter an amount' })
  .int('Amounts are whole pence')
  .positive('Each share must be more than £0')
  .max(1_000_000, 'A share is at most £10,000');

const createInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(3, 'Enter a name for the pool, like “Saturday swimming group”')
    .max(120),
  serviceId: z.string().min(1, 'Choose the activity the pool pays for'),
  totalPence: amount.max(5_000_000, 'A family pool is at most £50,000'),
  childId: z.string(),
  sharePence: amount,
  invites: z
    .array(
      z.strictObject({
        email: z.email({ error: 'Enter each family’s email address' }),
        sharePence: amount,
      }),
    )
    .min(1, 'Invite at least one other family')
    .max(11, 'A family pool has at most 12 families'),
});

const error = (field: string[] | null, message: string, code: string): UserError => ({
  field,
  message,
  code,
});

/**
 * Family pools: several families agree shares of a group activity's cost; each family's
 * share moves from its child's personal budget into the pool when that family consents
 * (the organiser's on creating it), and the pool then pays for its children's bookings of
 * that activity before their own budgets do.
 */
export class FamilyPoolsService {
  constructor(private readonly deps: FamilyPoolsDeps) {}

  async create(actor: SignedInActor, input: unknown) {
    const parsed = createInput.safeParse(withoutNulls(input));
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), account: null };
    const { name, serviceId, totalPence, childId, sharePence, invites } = parsed.data;
    const shares = sharePence + invites.reduce((sum, invite) => sum + invite.sharePence, 0);
    if (shares !== totalPence) {
      return {
        userErrors: [
          error(
            ['input', 'invites'],
            `The shares add up to ${formatMoney(pence(shares))}, not the ${formatMoney(pence(totalPence))} the pool is for: change a share or the total`,
            'SHARES_DO_NOT_ADD_UP',
          ),
        ],
        account: null,
      };
    }
    const listings = await this.deps.directory.allListings();
    if (!listings.some((listing) => listing.serviceId === serviceId)) {
      return {
        userErrors: [
          error(['input', 'serviceId'], 'There is no listed activity with this id', 'NOT_FOUND'),
        ],
        account: null,
      };
    }
    const child = await this.ownChild(actor, childId);
    if (!child)
      return {
        userErrors: [
          error(['input', 'childId'], 'There is no child with this id in your family', 'NOT_FOUND'),
        ],
        account: null,
      };
    const year = budgetYearOf().startYear;
    const id = new Types.ObjectId().toHexString();
    await FundModel.create({
      _id: id,
      kind: 'FAMILY_POOL',
      name,
      year,
      source: 'POOLED',
      family: actor.familyId,
      serviceIds: [serviceId],
      shares: [],
      invites: invites.map((invite) => ({
        email: invite.email.toLowerCase(),
        sharePence: invite.sharePence,
      })),
      createdBy: actor.accountId,
    });
    const joined = await this.contribute(actor, id, child, sharePence);
    if (joined) {
      await FundModel.deleteOne({ _id: id });
      return { userErrors: [joined], account: null };
    }
    return { userErrors: [], account: await this.deps.budgets.viewOf(id) };
  }

  /** Pools the caller's family has been invited to and has not joined yet. */
  async invitations(actor: SignedInActor): Promise<(FundView & { sharePence: number })[]> {
    const account = await this.deps.accounts.accountById(actor.accountId);
    if (!account) return [];
    const pools = (await FundModel.find({
      kind: 'FAMILY_POOL',
      'invites.email': account.email.toLowerCase(),
    }).lean()) as unknown as StoredFund[];
    const views = await Promise.all(
      pools.map(async (pool) => {
        const view = await this.deps.budgets.viewOf(pool._id);
        const invite = pool.invites?.find((i) => i.email === account.email.toLowerCase());
        return view ? [{ ...view, sharePence: invite?.sharePence ?? 0 }] : [];
      }),
    );
    return views.flat();
  }

  /** An invited family consents: its share moves from its child's personal budget. */
  async join(actor: SignedInActor, input: { poolId?: unknown; childId?: unknown }) {
    const account = await this.deps.accounts.accountById(actor.accountId);
    const pool = (await FundModel.findById(
      String(input.poolId ?? ''),
    ).lean()) as unknown as StoredFund | null;
    const invite = pool?.invites?.find((i) => i.email === account?.email.toLowerCase());
    if (!pool || !invite) {
      return {
        userErrors: [
          error(
            ['input', 'poolId'],
            'There is no family pool you have been invited to with this id',
            'NOT_FOUND',
          ),
        ],
        account: null,
      };
    }
    const child = await this.ownChild(actor, String(input.childId ?? ''));
    if (!child)
      return {
        userErrors: [
          error(['input', 'childId'], 'There is no child with this id in your family', 'NOT_FOUND'),
        ],
        account: null,
      };
    const refused = await this.contribute(actor, pool._id, child, invite.sharePence ?? 0);
    if (refused) return { userErrors: [refused], account: null };
    // The whole list is set ($pull with a condition is not in FerretDB v1's common ground).
    await FundModel.updateOne(
      { _id: pool._id },
      { $set: { invites: (pool.invites ?? []).filter((i) => i.email !== invite.email) } },
    );
    return { userErrors: [], account: await this.deps.budgets.viewOf(pool._id) };
  }

  private async ownChild(actor: SignedInActor, childId: string) {
    const child = await this.deps.families.childForBudget(childId);
    return child && actor.role === 'FAMILY' && child.familyId === actor.familyId ? child : null;
  }

  /** Moves a family's share into the pool, once per child; a reason if it cannot. */
  private async contribute(
    actor: SignedInActor,
    poolId: string,
    child: { id: string; firstName: string; familyId: string },
    sharePence: number,
  ): Promise<UserError | null> {
    const budget = personalFundId('PERSONAL_BUDGET', child.id, budgetYearOf().startYear);
    const outcome = await this.deps.ledger.post({
      key: `pool-share:${poolId}:${child.id}`,
      reason: 'POOL_CONTRIBUTION',
      postings: [
        { account: `fund:${budget}`, amountPence: -sharePence },
        { account: `fund:${poolId}`, amountPence: sharePence },
      ],
      memo: `${child.firstName}’s share of a family pool`,
      actor: { kind: 'FAMILY', account: actor.accountId },
      funds: [budget, poolId],
      child: child.id,
    });
    if (!outcome.ok) {
      return error(
        ['input', 'childId'],
        outcome.code === 'INSUFFICIENT_FUNDS'
          ? `${child.firstName}’s personal budget has ${formatMoney(pence(outcome.availablePence))} left, not the ${formatMoney(pence(sharePence))} share`
          : outcome.message,
        'NOT_FUNDED',
      );
    }
    await FundModel.updateOne(
      { _id: poolId },
      {
        $push: {
          shares: {
            family: child.familyId,
            child: child.id,
            childName: child.firstName,
            sharePence,
            fromFund: budget,
            consentedAt: new Date(),
          },
        },
      },
    );
    return null;
  }
}
