import { fetchSupply, type SupplyPanel } from './insightsApi';
import { InsightTable } from './InsightTable';
import {
  ageBandWords,
  districtWords,
  needWords,
  percentWords,
  perWeek,
  serviceTypeWords,
  shown,
  timeBandWords,
  yesNo,
} from './insightsWords';
import { PanelPage } from './PanelPage';

/** Places and staff a week, the services listed, and how many children have one near home. */
export function SupplyTables({ panel }: { panel: SupplyPanel }) {
  return (
    <>
      <p className="govuk-body">
        A week’s places, staff and sessions are the month’s divided by its {perWeek(panel.weeks)}{' '}
        weeks.
      </p>
      <InsightTable
        caption="Places, staff and sessions a week"
        file="supply-places"
        rows={panel.places}
        rowKey={(row) =>
          [row.district, row.need, row.ageBand, row.timeBand, row.serviceType].join('|')
        }
        empty="No sessions are scheduled this month."
        columns={[
          { heading: 'District', text: (row) => districtWords(row.district) },
          { heading: 'Need', text: (row) => needWords(row.need) },
          { heading: 'Age band', text: (row) => ageBandWords(row.ageBand) },
          { heading: 'Time of the week', text: (row) => timeBandWords(row.timeBand) },
          { heading: 'Type', text: (row) => serviceTypeWords(row.serviceType) },
          { heading: 'Places a week', isNumeric: true, text: (row) => perWeek(row.placesPerWeek) },
          { heading: 'Staff a week', isNumeric: true, text: (row) => perWeek(row.staffPerWeek) },
          {
            heading: 'Sessions a week',
            isNumeric: true,
            text: (row) => perWeek(row.sessionsPerWeek),
          },
        ]}
      />
      <InsightTable
        caption="Services listed, registered or not"
        file="supply-listed"
        rows={panel.listed}
        rowKey={(row) =>
          [row.district, row.need, row.ageBand, row.serviceType, row.registered].join('|')
        }
        empty="No services are listed in the directory."
        columns={[
          { heading: 'District', text: (row) => districtWords(row.district) },
          { heading: 'Need', text: (row) => needWords(row.need) },
          { heading: 'Age band', text: (row) => ageBandWords(row.ageBand) },
          { heading: 'Type', text: (row) => serviceTypeWords(row.serviceType) },
          { heading: 'Registered with Ofsted or CQC', text: (row) => yesNo(row.registered) },
          { heading: 'Services', isNumeric: true, text: (row) => String(row.services) },
        ]}
      />
      <InsightTable
        caption="Children with a suitable service near home"
        file="supply-coverage"
        rows={panel.coverage}
        rowKey={(row) => String(row.withinKm)}
        empty="No children’s homes are known."
        columns={[
          { heading: 'Within', text: (row) => `${row.withinKm} km` },
          { heading: 'Children', isNumeric: true, text: (row) => shown(row.children) },
          { heading: 'With a service', isNumeric: true, text: (row) => shown(row.covered) },
          { heading: 'Percent', isNumeric: true, text: (row) => percentWords(row.percent) },
        ]}
      />
    </>
  );
}

export function SupplyPage() {
  return (
    <PanelPage title="Supply of short breaks" load={fetchSupply}>
      {(panel) => <SupplyTables panel={panel} />}
    </PanelPage>
  );
}
