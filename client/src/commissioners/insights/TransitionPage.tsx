import { fetchTransition, type TransitionPanel } from './insightsApi';
import { InsightTable } from './InsightTable';
import { districtWords, gapIndexWords, perWeek, shown } from './insightsWords';
import { PanelPage } from './PanelPage';
import { ServicesTable } from './ServicesTable';

/** Services for 16 to 25, which can go on past 18, and who turns 18 in the next year. */
export function TransitionTables({ panel }: { panel: TransitionPanel }) {
  return (
    <>
      <InsightTable
        caption="Services for young people aged 16 to 25, by district"
        file="transition-districts"
        rows={panel.districts}
        rowKey={(row) => row.district}
        empty="No district has services or young people aged 16 to 25."
        columns={[
          { heading: 'District', text: (row) => districtWords(row.district) },
          { heading: 'Services', isNumeric: true, text: (row) => String(row.services) },
          {
            heading: 'Of those, can go on past 18',
            isNumeric: true,
            text: (row) => String(row.continuingPast18),
          },
          { heading: 'Young people', isNumeric: true, text: (row) => shown(row.youngPeople) },
          { heading: 'Places a week', isNumeric: true, text: (row) => perWeek(row.placesPerWeek) },
          {
            heading: 'Gap index',
            isNumeric: true,
            text: (row) => gapIndexWords(row.gapIndex, row.youngPeople),
          },
        ]}
      />
      <InsightTable
        caption="Turning 18 in the next 12 months"
        file="transition-turning-18"
        rows={panel.turningEighteen}
        rowKey={(row) => row.district}
        empty="Nobody turns 18 in the next 12 months."
        columns={[
          { heading: 'District', text: (row) => districtWords(row.district) },
          { heading: 'Young people', isNumeric: true, text: (row) => shown(row.youngPeople) },
          {
            heading: 'Booked with a service that cannot go on past 18',
            isNumeric: true,
            text: (row) => shown(row.servicesCannotContinue),
          },
          {
            heading: 'No service booked through Harbour',
            isNumeric: true,
            text: (row) => shown(row.noServiceBooked),
          },
        ]}
      />
      <ServicesTable
        caption="Services for young people aged 16 to 25"
        file="transition-services"
        services={panel.services}
        empty="No service in the directory is for young people aged 16 to 25."
      />
    </>
  );
}

export function TransitionPage() {
  return (
    <PanelPage title="Moving into adult services (16 to 25)" load={fetchTransition}>
      {(panel) => <TransitionTables panel={panel} />}
    </PanelPage>
  );
}
