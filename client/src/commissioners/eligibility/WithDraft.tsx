import { useCallback, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { ServiceProblemPage } from '../../shell/ServiceProblemPage';
import { fetchDraft, type RuleSet } from './eligibilityApi';
import { LoadingPage } from '../../govuk/LoadingPage';
import { draftPath } from './paths';
import { PublishedDraftPage } from './PublishedDraft';

type WithDraftProps = {
  /** The page's title while the draft loads. */
  title: string;
  /** The page, once the draft it shows or edits has loaded. */
  children: (draft: RuleSet, reload: () => void) => ReactNode;
  /**
   * For the pages that change one part of the draft: they have a back link to the draft's page,
   * and once the draft has been published they say it cannot change instead of showing the form.
   */
  isEditPage?: boolean;
};

/** Loads the draft named in the address (`:draftId`). */
export function WithDraft({ title, children, isEditPage = false }: WithDraftProps) {
  const { draftId = '' } = useParams();
  const load = useCallback(() => fetchDraft(draftId), [draftId]);
  const { state, reload } = useSignedInQuery(load);

  if (state.status === 'loading') return <LoadingPage title={title} />;
  if (state.status === 'failed') return <ServiceProblemPage />;
  const draft = state.data;
  if (!draft) return <NotFoundPage />;
  if (!isEditPage) return children(draft, reload);
  if (draft.publishedAsVersion !== null) {
    return <PublishedDraftPage draft={draft} version={draft.publishedAsVersion} />;
  }
  return (
    <>
      <Link to={draftPath(draft.id)} className="govuk-back-link">
        Back to the draft
      </Link>
      {children(draft, reload)}
    </>
  );
}
