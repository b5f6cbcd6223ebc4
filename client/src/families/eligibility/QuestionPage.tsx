import type { FormEvent, ReactNode } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { FormError } from '../../api/userErrors';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { usePageTitle } from '../../shell/usePageTitle';
import {
  CHECK_ANSWERS_PATH,
  firstUnanswered,
  QUESTIONS,
  questionPath,
  START_PATH,
  type CheckerAnswers,
  type Question,
} from './checkerAnswers';
import { useChecker } from './EligibilityCheckerProvider';

type QuestionPageProps<Field extends string> = {
  question: Question;
  /** The question, as the page's h1 and title. */
  heading: string;
  /**
   * Reads the page's answers: the answers to keep, or the mistakes to show. Nothing is kept
   * unless every answer on the page is right.
   */
  read: () => { answers: Partial<CheckerAnswers> } | { errors: FormError<Field>[] };
  /** The id of the field an error links to, when it is not the field's own name. */
  fieldId?: (field: Field) => string;
  /**
   * True when the page asks one question and its field's label or legend is the h1 (say
   * `heading` to it too); false for a page of several related questions under one h1.
   */
  isFieldTheHeading?: boolean;
  children: (errorFor: (field: Field) => string | undefined) => ReactNode;
};

/**
 * One question of the checker, as GOV.UK's question pages ask it: a Back link, the question as
 * the h1, the error summary and inline errors, and Continue. Continue goes to the next question,
 * or back to "Check your answers" when the question was opened to change an answer there.
 */
export function QuestionPage<Field extends string>({
  question,
  heading,
  read,
  fieldId,
  isFieldTheHeading = false,
  children,
}: QuestionPageProps<Field>) {
  const { answers, answer } = useChecker();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const isChange = searchParams.get('change') === 'true';
  const form = useFormSubmission<Field>();
  usePageTitle(heading, { hasErrors: form.hasErrors });

  const index = QUESTIONS.indexOf(question);
  const unanswered = firstUnanswered(answers);
  // Someone who opens a later question directly (a bookmark, a shared computer's history)
  // has no answers here to build on: the checker starts again.
  if (unanswered !== null && QUESTIONS.indexOf(unanswered) < index) {
    return <Navigate replace to={START_PATH} />;
  }

  const previous = QUESTIONS[index - 1];
  const backPath = isChange ? CHECK_ANSWERS_PATH : previous ? questionPath(previous) : START_PATH;
  const next = QUESTIONS[index + 1];

  const send = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, async () => {
      const page = read();
      if ('errors' in page) return page.errors;
      answer(page.answers);
      navigate(isChange || !next ? CHECK_ANSWERS_PATH : questionPath(next));
      return [];
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={backPath} className="govuk-back-link">
          Back
        </Link>
        <FormErrorSummary
          form={form}
          unavailableOutcome="Your answer has not been kept."
          fieldId={fieldId}
        />
        <form noValidate onSubmit={send}>
          {!isFieldTheHeading && <h1 className="govuk-heading-l">{heading}</h1>}
          {children(form.errorFor)}
          <button type="submit" className="govuk-button">
            Continue
          </button>
        </form>
      </div>
    </div>
  );
}
