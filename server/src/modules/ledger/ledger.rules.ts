/**
 * The ledger's rules, pure: what a journal may contain, which accounts may never go below
 * zero, and the invariants `npm run ledger:check` holds every entry to.
 */

export const JOURNAL_REASONS = [
  'ALLOCATION',
  'ALLOWANCE',
  'POOL_CONTRIBUTION',
  'HOLD',
  'RELEASE',
  'CAPTURE',
  'LATE_CANCELLATION_CHARGE',
  'REFUND',
  'CARD_PAYMENT',
  'SETTLEMENT',
  'YEAR_END_RETURN',
  'REVERSAL',
] as const;
export type JournalReason = (typeof JOURNAL_REASONS)[number];

export const JOURNAL_STATES = ['PENDING', 'FAILING', 'POSTED', 'FAILED'] as const;
export type JournalState = (typeof JOURNAL_STATES)[number];

/**
 * A journal's life: PENDING while its postings are applied one by one; POSTED when all are;
 * FAILING when an account would go below zero, while the postings already applied are
 * reversed; FAILED once they are. Nothing leaves POSTED or FAILED: a correction is a new
 * journal that reverses one.
 */
export const JOURNAL_TRANSITIONS: Readonly<Record<JournalState, readonly JournalState[]>> = {
  PENDING: ['POSTED', 'FAILING'],
  FAILING: ['FAILED'],
  POSTED: [],
  FAILED: [],
};

export function canMoveJournal(from: JournalState, to: JournalState): boolean {
  return JOURNAL_TRANSITIONS[from].includes(to);
}

export interface Posting {
  account: string;
  amountPence: number;
}

/**
 * Accounts outside Harbour's books (the council's and the NHS's money before it is allocated,
 * card payments, payouts) may go negative: their balance is what has come in from, or gone
 * out to, the world. Every other account (a fund, a child's allowance from a pool, a booking's
 * hold, what a provider is owed) never goes below zero.
 */
export function mayGoNegative(account: string): boolean {
  return account.startsWith('world:') || account.startsWith('allowance-grant:');
}

export const MAX_POSTING_PENCE = 1_000_000_000; // £10,000,000: anything larger is a mistake.
const ACCOUNT = /^[a-z-]+:[A-Za-z0-9:_-]{1,120}$/;

/** What is wrong with a journal's postings, in words; null when it balances and may be posted. */
export function journalProblem(postings: readonly Posting[]): string | null {
  if (postings.length < 2) return 'A journal needs at least two postings';
  const accounts = new Set<string>();
  let sum = 0;
  for (const { account, amountPence } of postings) {
    if (!ACCOUNT.test(account)) return `"${account}" is not an account name`;
    if (accounts.has(account)) return `${account} appears twice: combine its postings`;
    accounts.add(account);
    if (!Number.isSafeInteger(amountPence) || amountPence === 0) {
      return 'Every posting must be a whole, non-zero number of pence';
    }
    if (Math.abs(amountPence) > MAX_POSTING_PENCE) return 'A posting is larger than £10,000,000';
    sum += amountPence;
  }
  return sum === 0 ? null : `The postings add up to ${sum}p, not zero`;
}

/**
 * The order postings are applied in: those taking money out of accounts that may not go
 * negative first, so that when one finds too little, only such debits need reversing, and a
 * reversal (a credit) can never itself fail.
 */
export function applicationOrder(postings: readonly Posting[]): number[] {
  const guardedDebit = (p: Posting) => p.amountPence < 0 && !mayGoNegative(p.account);
  return postings
    .map((posting, leg) => ({ posting, leg }))
    .sort(
      (a, b) =>
        Number(guardedDebit(b.posting)) - Number(guardedDebit(a.posting)) ||
        a.posting.account.localeCompare(b.posting.account),
    )
    .map(({ leg }) => leg);
}

/** The same postings the other way round: the journal that undoes another. */
export function reversed(postings: readonly Posting[]): Posting[] {
  return postings.map(({ account, amountPence }) => ({ account, amountPence: -amountPence }));
}

export interface EntryForCheck {
  account: string;
  seq: number | null;
  journal: string;
  amountPence: number;
  balancePence: number | null;
}

export interface Breach {
  kind:
    | 'NEGATIVE_BALANCE'
    | 'BROKEN_CHAIN'
    | 'UNBALANCED_JOURNAL'
    | 'MONEY_NOT_CONSERVED'
    | 'UNFINISHED_JOURNAL'
    | 'ENTRY_WITHOUT_JOURNAL';
  detail: string;
}

/**
 * Checks one account's chain of entries (sorted by sequence): numbered 1, 2, 3 … with no gap,
 * each balance the one before plus its amount, and none below zero. Returns the balance.
 */
export function checkChain(
  account: string,
  entries: readonly EntryForCheck[],
  breaches: Breach[],
): number {
  let balance = 0;
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index + 1) {
      breaches.push({
        kind: 'BROKEN_CHAIN',
        detail: `${account}: entry ${index + 1} is numbered ${entry.seq}`,
      });
    }
    balance += entry.amountPence;
    if (entry.balancePence !== balance) {
      breaches.push({
        kind: 'BROKEN_CHAIN',
        detail: `${account}: entry ${entry.seq} records ${entry.balancePence}p, the entries sum to ${balance}p`,
      });
      balance = entry.balancePence ?? balance;
    }
    if (balance < 0) {
      breaches.push({
        kind: 'NEGATIVE_BALANCE',
        detail: `${account}: ${balance}p after entry ${entry.seq}`,
      });
    }
  }
  return balance;
}
