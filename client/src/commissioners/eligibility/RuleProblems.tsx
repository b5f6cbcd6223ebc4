import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { RuleSetContent, RuleSetProblem } from './eligibilityApi';
import { draftPath, tierPath } from './paths';
import { problemInWords, type ProblemPlace } from './ruleWords';

type RuleProblemsProps = {
  draftId: string;
  /** The rule set the problems' paths point into. */
  ruleSet: RuleSetContent;
  problems: readonly RuleSetProblem[];
  title: string;
  description?: string;
  /** Whether it takes focus when it appears, as an error summary does after a failed action. */
  takesFocus?: boolean;
  /** Commissioners get links to where each problem is fixed; others only read. */
  canEdit: boolean;
};

/**
 * A GOV.UK error summary of what stops a draft publishing. Unlike the form error summary, each
 * problem links to the page where it is fixed (a tier, the service rules), not to a field here.
 */
export function RuleProblems({
  draftId,
  ruleSet,
  problems,
  title,
  description,
  takesFocus = false,
  canEdit,
}: RuleProblemsProps) {
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (takesFocus) summary.current?.focus();
  }, [takesFocus]);

  const pathTo = (place: ProblemPlace): string | null => {
    if (!canEdit) return null;
    switch (place.kind) {
      case 'tier':
        return place.index < ruleSet.tiers.length ? tierPath(draftId, place.index) : null;
      case 'services':
        return draftPath(draftId, '/services');
      case 'name':
        return draftPath(draftId, '/name');
      case 'tiers':
        return draftPath(draftId, '/tiers/new');
      case 'none':
        return null;
    }
  };

  return (
    <div ref={summary} className="govuk-error-summary" tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {description && <p>{description}</p>}
          <ul className="govuk-list govuk-error-summary__list">
            {problems.map((problem) => {
              const { text, place } = problemInWords(problem, ruleSet);
              const path = pathTo(place);
              return (
                <li key={`${problem.path.join('.')}:${problem.message}`}>
                  {path ? <Link to={path}>{text}</Link> : text}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </div>
  );
}
