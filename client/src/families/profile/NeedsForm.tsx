import {
  DIAGNOSIS_STATUSES,
  NEED_AREAS,
  NEEDS,
  SUPPORT_NEEDED,
  type NeedArea,
} from '@harbour/shared';
import { useState } from 'react';
import { Checkboxes } from '../../govuk/Checkboxes';
import { Radios } from '../../govuk/Radios';
import type { ChildWithProfile } from './profileApi';
import { SectionFormPage, useSectionSave } from './SectionFormPage';

const areas = Object.entries(NEED_AREAS) as [NeedArea, string][];

export function NeedsForm({ child }: { child: ChildWithProfile }) {
  const { profile, firstName: name } = child;
  const [needs, setNeeds] = useState(profile.needs);
  const [diagnosis, setDiagnosis] = useState(profile.diagnosis);
  const [supportNeeded, setSupportNeeded] = useState(profile.supportNeeded);
  const saving = useSectionSave(child, 'NEEDS');

  // Each area's checkboxes change only that area's needs; the answer keeps the vocabulary's order.
  function changeArea(area: NeedArea, chosen: readonly string[]) {
    const others = needs.filter((code) => NEEDS.find((need) => need.code === code)?.area !== area);
    const kept = new Set([...others, ...chosen]);
    setNeeds(NEEDS.map(({ code }) => code).filter((code) => kept.has(code)));
  }

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
      {areas.map(([area, areaName], index) => (
        <Checkboxes
          key={area}
          // The first area's first checkbox is "needs", where an error about the needs links to.
          name={index === 0 ? 'needs' : `needs-area-${index + 1}`}
          legend={areaName}
          legendSize="m"
          hint="Select all that apply."
          options={NEEDS.filter((need) => need.area === area).map(({ code, label }) => ({
            value: code,
            label,
          }))}
          values={needs}
          onChange={(chosen) => changeArea(area, chosen)}
          error={index === 0 ? saving.form.errorFor('needs') : undefined}
        />
      ))}
      <Radios
        name="diagnosis"
        legend={`Does ${name} have a diagnosis?`}
        options={DIAGNOSIS_STATUSES.items.map(({ code, label }) => ({ value: code, label }))}
        value={diagnosis}
        onChange={setDiagnosis}
        error={saving.form.errorFor('diagnosis')}
      />
      <Radios
        name="supportNeeded"
        legend={`What support does ${name} need to take part?`}
        options={SUPPORT_NEEDED.items.map(({ code, label }) => ({ value: code, label }))}
        value={supportNeeded}
        onChange={setSupportNeeded}
        error={saving.form.errorFor('supportNeeded')}
      />
    </SectionFormPage>
  );
}
