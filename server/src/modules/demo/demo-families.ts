import { DISTRICTS, londonToday, NEED_CODES } from '@harbour/shared';
import { Types } from 'mongoose';
import type { Config } from '../../platform/config';
import type { Services } from '../../services';

const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Cara',
  'Dev',
  'Eli',
  'Fern',
  'Gus',
  'Hana',
  'Isla',
  'Jack',
  'Kai',
  'Lola',
  'Max',
  'Nell',
  'Oscar',
  'Pip',
  'Quinn',
  'Rosa',
  'Seb',
  'Tia',
  'Umar',
  'Vera',
  'Wren',
  'Zac',
];
const LAST_NAMES = ['Ashdown', 'Brook', 'Combe', 'Dart', 'Exley', 'Fowey', 'Holne', 'Lydford'];
const SPECIALIST_NEEDS = [
  'SEVERE_LEARNING_DIFFICULTY',
  'PROFOUND_MULTIPLE_LEARNING_DIFFICULTY',
  'PHYSICAL_DISABILITY',
  'COMPLEX_HEALTH_NEEDS',
];

/**
 * Fictional families beyond the fixed demo sign-ins, so that commissioners' counts (the
 * preview of a change of rules, families by age band) have something to count: children of
 * every age to 25 across Devon, Plymouth and Torbay, with needs, plans and assessments that
 * land in each tier. Each family has an account, family-001@demo.harbour.test and so on, with
 * the demo password. The same `count` always makes the same families.
 */
export async function seedDemoFamilies(
  config: Config,
  services: Services,
  count: number,
): Promise<void> {
  let state = 2026;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const towns = DISTRICTS.flatMap((district) => district.towns);
  const [thisYear] = londonToday().split('-').map(Number) as [number];

  for (let n = 1; n <= count; n += 1) {
    const email = `family-${String(n).padStart(3, '0')}@demo.harbour.test`;
    const lastName = pick(LAST_NAMES);
    let account = await services.accounts.accountByEmail(email);
    if (!account) {
      const created = await services.accounts.createInvitedAccount({
        email,
        password: config.demo.password,
        displayName: `${pick(FIRST_NAMES)} ${lastName} (demo)`,
        role: 'FAMILY',
        familyId: String(new Types.ObjectId()),
        totpSecretSealed: null,
      });
      if (!created.account)
        throw new Error(`demo family ${email}: ${created.userErrors[0]?.message}`);
      account = created.account;
    }
    if (!account.familyId) continue;
    await services.families.ensureFamily(account.familyId, account.id);
    const carer = await services.accounts.actorFor(account.id, 'demo-seed');
    if (!carer || ((await services.families.family(carer))?.children.length ?? 0) > 0) continue;

    const children = random() < 0.3 ? 2 : 1;
    for (let c = 0; c < children; c += 1) {
      const age = 1 + Math.floor(random() * 24);
      const dateOfBirth = `${thisYear - age - 1}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const { child } = await services.families.addChild(carer, {
        firstName: pick(FIRST_NAMES),
        lastName,
        dateOfBirth,
      });
      if (!child) continue;
      const complex = random() < 0.3;
      // Children with complex needs have mostly had an assessment already.
      const assessed = complex ? 0.5 + random() * 0.5 : random();
      await services.families.updateProfile(carer, {
        childId: child.id,
        homePostcode: pick(pick(towns).postcodes),
        needs: complex ? [pick(SPECIALIST_NEEDS), pick(NEED_CODES)] : [pick(NEED_CODES)],
        diagnosis: random() < 0.85 ? 'DIAGNOSED' : 'AWAITING',
        ehcPlan: complex || random() < 0.3 ? 'YES' : random() < 0.2 ? 'BEING_ASSESSED' : 'NO',
        socialCareAssessment: assessed < 0.45 ? 'NONE' : assessed < 0.55 ? 'REQUESTED' : 'ASSESSED',
        ...(assessed >= 0.55 ? { assessedTier: complex ? 'SPECIALIST' : 'TARGETED' } : {}),
        budgetHolder: pick(['NONE', 'NONE', 'FAMILY', 'COUNCIL']),
        supportNeeded: complex ? pick(['ONE_TO_ONE', 'TWO_TO_ONE']) : 'GROUP',
      });
    }
  }
}
