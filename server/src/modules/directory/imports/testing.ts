import { isRejected, type ImportRow, type ParsedRow } from './import-row';

/** For the parsers' tests: the row at `index`, which must have been imported. */
export function importedRow(rows: readonly ParsedRow[], index = 0): ImportRow {
  const row = rows[index];
  if (!row || isRejected(row))
    throw new Error(`Expected an imported row, got ${JSON.stringify(row)}`);
  return row;
}
