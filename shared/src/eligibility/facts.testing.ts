import type { EligibilityFacts } from './evaluate';

/** Tests' child: Sam, 7 on 25 November 2026, autistic, in Exeter, with no plan or assessment. */
export function childFacts(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    name: 'Sam',
    dateOfBirth: '2019-05-14',
    homePostcode: 'EX4',
    district: 'Exeter',
    needs: ['AUTISM'],
    diagnosis: 'DIAGNOSED',
    ehcPlan: 'NO',
    socialCareAssessment: 'NONE',
    assessedTier: null,
    budgetHolder: 'NONE',
    supportNeeded: 'GROUP',
    communication: ['SPOKEN'],
    mobility: [],
    health: [],
    ...overrides,
  };
}
