import type { SignedInActor } from '../access/actor';
import type { Services } from '../../services';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { FundModel } from './fund.model';

const POOL_NAME = 'Devon short breaks pooled fund (section 75, demo)';

/**
 * The demo world's money: the demo children's personal budgets (Riley's health budget pays
 * for overnight breaks only), the section 75 pooled fund with money in it for children at
 * the targeted and specialist tiers, and budgets for the other demo families' children, one
 * of them too small for the session booked, so that booking waits for a card payment.
 * Applied before the demo bookings, which are then funded through the ledger as any booking.
 */
export async function seedDemoBudgets(services: Services): Promise<void> {
  const commissioner = await actorOf(services, DEMO_ACCOUNTS.commissioner);
  if (!commissioner) return;
  const allocate = (childId: string, amountPence: number, extra: Record<string, unknown> = {}) =>
    services.budgets.allocate(commissioner, {
      childId,
      kind: 'PERSONAL_BUDGET',
      amountPence,
      heldAs: 'COUNCIL_HELD',
      idempotencyKey: `demo-${childId}-${String(extra.kind ?? 'pb')}`,
      ...extra,
    });

  for (const [email, budgets] of [
    [DEMO_ACCOUNTS.parent, { Sam: 60_000, Riley: 30_000 }],
    [DEMO_ACCOUNTS.parent2, { Alex: 150_000 }],
  ] as const) {
    const children = await childrenOf(services, email);
    for (const [name, amountPence] of Object.entries(budgets)) {
      const childId = children.get(name);
      if (childId) await allocate(childId, amountPence);
    }
    const riley = children.get('Riley');
    if (riley) {
      await allocate(riley, 80_000, {
        kind: 'PERSONAL_HEALTH_BUDGET',
        rules: { serviceTypes: ['OVERNIGHT_SHORT_BREAK'] },
      });
    }
  }

  if (!(await FundModel.exists({ kind: 'POOLED_FUND', name: POOL_NAME }))) {
    await services.budgets.createPooledFund(commissioner, {
      name: POOL_NAME,
      totalPence: 25_000_000,
      perChildCapPence: 30_000,
      tiers: ['TARGETED', 'SPECIALIST'],
    });
  }

  // Sam's and Alex's families share a Saturday group at Sunrise Play.
  const parent = await actorOf(services, DEMO_ACCOUNTS.parent);
  const parent2 = await actorOf(services, DEMO_ACCOUNTS.parent2);
  const provider = await actorOf(services, DEMO_ACCOUNTS.provider);
  const sunrise = provider?.ownedOrganisationIds[0];
  const activity = (await services.directory.allListings()).find(
    (listing) => listing.organisationId === sunrise && listing.funding.includes('PERSONAL_BUDGET'),
  );
  const sam = (await childrenOf(services, DEMO_ACCOUNTS.parent)).get('Sam');
  const alex = (await childrenOf(services, DEMO_ACCOUNTS.parent2)).get('Alex');
  if (
    parent &&
    parent2 &&
    activity &&
    sam &&
    alex &&
    !(await FundModel.exists({ kind: 'FAMILY_POOL' }))
  ) {
    const created = await services.familyPools.create(parent, {
      name: 'Saturday group for Sam and Alex (demo)',
      serviceId: activity.serviceId,
      totalPence: 12_000,
      childId: sam,
      sharePence: 6_000,
      invites: [{ email: DEMO_ACCOUNTS.parent2, sharePence: 6_000 }],
    });
    if (created.account) {
      await services.familyPools.join(parent2, { poolId: created.account.id, childId: alex });
    }
  }

  // The other demo families: most children have a budget; family-003's is nearly spent.
  for (let n = 1; n <= 20; n += 1) {
    const email = `family-${String(n).padStart(3, '0')}@demo.harbour.test`;
    const [childId] = (await childrenOf(services, email)).values();
    if (!childId || n % 5 === 0) continue;
    await allocate(childId, n === 3 ? 500 : 20_000 + n * 2_500);
  }
}

async function actorOf(services: Services, email: string): Promise<SignedInActor | null> {
  const account = await services.accounts.accountByEmail(email);
  return account ? services.accounts.actorFor(account.id, 'demo-seed') : null;
}

async function childrenOf(services: Services, email: string): Promise<Map<string, string>> {
  const actor = await actorOf(services, email);
  if (!actor) return new Map();
  const family = await services.families.family(actor);
  return new Map((family?.children ?? []).map((c) => [c.firstName, c.id]));
}
