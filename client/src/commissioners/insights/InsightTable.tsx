import { createContext, useContext, type ReactNode } from 'react';
import { Table } from '../../govuk/Table';
import { toCsv } from './csv';
import { useMonth } from './month';

export type InsightColumn<Row> = {
  heading: string;
  isNumeric?: boolean;
  /** The cell as text: what the table shows, and what the CSV file holds. */
  text?: (row: Row) => string;
  /** The cell as the page shows it when it is more than text (a link); not in the CSV file. */
  cell?: (row: Row) => ReactNode;
};

type InsightTableProps<Row> = {
  caption: string;
  /** Names the CSV file: insights-<file>-<month>.csv. */
  file: string;
  columns: readonly InsightColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** What the page says instead of an empty table. */
  empty: string;
};

/** The level of a panel's own headings: 2 on its page, 3 in the report, where it is a section. */
export const SectionLevel = createContext<2 | 3>(2);

/** A heading within a panel, at the level the panel stands at. */
export function SectionHeading({ children }: { children: ReactNode }) {
  const Heading = useContext(SectionLevel) === 3 ? 'h3' : 'h2';
  return <Heading className="govuk-heading-m">{children}</Heading>;
}

/**
 * A table of one panel's rows, with a link under it to download the same rows as CSV. Its
 * caption is medium: each table stands as a section of its own.
 */
export function InsightTable<Row>({
  caption,
  file,
  columns,
  rows,
  rowKey,
  empty,
}: InsightTableProps<Row>) {
  if (rows.length === 0) {
    return (
      <>
        <SectionHeading>{caption}</SectionHeading>
        <p className="govuk-body">{empty}</p>
      </>
    );
  }
  return (
    <>
      <Table
        caption={caption}
        captionSize="m"
        isScrollable
        columns={columns}
        rows={rows.map((row) => ({
          key: rowKey(row),
          cells: columns.map((column) => column.cell?.(row) ?? column.text?.(row)),
        }))}
      />
      <DownloadCsv caption={caption} file={file} columns={columns} rows={rows} />
    </>
  );
}

function DownloadCsv<Row>({
  caption,
  file,
  columns,
  rows,
}: Pick<InsightTableProps<Row>, 'caption' | 'file' | 'columns' | 'rows'>) {
  const [month] = useMonth();

  function download() {
    const inFile = columns.flatMap((column) => (column.text ? [column.text] : []));
    const csv = toCsv(
      columns.filter((column) => column.text).map((column) => column.heading),
      rows.map((row) => inFile.map((text) => text(row))),
    );
    // The byte order mark tells spreadsheets the file is UTF-8, so "£" reads as it should.
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `insights-${file}-${month}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; a moment later is safe.
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <p className="govuk-body harbour-no-print">
      <button type="button" className="govuk-link harbour-link-button" onClick={download}>
        Download this table as CSV ({caption})
      </button>
    </p>
  );
}
