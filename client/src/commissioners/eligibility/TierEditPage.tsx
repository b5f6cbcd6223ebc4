import { vocabularyOptions } from '../../govuk/vocabularyOptions';
import {
  BUDGET_HOLDERS,
  criterionSchema,
  DIAGNOSIS_STATUSES,
  DISTRICT_NAMES,
  EHC_PLAN_STATUSES,
  NEEDS,
  tierSchema,
} from '@harbour/shared';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { CharacterCount } from '../../govuk/CharacterCount';
import { Checkboxes, type CheckboxOption } from '../../govuk/Checkboxes';
import { ErrorSummary } from '../../govuk/ErrorSummary';
import { FormErrorSummary } from '../../govuk/form';
import { TextInput } from '../../govuk/TextInput';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { usePageTitle } from '../../shell/usePageTitle';
import type { DraftNotice } from './DraftPage';
import { isSameTier, shownTier, withTier } from './draftChanges';
import type { RuleSet, Tier } from './eligibilityApi';
import { tierOptions } from './options';
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
import { useDraftChange } from './useDraftChange';
import { WithDraft } from './WithDraft';

function maxLengthOf(schema: { maxLength: number | null }): number {
  if (schema.maxLength === null) throw new Error('The rule set schema sets this text no limit');
  return schema.maxLength;
}

// The rule set's own limits, so that the character counts and the API agree. Every kind of rule
// takes the same advice.
const adviceMaxLength = maxLengthOf(criterionSchema.options[0].shape.ifNotMet.unwrap());
const summaryMaxLength = maxLengthOf(tierSchema.shape.summary);
const howToGetItMaxLength = maxLengthOf(tierSchema.shape.howToGetIt);

/** Adds a tier (`tiers/new`) or changes one (`tiers/:tierIndex`, 0 for the first). */
export function TierEditPage() {
  const { tierIndex } = useParams();
  const isNew = tierIndex === 'new';
  return (
    <WithDraft title={isNew ? 'Add a tier' : 'Change a tier'} isEditPage>
      {(draft, reload) => {
        const index = isNew ? null : Number(tierIndex);
        const tier = index === null ? null : draft.tiers[index];
        if (index !== null && !tier) return <NotFoundPage />;
        return (
          <TierForm
            key={tierIndex}
            draft={draft}
            index={index}
            tier={tier ?? null}
            reload={reload}
          />
        );
      }}
    </WithDraft>
  );
}

/** The question each kind of rule asks, and what it can be. */
function listQuestions(
  draft: RuleSet,
  answers: TierAnswers,
): Record<ListKind, { legend: string; options: CheckboxOption[]; isSmall?: boolean }> {
  return {
    needs: {
      legend: 'A child must have at least one of these needs',
      options: vocabularyOptions(NEEDS),
      isSmall: true,
    },
    diagnosis: {
      legend: 'A child’s diagnosis must be one of these',
      options: vocabularyOptions(DIAGNOSIS_STATUSES.items),
    },
    ehcPlan: {
      legend: 'A child’s EHC plan must be one of these',
      options: vocabularyOptions(EHC_PLAN_STATUSES.items),
    },
    assessedTier: {
      legend: 'A social care assessment must have placed the child at one of these tiers',
      options: tierOptions(draft.tiers, answers.values.assessedTier),
    },
    district: {
      legend: 'The family must live in one of these districts',
      options: DISTRICT_NAMES.map((name) => ({ value: name, label: name })),
      isSmall: true,
    },
    budgetHolder: {
      legend: 'A child’s personal budget must be one of these',
      options: vocabularyOptions(BUDGET_HOLDERS.items),
    },
  };
}

type TierFormProps = {
  draft: RuleSet;
  /** The tier's place in the draft; null for a new tier. */
  index: number | null;
  /** The tier in that place now; null for a new tier. */
  tier: Tier | null;
  reload: () => void;
};

function TierForm({ draft, index, tier, reload }: TierFormProps) {
  const navigate = useNavigate();
  // The answers are about the tier as the form opened, so saving replaces that tier, found by its
  // code and name even if a colleague has moved it since; it is refused if it has gone or changed.
  const [opened] = useState(tier);
  const shown = opened && index !== null ? shownTier(opened, index) : null;
  const [answers, setAnswers] = useState<TierAnswers>(() => tierAnswers(opened));
  const { form, saveChange } = useDraftChange<TierField>(draft.id, reload);
  // What the saved draft says is wrong with this tier, until the person sends the form.
  const savedProblems =
    shown && tier && isSameTier(tier, shown) && !form.hasErrors
      ? tierProblems(draft.problems, shown.index, tier)
      : [];
  const title = opened ? `Change ${opened.name || `tier ${(index ?? 0) + 1}`}` : 'Add a tier';
  usePageTitle(title, { hasErrors: form.hasErrors || savedProblems.length > 0 });

  const save = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const parsed = parseTier(answers, opened);
      if ('errors' in parsed) return parsed.errors;
      return saveChange(
        (content) => withTier(content, shown, parsed.tier),
        () => {
          const notice: DraftNotice = {
            saved: `${parsed.tier.name} has been ${opened ? 'saved' : 'added'}`,
          };
          navigate(draftPath(draft.id), { state: notice });
        },
      );
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
        maxLength={adviceMaxLength}
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
            takesFocus={false}
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
            maxLength={summaryMaxLength}
            {...text('summary')}
          />
          <CharacterCount
            label="How to get it"
            hint="Who to contact, and what happens next."
            maxLength={howToGetItMaxLength}
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
