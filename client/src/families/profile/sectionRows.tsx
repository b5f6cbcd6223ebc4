import type { ProfileSection } from '@harbour/shared';
import { NotGiven, type SummaryRow } from '../../govuk/SummaryList';
import type { Tier } from '../eligibility/eligibilityApi';
import { factRow, type FactField } from '../eligibility/facts';
import type { ChildProfile } from './profileApi';
import { fieldName } from './profileWords';

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
  const fact = (field: FactField) => factRow(field, profile, tiers);
  switch (section) {
    case 'NEEDS':
      return [fact('needs'), fact('diagnosis'), fact('supportNeeded')];
    case 'COMMUNICATION':
      return [fact('communication')];
    case 'MOBILITY_AND_HEALTH':
      return [
        fact('mobility'),
        fact('health'),
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
      return [fact('ehcPlan'), fact('socialCareAssessment'), fact('budgetHolder')];
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
