import { fetchDemand, type DemandPanel } from './insightsApi';
import { InsightTable } from './InsightTable';
import {
  ageBandWords,
  districtWords,
  hiddenNumber,
  moneyWords,
  monthWords,
  needWords,
  serviceTypeWords,
  shown,
  tierWords,
} from './insightsWords';
import { PanelPage } from './PanelPage';

const searchResults = { NONE: 'Nothing found', FEW: 'One or two found' };

/** Children, checks, searches that found little, waiting lists, offers and unspent budgets. */
export function DemandTables({ panel }: { panel: DemandPanel }) {
  return (
    <>
      <InsightTable
        caption="Children by district, need, age band and tier"
        file="demand-children"
        rows={panel.children}
        rowKey={(row) => [row.district, row.need, row.ageBand, row.tier].join('|')}
        empty="There are no children on Harbour."
        columns={[
          { heading: 'District', text: (row) => districtWords(row.district) },
          { heading: 'Need', text: (row) => needWords(row.need) },
          { heading: 'Age band', text: (row) => ageBandWords(row.ageBand) },
          { heading: 'Tier', text: (row) => tierWords(row.tier) },
          { heading: 'Children', isNumeric: true, text: (row) => shown(row.children) },
        ]}
      />
      <InsightTable
        caption="Eligibility checks by the best tier found"
        file="demand-eligibility"
        rows={panel.eligibility}
        rowKey={(row) => `${row.month}|${row.tier}`}
        empty="Nobody checked what support they could get."
        columns={[
          { heading: 'Month', text: (row) => monthWords(row.month) },
          { heading: 'Best tier', text: (row) => tierWords(row.tier) },
          { heading: 'Checks', isNumeric: true, text: (row) => shown(row.checks) },
        ]}
      />
      <InsightTable
        caption="Searches that found few or no services"
        file="demand-searches"
        rows={panel.searches}
        rowKey={(row) =>
          [row.month, row.district, row.need, row.ageBand, row.serviceType, row.results].join('|')
        }
        empty="Every search found at least a few services."
        columns={[
          { heading: 'Month', text: (row) => monthWords(row.month) },
          { heading: 'District searched', text: (row) => districtWords(row.district) },
          { heading: 'Need', text: (row) => needWords(row.need) },
          { heading: 'Age band', text: (row) => ageBandWords(row.ageBand) },
          { heading: 'Type', text: (row) => serviceTypeWords(row.serviceType) },
          { heading: 'Results', text: (row) => searchResults[row.results] },
          { heading: 'Searches', isNumeric: true, text: (row) => shown(row.searches) },
        ]}
      />
      <InsightTable
        caption="Waiting lists"
        file="demand-waiting"
        rows={panel.waitlists}
        rowKey={(row) => `${row.district}|${row.serviceType}`}
        empty="Nobody is on a waiting list."
        columns={[
          { heading: 'District', text: (row) => districtWords(row.district) },
          { heading: 'Type', text: (row) => serviceTypeWords(row.serviceType) },
          { heading: 'Waiting', isNumeric: true, text: (row) => shown(row.waiting) },
          {
            heading: 'Average days waiting so far',
            isNumeric: true,
            text: (row) => hiddenNumber(row.averageWaitDays),
          },
        ]}
      />
      <InsightTable
        caption="Offers of a place declined or left to expire"
        file="demand-offers"
        rows={panel.offers}
        rowKey={(row) => [row.month, row.district, row.serviceType].join('|')}
        empty="No offer of a place was declined or left to expire."
        columns={[
          { heading: 'Month', text: (row) => monthWords(row.month) },
          { heading: 'District', text: (row) => districtWords(row.district) },
          { heading: 'Type', text: (row) => serviceTypeWords(row.serviceType) },
          { heading: 'Declined', isNumeric: true, text: (row) => shown(row.declined) },
          { heading: 'Expired', isNumeric: true, text: (row) => shown(row.expired) },
        ]}
      />
      <InsightTable
        caption="Budgets with money unspent"
        file="demand-unspent"
        rows={panel.unspentBudgets}
        rowKey={(row) => row.district}
        empty="No budget has money unspent."
        columns={[
          { heading: 'District', text: (row) => districtWords(row.district) },
          { heading: 'Budgets', isNumeric: true, text: (row) => shown(row.budgets) },
          { heading: 'Allocated', isNumeric: true, text: (row) => moneyWords(row.allocated) },
          { heading: 'Unspent', isNumeric: true, text: (row) => moneyWords(row.unspent) },
        ]}
      />
    </>
  );
}

export function DemandPage() {
  return (
    <PanelPage title="Demand for short breaks" load={fetchDemand}>
      {(panel) => <DemandTables panel={panel} />}
    </PanelPage>
  );
}
