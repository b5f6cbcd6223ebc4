import {
  BUDGET_HOLDERS,
  EHC_PLAN_STATUSES,
  SOCIAL_CARE_ASSESSMENT_STATUSES,
} from '@harbour/shared';
import { useState } from 'react';
import { Radios } from '../../govuk/Radios';
import { vocabularyOptions } from '../../govuk/vocabularyOptions';
import { tierOptions } from '../eligibility/facts';
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
  // Asked only of an assessed child, under the answer that reveals it; the answers are the
  // council's published tiers, so there is nothing to choose from before it publishes them.
  const tierQuestion =
    tiers.length > 0 ? (
      <Radios
        name="assessedTier"
        legend={`Which tier of support did social care assess ${name} as needing?`}
        legendSize="s"
        options={tierOptions(tiers)}
        value={assessedTier}
        onChange={setAssessedTier}
        error={saving.form.errorFor('assessedTier')}
      />
    ) : (
      <p className="govuk-body">
        The council has not published its tiers of support yet, so you cannot say which tier social
        care assessed {name} as needing. You can add it here once it has.
      </p>
    );

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
        options={vocabularyOptions(EHC_PLAN_STATUSES.items)}
        value={ehcPlan}
        onChange={setEhcPlan}
        error={saving.form.errorFor('ehcPlan')}
      />
      <Radios
        name="socialCareAssessment"
        legend={`Has social care assessed ${name}’s needs?`}
        options={vocabularyOptions(SOCIAL_CARE_ASSESSMENT_STATUSES.items).map((option) => ({
          ...option,
          conditional: option.value === 'ASSESSED' ? tierQuestion : undefined,
        }))}
        value={socialCareAssessment}
        onChange={setSocialCareAssessment}
        error={saving.form.errorFor('socialCareAssessment')}
      />
      <Radios
        name="budgetHolder"
        legend={`Who holds ${name}’s personal budget?`}
        options={vocabularyOptions(BUDGET_HOLDERS.items)}
        value={budgetHolder}
        onChange={setBudgetHolder}
        error={saving.form.errorFor('budgetHolder')}
      />
    </SectionFormPage>
  );
}
