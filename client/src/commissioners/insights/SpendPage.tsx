import { formatMoney, FUND_KINDS } from '@harbour/shared';
import { SummaryList } from '../../govuk/SummaryList';
import { fetchSpend, type SpendPanel } from './insightsApi';
import { InsightTable, SectionHeading } from './InsightTable';
import { moneyWords, percentWords, perWeek, serviceTypeWords } from './insightsWords';
import { PanelPage } from './PanelPage';

/** Money of fewer than 5 personal budgets is not shown: it would tell a family's budget. */
const budgetMoney = (amount: Parameters<typeof formatMoney>[0] | null) =>
  amount ? formatMoney(amount) : 'Not shown (fewer than 5 budgets)';

/** Spend and commitments, cost per hour, how full services are, and the year-end forecast. */
export function SpendTables({ panel }: { panel: SpendPanel }) {
  const { forecast } = panel;
  const headroom = forecast.headroom.amountPence;
  return (
    <>
      <InsightTable
        caption={`Spending by fund and type of service, ${panel.year} to ${panel.year + 1}`}
        file="spend-by-fund"
        rows={panel.byFund}
        rowKey={(row) => `${row.fundKind}|${row.serviceType}`}
        empty="Nothing has been allocated or spent this budget year."
        columns={[
          { heading: 'Fund', text: (row) => FUND_KINDS.label(row.fundKind) },
          { heading: 'Type', text: (row) => serviceTypeWords(row.serviceType) },
          { heading: 'Allocated', isNumeric: true, text: (row) => budgetMoney(row.allocated) },
          { heading: 'Held for bookings', isNumeric: true, text: (row) => budgetMoney(row.held) },
          { heading: 'Spent', isNumeric: true, text: (row) => budgetMoney(row.spent) },
        ]}
      />
      <InsightTable
        caption="Cost per hour booked"
        file="spend-cost-per-hour"
        rows={panel.costPerHour}
        rowKey={(row) => row.serviceType}
        empty="No hours were booked this month."
        columns={[
          { heading: 'Type', text: (row) => serviceTypeWords(row.serviceType) },
          { heading: 'Hours booked', isNumeric: true, text: (row) => perWeek(row.bookedHours) },
          {
            heading: 'Cost per hour',
            isNumeric: true,
            text: (row) => moneyWords(row.costPerHour, 'No hours booked'),
          },
        ]}
      />
      <InsightTable
        caption="How full services are, and who came"
        file="spend-utilisation"
        rows={panel.utilisation}
        rowKey={(row) => row.serviceType}
        empty="No places were offered this month."
        columns={[
          { heading: 'Type', text: (row) => serviceTypeWords(row.serviceType) },
          { heading: 'Places', isNumeric: true, text: (row) => String(row.places) },
          { heading: 'Booked', isNumeric: true, text: (row) => row.booked.shown },
          { heading: 'Attended', isNumeric: true, text: (row) => row.attended.shown },
          { heading: 'Absent', isNumeric: true, text: (row) => row.absent.shown },
          {
            heading: 'Places booked',
            isNumeric: true,
            text: (row) => percentWords(row.bookedPercent, 'No places'),
          },
          {
            heading: 'Bookings attended',
            isNumeric: true,
            text: (row) => percentWords(row.attendedPercent, 'None yet'),
          },
        ]}
      />
      <SectionHeading>
        Forecast to 31 March {forecast.year + 1} (budget year {forecast.year} to {forecast.year + 1}
        )
      </SectionHeading>
      {forecast.leavesOut.length > 0 && (
        <div className="govuk-inset-text">
          These totals leave out money in{' '}
          {forecast.leavesOut
            .map((kind) => `${FUND_KINDS.label(kind).toLowerCase()}s`)
            .join(' and ')}
          : there are fewer than 5 of them here, so it is not shown.
        </div>
      )}
      <SummaryList
        rows={[
          { key: 'Allocated this budget year', value: formatMoney(forecast.envelope) },
          { key: 'Spent', value: formatMoney(forecast.spent) },
          { key: 'Committed to booked sessions', value: formatMoney(forecast.committed) },
          { key: 'Forecast at this year’s rate', value: formatMoney(forecast.forecast) },
          {
            key: 'Headroom',
            value:
              headroom < 0
                ? `${formatMoney({ ...forecast.headroom, amountPence: -headroom })} overspent`
                : formatMoney(forecast.headroom),
          },
        ]}
      />
    </>
  );
}

export function SpendPage() {
  return (
    <PanelPage title="Spending and value" load={fetchSpend}>
      {(panel) => <SpendTables panel={panel} />}
    </PanelPage>
  );
}
