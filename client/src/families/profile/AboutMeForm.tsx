import { useState } from 'react';
import { CharacterCount } from '../../govuk/CharacterCount';
import type { ChildWithProfile } from './profileApi';
import { maxLengthOf, SectionFormPage, useSectionSave } from './SectionFormPage';

type AboutMeField = 'whatHelps' | 'likes' | 'dislikes';

export function AboutMeForm({ child }: { child: ChildWithProfile }) {
  const { profile, firstName: name } = child;
  const [answers, setAnswers] = useState<Record<AboutMeField, string>>({
    whatHelps: profile.whatHelps,
    likes: profile.likes,
    dislikes: profile.dislikes,
  });
  const saving = useSectionSave(child, 'ABOUT_ME');

  const answer = (field: AboutMeField) => ({
    id: field,
    maxLength: maxLengthOf(field),
    value: answers[field],
    onChange: (value: string) => setAnswers({ ...answers, [field]: value }),
    error: saving.form.errorFor(field),
  });

  return (
    <SectionFormPage
      child={child}
      section="ABOUT_ME"
      saving={saving}
      onSubmit={(event) => saving.save(event, answers)}
      intro={
        <p className="govuk-body">
          In your own words, or {name}’s. This helps the people looking after {name} get to know
          them before they meet.
        </p>
      }
    >
      <CharacterCount
        label="What helps"
        hint="For example, a quiet space to go to, or knowing what will happen next."
        {...answer('whatHelps')}
      />
      <CharacterCount
        label="Likes"
        hint={`What ${name} enjoys or is interested in.`}
        {...answer('likes')}
      />
      <CharacterCount
        label="Dislikes"
        hint={`What ${name} finds hard or would rather avoid.`}
        {...answer('dislikes')}
      />
    </SectionFormPage>
  );
}
