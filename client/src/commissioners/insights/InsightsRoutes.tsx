import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { LoadingPage } from '../../govuk/LoadingPage';
import { NotFoundPage } from '../../shell/NotFoundPage';

// Only commissioners and administrators use these pages, so nobody else downloads them (nor
// Leaflet and the charts they draw with).
const GapMapPage = lazy(() =>
  import('./GapMapPage').then((module) => ({ default: module.GapMapPage })),
);
const GapDrillDownPage = lazy(() =>
  import('./GapDrillDownPage').then((module) => ({ default: module.GapDrillDownPage })),
);
const SupplyPage = lazy(() =>
  import('./SupplyPage').then((module) => ({ default: module.SupplyPage })),
);
const DemandPage = lazy(() =>
  import('./DemandPage').then((module) => ({ default: module.DemandPage })),
);
const TransitionPage = lazy(() =>
  import('./TransitionPage').then((module) => ({ default: module.TransitionPage })),
);
const QualityPage = lazy(() =>
  import('./QualityPage').then((module) => ({ default: module.QualityPage })),
);
const SpendPage = lazy(() =>
  import('./SpendPage').then((module) => ({ default: module.SpendPage })),
);
const OutcomesPage = lazy(() =>
  import('./OutcomesPage').then((module) => ({ default: module.OutcomesPage })),
);
const ReportPage = lazy(() =>
  import('./ReportPage').then((module) => ({ default: module.ReportPage })),
);

/** The market insights panels, under /commissioners/insights. */
export function InsightsRoutes() {
  return (
    <Suspense fallback={<LoadingPage title="Market insights" />}>
      <Routes>
        <Route index element={<GapMapPage />} />
        <Route path="gaps/:district/:need/:ageBand" element={<GapDrillDownPage />} />
        <Route path="supply" element={<SupplyPage />} />
        <Route path="demand" element={<DemandPage />} />
        <Route path="transition" element={<TransitionPage />} />
        <Route path="quality" element={<QualityPage />} />
        <Route path="spend" element={<SpendPage />} />
        <Route path="outcomes" element={<OutcomesPage />} />
        <Route path="report" element={<ReportPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
