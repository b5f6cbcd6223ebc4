import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { CheckAnswersPage } from './CheckAnswersPage';
import { QUESTIONS, type Question } from './checkerAnswers';
import {
  BudgetPage,
  DateOfBirthPage,
  DiagnosisPage,
  EhcPlanPage,
  NeedsPage,
  SocialCareAssessmentPage,
  SupportDetailsPage,
  SupportPage,
  WhereYouLivePage,
} from './CheckerQuestionPages';
import { CheckResultPage } from './CheckResultPage';
import { CheckStartPage } from './CheckStartPage';

// Every question has its page, at the path named by the question.
const questionPages: Record<Question, ReactElement> = {
  'date-of-birth': <DateOfBirthPage />,
  'where-you-live': <WhereYouLivePage />,
  needs: <NeedsPage />,
  diagnosis: <DiagnosisPage />,
  'ehc-plan': <EhcPlanPage />,
  'social-care-assessment': <SocialCareAssessmentPage />,
  support: <SupportPage />,
  'support-details': <SupportDetailsPage />,
  budget: <BudgetPage />,
};

/** The anonymous eligibility checker, under /families/check: start, questions, answers, result. */
export function EligibilityCheckerRoutes() {
  return (
    <Routes>
      <Route index element={<CheckStartPage />} />
      {QUESTIONS.map((question) => (
        <Route key={question} path={question} element={questionPages[question]} />
      ))}
      <Route path="check-answers" element={<CheckAnswersPage />} />
      <Route path="result" element={<CheckResultPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
