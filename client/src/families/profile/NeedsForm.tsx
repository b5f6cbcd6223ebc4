import { DIAGNOSIS_STATUSES, SUPPORT_NEEDED } from '@harbour/shared';
import { useState } from 'react';
import { Radios } from '../../govuk/Radios';
import { vocabularyOptions } from '../../govuk/vocabularyOptions';
import { NeedAreaCheckboxes } from '../eligibility/NeedAreaCheckboxes';
import { supportQuestion } from '../eligibility/questionWords';
import type { ChildWithProfile } from './profileApi';
import { SectionFormPage, useSectionSave } from './SectionFormPage';

export function NeedsForm({ child }: { child: ChildWithProfile }) {
  const { profile, firstName: name } = child;
  const [needs, setNeeds] = useState(profile.needs);
  const [diagnosis, setDiagnosis] = useState(profile.diagnosis);
  const [supportNeeded, setSupportNeeded] = useState(profile.supportNeeded);
  const saving = useSectionSave(child, 'NEEDS');

  return (
    <SectionFormPage
      child={child}
      section="NEEDS"
      saving={saving}
      onSubmit={(event) => saving.save(event, { needs, diagnosis, supportNeeded })}
      intro={
        <p className="govuk-body">
          Select all of {name}’s needs, in any of the 4 areas. {name} does not need a diagnosis for
          you to select a need.
        </p>
      }
    >
      <NeedAreaCheckboxes
        values={needs}
        onChange={setNeeds}
        hint="Select all that apply."
        error={saving.form.errorFor('needs')}
      />
      <Radios
        name="diagnosis"
        legend={`Does ${name} have a diagnosis?`}
        options={vocabularyOptions(DIAGNOSIS_STATUSES.items)}
        value={diagnosis}
        onChange={setDiagnosis}
        error={saving.form.errorFor('diagnosis')}
      />
      <Radios
        name="supportNeeded"
        legend={supportQuestion.heading(name)}
        hint={supportQuestion.hint}
        options={vocabularyOptions(SUPPORT_NEEDED.items)}
        value={supportNeeded}
        onChange={setSupportNeeded}
        error={saving.form.errorFor('supportNeeded')}
      />
    </SectionFormPage>
  );
}
