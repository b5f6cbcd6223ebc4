import {
  BUDGET_HOLDERS,
  COMMUNICATION_METHODS,
  DIAGNOSIS_STATUSES,
  EHC_PLAN_STATUSES,
  HEALTH_NEEDS,
  MOBILITY_NEEDS,
  needLabel,
  SOCIAL_CARE_ASSESSMENT_STATUSES,
  SUPPORT_NEEDED,
} from '@harbour/shared';
import { NotGiven, type SummaryRow } from '../../govuk/SummaryList';
import { fieldName } from '../profile/profileWords';
import type { ProfileFacts, Tier } from './eligibilityApi';

// The facts a check uses read the same wherever they are shown: the checker's answers, a saved
// child's check and their profile.

/** The facts shown as rows; the tier a social care assessment gave is part of its row. */
export type FactField = Exclude<keyof ProfileFacts, 'district' | 'assessedTier'>;

/** The facts as the checker's answers and a saved profile both hold them. */
export type Facts = Pick<ProfileFacts, FactField | 'assessedTier'> & { district?: string | null };

/** A tier's published name, such as "Universal+", for a tier stored as its code. */
export function tierName(code: string, tiers: readonly Tier[]): string {
  return (
    tiers.find((tier) => tier.code === code)?.name ??
    'a tier that is no longer in the council’s rules'
  );
}

/** The published tiers, as the answers to "which tier did social care assess them at?". */
export function tierOptions(tiers: readonly Tier[]) {
  return tiers.map(({ code, name }) => ({ value: code, label: name }));
}

/** One fact as a summary list row. `tiers` names the tier a social care assessment gave. */
export function factRow(field: FactField, facts: Facts, tiers: readonly Tier[]): SummaryRow {
  return { key: fieldName(field), value: factValue(field, facts, tiers) };
}

function factValue(field: FactField, facts: Facts, tiers: readonly Tier[]) {
  switch (field) {
    case 'homePostcode':
      if (!facts.homePostcode) return <NotGiven />;
      return facts.district ? `${facts.homePostcode} (${facts.district})` : facts.homePostcode;
    case 'needs':
      return <Labels codes={facts.needs} label={needLabel} />;
    case 'diagnosis':
      return DIAGNOSIS_STATUSES.label(facts.diagnosis);
    case 'ehcPlan':
      return EHC_PLAN_STATUSES.label(facts.ehcPlan);
    case 'socialCareAssessment': {
      const assessment = SOCIAL_CARE_ASSESSMENT_STATUSES.label(facts.socialCareAssessment);
      return facts.socialCareAssessment === 'ASSESSED' && facts.assessedTier
        ? `${assessment}: ${tierName(facts.assessedTier, tiers)}`
        : assessment;
    }
    case 'supportNeeded':
      return SUPPORT_NEEDED.label(facts.supportNeeded);
    case 'communication':
      return <Labels codes={facts.communication} label={COMMUNICATION_METHODS.label} />;
    case 'mobility':
      return <Labels codes={facts.mobility} label={MOBILITY_NEEDS.label} />;
    case 'health':
      return <Labels codes={facts.health} label={HEALTH_NEEDS.label} />;
    case 'budgetHolder':
      return BUDGET_HOLDERS.label(facts.budgetHolder);
  }
}

/** Codes as their labels, one a line; an empty list is an answer too: none of them. */
function Labels({ codes, label }: { codes: readonly string[]; label: (code: string) => string }) {
  if (codes.length === 0) return <>None selected</>;
  if (codes.length === 1) return <>{codes.map(label)}</>;
  return (
    <ul className="govuk-list">
      {codes.map((code) => (
        <li key={code}>{label(code)}</li>
      ))}
    </ul>
  );
}
