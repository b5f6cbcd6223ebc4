import {
  BUDGET_HOLDERS,
  EHC_PLAN_STATUSES,
  SOCIAL_CARE_ASSESSMENT_STATUSES,
} from '@harbour/shared';
import { useState } from 'react';
import { Radios } from '../../govuk/Radios';
import type { ChildWithProfile } from './profileApi';
import { SectionFormPage, useSectionSave } from './SectionFormPage';

export function PlansAndBudgetForm({ child }: { child: ChildWithProfile }) {
  const { profile, firstName: name, tiers } = child;
  const [ehcPlan, setEhcPlan] = useState(profile.ehcPlan);
  const [socialCareAssessment, setSocialCareAssessment] = useState(profile.socialCareAssessment);
  const [assessedTier, setAssessedTier] = useState(profile.assessedTier);
  const [budgetHolder, setBudgetHolder] = useState(profile.budgetHolder);
  const saving = useSectionSave(child, 'PLANS_AND_BUDGET');
  const isAssessed = socialCareAssessment === 'ASSESSED';
  // Asked only of an assessed child, under the answer that reveals it.
  const tierQuestion =
    tiers.length > 0 ? (
      <Radios
        name="assessedTier"
        legend={`Which tier of support did social care assess ${name} as needing?`}
        legendSize="s"
        options={tiers.map(({ code, name: tierName }) => ({ value: code, label: tierName }))}
        value={assessedTier}
        onChange={setAssessedTier}
        error={saving.form.errorFor('assessedTier')}
      />
    ) : undefined;

  return (
    <SectionFormPage
      child={child}
      section="PLANS_AND_BUDGET"
      saving={saving}
      onSubmit={(event) =>
        saving.save(event, {
          ehcPlan,
          socialCareAssessment,
          // Any other answer clears the tier (the API does that); no tier chosen changes nothing.
          ...(isAssessed && assessedTier ? { assessedTier } : {}),
          budgetHolder,
        })
      }
      intro={
        <p className="govuk-body">
          Some short breaks are only for children with an education, health and care (EHC) plan, or
          who social care have assessed. Your answers help us check what {name} can get.
        </p>
      }
    >
      <Radios
        name="ehcPlan"
        legend={`Does ${name} have an education, health and care (EHC) plan?`}
        options={EHC_PLAN_STATUSES.items.map(({ code, label }) => ({ value: code, label }))}
        value={ehcPlan}
        onChange={setEhcPlan}
        error={saving.form.errorFor('ehcPlan')}
      />
      <Radios
        name="socialCareAssessment"
        legend={`Has social care assessed ${name}’s needs?`}
        options={SOCIAL_CARE_ASSESSMENT_STATUSES.items.map(({ code, label }) => ({
          value: code,
          label,
          conditional: code === 'ASSESSED' ? tierQuestion : undefined,
        }))}
        value={socialCareAssessment}
        onChange={setSocialCareAssessment}
        error={saving.form.errorFor('socialCareAssessment')}
      />
      <Radios
        name="budgetHolder"
        legend={`Who holds ${name}’s personal budget?`}
        options={BUDGET_HOLDERS.items.map(({ code, label }) => ({ value: code, label }))}
        value={budgetHolder}
        onChange={setBudgetHolder}
        error={saving.form.errorFor('budgetHolder')}
      />
    </SectionFormPage>
  );
}
