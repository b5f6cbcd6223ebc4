import { parse } from 'csv-parse/sync';
import { FUND_KINDS, parsePounds, SERVICE_TYPES, type FundPosition } from '@harbour/shared';

export interface JournalForPosition {
  state: string;
  postings: readonly { account: string; amountPence: number }[];
}

/**
 * A fund's allocated, held, spent and available amounts, derived from its journals (posted
 * ones only) by what each posting moves between: a fund and the world or another fund is an
 * allocation (or its return); a fund and a booking's hold is a hold or a release; a hold and
 * a provider is a capture; a provider and a fund is a refund. Reversals fall out the same way.
 */
export function fundPosition(
  fundId: string,
  journals: readonly JournalForPosition[],
): FundPosition {
  const fundAccount = `fund:${fundId}`;
  const isHold = (account: string) => account.startsWith('hold:') && account.endsWith(`:${fundId}`);
  const position = { allocatedPence: 0, heldPence: 0, spentPence: 0, availablePence: 0 };
  for (const journal of journals) {
    if (journal.state !== 'POSTED') continue;
    const touchesHold = journal.postings.some((p) => isHold(p.account));
    const touchesProvider = journal.postings.some((p) => p.account.startsWith('owed:'));
    for (const { account, amountPence } of journal.postings) {
      if (account === fundAccount) {
        position.availablePence += amountPence;
        if (touchesHold) continue;
        if (touchesProvider) position.spentPence -= amountPence;
        else position.allocatedPence += amountPence;
      } else if (isHold(account)) {
        position.heldPence += amountPence;
        if (touchesProvider) position.spentPence -= amountPence;
      }
    }
  }
  return position;
}

/** The most a commissioner can allocate to one child's budget at once: £100,000. */
export const MAX_ALLOCATION_PENCE = 10_000_000;

export interface AllocationRow {
  line: number;
  childId: string;
  dateOfBirth: string;
  kind: 'PERSONAL_BUDGET' | 'PERSONAL_HEALTH_BUDGET';
  amountPence: number;
  heldAs: 'COUNCIL_HELD' | 'DIRECT_PAYMENT';
  serviceTypes: string[];
  maxPencePerHour: number | null;
  maxPencePerSession: number | null;
}

export type ParsedRow = { line: number; row: AllocationRow | null; problems: string[] };

export const ALLOCATION_COLUMNS = [
  'child_id',
  'date_of_birth',
  'budget',
  'amount',
  'held_as',
  'service_types',
  'max_per_hour',
  'max_per_session',
] as const;

/** An amount in pounds a commissioner typed, as pence, or the problem with it. */
export function allocationAmount(text: string): { pence: number } | { problem: string } {
  const money = parsePounds(text);
  if (!money) return { problem: `"${text}" is not an amount in pounds, like 1500.00` };
  if (money.amountPence <= 0) return { problem: 'The amount must be more than £0' };
  if (money.amountPence > MAX_ALLOCATION_PENCE) {
    return { problem: 'The amount is more than £100,000: check it, or allocate it in parts' };
  }
  return { pence: money.amountPence };
}

function optionalPounds(text: string, what: string, problems: string[]): number | null {
  if (!text.trim()) return null;
  const money = parsePounds(text);
  if (!money || money.amountPence <= 0) {
    problems.push(`${what} "${text}" is not an amount in pounds`);
    return null;
  }
  return money.amountPence;
}

/**
 * A bulk allocation file, row by row: each row's values, or every problem with it in words.
 * Columns: child_id, date_of_birth (YYYY-MM-DD, checked against the child), budget
 * (PERSONAL_BUDGET or PERSONAL_HEALTH_BUDGET), amount (pounds), held_as (COUNCIL_HELD or
 * DIRECT_PAYMENT), and optionally service_types (separated by ;), max_per_hour, max_per_session.
 */
export function parseAllocationCsv(text: string): { rows: ParsedRow[] } | { problem: string } {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (failure) {
    return { problem: `The file is not a CSV file we can read: ${(failure as Error).message}` };
  }
  if (records.length === 0) return { problem: 'The file has no rows under its header' };
  const header = records[0] ?? {};
  const missing = ALLOCATION_COLUMNS.slice(0, 5).filter((column) => !(column in header));
  if (missing.length) {
    return {
      problem: `The header is missing ${missing.join(', ')}: the columns are ${ALLOCATION_COLUMNS.join(', ')}`,
    };
  }
  const rows = records.map((record, index): ParsedRow => {
    const line = index + 2;
    const problems: string[] = [];
    const value = (column: string) => record[column]?.trim() ?? '';
    const childId = value('child_id');
    if (!/^[0-9a-f]{24}$/.test(childId)) problems.push('child_id is not a Harbour child id');
    const dateOfBirth = value('date_of_birth');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) problems.push('date_of_birth must be YYYY-MM-DD');
    const kind = value('budget');
    if (kind !== 'PERSONAL_BUDGET' && kind !== 'PERSONAL_HEALTH_BUDGET') {
      problems.push('budget must be PERSONAL_BUDGET or PERSONAL_HEALTH_BUDGET');
    }
    const amount = allocationAmount(value('amount'));
    if ('problem' in amount) problems.push(amount.problem);
    const heldAs = value('held_as');
    if (heldAs !== 'COUNCIL_HELD' && heldAs !== 'DIRECT_PAYMENT') {
      problems.push('held_as must be COUNCIL_HELD or DIRECT_PAYMENT');
    }
    const serviceTypes = value('service_types')
      .split(';')
      .map((type) => type.trim())
      .filter(Boolean);
    const unknown = serviceTypes.filter(
      (type) => !(SERVICE_TYPES.codes as readonly string[]).includes(type),
    );
    if (unknown.length) problems.push(`Unknown service types: ${unknown.join(', ')}`);
    const maxPencePerHour = optionalPounds(value('max_per_hour'), 'max_per_hour', problems);
    const maxPencePerSession = optionalPounds(
      value('max_per_session'),
      'max_per_session',
      problems,
    );
    if (problems.length) return { line, row: null, problems };
    return {
      line,
      problems,
      row: {
        line,
        childId,
        dateOfBirth,
        kind: kind as AllocationRow['kind'],
        amountPence: 'pence' in amount ? amount.pence : 0,
        heldAs: heldAs as AllocationRow['heldAs'],
        serviceTypes,
        maxPencePerHour,
        maxPencePerSession,
      },
    };
  });
  return { rows };
}

export const PERSONAL_FUND_KINDS = FUND_KINDS.codes.filter(
  (kind) => kind === 'PERSONAL_BUDGET' || kind === 'PERSONAL_HEALTH_BUDGET',
);
