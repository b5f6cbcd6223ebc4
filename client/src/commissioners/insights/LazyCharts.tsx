import { lazy, Suspense, type ComponentProps } from 'react';
import type * as Charts from './InsightsCharts';

// The charting library is most of the insights' code: it loads after the page, whose tables
// (the charts' equivalents) show at once; the report, which draws no chart, never loads it.
const Bars = lazy(() =>
  import('./InsightsCharts').then((module) => ({ default: module.BarsChart })),
);
const Months = lazy(() =>
  import('./InsightsCharts').then((module) => ({ default: module.MonthsChart })),
);

const loading = <p className="govuk-body">Loading the chart…</p>;

export function BarsChart(props: ComponentProps<typeof Charts.BarsChart>) {
  return (
    <Suspense fallback={loading}>
      <Bars {...props} />
    </Suspense>
  );
}

export function MonthsChart(props: ComponentProps<typeof Charts.MonthsChart>) {
  return (
    <Suspense fallback={loading}>
      <Months {...props} />
    </Suspense>
  );
}
