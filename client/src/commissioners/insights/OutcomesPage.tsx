import { fetchOutcomes, type OutcomeMonth, type OutcomesPanel } from './insightsApi';
import { MonthsChart } from './LazyCharts';
import { InsightTable } from './InsightTable';
import { districtWords, moneyWords, monthWords, shown } from './insightsWords';
import { PanelPage } from './PanelPage';

/** The commissioning plan's measures that the chart draws; counts under 5 are left out. */
const charted = [
  { key: 'bookings', name: 'Sessions booked' },
  { key: 'localCommunityAttendances', name: 'Local community attendances' },
  { key: 'profilesShared', name: 'Profiles shared' },
  { key: 'newServices', name: 'New services' },
] as const;

// "Jan 2026": twelve long month names do not fit side by side under a chart.
const shortMonth = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  month: 'short',
  year: 'numeric',
});

const chartValue = (month: OutcomeMonth, key: (typeof charted)[number]['key']) => {
  const measure = month[key];
  return typeof measure === 'number' ? measure : measure.value;
};

/** The months, oldest first, and where inclusive community activities were used. */
export function OutcomesTables({
  panel,
  caption = 'The last 12 months',
}: {
  panel: OutcomesPanel;
  caption?: string;
}) {
  return (
    <>
      <InsightTable
        caption={caption}
        file="outcomes-months"
        rows={panel.months}
        rowKey={(row) => row.month}
        empty="There are no months to show."
        columns={[
          { heading: 'Month', text: (row) => monthWords(row.month) },
          { heading: 'Sessions booked', isNumeric: true, text: (row) => shown(row.bookings) },
          {
            heading: 'Local community attendances',
            isNumeric: true,
            text: (row) => shown(row.localCommunityAttendances),
          },
          { heading: 'Profiles shared', isNumeric: true, text: (row) => shown(row.profilesShared) },
          { heading: 'New services', isNumeric: true, text: (row) => String(row.newServices) },
          {
            heading: 'Cost per hour',
            isNumeric: true,
            text: (row) => moneyWords(row.costPerHour, 'No hours booked'),
          },
        ]}
      />
      <InsightTable
        caption="Local use of inclusive community activities and clubs"
        file="outcomes-local-use"
        rows={panel.localUse}
        rowKey={(row) => `${row.month}|${row.district}`}
        empty="Nobody attended an inclusive community activity or club."
        columns={[
          { heading: 'Month', text: (row) => monthWords(row.month) },
          { heading: 'District', text: (row) => districtWords(row.district) },
          { heading: 'Attendances', isNumeric: true, text: (row) => shown(row.attendances) },
        ]}
      />
    </>
  );
}

function chartSummary(months: readonly OutcomeMonth[]): string {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return 'Line chart with no months.';
  const changes = charted.map(({ key, name }) => {
    const from = chartValue(first, key);
    const to = chartValue(last, key);
    return from === null || to === null
      ? `${name}: fewer than 5 in ${from === null ? monthWords(first.month) : monthWords(last.month)}`
      : `${name}: ${from} to ${to}`;
  });
  return `Line chart of the months from ${monthWords(first.month)} to ${monthWords(last.month)}. ${changes.join('; ')}.`;
}

export function OutcomesPage() {
  return (
    <PanelPage title="Outcomes of the commissioning plan" load={fetchOutcomes}>
      {(panel) => (
        <>
          <p className="govuk-body">
            Counts of fewer than 5 are not drawn: the line stops for that month. The table after the
            chart gives every month.
          </p>
          <MonthsChart
            summary={chartSummary(panel.months)}
            series={charted}
            months={panel.months.map((month) => ({
              month: shortMonth.format(new Date(`${month.month}-01T00:00:00Z`)),
              ...Object.fromEntries(charted.map(({ key }) => [key, chartValue(month, key)])),
            }))}
          />
          <OutcomesTables panel={panel} caption="The last 12 months: the chart above as a table" />
        </>
      )}
    </PanelPage>
  );
}
