import { londonToday } from '@harbour/shared';
import { ChildModel, FamilyModel } from '../families/family.model';
import { SearchGapModel } from './insights.model';

/** Where the demo's commissioners should see a gap: enough children in one cell to show. */
const CLUSTERS = [
  {
    district: 'Torridge',
    postcode: 'EX39 1AA',
    need: 'AUTISM',
    age: 9,
    count: 12,
    tier: 'TARGETED',
  },
  {
    district: 'North Devon',
    postcode: 'EX31 1AA',
    need: 'SEVERE_LEARNING_DIFFICULTY',
    age: 17,
    count: 9,
    tier: 'SPECIALIST',
  },
  {
    district: 'Teignbridge',
    postcode: 'TQ12 1AA',
    need: 'ADHD',
    age: 13,
    count: 7,
    tier: 'TARGETED',
  },
];

/**
 * Fictional households whose children cluster where Devon's short breaks run thin, so the
 * demo's gap map has gaps big enough to show (a cell of fewer than 5 children never shows),
 * and searches that found nothing. The households have no sign-in; their children's names
 * are never shown in insights, which count only.
 */
export async function seedDemoInsights(): Promise<void> {
  const [year, month] = londonToday().split('-').map(Number) as [number, number];
  for (const cluster of CLUSTERS) {
    for (let n = 0; n < cluster.count; n += 1) {
      const family = await FamilyModel.create({ carers: [] });
      const birthMonth = ((month + n) % 12) + 1;
      const bornYear = year - cluster.age - (birthMonth >= month ? 1 : 0);
      await ChildModel.create({
        family: family._id,
        firstName: 'Demo',
        lastName: `Household ${n + 1}`,
        dateOfBirth: `${bornYear}-${String(birthMonth).padStart(2, '0')}-01`,
        profile: {
          district: cluster.district,
          homePostcode: cluster.postcode,
          needs: [cluster.need],
          assessedTier: cluster.tier,
        },
      });
    }
  }
  const today = new Date(`${londonToday()}T00:00:00Z`);
  for (let n = 0; n < 6; n += 1) {
    await SearchGapModel.create({
      at: today,
      district: 'Torridge',
      need: 'AUTISM',
      ageBand: '5-10',
      serviceType: 'OVERNIGHT_SHORT_BREAK',
      results: 0,
    });
  }
}
