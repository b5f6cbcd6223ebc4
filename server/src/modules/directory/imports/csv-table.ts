import { parse } from 'csv-parse/sync';
import { ImportFormatError } from './import-row';

/** One data row of a CSV file, read by column name whatever the capitalisation. */
export interface CsvRow {
  /** As a spreadsheet shows it: every line before it counts, the header and preamble included. */
  rowNumber: number;
  /** The first of these columns that the file has, trimmed ('' when absent or empty). */
  get(...columns: string[]): string;
  /** Values of every column whose (lower-case) name matches. */
  matching(pattern: RegExp): { column: string; value: string }[];
}

export const normaliseHeader = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Reads a CSV file whose header may follow a few preamble lines (CQC's files start with a
 * title and notes). `isHeader` gets each record's cells, normalised, until it says yes.
 * Empty records are skipped but counted, so row numbers stay those of the file.
 */
export function readCsvTable(
  text: string,
  options: { format: string; isHeader: (cells: string[]) => boolean; expected: string },
): CsvRow[] {
  let records: { record: string[]; info: { records: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (error) {
    throw new ImportFormatError(
      `This is not a readable ${options.format} CSV file: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const headerAt = records.findIndex(({ record }) => options.isHeader(record.map(normaliseHeader)));
  const header = records[headerAt];
  if (!header) {
    throw new ImportFormatError(
      `This is not a ${options.format} file: no header row ${options.expected} was found`,
    );
  }
  const columns = new Map<string, number>();
  header.record.forEach((name, index) => {
    const key = normaliseHeader(name);
    if (!columns.has(key)) columns.set(key, index);
  });
  const cell = (record: string[], index: number | undefined) => {
    const value = index === undefined ? '' : (record[index] ?? '').trim();
    return value.toUpperCase() === 'NULL' ? '' : value;
  };
  return records
    .slice(headerAt + 1)
    .filter(({ record }) => record.some((value) => value.trim() !== ''))
    .map(({ record, info }) => ({
      rowNumber: info.records,
      get: (...names) => {
        for (const name of names) {
          const index = columns.get(normaliseHeader(name));
          if (index !== undefined) return cell(record, index);
        }
        return '';
      },
      matching: (pattern) =>
        [...columns]
          .filter(([name]) => pattern.test(name))
          .map(([column, index]) => ({ column, value: cell(record, index) })),
    }));
}
