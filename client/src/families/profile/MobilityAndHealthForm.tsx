import { HEALTH_NEEDS, MOBILITY_NEEDS } from '@harbour/shared';
import { useState } from 'react';
import { CharacterCount } from '../../govuk/CharacterCount';
import { Checkboxes } from '../../govuk/Checkboxes';
import { vocabularyOptions } from '../../govuk/vocabularyOptions';
import type { ChildWithProfile } from './profileApi';
import { maxLengthOf, SectionFormPage, useSectionSave } from './SectionFormPage';

export function MobilityAndHealthForm({ child }: { child: ChildWithProfile }) {
  const { profile, firstName: name } = child;
  const [mobility, setMobility] = useState(profile.mobility);
  const [health, setHealth] = useState(profile.health);
  const [healthNotes, setHealthNotes] = useState(profile.healthNotes);
  const saving = useSectionSave(child, 'MOBILITY_AND_HEALTH');

  return (
    <SectionFormPage
      child={child}
      section="MOBILITY_AND_HEALTH"
      saving={saving}
      onSubmit={(event) => saving.save(event, { mobility, health, healthNotes })}
      intro={
        <p className="govuk-body">
          This tells providers what equipment and trained staff {name} needs. Leave a question
          unticked if none of it applies.
        </p>
      }
    >
      <Checkboxes
        name="mobility"
        legend={`Does ${name} need help getting around?`}
        legendSize="m"
        hint="Select all that apply."
        options={vocabularyOptions(MOBILITY_NEEDS.items)}
        values={mobility}
        onChange={setMobility}
        error={saving.form.errorFor('mobility')}
      />
      <Checkboxes
        name="health"
        legend={`Does ${name} need any of this health care?`}
        legendSize="m"
        hint="Select all that apply."
        options={vocabularyOptions(HEALTH_NEEDS.items)}
        values={health}
        onChange={setHealth}
        error={saving.form.errorFor('health')}
      />
      <CharacterCount
        id="healthNotes"
        label="Other health needs"
        hint="For example, medicines, allergies or care during the day."
        maxLength={maxLengthOf('healthNotes')}
        value={healthNotes}
        onChange={setHealthNotes}
        error={saving.form.errorFor('healthNotes')}
      />
    </SectionFormPage>
  );
}
