import { DEVON_LIKE_STATEMENT } from '@harbour/shared';
import type { Services } from '../../services';
import type { SignedInActor } from '../access/actor';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { draftInputOf } from './eligibility.rules';

/**
 * The demo's published rules (a Devon-like statement) and children whose profiles land in
 * each tier: Jordan (19) Universal only, Sam Universal+, Alex Targeted, Riley Specialist.
 */
export async function seedDemoEligibility(services: Services): Promise<void> {
  const { accounts, families, ruleSets } = services;
  const signedIn = async (email: string): Promise<SignedInActor> => {
    const account = await accounts.accountByEmail(email);
    const actor = account ? await accounts.actorFor(account.id, 'demo-seed') : null;
    if (!actor) throw new Error(`demo account ${email} is missing: seed accounts first`);
    return actor;
  };

  if (!(await ruleSets.published())) {
    const commissioner = await signedIn(DEMO_ACCOUNTS.commissioner);
    const { ruleSet } = await ruleSets.saveDraft(commissioner, draftInputOf(DEVON_LIKE_STATEMENT));
    if (!ruleSet) throw new Error('the demo rule set was refused');
    const published = await ruleSets.publish(commissioner, ruleSet.id);
    if (!published.ruleSet) throw new Error(`demo rules: ${published.userErrors[0]?.message}`);
  }

  const parent = await signedIn(DEMO_ACCOUNTS.parent);
  const parent2 = await signedIn(DEMO_ACCOUNTS.parent2);
  const childrenOf = async (actor: SignedInActor) => (await families.family(actor))?.children ?? [];
  if (!(await childrenOf(parent2)).some((child) => child.firstName === 'Jordan')) {
    await families.addChild(parent2, {
      firstName: 'Jordan',
      lastName: 'Example',
      dateOfBirth: '2007-03-10',
    });
  }

  const profiles: [SignedInActor, string, Record<string, unknown>][] = [
    [
      parent,
      'Sam',
      {
        homePostcode: 'EX4 3SR',
        needs: ['AUTISM', 'SPEECH_LANGUAGE_COMMUNICATION'],
        diagnosis: 'DIAGNOSED',
        communication: ['SPOKEN', 'MAKATON'],
        supportNeeded: 'GROUP',
        whatHelps: 'A quiet space to go to, and a visual timetable for the day.',
        likes: 'Trains, swimming and building dens.',
        dislikes: 'Sudden loud noises and crowded rooms.',
        emergencyContacts: [
          { name: 'Jamie Fictional', relationship: 'Parent', phone: '07700 900123' },
        ],
      },
    ],
    [
      parent,
      'Riley',
      {
        homePostcode: 'EX31 1DU',
        needs: [
          'PROFOUND_MULTIPLE_LEARNING_DIFFICULTY',
          'PHYSICAL_DISABILITY',
          'COMPLEX_HEALTH_NEEDS',
        ],
        diagnosis: 'DIAGNOSED',
        ehcPlan: 'YES',
        socialCareAssessment: 'ASSESSED',
        assessedTier: 'SPECIALIST',
        budgetHolder: 'COUNCIL',
        communication: ['AAC'],
        mobility: ['WHEELCHAIR_USER', 'HOIST'],
        health: ['EPILEPSY_RESCUE_MEDICATION', 'TUBE_FEEDING'],
        supportNeeded: 'TWO_TO_ONE',
        whatHelps: 'Music, and being told what is happening next.',
        likes: 'Sensory rooms and the sea.',
        dislikes: 'Being rushed.',
        emergencyContacts: [
          { name: 'Jamie Fictional', relationship: 'Parent', phone: '07700 900123' },
        ],
      },
    ],
    [
      parent2,
      'Alex',
      {
        homePostcode: 'EX39 2QQ',
        needs: ['ADHD', 'SOCIAL_EMOTIONAL_MENTAL_HEALTH'],
        diagnosis: 'DIAGNOSED',
        ehcPlan: 'YES',
        socialCareAssessment: 'ASSESSED',
        assessedTier: 'TARGETED',
        budgetHolder: 'FAMILY',
        communication: ['SPOKEN'],
        supportNeeded: 'ONE_TO_ONE',
        behaviourSupport: 'Needs warning before changes; calms with a walk outside.',
        likes: 'Football and climbing.',
        dislikes: 'Waiting in queues.',
      },
    ],
    [
      parent2,
      'Jordan',
      {
        homePostcode: 'TQ12 2SH',
        needs: ['AUTISM'],
        diagnosis: 'DIAGNOSED',
        ehcPlan: 'YES',
        socialCareAssessment: 'NONE',
        communication: ['SPOKEN'],
        supportNeeded: 'GROUP',
        likes: 'Cooking and computer games.',
      },
    ],
  ];
  for (const [carer, firstName, profile] of profiles) {
    const child = (await childrenOf(carer)).find((c) => c.firstName === firstName);
    if (!child || (child.profile.needs ?? []).length > 0) continue;
    const { userErrors } = await families.updateProfile(carer, { childId: child.id, ...profile });
    if (userErrors.length)
      throw new Error(`demo profile for ${firstName}: ${userErrors[0]?.message}`);
  }
}
