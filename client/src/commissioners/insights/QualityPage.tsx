import { RATINGS, REGULATORS } from '@harbour/shared';
import { fetchQuality, type FlaggedService, type QualityPanel } from './insightsApi';
import { InsightTable } from './InsightTable';
import { PanelPage } from './PanelPage';

function FlaggedTable({
  caption,
  file,
  rows,
  empty,
}: {
  caption: string;
  file: string;
  rows: readonly FlaggedService[];
  empty: string;
}) {
  return (
    <InsightTable
      caption={caption}
      file={file}
      rows={rows}
      rowKey={(row) => `${row.service.listingId}|${row.regulator ?? ''}`}
      empty={empty}
      columns={[
        { heading: 'Provider', text: (row) => row.service.providerName },
        { heading: 'Service', text: (row) => row.service.serviceName },
        { heading: 'Town', text: (row) => row.service.town },
        {
          heading: 'Regulator',
          text: (row) => (row.regulator ? REGULATORS.label(row.regulator) : 'None'),
        },
        { heading: 'Why', text: (row) => row.flags.join('; ') },
      ]}
    />
  );
}

/**
 * Services by their latest rating, one table for each regulator: Ofsted and CQC judge
 * different things on different scales, so their ratings are never added together.
 */
export function QualityTables({ panel }: { panel: QualityPanel }) {
  return (
    <>
      {REGULATORS.items.map((regulator) => (
        <InsightTable
          key={regulator.code}
          caption={`Services by their latest ${regulator.label} rating`}
          file={`quality-${regulator.code.toLowerCase()}-ratings`}
          rows={panel.ratings.filter((row) => row.regulator === regulator.code)}
          rowKey={(row) => row.rating}
          empty={`No service has a ${regulator.label} rating.`}
          columns={[
            { heading: 'Rating', text: (row) => RATINGS.label(row.rating) },
            { heading: 'Services', isNumeric: true, text: (row) => String(row.services) },
          ]}
        />
      ))}
      <FlaggedTable
        caption="Not inspected for more than four years, or never"
        file="quality-stale-inspections"
        rows={panel.staleInspections}
        empty="Every registered service has been inspected in the last four years."
      />
      <FlaggedTable
        caption="Rated Inadequate or registration lapsed, and still listed"
        file="quality-still-listed"
        rows={panel.stillListed}
        empty="No service rated Inadequate or with a lapsed registration is still listed."
      />
    </>
  );
}

export function QualityPage() {
  return (
    <PanelPage title="Quality of services" load={fetchQuality} hasMonth={false}>
      {(panel) => <QualityTables panel={panel} />}
    </PanelPage>
  );
}
