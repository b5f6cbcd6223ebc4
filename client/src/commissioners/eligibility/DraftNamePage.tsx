import { ruleSetSchema } from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { FormErrorSummary } from '../../govuk/form';
import { TextInput } from '../../govuk/TextInput';
import { usePageTitle } from '../../shell/usePageTitle';
import type { DraftNotice } from './DraftPage';
import type { RuleSet } from './eligibilityApi';
import { draftPath } from './paths';
import { useDraftChange } from './useDraftChange';
import { WithDraft } from './WithDraft';

const title = 'What are these rules called?';

export function DraftNamePage() {
  return (
    <WithDraft title={title} isEditPage>
      {(draft, reload) => <NameForm draft={draft} reload={reload} />}
    </WithDraft>
  );
}

function NameForm({ draft, reload }: { draft: RuleSet; reload: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = useState(draft.name);
  const { form, saveChange } = useDraftChange<'name'>(draft.id, reload);
  usePageTitle(title, { hasErrors: form.hasErrors });

  const save = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const parsed = ruleSetSchema.shape.name.safeParse(name);
      if (!parsed.success) {
        return parsed.error.issues.map(({ message }) => ({ field: 'name' as const, message }));
      }
      return saveChange(
        (content) => ({ ...content, name: parsed.data }),
        () => {
          const notice: DraftNotice = { saved: 'The name has been saved' };
          navigate(draftPath(draft.id), { state: notice });
        },
      );
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="The name has not been saved." />
        <form noValidate onSubmit={save}>
          <TextInput
            id="name"
            label={title}
            isPageHeading
            hint="For example, Devon short breaks statement."
            value={name}
            onChange={setName}
            error={form.errorFor('name')}
          />
          <button type="submit" className="govuk-button">
            Save name
          </button>
        </form>
      </div>
    </div>
  );
}
