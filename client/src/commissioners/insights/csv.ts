// A spreadsheet runs a cell that starts with one of these as a formula. Provider and service
// names come from providers, so such a cell is written with an apostrophe first (as OWASP
// advises), unless it is just a number such as "-£12.50".
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?£?[\d,]+(\.\d+)?%?$/;

function field(text: string): string {
  const safe = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 CSV: the headings first, then a line a row, each line ending CRLF. */
export function toCsv(headings: readonly string[], rows: readonly (readonly string[])[]): string {
  return [headings, ...rows].map((line) => `${line.map(field).join(',')}\r\n`).join('');
}
