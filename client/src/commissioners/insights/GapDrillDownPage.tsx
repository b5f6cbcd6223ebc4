import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { SummaryList } from '../../govuk/SummaryList';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { fetchGap, type GapCellKey } from './insightsApi';
import { InsightTable } from './InsightTable';
import { ServicesTable } from './ServicesTable';
import {
  ageBandWords,
  districtWords,
  gapIndexWords,
  needWords,
  perWeek,
  shown,
  tierWords,
  timeBandWords,
} from './insightsWords';
import { useMonth } from './month';
import { PanelPage } from './PanelPage';
import { insightsPath } from './paths';

/** One gap cell: the anonymised counts and the services behind its index. */
export function GapDrillDownPage() {
  const { district, need, ageBand } = useParams();
  if (!district || !need || !ageBand) return <NotFoundPage />;
  return <DrillDown cell={{ district, need, ageBand }} />;
}

function DrillDown({ cell }: { cell: GapCellKey }) {
  const [month] = useMonth();
  const { district, need, ageBand } = cell;
  const load = useCallback(
    (chosen: string) => fetchGap({ district, need, ageBand }, chosen),
    [district, need, ageBand],
  );
  const title = `${districtWords(district)}: ${needWords(need)}, ages ${ageBandWords(ageBand)}`;
  // Names the cell's CSV files, as in insights-exeter-autism-5-10-services-2026-12.csv.
  const file = [district, need, ageBand]
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

  return (
    <PanelPage
      title={title}
      load={load}
      before={
        <Link
          to={{ pathname: insightsPath, search: `?month=${month}` }}
          className="govuk-back-link"
        >
          Back to the gap map
        </Link>
      }
    >
      {(gap) => (
        <>
          <SummaryList
            rows={[
              { key: 'Children', value: shown(gap.children) },
              { key: 'Gap index', value: gapIndexWords(gap.gapIndex, gap.children) },
              { key: 'Waiting for a place', value: shown(gap.waiting) },
              { key: 'Searches with few or no results', value: shown(gap.searchesWithFewResults) },
            ]}
          />
          <InsightTable
            caption="Children by tier"
            file={`${file}-tiers`}
            rows={gap.childrenByTier}
            rowKey={(row) => row.tier}
            empty="There are no children to count by tier."
            columns={[
              { heading: 'Tier', text: (row) => tierWords(row.tier) },
              { heading: 'Children', isNumeric: true, text: (row) => shown(row.children) },
            ]}
          />
          <InsightTable
            caption="Places by time of the week"
            file={`${file}-places`}
            rows={gap.placesByTime}
            rowKey={(row) => row.timeBand}
            empty="There are no places for these children this month."
            columns={[
              { heading: 'Time of the week', text: (row) => timeBandWords(row.timeBand) },
              {
                heading: 'Places a week',
                isNumeric: true,
                text: (row) => perWeek(row.placesPerWeek),
              },
            ]}
          />
          <ServicesTable
            caption="Services for these children"
            file={`${file}-services`}
            services={gap.services}
            empty="No service in the directory is for these children."
          />
        </>
      )}
    </PanelPage>
  );
}
