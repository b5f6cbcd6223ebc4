import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { LoadingPage } from '../../govuk/LoadingPage';
import { NotFoundPage } from '../../shell/NotFoundPage';

// Only commissioners and administrators use these pages, so nobody else downloads them.
const FundsPage = lazy(() =>
  import('./FundsPage').then((module) => ({ default: module.FundsPage })),
);
const AllocatePage = lazy(() =>
  import('./AllocatePage').then((module) => ({ default: module.AllocatePage })),
);
const AllocateOnePage = lazy(() =>
  import('./AllocateOnePage').then((module) => ({ default: module.AllocateOnePage })),
);
const PooledFundNewPage = lazy(() =>
  import('./PooledFundNewPage').then((module) => ({ default: module.PooledFundNewPage })),
);

/** Budgets and funds, under /commissioners/budgets. */
export function BudgetsRoutes() {
  return (
    <Suspense fallback={<LoadingPage title="Funds and spending" />}>
      <Routes>
        <Route index element={<FundsPage />} />
        <Route path="allocate" element={<AllocatePage />} />
        <Route path="allocate-one" element={<AllocateOnePage />} />
        <Route path="pooled-funds/new" element={<PooledFundNewPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
