import { useCallback, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { ServiceProblemPage } from '../../shell/ServiceProblemPage';
import { fetchDraft, type RuleSet } from './eligibilityApi';
import { draftPath } from './paths';

type WithDraftProps = {
  /** The page, once the draft it shows or edits has loaded. */
  children: (draft: RuleSet, reload: () => void) => ReactNode;
  /** A back link to the draft's page, for the pages that edit one part of it. */
  hasBackLink?: boolean;
};

/** Loads the draft named in the address (`:draftId`). */
export function WithDraft({ children, hasBackLink = false }: WithDraftProps) {
  const { draftId = '' } = useParams();
  const load = useCallback(() => fetchDraft(draftId), [draftId]);
  const { state, reload } = useSignedInQuery(load);

  if (state.status === 'loading') return null;
  if (state.status === 'failed') return <ServiceProblemPage />;
  if (!state.data) return <NotFoundPage />;
  return (
    <>
      {hasBackLink && (
        <Link to={draftPath(state.data.id)} className="govuk-back-link">
          Back to the draft
        </Link>
      )}
      {children(state.data, reload)}
    </>
  );
}
