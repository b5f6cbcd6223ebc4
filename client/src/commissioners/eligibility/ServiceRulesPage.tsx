import { SERVICE_CHECKS, SERVICE_TYPES } from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { Checkboxes } from '../../govuk/Checkboxes';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { Select } from '../../govuk/Select';
import { usePageTitle } from '../../shell/usePageTitle';
import type { DraftNotice } from './DraftPage';
import { changeDraft, type RuleSet, type TierRequirement } from './eligibilityApi';
import { draftPath } from './paths';
import { requiredTierOf, serviceCheckLabel } from './ruleWords';
import { WithDraft } from './WithDraft';

const title = 'Service rules';
const openToAll = '';

export function ServiceRulesPage() {
  return <WithDraft isEditPage>{(draft) => <ServiceRulesForm draft={draft} />}</WithDraft>;
}

/** The tier requirements the answers make: one per tier, kinds of break in the usual order. */
function requirementsFrom(tierByType: Record<string, string>): TierRequirement[] {
  const tiers = [...new Set(Object.values(tierByType))].filter((tier) => tier !== openToAll);
  return tiers.map((tier) => ({
    serviceTypes: SERVICE_TYPES.codes.filter((type) => tierByType[type] === tier),
    tier,
  }));
}

function ServiceRulesForm({ draft }: { draft: RuleSet }) {
  const navigate = useNavigate();
  const [checks, setChecks] = useState<string[]>(draft.services.checks);
  const [tierByType, setTierByType] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      SERVICE_TYPES.codes.map((type) => [type, requiredTierOf(draft, type) ?? openToAll]),
    ),
  );
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<never>({ handleFailure: sendToSignIn });
  usePageTitle(title, { hasErrors: form.hasErrors });

  const tierOptions = draft.tiers.map(({ code, name }) => ({ value: code, label: name }));
  // A tier a kind of break needs but that is no longer in the draft stays a choice until changed.
  const missingTierOptions = [...new Set(Object.values(tierByType))]
    .filter((code) => code !== openToAll && !draft.tiers.some((tier) => tier.code === code))
    .map((code) => ({ value: code, label: `${code} (not a tier of this draft)` }));
  const selectOptions = [
    { value: openToAll, label: 'Open to all' },
    ...tierOptions,
    ...missingTierOptions,
  ];

  const save = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const { userErrors, ruleSet } = await changeDraft(draft.id, (content) => ({
        ...content,
        services: { checks, tierRequirements: requirementsFrom(tierByType) },
      }));
      if (ruleSet) {
        const notice: DraftNotice = { saved: 'The service rules have been saved' };
        navigate(draftPath(draft.id), { state: notice });
      }
      return userErrors.map(({ message }) => ({ field: null, message }));
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="The service rules have not been saved." />
        <span className="govuk-caption-l">Draft: {draft.name}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <form noValidate onSubmit={save}>
          <Checkboxes
            name="checks"
            legend="What should every service be checked against?"
            legendSize="m"
            hint="Each check compares a child with the service’s own details. Families see the outcome of each check."
            options={SERVICE_CHECKS.map((check) => ({
              value: check,
              label: serviceCheckLabel(check),
            }))}
            values={checks}
            onChange={setChecks}
          />

          <h2 className="govuk-heading-m">Which tier does each kind of break need?</h2>
          <p className="govuk-body">
            A kind of break that needs a tier is for children eligible for that tier, or for any
            tier after it in the draft’s list.
          </p>
          {SERVICE_TYPES.items.map(({ code, label }) => (
            <Select
              key={code}
              id={`tier-${code}`}
              label={label}
              options={selectOptions}
              value={tierByType[code] ?? openToAll}
              onChange={(tier) => setTierByType({ ...tierByType, [code]: tier })}
            />
          ))}

          <button type="submit" className="govuk-button">
            Save service rules
          </button>
        </form>
      </div>
    </div>
  );
}
