import { NEED_CODES } from '../vocabularies/needs';
import type { Criterion, RuleSet } from './rule-set';

/** Devon County Council's area: Plymouth and Torbay are unitary councils with their own offer. */
export const DEVON_COUNCIL_DISTRICTS = [
  'East Devon',
  'Exeter',
  'Mid Devon',
  'North Devon',
  'South Hams',
  'Teignbridge',
  'Torridge',
  'West Devon',
];

const ADULT_ROUTE =
  'From 18, adult social care can assess a young person’s needs (a Care Act assessment): ask the transitions team';

/** Devon's short-break duty covers disabled children aged 0–17. */
const UNDER_18: Criterion = { field: 'age', min: 0, max: 17, ifNotMet: ADULT_ROUTE };

const LIVES_IN_DEVON: Criterion = {
  field: 'district',
  oneOf: DEVON_COUNCIL_DISTRICTS,
  ifNotMet: 'Plymouth and Torbay councils publish their own short breaks offer',
};

/**
 * A Devon-like short breaks statement (tiers as published on Devon's Local Offer), used for
 * the demo data and as the specification the evaluator's table tests are written against.
 */
export const DEVON_LIKE_STATEMENT: RuleSet = {
  name: 'Devon short breaks statement',
  tiers: [
    {
      code: 'UNIVERSAL',
      name: 'Universal',
      summary: 'Clubs, activities and holiday schemes any child or young person can join.',
      howToGetIt: 'Book directly with the provider.',
      criteria: [],
    },
    {
      code: 'UNIVERSAL_PLUS',
      name: 'Universal+',
      summary:
        'Inclusive clubs and holiday schemes with extra support for disabled children, which parents book directly without an assessment.',
      howToGetIt: 'Book directly: no assessment or referral is needed.',
      criteria: [UNDER_18, { field: 'needs', anyOf: [...NEED_CODES] }, LIVES_IN_DEVON],
    },
    {
      code: 'TARGETED',
      name: 'Targeted support',
      summary:
        'Regular short breaks, sitting and support at home, funded after a council assessment of the family’s needs.',
      howToGetIt:
        'Ask Devon’s children’s social care for a short breaks assessment (0345 155 1071, or through your child’s school).',
      criteria: [
        UNDER_18,
        { field: 'needs', anyOf: [...NEED_CODES] },
        LIVES_IN_DEVON,
        {
          field: 'assessedTier',
          oneOf: ['TARGETED', 'SPECIALIST'],
          ifNotMet: 'Ask Devon’s children’s social care for a short breaks assessment',
        },
      ],
    },
    {
      code: 'SPECIALIST',
      name: 'Specialist support',
      summary:
        'Overnight short breaks and intensive support for children with the most complex needs, through the disabled children’s social work team.',
      howToGetIt:
        'Talk to your child’s social worker, or ask for a referral to the disabled children’s social work team.',
      criteria: [
        UNDER_18,
        {
          field: 'needs',
          anyOf: [
            'AUTISM',
            'SEVERE_LEARNING_DIFFICULTY',
            'PROFOUND_MULTIPLE_LEARNING_DIFFICULTY',
            'BEHAVIOUR_THAT_CHALLENGES',
            'MULTI_SENSORY_IMPAIRMENT',
            'PHYSICAL_DISABILITY',
            'COMPLEX_HEALTH_NEEDS',
          ],
        },
        LIVES_IN_DEVON,
        { field: 'ehcPlan', oneOf: ['YES'] },
        {
          field: 'assessedTier',
          oneOf: ['SPECIALIST'],
          ifNotMet: 'Ask for a referral to the disabled children’s social work team',
        },
      ],
    },
  ],
  services: {
    checks: ['SERVICE_AGE', 'SERVICE_NEEDS', 'SUPPORT_RATIO', 'STAFF_SKILLS', 'REGISTRATION'],
    tierRequirements: [
      { serviceTypes: ['OVERNIGHT_SHORT_BREAK'], tier: 'SPECIALIST' },
      { serviceTypes: ['HOME_SUPPORT', 'SITTING_BEFRIENDING', 'DAY_CARE'], tier: 'TARGETED' },
      {
        serviceTypes: ['HOLIDAY_SCHEME', 'AFTER_SCHOOL_CLUB', 'WEEKEND_CLUB'],
        tier: 'UNIVERSAL_PLUS',
      },
    ],
  },
};
