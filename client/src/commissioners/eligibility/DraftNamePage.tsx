import { ruleSetSchema } from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { TextInput } from '../../govuk/TextInput';
import { usePageTitle } from '../../shell/usePageTitle';
import type { DraftNotice } from './DraftPage';
import { changeDraft, type RuleSet } from './eligibilityApi';
import { draftPath } from './paths';
import { WithDraft } from './WithDraft';

const title = 'What are these rules called?';

export function DraftNamePage() {
  return <WithDraft isEditPage>{(draft) => <NameForm draft={draft} />}</WithDraft>;
}

function NameForm({ draft }: { draft: RuleSet }) {
  const navigate = useNavigate();
  const [name, setName] = useState(draft.name);
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<'name'>({ handleFailure: sendToSignIn });
  usePageTitle(title, { hasErrors: form.hasErrors });

  const save = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const parsed = ruleSetSchema.shape.name.safeParse(name);
      if (!parsed.success) {
        return parsed.error.issues.map(({ message }) => ({ field: 'name' as const, message }));
      }
      const { userErrors, ruleSet } = await changeDraft(draft.id, (content) => ({
        ...content,
        name: parsed.data,
      }));
      if (ruleSet) {
        const notice: DraftNotice = { saved: 'The name has been saved' };
        navigate(draftPath(draft.id), { state: notice });
      }
      return userErrors.map(({ message }) => ({ field: null, message }));
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
