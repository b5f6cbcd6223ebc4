import { Link } from 'react-router';
import type { GapCell, GapPanel } from './insightsApi';
import { gapBandOf } from './gapBands';
import { InsightTable, type InsightColumn } from './InsightTable';
import {
  ageBandWords,
  cellWords,
  districtWords,
  gapIndexWords,
  needWords,
  perWeek,
  shown,
} from './insightsWords';
import { useMonth } from './month';
import { gapPath } from './paths';

/** The gap panel's districts, as the map's equivalent. */
export function DistrictsTable({ panel }: { panel: GapPanel }) {
  return (
    <InsightTable
      caption="Gaps by district"
      file="districts"
      rows={panel.districts}
      rowKey={(row) => row.district}
      empty="There are no children or places to compare in any district."
      columns={[
        { heading: 'District', text: (row) => districtWords(row.district) },
        { heading: 'Children', isNumeric: true, text: (row) => shown(row.children) },
        { heading: 'Places a week', isNumeric: true, text: (row) => perWeek(row.placesPerWeek) },
        {
          heading: 'Gap index',
          isNumeric: true,
          text: (row) => gapIndexWords(row.gapIndex, row.children),
        },
        { heading: 'How big a gap', text: (row) => gapBandOf(row.gapIndex, row.children).words },
      ]}
    />
  );
}

const rankedColumns: readonly InsightColumn<GapCell>[] = [
  { heading: 'Rank', isNumeric: true, text: (row) => String(row.rank) },
  { heading: 'District', text: (row) => districtWords(row.district) },
  { heading: 'Need', text: (row) => needWords(row.need) },
  { heading: 'Age band', text: (row) => ageBandWords(row.ageBand) },
  { heading: 'Children', isNumeric: true, text: (row) => shown(row.children) },
  { heading: 'Places a week', isNumeric: true, text: (row) => perWeek(row.placesPerWeek) },
  {
    heading: 'Gap index',
    isNumeric: true,
    text: (row) => gapIndexWords(row.gapIndex, row.children),
  },
];

/**
 * Every gap cell, biggest first, each with a link to what is behind it; none in the report,
 * where on paper a link leads nowhere.
 */
export function BiggestGapsTable({
  cells,
  caption,
  hasLinks = true,
}: {
  cells: readonly GapCell[];
  caption: string;
  hasLinks?: boolean;
}) {
  const [month] = useMonth();
  const details: InsightColumn<GapCell> = {
    heading: 'Details',
    cell: (row) => (
      <Link to={{ pathname: gapPath(row), search: `?month=${month}` }} className="govuk-link">
        View<span className="govuk-visually-hidden"> {cellWords(row)}</span>
      </Link>
    ),
  };
  return (
    <InsightTable
      caption={caption}
      file="gaps"
      rows={cells}
      rowKey={(row) => `${row.district}|${row.need}|${row.ageBand}`}
      empty="No district has children waiting for a kind of break."
      columns={hasLinks ? [...rankedColumns, details] : rankedColumns}
    />
  );
}
