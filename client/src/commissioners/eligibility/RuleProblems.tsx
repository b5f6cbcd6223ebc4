import { ErrorSummary } from '../../govuk/ErrorSummary';
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
  const pathTo = (place: ProblemPlace): string | undefined => {
    if (!canEdit) return undefined;
    switch (place.kind) {
      case 'tier':
        return place.index < ruleSet.tiers.length ? tierPath(draftId, place.index) : undefined;
      case 'services':
        return draftPath(draftId, '/services');
      case 'name':
        return draftPath(draftId, '/name');
      case 'tiers':
        return draftPath(draftId, '/tiers/new');
      case 'none':
        return undefined;
    }
  };

  return (
    <ErrorSummary
      title={title}
      description={description}
      takesFocus={takesFocus}
      errors={problems.map((problem) => {
        const { text, place } = problemInWords(problem, ruleSet);
        return { message: text, path: pathTo(place) };
      })}
    />
  );
}
