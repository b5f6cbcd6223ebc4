import { COMMUNICATION_METHODS } from '@harbour/shared';
import { useState } from 'react';
import { Checkboxes } from '../../govuk/Checkboxes';
import { vocabularyOptions } from '../../govuk/vocabularyOptions';
import type { ChildWithProfile } from './profileApi';
import { sectionWords } from './profileWords';
import { SectionFormPage, useSectionSave } from './SectionFormPage';

export function CommunicationForm({ child }: { child: ChildWithProfile }) {
  const name = child.firstName;
  const [communication, setCommunication] = useState(child.profile.communication);
  const saving = useSectionSave(child, 'COMMUNICATION');

  return (
    <SectionFormPage
      child={child}
      section="COMMUNICATION"
      saving={saving}
      onSubmit={(event) => saving.save(event, { communication })}
      isQuestionTheHeading
    >
      <Checkboxes
        name="communication"
        legend={sectionWords.COMMUNICATION.heading(name)}
        isPageHeading
        hint="Select all that apply."
        options={vocabularyOptions(COMMUNICATION_METHODS.items)}
        values={communication}
        onChange={setCommunication}
        error={saving.form.errorFor('communication')}
      />
    </SectionFormPage>
  );
}
