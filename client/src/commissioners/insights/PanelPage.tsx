import { useCallback, type ReactNode } from 'react';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { LoadingPage } from '../../govuk/LoadingPage';
import { ServiceProblemPage } from '../../shell/ServiceProblemPage';
import { usePageTitle } from '../../shell/usePageTitle';
import { InsightsNav } from './InsightsNav';
import { monthWords } from './insightsWords';
import { MonthForm } from './MonthForm';
import { useMonth } from './month';
import './insights.scss';

type PanelPageProps<Panel> = {
  title: string;
  /** Must keep its identity between renders (declare it outside the component). */
  load: (month: string) => Promise<Panel>;
  /** False for a panel that counts no month (the regulators' ratings). */
  hasMonth?: boolean;
  /** Above the caption, such as a back link. */
  before?: ReactNode;
  /** Under the heading, before the figures: what the page is for, a print button. */
  intro?: ReactNode;
  children: (panel: Panel) => ReactNode;
};

/**
 * An insights page: its heading, the panels' navigation, the month, and the panel's figures.
 * Choosing another month keeps the page in place, says it is loading, then which month shows.
 */
export function PanelPage<Panel>({
  title,
  load,
  hasMonth = true,
  before,
  intro,
  children,
}: PanelPageProps<Panel>) {
  const [month] = useMonth();
  const loadMonth = useCallback(
    () => load(month).then((panel) => ({ month, panel })),
    [load, month],
  );
  const { state } = useSignedInQuery(loadMonth);
  usePageTitle(title);

  if (state.status === 'loading') return <LoadingPage title={title} />;
  if (state.status === 'failed') return <ServiceProblemPage />;
  const isCurrent = state.data.month === month;
  return (
    <>
      <InsightsNav />
      {before}
      <span className="govuk-caption-l">Market insights</span>
      <h1 className="govuk-heading-l">{title}</h1>
      {intro}
      {hasMonth && (
        <>
          <MonthForm key={month} />
          <p className="govuk-body govuk-!-font-weight-bold" role="status">
            {isCurrent ? `Figures for ${monthWords(month)}` : 'Loading…'}
          </p>
        </>
      )}
      {children(state.data.panel)}
    </>
  );
}
