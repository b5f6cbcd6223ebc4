import { SERVICE_CHECKS, SERVICE_TYPES } from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Checkboxes } from '../../govuk/Checkboxes';
import { FormErrorSummary } from '../../govuk/form';
import { Select } from '../../govuk/Select';
import { usePageTitle } from '../../shell/usePageTitle';
import type { DraftNotice } from './DraftPage';
import type { RuleSet, TierRequirement } from './eligibilityApi';
import { tierOptions } from './options';
import { draftPath } from './paths';
import { requiredTierOf, serviceCheckLabel } from './ruleWords';
import { useDraftChange } from './useDraftChange';
import { WithDraft } from './WithDraft';

const title = 'Service rules';
const openToAll = '';

export function ServiceRulesPage() {
  return (
    <WithDraft title={title} isEditPage>
      {(draft, reload) => <ServiceRulesForm draft={draft} reload={reload} />}
    </WithDraft>
  );
}

/** The tier requirements the answers make: one per tier, kinds of break in the usual order. */
function requirementsFrom(tierByType: Record<string, string>): TierRequirement[] {
  const tiers = [...new Set(Object.values(tierByType))].filter((tier) => tier !== openToAll);
  return tiers.map((tier) => ({
    serviceTypes: SERVICE_TYPES.codes.filter((type) => tierByType[type] === tier),
    tier,
  }));
}

function ServiceRulesForm({ draft, reload }: { draft: RuleSet; reload: () => void }) {
  const navigate = useNavigate();
  const [checks, setChecks] = useState<string[]>(draft.services.checks);
  const [tierByType, setTierByType] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      SERVICE_TYPES.codes.map((type) => [type, requiredTierOf(draft, type) ?? openToAll]),
    ),
  );
  const { form, saveChange } = useDraftChange(draft.id, reload);
  usePageTitle(title, { hasErrors: form.hasErrors });

  const selectOptions = [
    { value: openToAll, label: 'Open to all' },
    ...tierOptions(
      draft.tiers,
      Object.values(tierByType).filter((tier) => tier !== openToAll),
    ),
  ];

  const save = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, () =>
      saveChange(
        (content) => ({
          ...content,
          services: { checks, tierRequirements: requirementsFrom(tierByType) },
        }),
        () => {
          const notice: DraftNotice = { saved: 'The service rules have been saved' };
          navigate(draftPath(draft.id), { state: notice });
        },
      ),
    );

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
