import {
  BUDGET_HOLDERS,
  COMMUNICATION_METHODS,
  DIAGNOSIS_STATUSES,
  EHC_PLAN_STATUSES,
  HEALTH_NEEDS,
  MOBILITY_NEEDS,
  SOCIAL_CARE_ASSESSMENT_STATUSES,
  SUPPORT_NEEDED,
  type ProfileSection,
} from '@harbour/shared';
import { NotGiven, type SummaryRow } from '../../govuk/SummaryList';
import { Labels, needLabel } from '../eligibility/Labels';
import type { ChildProfile, Tier } from './profileApi';
import { fieldName } from './profileWords';

/** Codes as their labels: "Not given" when there are none, one per line otherwise. */
function answerList(codes: readonly string[], label: (code: string) => string) {
  return <Labels codes={codes} label={label} none={<NotGiven />} />;
}

/** Something the family wrote, kept in the paragraphs they wrote it in. */
function writtenAnswer(text: string) {
  const paragraphs = text.split(/\n+/).filter((paragraph) => paragraph.trim() !== '');
  if (paragraphs.length === 0) return <NotGiven />;
  return paragraphs.map((paragraph, index) => (
    <p key={index} className="govuk-body">
      {paragraph}
    </p>
  ));
}

const row = (field: keyof ChildProfile, value: SummaryRow['value']): SummaryRow => ({
  key: fieldName(field),
  value,
});

/** The answers of one section of a child's profile, as summary list rows. */
export function sectionRows(
  section: ProfileSection,
  profile: ChildProfile,
  tiers: readonly Tier[],
): SummaryRow[] {
  switch (section) {
    case 'NEEDS':
      return [
        row('needs', answerList(profile.needs, needLabel)),
        row('diagnosis', DIAGNOSIS_STATUSES.label(profile.diagnosis)),
        row('supportNeeded', SUPPORT_NEEDED.label(profile.supportNeeded)),
      ];
    case 'COMMUNICATION':
      return [row('communication', answerList(profile.communication, COMMUNICATION_METHODS.label))];
    case 'MOBILITY_AND_HEALTH':
      return [
        row('mobility', answerList(profile.mobility, MOBILITY_NEEDS.label)),
        row('health', answerList(profile.health, HEALTH_NEEDS.label)),
        row('healthNotes', writtenAnswer(profile.healthNotes)),
      ];
    case 'BEHAVIOUR':
      return [row('behaviourSupport', writtenAnswer(profile.behaviourSupport))];
    case 'ABOUT_ME':
      return [
        row('whatHelps', writtenAnswer(profile.whatHelps)),
        row('likes', writtenAnswer(profile.likes)),
        row('dislikes', writtenAnswer(profile.dislikes)),
      ];
    case 'EMERGENCY_CONTACTS':
      if (profile.emergencyContacts.length === 0) {
        return [row('emergencyContacts', <NotGiven />)];
      }
      return profile.emergencyContacts.map((contact, index) => ({
        key: `Contact ${index + 1}`,
        value: (
          <ul className="govuk-list">
            <li>
              {contact.name} ({contact.relationship})
            </li>
            <li>{contact.phone}</li>
          </ul>
        ),
      }));
    case 'PLANS_AND_BUDGET':
      return [
        row('ehcPlan', EHC_PLAN_STATUSES.label(profile.ehcPlan)),
        row(
          'socialCareAssessment',
          SOCIAL_CARE_ASSESSMENT_STATUSES.label(profile.socialCareAssessment),
        ),
        ...(profile.socialCareAssessment === 'ASSESSED'
          ? [
              row(
                'assessedTier',
                profile.assessedTier ? tierName(profile.assessedTier, tiers) : <NotGiven />,
              ),
            ]
          : []),
        row('budgetHolder', BUDGET_HOLDERS.label(profile.budgetHolder)),
      ];
    case 'HOME':
      return [
        row('homePostcode', profile.homePostcode ?? <NotGiven />),
        row(
          'district',
          profile.district ??
            (profile.homePostcode ? (
              'Not in Devon, or we could not tell from the postcode'
            ) : (
              <NotGiven />
            )),
        ),
      ];
  }
}

/** A tier's published name, such as "Universal+"; its code if the rules no longer have it. */
export function tierName(code: string, tiers: readonly Tier[]): string {
  return tiers.find((tier) => tier.code === code)?.name ?? code;
}
