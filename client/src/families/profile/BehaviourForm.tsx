import { useState } from 'react';
import { CharacterCount } from '../../govuk/CharacterCount';
import type { ChildWithProfile } from './profileApi';
import { maxLengthOf, SectionFormPage, useSectionSave } from './SectionFormPage';

export function BehaviourForm({ child }: { child: ChildWithProfile }) {
  const name = child.firstName;
  const [behaviourSupport, setBehaviourSupport] = useState(child.profile.behaviourSupport);
  const saving = useSectionSave(child, 'BEHAVIOUR');

  return (
    <SectionFormPage
      child={child}
      section="BEHAVIOUR"
      saving={saving}
      onSubmit={(event) => saving.save(event, { behaviourSupport })}
    >
      <CharacterCount
        id="behaviourSupport"
        label="Behaviour support"
        hint={`What can upset ${name}, how it shows, and what helps ${name} feel calm again.`}
        maxLength={maxLengthOf('behaviourSupport')}
        value={behaviourSupport}
        onChange={setBehaviourSupport}
        error={saving.form.errorFor('behaviourSupport')}
      />
    </SectionFormPage>
  );
}
