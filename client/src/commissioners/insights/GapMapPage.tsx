import { useId } from 'react';
import { BiggestGapsTable, DistrictsTable } from './GapTables';
import { GapMap } from './GapMap';
import { fetchGaps, type GapCell } from './insightsApi';
import { BarsChart } from './LazyCharts';
import { cellWords, districtWords, gapIndexWords } from './insightsWords';
import { PanelPage } from './PanelPage';

const CHART_BARS = 10;

/** The biggest gaps that have an index: a cell with no places at all has none to draw. */
function chartedCells(cells: readonly GapCell[]) {
  return cells.filter((cell) => cell.gapIndex !== null).slice(0, CHART_BARS);
}

/** The gap index of the biggest gaps that have one, as bars named by their rank. */
function BiggestGapsChart({ cells }: { cells: readonly GapCell[] }) {
  const charted = chartedCells(cells);
  if (charted.length === 0) {
    return (
      <p className="govuk-body">
        There is no chart: no gap has both children and places to compare.
      </p>
    );
  }
  const summary = `Bar chart of the gap index of the ${charted.length} biggest gaps that have places: ${charted
    .map((cell) => `${cellWords(cell)}, ${gapIndexWords(cell.gapIndex, cell.children)}`)
    .join('; ')}.`;
  return (
    <>
      <p className="govuk-body">
        The chart shows the gap index of up to {CHART_BARS} of the biggest gaps that have some
        places, each by its rank and district. Gaps with children and no places at all come first in
        the table.
      </p>
      <BarsChart
        summary={summary}
        valueName="Gap index"
        bars={charted.map((cell) => ({
          name: `${cell.rank}. ${districtWords(cell.district)}`,
          value: cell.gapIndex ?? 0,
        }))}
      />
    </>
  );
}

/** Where demand outruns supply: by district on a map and a table, then the biggest gaps. */
export function GapMapPage() {
  const mapDescriptionId = useId();
  return (
    <PanelPage title="Where places fall short of need" load={fetchGaps}>
      {(panel) => (
        <>
          <h2 className="govuk-heading-m">How the gap index is worked out</h2>
          <div className="govuk-inset-text">{panel.formula}</div>
          <h2 className="govuk-heading-m">Map of the gaps by district</h2>
          <p className="govuk-body" id={mapDescriptionId}>
            Each circle is a district: the more children, the bigger the circle; its colour and
            outline say how big the gap is. The table after the map lists the same districts.
          </p>
          <GapMap districts={panel.districts} descriptionId={mapDescriptionId} />
          <DistrictsTable panel={panel} />
          <h2 className="govuk-heading-m">Biggest gaps</h2>
          <BiggestGapsChart cells={panel.cells} />
          <BiggestGapsTable
            cells={panel.cells}
            caption={
              chartedCells(panel.cells).length
                ? 'Biggest gaps, ranked: the chart above as a table'
                : 'Biggest gaps, ranked'
            }
          />
        </>
      )}
    </PanelPage>
  );
}
