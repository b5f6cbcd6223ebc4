import {
  BUDGET_HOLDERS,
  COMMUNICATION_METHODS,
  DIAGNOSIS_STATUSES,
  EHC_PLAN_STATUSES,
  HEALTH_NEEDS,
  londonToday,
  MOBILITY_NEEDS,
  SOCIAL_CARE_ASSESSMENT_STATUSES,
  SUPPORT_NEEDED,
} from '@harbour/shared';
import { useState } from 'react';
import { Checkboxes, type CheckboxOption } from '../../govuk/Checkboxes';
import { DateInput, datePartId, type DatePart } from '../../govuk/DateInput';
import { Radios } from '../../govuk/Radios';
import { TextInput } from '../../govuk/TextInput';
import { vocabularyOptions } from '../../govuk/vocabularyOptions';
import { datePartsOf, parseDateOfBirth, parseHomePostcode, type Question } from './checkerAnswers';
import { useChecker, usePublishedRules } from './EligibilityCheckerProvider';
import { tierOptions } from './facts';
import { NeedAreaCheckboxes } from './NeedAreaCheckboxes';
import { QuestionPage } from './QuestionPage';
import { supportQuestion } from './questionWords';

type Item = { code: string; label: string };

export function DateOfBirthPage() {
  const { answers } = useChecker();
  const [typed, setTyped] = useState(() => datePartsOf(answers.dateOfBirth));
  const [errorParts, setErrorParts] = useState<readonly DatePart[]>(['day', 'month', 'year']);
  const heading = 'What is your child’s date of birth?';

  return (
    <QuestionPage<'dateOfBirth'>
      question="date-of-birth"
      heading={heading}
      isFieldTheHeading
      fieldId={() => datePartId('dateOfBirth', errorParts[0] ?? 'day')}
      read={() => {
        const parsed = parseDateOfBirth(typed, londonToday());
        if ('value' in parsed) return { answers: { dateOfBirth: parsed.value } };
        setErrorParts(parsed.parts);
        return { errors: [{ field: 'dateOfBirth', message: parsed.error }] };
      }}
    >
      {(errorFor) => (
        <DateInput
          id="dateOfBirth"
          legend={heading}
          isPageHeading
          hint="For example, 27 3 2017"
          value={typed}
          onChange={setTyped}
          error={errorFor('dateOfBirth')}
          errorParts={errorParts}
        />
      )}
    </QuestionPage>
  );
}

export function WhereYouLivePage() {
  const { answers } = useChecker();
  const [typed, setTyped] = useState(answers.homePostcode ?? '');
  const heading = 'What is your home postcode? (optional)';

  return (
    <QuestionPage<'homePostcode'>
      question="where-you-live"
      heading={heading}
      isFieldTheHeading
      read={() => {
        const parsed = parseHomePostcode(typed);
        if ('value' in parsed) return { answers: { homePostcode: parsed.value } };
        return { errors: [{ field: 'homePostcode', message: parsed.error }] };
      }}
    >
      {(errorFor) => (
        // The family's own postcode, so the browser may offer to fill it in.
        <TextInput
          id="homePostcode"
          label={heading}
          isPageHeading
          hint={
            <>
              For example, EX4 3SR, or just the first half, like EX4. It tells us which council’s
              offer applies and which services are near you. Or leave it empty.
            </>
          }
          autoComplete="postal-code"
          spellCheck={false}
          widthClass="govuk-input--width-10"
          value={typed}
          onChange={setTyped}
          error={errorFor('homePostcode')}
        />
      )}
    </QuestionPage>
  );
}

export function NeedsPage() {
  const { answers } = useChecker();
  const [needs, setNeeds] = useState<readonly string[]>(answers.needs ?? []);

  return (
    <QuestionPage<never>
      question="needs"
      heading="What needs does your child have?"
      read={() => ({ answers: { needs: [...needs] } })}
    >
      {() => (
        <>
          <p className="govuk-body">
            Select all that apply, whether or not they have been diagnosed. If none of these
            describe your child, continue without selecting any.
          </p>
          <NeedAreaCheckboxes values={needs} onChange={setNeeds} />
        </>
      )}
    </QuestionPage>
  );
}

type Choice = 'diagnosis' | 'ehcPlan' | 'supportNeeded' | 'budgetHolder';

type ChoicePageProps = {
  question: Question;
  heading: string;
  answer: Choice;
  items: readonly Item[];
  /** The error when nothing is chosen. */
  unanswered: string;
  /** Explains the question, under it. */
  hint?: string;
};

/** A question answered by choosing one of a vocabulary's items. */
function ChoicePage({ question, heading, answer, items, unanswered, hint }: ChoicePageProps) {
  const { answers } = useChecker();
  const [chosen, setChosen] = useState(answers[answer]);

  return (
    <QuestionPage<Choice>
      question={question}
      heading={heading}
      isFieldTheHeading
      read={() =>
        chosen === null
          ? { errors: [{ field: answer, message: unanswered }] }
          : { answers: { [answer]: chosen } }
      }
    >
      {(errorFor) => (
        <Radios
          name={answer}
          legend={heading}
          isPageHeading
          hint={hint}
          options={vocabularyOptions(items)}
          value={chosen}
          onChange={setChosen}
          error={errorFor(answer)}
        />
      )}
    </QuestionPage>
  );
}

export function DiagnosisPage() {
  return (
    <ChoicePage
      question="diagnosis"
      heading="Does your child have a diagnosis?"
      answer="diagnosis"
      items={DIAGNOSIS_STATUSES.items}
      unanswered="Select whether your child has a diagnosis"
    />
  );
}

export function EhcPlanPage() {
  return (
    <ChoicePage
      question="ehc-plan"
      heading="Does your child have an education, health and care (EHC) plan?"
      answer="ehcPlan"
      items={EHC_PLAN_STATUSES.items}
      unanswered="Select whether your child has an EHC plan"
    />
  );
}

export function SocialCareAssessmentPage() {
  const { answers } = useChecker();
  const rules = usePublishedRules();
  const [assessment, setAssessment] = useState(answers.socialCareAssessment);
  const [tierCode, setTierCode] = useState(answers.assessedTier?.code ?? null);
  const heading = 'Has children’s social care assessed your child’s needs?';
  const tiers = rules.status === 'ready' ? (rules.rules?.tiers ?? []) : [];
  const isAssessed = assessment === 'ASSESSED';

  return (
    <QuestionPage<'socialCareAssessment' | 'assessedTier'>
      question="social-care-assessment"
      heading={heading}
      isFieldTheHeading
      read={() => {
        if (assessment === null) {
          return {
            errors: [
              {
                field: 'socialCareAssessment',
                message: 'Select whether children’s social care has assessed your child',
              },
            ],
          };
        }
        // Until the rules have loaded, the tier cannot be asked, so the answer is not complete.
        if (isAssessed && rules.status === 'loading') {
          return {
            errors: [
              {
                field: null,
                message:
                  'The tiers of support are still loading. Wait a moment, then select the tier the assessment placed your child at',
              },
            ],
          };
        }
        const tier = tiers.find((candidate) => candidate.code === tierCode);
        // Without published tiers to choose from, an assessment's tier cannot be asked.
        if (isAssessed && !tier && tiers.length > 0) {
          return {
            errors: [
              {
                field: 'assessedTier',
                message: 'Select the tier the assessment placed your child at',
              },
            ],
          };
        }
        return {
          answers: {
            socialCareAssessment: assessment,
            assessedTier: isAssessed && tier ? { code: tier.code, name: tier.name } : null,
          },
        };
      }}
    >
      {(errorFor) => {
        // The tier is asked only of an assessed child, under that answer.
        const tierQuestion =
          tiers.length > 0 ? (
            <Radios
              name="assessedTier"
              legend="Which tier did the assessment place your child at?"
              legendSize="s"
              options={tierOptions(tiers)}
              value={tierCode}
              onChange={setTierCode}
              error={errorFor('assessedTier')}
            />
          ) : rules.status === 'loading' ? (
            <p className="govuk-body" role="status">
              Loading tiers…
            </p>
          ) : rules.status === 'failed' ? (
            <p className="govuk-body">
              Sorry, we cannot show the tiers of support at the moment. You can continue without
              saying which one.
            </p>
          ) : (
            <p className="govuk-body">
              The council has not published its tiers of support yet, so you cannot say which one.
              You can continue without it.
            </p>
          );
        return (
          <Radios
            name="socialCareAssessment"
            legend={heading}
            isPageHeading
            hint="A social care assessment looks at what your child and your family need. It decides which tier of support the council offers."
            options={vocabularyOptions(SOCIAL_CARE_ASSESSMENT_STATUSES.items).map((option) => ({
              ...option,
              conditional: option.value === 'ASSESSED' ? tierQuestion : undefined,
            }))}
            value={assessment}
            onChange={setAssessment}
            error={errorFor('socialCareAssessment')}
          />
        );
      }}
    </QuestionPage>
  );
}

export function SupportPage() {
  return (
    <ChoicePage
      question="support"
      heading={supportQuestion.heading('your child')}
      answer="supportNeeded"
      items={SUPPORT_NEEDED.items}
      unanswered="Select the support your child needs to join in"
      hint={supportQuestion.hint}
    />
  );
}

type SupportDetails = { communication: string[]; mobility: string[]; health: string[] };

const supportDetailGroups: {
  key: keyof SupportDetails;
  legend: string;
  options: CheckboxOption[];
}[] = [
  {
    key: 'communication',
    legend: 'Communication',
    options: vocabularyOptions(COMMUNICATION_METHODS.items),
  },
  { key: 'mobility', legend: 'Mobility', options: vocabularyOptions(MOBILITY_NEEDS.items) },
  { key: 'health', legend: 'Health', options: vocabularyOptions(HEALTH_NEEDS.items) },
];

export function SupportDetailsPage() {
  const { answers } = useChecker();
  const [details, setDetails] = useState<SupportDetails>(
    answers.supportDetails ?? { communication: [], mobility: [], health: [] },
  );

  return (
    <QuestionPage<never>
      question="support-details"
      heading="What should staff be able to help with?"
      read={() => ({ answers: { supportDetails: details } })}
    >
      {() => (
        <>
          <p className="govuk-body">
            Select any that apply. Services say what their staff are trained in, so we can show the
            ones that fit your child. If none apply, continue without selecting any.
          </p>
          {supportDetailGroups.map(({ key, legend, options }) => (
            <Checkboxes
              key={key}
              name={key}
              legend={legend}
              legendSize="m"
              options={options}
              values={details[key]}
              onChange={(chosen) => setDetails((current) => ({ ...current, [key]: chosen }))}
            />
          ))}
        </>
      )}
    </QuestionPage>
  );
}

export function BudgetPage() {
  return (
    <ChoicePage
      question="budget"
      heading="Who holds your child’s personal budget?"
      answer="budgetHolder"
      items={BUDGET_HOLDERS.items}
      unanswered="Select who holds your child’s personal budget, or that they do not have one"
      hint="A personal budget is money the council sets aside for your child’s support. It can be paid to you as a direct payment."
    />
  );
}
