import { useId, type ReactNode } from 'react';

type TableColumn = { heading: string; isNumeric?: boolean };
type TableRow = { key: string; cells: readonly ReactNode[] };

type TableProps = {
  caption: string;
  /** Hides the caption visually, when a heading just above already says it. */
  isCaptionHidden?: boolean;
  /** Medium for a table that stands as a section of its own, under no heading. */
  captionSize?: 's' | 'm';
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  /** Makes each row's first cell its header, when it names what the row counts. */
  hasRowHeaders?: boolean;
  /** For a table too wide for a phone: it scrolls sideways in a box named by the caption. */
  isScrollable?: boolean;
};

/** A GOV.UK table; numeric columns line up on the right. */
export function Table({
  caption,
  isCaptionHidden = false,
  captionSize = 's',
  columns,
  rows,
  hasRowHeaders = false,
  isScrollable = false,
}: TableProps) {
  const captionId = useId();
  const numeric = (index: number) => columns[index]?.isNumeric ?? false;
  const table = (
    <table className="govuk-table">
      <caption
        id={isScrollable ? captionId : undefined}
        className={`govuk-table__caption ${isCaptionHidden ? 'govuk-visually-hidden' : `govuk-table__caption--${captionSize}`}`}
      >
        {caption}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map(({ heading, isNumeric }) => (
            <th
              key={heading}
              scope="col"
              className={`govuk-table__header${isNumeric ? ' govuk-table__header--numeric' : ''}`}
            >
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map(({ key, cells }) => (
          <tr key={key} className="govuk-table__row">
            {cells.map((cell, index) =>
              hasRowHeaders && index === 0 ? (
                <th key={index} scope="row" className="govuk-table__header">
                  {cell}
                </th>
              ) : (
                <td
                  key={index}
                  className={`govuk-table__cell${numeric(index) ? ' govuk-table__cell--numeric' : ''}`}
                >
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!isScrollable) return table;
  return (
    <div className="harbour-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      {table}
    </div>
  );
}
