import type { ReactNode } from 'react';

type TableColumn = { heading: string; isNumeric?: boolean };
type TableRow = { key: string; cells: readonly ReactNode[] };

type TableProps = {
  caption: string;
  /** Hides the caption visually, when a heading just above already says it. */
  isCaptionHidden?: boolean;
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  /** Makes each row's first cell its header, when it names what the row counts. */
  hasRowHeaders?: boolean;
};

/** A GOV.UK table; numeric columns line up on the right. */
export function Table({
  caption,
  isCaptionHidden = false,
  columns,
  rows,
  hasRowHeaders = false,
}: TableProps) {
  const numeric = (index: number) => columns[index]?.isNumeric ?? false;
  return (
    <table className="govuk-table">
      <caption
        className={`govuk-table__caption ${isCaptionHidden ? 'govuk-visually-hidden' : 'govuk-table__caption--s'}`}
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
}
