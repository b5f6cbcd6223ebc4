import { useState } from 'react';
import { TextInput } from '../../govuk/TextInput';
import type { ChildWithProfile } from './profileApi';
import { SectionFormPage, useSectionSave } from './SectionFormPage';

export function HomeForm({ child }: { child: ChildWithProfile }) {
  const name = child.firstName;
  const [homePostcode, setHomePostcode] = useState(child.profile.homePostcode ?? '');
  const saving = useSectionSave(child, 'HOME');

  return (
    <SectionFormPage
      child={child}
      section="HOME"
      saving={saving}
      onSubmit={(event) => saving.save(event, { homePostcode })}
      intro={
        <p className="govuk-body">
          The postcode tells us which council district {name} lives in, which can change what {name}{' '}
          can get, and lets us find short breaks near {name}.
        </p>
      }
    >
      <TextInput
        id="homePostcode"
        label="Home postcode"
        hint="For example, EX39 1AA, or just the first half, like EX39. Leave it empty to remove it."
        autoComplete="postal-code"
        spellCheck={false}
        widthClass="govuk-input--width-10"
        value={homePostcode}
        onChange={setHomePostcode}
        error={saving.form.errorFor('homePostcode')}
      />
    </SectionFormPage>
  );
}
