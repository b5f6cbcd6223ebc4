import { DemandTables } from './DemandPage';
import { BiggestGapsTable, DistrictsTable } from './GapTables';
import { fetchReport } from './insightsApi';
import { SectionLevel } from './InsightTable';
import { OutcomesTables } from './OutcomesPage';
import { PanelPage } from './PanelPage';
import { QualityTables } from './QualityPage';
import { SpendTables } from './SpendPage';
import { SupplyTables } from './SupplyPage';
import { TransitionTables } from './TransitionPage';

/**
 * Every panel's tables on one page, for the joint commissioning group: printed, it is only
 * the report (no navigation, month form or download links; see insights.scss).
 */
export function ReportPage() {
  return (
    <PanelPage
      title="Short breaks market: report for the joint commissioning group"
      load={fetchReport}
      intro={
        <button
          type="button"
          className="govuk-button govuk-button--secondary harbour-no-print"
          onClick={() => window.print()}
        >
          Print this report
        </button>
      }
    >
      {(report) => (
        <div className="harbour-insights-report">
          <SectionLevel value={3}>
            <h2 className="govuk-heading-l">Gaps between need and places</h2>
            <div className="govuk-inset-text">{report.gaps.formula}</div>
            <DistrictsTable panel={report.gaps} />
            <BiggestGapsTable
              cells={report.gaps.cells}
              caption="Biggest gaps, ranked"
              hasLinks={false}
            />
            <h2 className="govuk-heading-l">Supply</h2>
            <SupplyTables panel={report.supply} />
            <h2 className="govuk-heading-l">Demand</h2>
            <DemandTables panel={report.demand} />
            <h2 className="govuk-heading-l">Moving into adult services (16 to 25)</h2>
            <TransitionTables panel={report.transition} />
            <h2 className="govuk-heading-l">Quality</h2>
            <QualityTables panel={report.quality} />
            <h2 className="govuk-heading-l">Spending and value</h2>
            <SpendTables panel={report.spend} />
            <h2 className="govuk-heading-l">Outcomes</h2>
            <OutcomesTables panel={report.outcomes} />
          </SectionLevel>
        </div>
      )}
    </PanelPage>
  );
}
