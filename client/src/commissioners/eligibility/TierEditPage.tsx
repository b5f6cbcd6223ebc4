import {
  BUDGET_HOLDERS,
  DIAGNOSIS_STATUSES,
  DISTRICT_NAMES,
  EHC_PLAN_STATUSES,
  NEEDS,
} from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { CharacterCount } from '../../govuk/CharacterCount';
import { Checkboxes, type CheckboxOption } from '../../govuk/Checkboxes';
import { ErrorSummary } from '../../govuk/ErrorSummary';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { TextInput } from '../../govuk/TextInput';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { usePageTitle } from '../../shell/usePageTitle';
import type { DraftNotice } from './DraftPage';
import { withTier } from './draftChanges';
import { changeDraft, type RuleSet, type Tier } from './eligibilityApi';
import { draftPath } from './paths';
import { CRITERION_KINDS, criterionKindLabels, ruleName, type CriterionKind } from './ruleWords';
import {
  parseTier,
  tierAnswers,
  tierProblems,
  type ListKind,
  type TierAnswers,
  type TierField,
} from './tierForm';
import { WithDraft } from './WithDraft';

const ADVICE_MAX_LENGTH = 300;
const TEXT_MAX_LENGTH = 500;

/** Adds a tier (`tiers/new`) or changes one (`tiers/:tierIndex`, 0 for the first). */
export function TierEditPage() {
  const { tierIndex } = useParams();
  return (
    <WithDraft isEditPage>
      {(draft) => {
        const index = tierIndex === 'new' ? null : Number(tierIndex);
        const tier = index === null ? null : draft.tiers[index];
        if (index !== null && !tier) return <NotFoundPage />;
        return <TierForm key={tierIndex} draft={draft} index={index} tier={tier ?? null} />;
      }}
    </WithDraft>
  );
}

const options = (items: readonly { code: string; label: string }[]): CheckboxOption[] =>
  items.map(({ code, label }) => ({ value: code, label }));

/** The question each kind of rule asks, and what it can be. */
function listQuestions(
  draft: RuleSet,
  answers: TierAnswers,
): Record<ListKind, { legend: string; options: CheckboxOption[]; isSmall?: boolean }> {
  const tierOptions = draft.tiers.map(({ code, name }) => ({ value: code, label: name }));
  // A tier named by this rule but no longer in the draft stays a choice until it is unticked.
  const missingTiers = answers.values.assessedTier
    .filter((code) => !draft.tiers.some((tier) => tier.code === code))
    .map((code) => ({ value: code, label: `${code} (not a tier of this draft)` }));
  return {
    needs: {
      legend: 'A child must have at least one of these needs',
      options: NEEDS.map(({ code, label }) => ({ value: code, label })),
      isSmall: true,
    },
    diagnosis: {
      legend: 'A child’s diagnosis must be one of these',
      options: options(DIAGNOSIS_STATUSES.items),
    },
    ehcPlan: {
      legend: 'A child’s EHC plan must be one of these',
      options: options(EHC_PLAN_STATUSES.items),
    },
    assessedTier: {
      legend: 'A social care assessment must have placed the child at one of these tiers',
      options: [...tierOptions, ...missingTiers],
    },
    district: {
      legend: 'The family must live in one of these districts',
      options: DISTRICT_NAMES.map((name) => ({ value: name, label: name })),
      isSmall: true,
    },
    budgetHolder: {
      legend: 'A child’s personal budget must be one of these',
      options: options(BUDGET_HOLDERS.items),
    },
  };
}

type TierFormProps = {
  draft: RuleSet;
  /** The tier's place in the draft; null for a new tier. */
  index: number | null;
  tier: Tier | null;
};

function TierForm({ draft, index, tier }: TierFormProps) {
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<TierAnswers>(() => tierAnswers(tier));
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<TierField>({ handleFailure: sendToSignIn });
  // What the saved draft says is wrong with this tier, until the person sends the form.
  const savedProblems =
    index === null || !tier || form.hasErrors ? [] : tierProblems(draft.problems, index, tier);
  const title = tier ? `Change ${tier.name || `tier ${(index ?? 0) + 1}`}` : 'Add a tier';
  usePageTitle(title, { hasErrors: form.hasErrors || savedProblems.length > 0 });

  const save = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const parsed = parseTier(answers, tier);
      if ('errors' in parsed) return parsed.errors;
      const { userErrors, ruleSet } = await changeDraft(draft.id, (content) =>
        withTier(content, index, parsed.tier),
      );
      if (ruleSet) {
        const notice: DraftNotice = {
          saved: `${parsed.tier.name} has been ${tier ? 'saved' : 'added'}`,
        };
        navigate(draftPath(draft.id), { state: notice });
      }
      return userErrors.map(({ message }) => ({ field: null, message }));
    });

  const errorFor = (field: TierField) =>
    form.errorFor(field) ?? savedProblems.find((problem) => problem.field === field)?.message;
  const text = (field: 'code' | 'name' | 'summary' | 'howToGetIt') => ({
    id: field,
    value: answers[field],
    onChange: (value: string) => setAnswers({ ...answers, [field]: value }),
    error: errorFor(field),
  });
  const questions = listQuestions(draft, answers);
  // How a rule is set, revealed under its checkbox while it is ticked.
  const ruleQuestions = (kind: CriterionKind) => (
    <>
      {kind === 'age' ? (
        <>
          <TextInput
            id="age-from"
            label="Youngest age, in whole years"
            inputMode="numeric"
            widthClass="govuk-input--width-2"
            value={answers.ageFrom}
            onChange={(ageFrom) => setAnswers({ ...answers, ageFrom })}
            error={errorFor('age-from')}
          />
          <TextInput
            id="age-to"
            label="Oldest age, in whole years"
            hint="Children stay eligible until they are a year older: 17 means up to the day before their 18th birthday."
            inputMode="numeric"
            widthClass="govuk-input--width-2"
            value={answers.ageTo}
            onChange={(ageTo) => setAnswers({ ...answers, ageTo })}
            error={errorFor('age-to')}
          />
        </>
      ) : (
        <Checkboxes
          name={`${kind}-values`}
          {...questions[kind]}
          values={answers.values[kind]}
          onChange={(values) =>
            setAnswers({ ...answers, values: { ...answers.values, [kind]: values } })
          }
          error={errorFor(`${kind}-values`)}
        />
      )}
      <CharacterCount
        id={`${kind}-advice`}
        label={`Advice to families who do not meet the ${ruleName(kind)} (optional)`}
        labelSize="s"
        hint="What they can do instead, or who can help. Families see it when their child does not meet this rule."
        maxLength={ADVICE_MAX_LENGTH}
        value={answers.advice[kind]}
        onChange={(value) =>
          setAnswers({ ...answers, advice: { ...answers.advice, [kind]: value } })
        }
        error={errorFor(`${kind}-advice`)}
      />
    </>
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="The tier has not been saved." />
        {savedProblems.length > 0 && (
          <ErrorSummary
            title="This tier stops the draft publishing"
            errors={savedProblems.map(({ field, message }) => ({
              message,
              fieldId: field ?? undefined,
            }))}
          />
        )}
        <span className="govuk-caption-l">Draft: {draft.name}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <form noValidate onSubmit={save}>
          <TextInput
            label="Code"
            hint="Capital letters, digits and _, like TARGETED. Social care assessments record a child’s tier by its code, so change it only for a new tier."
            widthClass="govuk-input--width-20"
            spellCheck={false}
            {...text('code')}
          />
          <TextInput
            label="Name"
            hint="What families see, like Targeted support."
            widthClass="govuk-input--width-20"
            {...text('name')}
          />
          <CharacterCount
            label="What it offers"
            hint="In a sentence a family understands."
            maxLength={TEXT_MAX_LENGTH}
            {...text('summary')}
          />
          <CharacterCount
            label="How to get it"
            hint="Who to contact, and what happens next."
            maxLength={TEXT_MAX_LENGTH}
            {...text('howToGetIt')}
          />

          <Checkboxes
            name="rules"
            legend="Which rules apply to this tier?"
            legendSize="m"
            hint="A child is eligible for the tier when they meet every rule you choose. Choose none to open it to everyone."
            options={CRITERION_KINDS.map((kind) => ({
              value: kind,
              label: criterionKindLabels[kind],
              conditional: ruleQuestions(kind),
            }))}
            values={answers.rules}
            onChange={(rules) => setAnswers({ ...answers, rules: rules as CriterionKind[] })}
            error={errorFor('rules')}
          />

          <button type="submit" className="govuk-button">
            Save tier
          </button>
        </form>
      </div>
    </div>
  );
}
