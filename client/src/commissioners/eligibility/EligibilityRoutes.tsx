import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireSignIn } from '../../account/RequireSignIn';
import type { Role } from '../../account/viewer';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { LoadingPage } from '../../govuk/LoadingPage';

// Only commissioners and administrators use these pages, so nobody else downloads them.
const EligibilityRulesPage = lazy(() =>
  import('./EligibilityRulesPage').then((module) => ({ default: module.EligibilityRulesPage })),
);
const DraftPage = lazy(() =>
  import('./DraftPage').then((module) => ({ default: module.DraftPage })),
);
const DraftNamePage = lazy(() =>
  import('./DraftNamePage').then((module) => ({ default: module.DraftNamePage })),
);
const TierEditPage = lazy(() =>
  import('./TierEditPage').then((module) => ({ default: module.TierEditPage })),
);
const TierRemovePage = lazy(() =>
  import('./TierRemovePage').then((module) => ({ default: module.TierRemovePage })),
);
const ServiceRulesPage = lazy(() =>
  import('./ServiceRulesPage').then((module) => ({ default: module.ServiceRulesPage })),
);
const PreviewPage = lazy(() =>
  import('./PreviewPage').then((module) => ({ default: module.PreviewPage })),
);

// Administrators may read the rules and drafts; only commissioners change them.
const editorRoles: readonly Role[] = ['COMMISSIONER'];

const forEditors = (page: ReactNode) => <RequireSignIn roles={editorRoles}>{page}</RequireSignIn>;

/** The eligibility rules pages, under /commissioners/eligibility. */
export function EligibilityRoutes() {
  return (
    <Suspense fallback={<LoadingPage title="Eligibility rules" />}>
      <Routes>
        <Route index element={<EligibilityRulesPage />} />
        <Route path="drafts/:draftId" element={<DraftPage />} />
        <Route path="drafts/:draftId/preview" element={<PreviewPage />} />
        <Route path="drafts/:draftId/name" element={forEditors(<DraftNamePage />)} />
        <Route path="drafts/:draftId/services" element={forEditors(<ServiceRulesPage />)} />
        <Route path="drafts/:draftId/tiers/:tierIndex" element={forEditors(<TierEditPage />)} />
        <Route
          path="drafts/:draftId/tiers/:tierIndex/remove"
          element={forEditors(<TierRemovePage />)}
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
